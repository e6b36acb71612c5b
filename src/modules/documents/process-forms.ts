import { ROLE_NAMES } from '../identity/roles';
import type { NamedRef } from '../dossiers/detail-store';
import type { apologyForm, controlSheetForm, stopNoticeForm } from '../dossiers/views';
import { clockAndDay, dateWords, shortTime } from './format';
import { field, formDocument, paragraph, type FormFrame } from './layout';
import { applicantLines, requestLine, salutation, signer } from './parts';
import type { Cell, Content, DocDefinition } from './pdf';
import { ruleSetForms } from './rule-sets';

/**
 * The forms of the processing — the apology, the control sheet (Circular 01/2018/TT-VPCP, Mẫu 04
 * and 05; Circular 03/2025/TT-VPCP, Mẫu 04 and 06) and the stop notice (Circular 03/2025, Mẫu 05):
 * pure functions from the forms' data (GET /api/dossiers/{code}/forms/{form}) to documents. One
 * layout per form; where the circulars word it differently, the words come from the rule set.
 */
export type ApologyData = ReturnType<typeof apologyForm>;
export type StopNoticeData = ReturnType<typeof stopNoticeForm>;

/** A hand-over of the control sheet: who gave the dossier, to whom, when, and how timely the step was. */
export type HandOver = {
  actionName: string;
  at: string | null;
  from: { fullName: string; unit: NamedRef | null; agency: NamedRef | null };
  to: { agency: NamedRef; unit: NamedRef; officer: { fullName: string } | null } | null;
  step: { seq: number; name: string } | null;
  timeliness: string | null;
  comment: string | null;
};
export type ControlSheetData = Omit<ReturnType<typeof controlSheetForm>, 'entries'> & { entries: HandOver[] };

/**
 * Mẫu 04, issued by the agency at fault: phiếu xin lỗi và hẹn lại ngày trả kết quả (2018), văn bản
 * xin lỗi và đề nghị gia hạn thời gian giải quyết (2025) — the same letter, offering the new time
 * in its circular's words.
 */
export function apologyDocument(frame: FormFrame, data: ApologyData): DocDefinition {
  const { apologyOffer } = ruleSetForms(frame.ruleSet).wording;
  const you = salutation(data.applicant);
  const agency = data.faultUnit.agency.name;
  const body: Content[] = [
    field('Kính gửi', [`${you} `, { text: data.applicant.fullName, bold: true }]),
    paragraph(`Hồ sơ của ${you} được ${data.agency.name} tiếp nhận ${dateWords(data.receivedAt)}.`),
    requestLine(data.procedure),
    field('Thời hẹn trả kết quả giải quyết hồ sơ', clockAndDay(data.previousDueAt)),
    paragraph(
      `Tuy nhiên đến nay, ${agency} chưa trả kết quả giải quyết hồ sơ của ${you} đúng hạn ghi trên ` +
        'Giấy tiếp nhận hồ sơ và hẹn trả kết quả.',
    ),
    field('Lý do', data.reason),
    field('Đơn vị để xảy ra chậm trễ', `${data.faultUnit.unit.name} - ${agency}`),
    paragraph(`Sự chậm trễ này đã gây phiền hà cho ${you}. ${agency} xin lỗi ${you} và ${apologyOffer}:`),
    { text: clockAndDay(data.newDueAt), bold: true, alignment: 'center', margin: [0, 2, 0, 4] },
    paragraph(`${agency} xin trân trọng cảm ơn sự hợp tác của ${you}./.`),
  ];
  // The head of the agency signs; an apology recorded by the desk leaves the name to be written by hand.
  const head = data.officer.role === ROLE_NAMES.agency_leader.vi ? data.officer.fullName : null;
  return formDocument(frame, body, [null, signer('THỦ TRƯỞNG CƠ QUAN', head, '(Ký, ghi rõ họ tên và đóng dấu)')]);
}

const TIMELINESS: Record<string, string> = { early: 'Trước hạn', on_time: 'Đúng hạn', late: 'Quá hạn' };

/** A party to a hand-over: the officer, the unit, and the agency when it is not the receiving one. */
function party(name: string | null, unit: NamedRef | null, agency: NamedRef | null, home: string): Cell {
  const where = [unit?.name, agency && agency.code !== home ? agency.name : undefined].filter(Boolean).join(' - ');
  return { stack: [...(name ? [{ text: name, bold: true }] : []), { text: where }] };
}

function handOverRow(e: HandOver, i: number, home: string): Cell[] {
  const to = e.to ? party(e.to.officer?.fullName ?? null, e.to.unit, e.to.agency, home) : { text: '' };
  const what = [e.actionName, ...(e.step ? [`Bước ${e.step.seq}: ${e.step.name}`] : [])].join('. ');
  return [
    { text: String(i + 1), alignment: 'center' },
    { stack: [{ text: what }, ...(e.comment ? [{ text: e.comment, italics: true }] : [])] },
    party(e.from.fullName, e.from.unit, e.from.agency, home),
    to,
    { text: e.at ? shortTime(e.at) : '', alignment: 'center' },
    { text: e.timeliness ? (TIMELINESS[e.timeliness] ?? e.timeliness) : '', alignment: 'center' },
  ];
}

const head = (text: string, note?: string): Cell => ({
  bold: true,
  alignment: 'center',
  text: note ? [`${text}\n`, { text: note, bold: false, italics: true, fontSize: 9 }] : text,
});

/** Mẫu 05 (2018) or 06 (2025): phiếu kiểm soát quá trình giải quyết hồ sơ — every hand-over, in order. */
export function controlSheetDocument(frame: FormFrame, data: ControlSheetData): DocDefinition {
  const { movedDueAt } = ruleSetForms(frame.ruleSet).wording;
  const moved = data.dueAt !== data.originalDueAt;
  const body: Content[] = [
    ...applicantLines('Hồ sơ của', data.applicant),
    requestLine(data.procedure),
    field('Cơ quan tiếp nhận hồ sơ', data.agency.name),
    field('Thời gian nhận hồ sơ', clockAndDay(data.receivedAt)),
    field('Thời gian hẹn trả kết quả', clockAndDay(data.originalDueAt)),
    ...(moved ? [field(movedDueAt, clockAndDay(data.dueAt))] : []),
    {
      fontSize: 10.5,
      lineHeight: 1,
      margin: [0, 6, 0, 4],
      table: {
        widths: [18, '*', 90, 90, 50, 56],
        headerRows: 1,
        dontBreakRows: true,
        body: [
          [
            head('TT'),
            head('Nội dung'),
            head('Bên giao'),
            head('Bên nhận'),
            head('Thời gian'),
            head('Kết quả', '(trước hạn/ đúng hạn/ quá hạn)'),
          ],
          ...data.entries.map((e, i) => handOverRow(e, i, data.agency.code)),
        ],
      },
    },
    ...(data.resolvedAt ? [field('Thời gian có kết quả', clockAndDay(data.resolvedAt))] : []),
    ...(data.returnedAt ? [field('Thời gian trả kết quả', clockAndDay(data.returnedAt))] : []),
  ];
  return formDocument(frame, body, null);
}

/**
 * Mẫu 05 of Circular 03/2025/TT-VPCP: thông báo dừng giải quyết hồ sơ — the agency that received the
 * dossier tells the applicant when and why it stopped processing it (withdrawn at their request).
 */
export function stopNoticeDocument(frame: FormFrame, data: StopNoticeData): DocDefinition {
  const you = salutation(data.applicant);
  const body: Content[] = [
    field('Kính gửi', [`${you} `, { text: data.applicant.fullName, bold: true }]),
    ...applicantLines('Hồ sơ của', data.applicant).slice(1),
    requestLine(data.procedure),
    field('Cơ quan tiếp nhận hồ sơ', data.agency.name),
    field('Thời gian tiếp nhận hồ sơ', clockAndDay(data.receivedAt)),
    field('Thời hẹn trả kết quả giải quyết hồ sơ', clockAndDay(data.dueAt)),
    paragraph(
      `Căn cứ quy định tại ${ruleSetForms(frame.ruleSet).decree}, ${data.agency.name} thông báo dừng ` +
        `giải quyết hồ sơ nêu trên kể từ ${clockAndDay(data.stoppedAt)}.`,
    ),
    field('Lý do dừng giải quyết', `${you} đề nghị rút hồ sơ${data.reason ? ` — ${data.reason}` : ''}`),
    paragraph(`Xin thông báo để ${you} được biết./.`),
  ];
  return formDocument(frame, body, [null, signer('THỦ TRƯỞNG CƠ QUAN', null, '(Ký, ghi rõ họ tên và đóng dấu)')]);
}
