/**
 * The message that carries an answer to the sender of a complaint or suggestion, pure. It names the
 * complaint by its code and title only; the address it goes to is the only personal data queued.
 */
export type AnswerMessage = { subject: string; email: string; sms: string };

/** Phone messages are paid per segment: the answer is cut to this many characters there. */
const SMS_ANSWER_CHARS = 300;

export function answerMessage(c: { code: string; title: string; agencyName: string; answer: string }): AnswerMessage {
  const short = c.answer.length > SMS_ANSWER_CHARS ? `${c.answer.slice(0, SMS_ANSWER_CHARS - 1)}…` : c.answer;
  return {
    subject: `[Một cửa] Trả lời phản ánh, kiến nghị ${c.code}`,
    email: [
      'Kính gửi Quý ông/bà,',
      '',
      `${c.agencyName} trả lời phản ánh, kiến nghị mã ${c.code} ("${c.title}") như sau:`,
      '',
      c.answer,
      '',
      '---',
      `${c.agencyName} answers your complaint or suggestion ${c.code} ("${c.title}") above.`,
      '',
      'Đây là thư tự động, vui lòng không trả lời. / This is an automatic message; please do not reply.',
    ].join('\n'),
    sms: `${c.agencyName} trả lời phản ánh, kiến nghị ${c.code}: ${short}`,
  };
}
