import { formatVietnamTime } from '../calendar/dates';
import { shortTime } from '../documents/format';
import { ruleSetForms } from '../documents/rule-sets';
import type { BookDossier, BookEvent } from './tracking-book-store';

/**
 * The desk's dossier tracking book (sổ theo dõi hồ sơ): Mẫu số 06 of Circular 01/2018/TT-VPCP, Mẫu
 * số 07 of Circular 03/2025/TT-VPCP (Phụ lục I). One row per dossier the agency received in the period,
 * in order of receipt. The columns follow the official book; "Chuyển hồ sơ đến cơ quan giải quyết" is
 * read from the history (the first hand-over after receipt), "Nhận kết quả" is the result-ready time.
 * The columns are those of the 2018 book, used for both rule sets: they have not been checked
 * against the text of Circular 03/2025's Mẫu 07 (docs/workflow.md, the tracking book).
 */
export const BOOK_FORM_NUMBER: Record<string, string> = { nd61_2018: '06', nd118_2025: '07' };
export const BOOK_TITLE = 'SỔ THEO DÕI HỒ SƠ';
export const NATIONAL_HEADER = ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc'] as const;

export const BOOK_COLUMNS = [
  'STT',
  'Mã hồ sơ',
  'Tên thủ tục hành chính',
  'Số lượng hồ sơ (bộ)',
  'Tên cá nhân, tổ chức',
  'Địa chỉ, số điện thoại',
  'Cơ quan chủ trì giải quyết',
  'Nhận hồ sơ (ngày, giờ)',
  'Hẹn trả kết quả (ngày, giờ)',
  'Chuyển hồ sơ đến cơ quan giải quyết (ngày, giờ)',
  'Nhận kết quả từ cơ quan giải quyết (ngày, giờ)',
  'Trả kết quả cho cá nhân, tổ chức (ngày, giờ)',
  'Ghi chú',
] as const;

/** "Mẫu số 06 — Ban hành kèm theo Thông tư số 01/2018/TT-VPCP". */
export function bookFormLine(ruleSet: string): string {
  return `Mẫu số ${BOOK_FORM_NUMBER[ruleSet]} — Ban hành kèm theo ${ruleSetForms(ruleSet).basis}`;
}

/** The sheet of a rule set, named by its form: "Mẫu 06 (TT 01-2018)" (no slashes in sheet names). */
export function bookSheetName(ruleSet: string): string {
  return ruleSet === 'nd61_2018' ? 'Mẫu 06 (TT 01-2018)' : 'Mẫu 07 (TT 03-2025)';
}

const time = (at: Date | null) => (at ? shortTime(formatVietnamTime(at)) : '');

/** What the notes column says: the turns a dossier took that the book's times do not show. */
export function bookNotes(d: BookDossier, events: readonly BookEvent[]): string {
  const notes: string[] = [];
  if (events.some((e) => e.action === 'request_supplement' || e.action === 'pause')) {
    notes.push('Yêu cầu bổ sung hồ sơ');
  }
  const apology = events.filter((e) => e.action === 'apologize');
  if (apology.length > 0) {
    const { action } = ruleSetForms(d.rule_set).wording.apology;
    notes.push(`${action.vi}: ${time(d.due_at)} (hẹn ban đầu ${time(d.original_due_at)})`);
  }
  if (d.status === 'refused') notes.push('Từ chối tiếp nhận');
  if (d.status === 'withdrawn') notes.push('Rút hồ sơ theo đề nghị của cá nhân, tổ chức');
  if (d.outcome === 'rejected') notes.push('Từ chối giải quyết');
  return notes.join('; ');
}

/** One row of the book, its 13 cells in the order of `BOOK_COLUMNS`. */
export function bookRow(
  n: number,
  d: BookDossier,
  events: readonly BookEvent[],
  agencyName: string,
): (string | number)[] {
  const contact = [d.applicant_address, d.applicant_phone].filter((x) => x).join('; ');
  const handOver = events.find((e) => e.action === 'forward');
  return [
    n,
    d.code,
    d.procedure_name,
    1,
    d.applicant_name,
    contact,
    agencyName,
    time(d.received_at),
    time(d.original_due_at ?? d.due_at),
    time(handOver?.at ?? null),
    time(d.resolved_at),
    time(d.returned_at),
    bookNotes(d, events),
  ];
}
