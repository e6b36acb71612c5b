import { formatDateVi, hmOfMinutes, localDayAndTime } from '../calendar/dates';
import { ruleSetForms } from '../documents/rule-sets';
import type { ApplicantEvent, Digest } from './rules';

/**
 * The texts of every message, pure. Messages name the dossier by its code and procedure only:
 * never the applicant's ID number, and no name, so the outbox holds no more personal data than the
 * address it must send to.
 */

/** '25/02/2026 17:00', Vietnam time, as appointments are written on receipts. */
export function formatVietnamDateTime(instant: Date): string {
  const { date, ms } = localDayAndTime(instant);
  return `${formatDateVi(date)} ${hmOfMinutes(Math.floor(ms / 60_000))}`;
}

const base = (publicBaseUrl: string) => publicBaseUrl.replace(/\/+$/, '');

/** The public lookup page of a dossier (no login, no personal data). */
export function lookupUrl(publicBaseUrl: string, code: string): string {
  return `${base(publicBaseUrl)}/tra-cuu/${encodeURIComponent(code)}`;
}

/** The portal page of a one-time satisfaction rating link (feedback module; only its hash is stored). */
export function ratingUrl(publicBaseUrl: string, token: string): string {
  return `${base(publicBaseUrl)}/danh-gia/${encodeURIComponent(token)}`;
}

/** `ruleSet`: the rule set the dossier was received under, which names the apology (2018 or 2025). */
export type DossierFacts = { code: string; procedureName: string; dueAt: Date | null; ruleSet: string };
export type EventDetails = {
  reason?: string;
  items?: { name: string; reason?: string }[];
  /** The rating link of a returned result (its page, with the one-time token). */
  ratingUrl?: string;
};

/** An applicant message: `vi`/`en` are the sentences; `sms` the short text for a phone. */
export type ApplicantMessage = {
  /** The in-app title; the email subject is the title with a prefix. */
  title: string;
  titleEn: string;
  subject: string;
  vi: string;
  en: string;
  sms: string;
  email: string;
};

/** `list`: lines the email and in-app texts carry after the sentences, the phone message does not. */
type Sentences = { vi: string[]; en: string[]; list?: { vi: string[]; en: string[] } };

function sentences(event: ApplicantEvent, d: DossierFacts, x: EventDetails): Sentences {
  const what = `Hồ sơ ${d.code} (${d.procedureName})`;
  const whatEn = `Dossier ${d.code} (${d.procedureName})`;
  const due = d.dueAt ? formatVietnamDateTime(d.dueAt) : null;
  const why = x.reason?.replace(/[.\s]+$/, '');
  const reason = why ? { vi: [`Lý do: ${why}.`], en: [`Reason: ${why}.`] } : { vi: [], en: [] };
  switch (event) {
    case 'received':
      return {
        vi: [`${what} đã được tiếp nhận.`, ...(due ? [`Ngày hẹn trả kết quả: ${due}.`] : [])],
        en: [`${whatEn} has been received.`, ...(due ? [`Results due: ${due} (Vietnam time).`] : [])],
      };
    case 'supplement_requested': {
      const items = (x.items ?? []).map((i) => `- ${i.name}${i.reason ? `: ${i.reason}` : ''}`);
      return {
        vi: [`${what} cần được bổ sung, hoàn thiện.`, ...reason.vi],
        en: [`${whatEn} must be supplemented.`, ...reason.en],
        list: items.length ? { vi: ['Nội dung cần bổ sung:', ...items], en: ['To supplement:', ...items] } : undefined,
      };
    }
    case 'apology': {
      const { newDueAt } = ruleSetForms(d.ruleSet).wording.apology;
      return {
        vi: [
          `${what} chưa được giải quyết đúng hẹn; cơ quan giải quyết xin lỗi Quý ông/bà.`,
          ...reason.vi,
          ...(due ? [`${newDueAt.vi}: ${due}.`] : []),
        ],
        en: [
          `We apologise: ${whatEn} could not be resolved by its appointment.`,
          ...reason.en,
          ...(due ? [`${newDueAt.en}: ${due} (Vietnam time).`] : []),
        ],
      };
    }
    case 'result_ready':
      return {
        vi: [`${what} đã có kết quả giải quyết. Mời Quý ông/bà nhận kết quả theo hình thức đã đăng ký.`],
        en: [`${whatEn} has a result ready; please collect it the way you chose.`],
      };
    case 'returned': {
      const rate = x.ratingUrl
        ? {
            vi: [`Mời Quý ông/bà đánh giá mức độ hài lòng tại: ${x.ratingUrl}`],
            en: [`Please tell us how satisfied you are: ${x.ratingUrl}`],
          }
        : { vi: [], en: [] };
      return {
        vi: [`${what} đã được trả kết quả.`, ...rate.vi],
        en: [`${whatEn}: the result has been handed over.`, ...rate.en],
      };
    }
    case 'refused':
      return {
        vi: [`${what} không được tiếp nhận.`, ...reason.vi],
        en: [`${whatEn} was not accepted.`, ...reason.en],
      };
  }
}

const SUBJECTS: Record<Exclude<ApplicantEvent, 'apology'>, { vi: string; en: string }> = {
  received: { vi: 'đã được tiếp nhận', en: 'received' },
  supplement_requested: { vi: 'cần bổ sung', en: 'supplement requested' },
  result_ready: { vi: 'đã có kết quả', en: 'result ready' },
  refused: { vi: 'không được tiếp nhận', en: 'not accepted' },
  returned: { vi: 'đã trả kết quả', en: 'result returned' },
};

const FOOTER =
  'Đây là thư tự động từ Hệ thống một cửa điện tử, vui lòng không trả lời. / This is an automatic message; please do not reply.';

/** The message to an applicant about `event` (Vietnamese first, with an English part). */
export function applicantMessage(
  event: ApplicantEvent,
  dossier: DossierFacts,
  details: EventDetails,
  publicBaseUrl: string,
): ApplicantMessage {
  const s = sentences(event, dossier, details);
  const url = lookupUrl(publicBaseUrl, dossier.code);
  const vi = [...s.vi, ...(s.list?.vi ?? [])].join('\n');
  const en = [...s.en, ...(s.list?.en ?? [])].join('\n');
  // The apology's subject is named as the dossier's rule set names it.
  const subject = event === 'apology' ? ruleSetForms(dossier.ruleSet).wording.apology.subject : SUBJECTS[event];
  const title = `Hồ sơ ${dossier.code} ${subject.vi}`;
  return {
    title,
    titleEn: `Dossier ${dossier.code}: ${subject.en}`,
    subject: `[Một cửa] ${title}`,
    vi,
    en,
    // Phone messages are paid per segment: Vietnamese only, without the item list.
    sms: `${s.vi.join(' ')} Tra cứu: ${url}`,
    email: ['Kính gửi Quý ông/bà,', '', vi, `Tra cứu: ${url}`, '', '---', en, `Track it: ${url}`, '', FOOTER].join(
      '\n',
    ),
  };
}

export type DigestMessage = { title: string; titleEn: string; body: string; bodyEn: string; email: string };

/** The reminder of one recipient for the day `today`; `now` tells which dossiers are overdue. */
export function digestMessage(digest: Digest, today: string, now: Date, publicBaseUrl: string): DigestMessage {
  const n = digest.dossiers.length;
  // Leaders follow several units: their lines name the unit holding each dossier.
  const lines = (due: string, late: string) =>
    digest.dossiers
      .map((d) => {
        const overdue = d.dueAt.getTime() < now.getTime() ? ` (${late})` : '';
        const unit = digest.kind === 'overdue' && d.unitName ? ` — ${d.unitName}` : '';
        return `- ${d.code} — ${d.procedureName} — ${due} ${formatVietnamDateTime(d.dueAt)}${overdue}${unit}`;
      })
      .join('\n');
  const title =
    digest.kind === 'due_soon'
      ? `Nhắc việc: ${n} hồ sơ sắp đến hạn hoặc đã quá hạn`
      : `Cảnh báo: ${n} hồ sơ quá hạn của đơn vị`;
  const titleEn =
    digest.kind === 'due_soon'
      ? `Reminder: ${n} dossier(s) due soon or overdue`
      : `Alert: ${n} overdue dossier(s) in your unit`;
  const body = lines('hạn', 'đã quá hạn');
  const bodyEn = lines('due', 'overdue');
  const link = `${base(publicBaseUrl)}/staff`;
  return {
    title,
    titleEn,
    body,
    bodyEn,
    email: [
      `${title} (ngày ${formatDateVi(today)})`,
      '',
      body,
      '',
      `Xem và xử lý: ${link}`,
      '',
      '---',
      titleEn,
      bodyEn,
      '',
      FOOTER,
    ].join('\n'),
  };
}
