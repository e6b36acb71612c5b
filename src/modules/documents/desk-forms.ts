import type { SupplementItem } from '../dossiers/rules';
import type { receiptForm, refusalForm, supplementForm } from '../dossiers/views';
import { clockAndDay, dong, twoDigits } from './format';
import { field, formDocument, paragraph, type FormFrame } from './layout';
import { applicantLines, deskName, requestLine, salutation, signer } from './parts';
import type { Cell, Content, DocDefinition, TextNode } from './pdf';
import { ruleSetForms } from './rule-sets';

/**
 * Mẫu 01–03, the forms the one-stop desk hands over at the counter (Circular 01/2018/TT-VPCP):
 * pure functions from the forms' data (GET /api/dossiers/{code}/forms/{form}) to documents.
 */
export type ReceiptData = ReturnType<typeof receiptForm>;
export type SupplementData = Omit<ReturnType<typeof supplementForm>, 'items'> & { items: SupplementItem[] };
export type RefusalData = ReturnType<typeof refusalForm>;

const CHANNEL_NAMES: Record<string, string> = {
  direct: 'Trực tiếp tại Bộ phận Một cửa',
  postal: 'Qua dịch vụ bưu chính công ích',
  online: 'Trực tuyến qua Cổng dịch vụ công',
};

const head = (text: string): Cell => ({ text, bold: true, alignment: 'center' });
const count = (n: number): Cell => ({ text: n > 0 ? twoDigits(n) : '-', alignment: 'center' });

function componentsTable(components: ReceiptData['components']): Content {
  const rows: Cell[][] = components.length
    ? components.map((c, i) => [
        { text: String(i + 1), alignment: 'center' },
        { text: c.name },
        count(c.originals),
        count(c.copies),
      ])
    : [[{ text: 'Không có giấy tờ kèm theo', italics: true, colSpan: 4 }, { text: '' }, { text: '' }, { text: '' }]];
  return {
    fontSize: 12,
    margin: [0, 2, 0, 4],
    table: {
      widths: [26, '*', 58, 58],
      headerRows: 1,
      dontBreakRows: true,
      body: [[head('TT'), head('Tên giấy tờ'), head('Bản chính'), head('Bản sao')], ...rows],
    },
  };
}

function feeLines(data: ReceiptData): Content[] {
  if (data.fees.length === 0) return [field('3. Phí, lệ phí', 'Không thu phí, lệ phí')];
  return [
    field('3. Phí, lệ phí', `${dong(data.feeTotal)}, gồm:`),
    ...data.fees.map((f): TextNode => ({
      text: `- ${f.name}: ${dong(f.amount)}${f.note ? ` (${f.note})` : ''}`,
      margin: [14, 0, 0, 0],
    })),
  ];
}

/** Mẫu 01: giấy tiếp nhận hồ sơ và hẹn trả kết quả. */
export function receiptDocument(frame: FormFrame, data: ReceiptData): DocDefinition {
  const body: Content[] = [
    field('Bộ phận tiếp nhận và trả kết quả', deskName(data.receivingOfficer, data.agency)),
    ...applicantLines('Tiếp nhận hồ sơ của', data.applicant),
    requestLine(data.procedure),
    field('Hình thức nộp hồ sơ', CHANNEL_NAMES[data.channel] ?? data.channel),
    field('1. Thành phần hồ sơ nộp gồm', ''),
    componentsTable(data.components),
    field('2. Số lượng hồ sơ', '01 (bộ)'),
    ...feeLines(data),
    field('4. Thời gian nhận hồ sơ', clockAndDay(data.acceptedAt)),
    field('5. Thời gian trả kết quả giải quyết hồ sơ', [{ text: clockAndDay(data.dueAt), bold: true }]),
  ];
  return formDocument(frame, body, [
    signer('NGƯỜI NỘP HỒ SƠ', data.applicant.fullName),
    signer('NGƯỜI TIẾP NHẬN HỒ SƠ', data.receivingOfficer.fullName),
  ]);
}

/** Mẫu 02: phiếu yêu cầu bổ sung, hoàn thiện hồ sơ — every item at once, each with its reason. */
export function supplementDocument(frame: FormFrame, data: SupplementData): DocDefinition {
  const body: Content[] = [
    ...applicantLines('Hồ sơ của', data.applicant),
    requestLine(data.procedure),
    paragraph(`Yêu cầu ${salutation(data.applicant)} hoàn thiện hồ sơ gồm những nội dung sau:`),
    ...data.items.map((item, i): TextNode => ({
      text: [`${i + 1}. `, { text: item.name, bold: true }, `: ${item.reason}`],
      margin: [14, 1, 0, 1],
    })),
    ...(data.comment ? [field('Ghi chú', data.comment)] : []),
    paragraph(
      `Trong quá trình hoàn thiện hồ sơ, nếu có vướng mắc, ${salutation(data.applicant)} liên hệ với ` +
        `${data.officer.fullName}, ${deskName(data.officer, data.agency)} để được hướng dẫn.`,
    ),
  ];
  return formDocument(frame, body, [null, signer('NGƯỜI HƯỚNG DẪN', data.officer.fullName)]);
}

/** Mẫu 03: phiếu từ chối tiếp nhận giải quyết hồ sơ, with the reason and the decree it rests on. */
export function refusalDocument(frame: FormFrame, data: RefusalData): DocDefinition {
  const desk = deskName(data.officer, data.agency);
  const body: Content[] = [
    field('Bộ phận tiếp nhận và trả kết quả', desk),
    ...applicantLines('Tiếp nhận hồ sơ của', data.applicant),
    requestLine(data.procedure),
    paragraph(
      `Căn cứ quy định tại ${ruleSetForms(frame.ruleSet).decree} và quy định của thủ tục hành chính, ` +
        `${desk} thông báo không tiếp nhận, giải quyết hồ sơ này với lý do cụ thể như sau:`,
    ),
    { text: data.reason ?? '…', bold: true, margin: [14, 2, 0, 4] },
    paragraph(`Xin thông báo để ${salutation(data.applicant)} được biết và thực hiện./.`),
  ];
  return formDocument(frame, body, [null, signer('NGƯỜI TIẾP NHẬN HỒ SƠ', data.officer.fullName)]);
}
