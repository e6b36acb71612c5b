import type ExcelJS from 'exceljs';
import { formatDateVi } from '../calendar/dates';
import type { Summary } from './rules';
import type { GroupBy } from './schema';
import type { SummaryTable } from './service';
import type { SummaryRow } from './views';

/**
 * The official periodic form, Biểu số II.06a/VPCP/KSTT (tình hình, kết quả giải quyết thủ tục hành
 * chính): 13 columns under two header rows, one row per field (or per group), a totals row.
 */
export const FORM_NAME = 'Biểu số II.06a/VPCP/KSTT';
export const SHEET_NAME = 'Biểu II.06a';
export const TITLE = 'TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH';
export const TOTAL_LABEL = 'Tổng cộng';

export const GROUP_LABELS: Record<GroupBy, string> = {
  field: 'Lĩnh vực giải quyết',
  agency: 'Cơ quan',
  unit: 'Đơn vị xử lý',
  procedure: 'Thủ tục hành chính',
  officer: 'Cán bộ xử lý',
  channel: 'Kênh tiếp nhận',
};

/** The spanning headers (first header row) over columns 3–13, and the leaf headers under them. */
export const HEADER_GROUPS = [
  {
    title: 'Số hồ sơ nhận giải quyết',
    columns: ['Tổng số', 'Trực tuyến', 'Trực tiếp, dịch vụ bưu chính', 'Từ kỳ trước chuyển qua'],
  },
  { title: 'Số hồ sơ đã giải quyết', columns: ['Tổng số', 'Trả trước hạn', 'Trả đúng thời hạn', 'Trả quá hạn'] },
  { title: 'Số hồ sơ đang giải quyết', columns: ['Tổng số', 'Chưa đến hạn', 'Quá hạn'] },
] as const;

/** The 11 numbers of a form row, in the order of the columns 3–13. */
export function formNumbers(s: Summary): number[] {
  return [
    s.received.total,
    s.received.online,
    s.received.direct + s.received.postal,
    s.received.carriedOver,
    s.resolved.total,
    s.resolved.early,
    s.resolved.onTime,
    s.resolved.late,
    s.inProgress.total,
    s.inProgress.withinDeadline,
    s.inProgress.overdue,
  ];
}

const rowName = (r: SummaryRow) => (r.group.agency ? `${r.group.name} (${r.group.agency})` : r.group.name);

/** The body of the form: STT, the group's name and its numbers; then the totals row. */
export function formBody(t: SummaryTable): (string | number)[][] {
  return [...t.rows.map((r, i) => [i + 1, rowName(r), ...formNumbers(r)]), ['', TOTAL_LABEL, ...formNumbers(t.total)]];
}

export const periodText = (t: SummaryTable) =>
  `Kỳ báo cáo: từ ngày ${formatDateVi(t.period.from)} đến ngày ${formatDateVi(t.period.to)}`;
export const agencyText = (t: SummaryTable) => `Cơ quan báo cáo: ${t.agencies.map((a) => a.name).join('; ')}`;

const thin = { style: 'thin' } as const;
const BORDER = { top: thin, left: thin, bottom: thin, right: thin };

function header(ws: ExcelJS.Worksheet, first: number, groupBy: GroupBy) {
  const top = ws.getRow(first);
  const leaf = ws.getRow(first + 1);
  top.getCell(1).value = 'STT';
  top.getCell(2).value = GROUP_LABELS[groupBy];
  ws.mergeCells(first, 1, first + 1, 1);
  ws.mergeCells(first, 2, first + 1, 2);
  let column = 3;
  for (const g of HEADER_GROUPS) {
    top.getCell(column).value = g.title;
    ws.mergeCells(first, column, first, column + g.columns.length - 1);
    g.columns.forEach((c, i) => (leaf.getCell(column + i).value = c));
    column += g.columns.length;
  }
  const numbers = ws.getRow(first + 2);
  for (let c = 1; c <= 13; c++) numbers.getCell(c).value = `(${c})`;
  for (const row of [top, leaf, numbers]) {
    row.eachCell({ includeEmpty: true }, (cell) => {
      cell.font = { bold: row !== numbers, italic: row === numbers };
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      cell.border = BORDER;
    });
  }
}

/** The form as an XLSX workbook. */
export async function summaryXlsx(t: SummaryTable): Promise<Buffer> {
  const groupBy = t.groupBy ?? 'field';
  // exceljs (~20 MB of the server's memory) is loaded on the first export, not at start.
  const { Workbook } = (await import('exceljs')).default;
  const wb = new Workbook();
  const ws = wb.addWorksheet(SHEET_NAME, { pageSetup: { orientation: 'landscape', paperSize: 9, fitToWidth: 1 } });
  ws.columns = [{ width: 6 }, { width: 40 }, ...Array.from({ length: 11 }, () => ({ width: 12 }))];
  ws.getCell('A1').value = FORM_NAME;
  ws.getCell('A1').font = { italic: true };
  const lines = [TITLE, periodText(t), agencyText(t)];
  lines.forEach((text, i) => {
    const row = i + 2;
    ws.mergeCells(row, 1, row, 13);
    const cell = ws.getCell(row, 1);
    cell.value = text;
    cell.font = { bold: i === 0, size: i === 0 ? 14 : 11 };
    cell.alignment = { horizontal: 'center', wrapText: true };
  });
  header(ws, 6, groupBy);
  formBody(t).forEach((values, i) => {
    const row = ws.getRow(9 + i);
    row.values = values;
    const isTotal = i === t.rows.length;
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      cell.border = BORDER;
      cell.font = { bold: isTotal };
      if (column !== 2) cell.alignment = { horizontal: 'center' };
    });
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const csvCell = (v: string | number) => {
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** The form as CSV: UTF-8 with a byte order mark (so spreadsheet programs read Vietnamese), CRLF. */
export function summaryCsv(t: SummaryTable): string {
  const heads = [
    'STT',
    GROUP_LABELS[t.groupBy ?? 'field'],
    ...HEADER_GROUPS.flatMap((g) => g.columns.map((c) => `${g.title}: ${c}`)),
  ];
  const lines = [heads, ...formBody(t)].map((cells) => cells.map(csvCell).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
