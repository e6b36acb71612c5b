import type ExcelJS from 'exceljs';
import { AppError } from '../../shared/errors';
import {
  bool,
  CHANNEL_NAMES,
  CLOCK_NAMES,
  date,
  DECISION_TYPE_NAMES,
  duration,
  integer,
  key,
  label,
  list,
  ONLINE_LEVEL_NAMES,
  plain,
  ROLE_LABELS,
  text,
  type Plain,
} from './xlsx-cells';

/** The workbook layout of docs/catalogue-format.md: sheet names and their headers (row 1). */
export const SHEETS = {
  fields: 'Lĩnh vực',
  procedures: 'Thủ tục',
  components: 'Thành phần hồ sơ',
  fees: 'Phí lệ phí',
  process: 'Quy trình',
} as const;

export const COLUMNS = {
  fields: { code: 'Mã lĩnh vực', name: 'Tên lĩnh vực', nameEn: 'Tên tiếng Anh' },
  procedures: {
    code: 'Mã thủ tục',
    name: 'Tên thủ tục',
    field: 'Mã lĩnh vực',
    level: 'Cấp thực hiện',
    agencies: 'Cơ quan thực hiện',
    resultAgency: 'Cơ quan ban hành kết quả',
    resultType: 'Kết quả thực hiện',
    deadline: 'Thời hạn giải quyết',
    reducedDeadline: 'Thời hạn rút ngắn',
    requirements: 'Yêu cầu, điều kiện',
    legalBasis: 'Căn cứ pháp lý',
    channels: 'Cách thức thực hiện',
    onlineLevel: 'Mức độ trực tuyến',
    clockOnResume: 'Khi bổ sung hồ sơ',
    decisionNumber: 'Số quyết định',
    decisionDate: 'Ngày quyết định',
    decisionType: 'Loại quyết định',
    effectiveFrom: 'Ngày có hiệu lực',
  },
  components: {
    code: 'Mã thủ tục',
    name: 'Tên thành phần hồ sơ',
    originals: 'Số bản chính',
    copies: 'Số bản sao',
    required: 'Bắt buộc',
    template: 'Mẫu đơn, tờ khai',
  },
  fees: { code: 'Mã thủ tục', name: 'Tên phí, lệ phí', amount: 'Mức thu (đồng)', note: 'Ghi chú' },
  process: {
    code: 'Mã thủ tục',
    name: 'Tên bước',
    unit: 'Đơn vị',
    role: 'Vai trò',
    agency: 'Cơ quan liên thông',
    duration: 'Thời gian',
  },
} as const;

type Sheet = keyof typeof COLUMNS;
type Row<S extends Sheet> = { row: number; v: Record<keyof (typeof COLUMNS)[S], Plain> };

/** Where each procedure entry came from: its row, and the rows of its components, fees and steps. */
export type EntryRows = { row: number; components: number[]; fees: number[]; process: number[] };
export type SheetProblem = { sheet: string; row: number; code: string | null };
export type Workbook = {
  document: { fields: unknown[]; procedures: unknown[] };
  fieldRows: number[];
  entryRows: EntryRows[];
  /** Rows of the child sheets whose procedure code is not in the "Thủ tục" sheet. */
  orphans: SheetProblem[];
};

const xlsxInvalid = (vi: string, en: string, field?: string) => new AppError('XLSX_INVALID', 400, vi, en, field);

function readSheet<S extends Sheet>(wb: ExcelJS.Workbook, sheet: S, required: boolean): Row<S>[] {
  const ws = wb.worksheets.find((w) => key(w.name) === key(SHEETS[sheet]));
  if (!ws) {
    if (!required) return [];
    throw xlsxInvalid(`Thiếu sheet "${SHEETS[sheet]}"`, `The workbook has no sheet "${SHEETS[sheet]}"`, 'sheet');
  }
  const headers = new Map<string, number>();
  ws.getRow(1).eachCell((cell, col) => headers.set(key(text(plain(cell.value)) ?? ''), col));
  const columns = Object.entries(COLUMNS[sheet]) as [keyof (typeof COLUMNS)[S], string][];
  const codeHeader = COLUMNS[sheet].code;
  if (!headers.has(key(codeHeader))) {
    throw xlsxInvalid(
      `Sheet "${SHEETS[sheet]}" thiếu cột "${codeHeader}"`,
      `Sheet "${SHEETS[sheet]}" has no column "${codeHeader}"`,
      'sheet',
    );
  }
  const rows: Row<S>[] = [];
  ws.eachRow((r, row) => {
    if (row === 1) return;
    const v = Object.fromEntries(
      columns.map(([k, header]) => {
        const col = headers.get(key(header));
        return [k, col ? plain(r.getCell(col).value) : null];
      }),
    ) as Row<S>['v'];
    if (Object.values(v).some((x) => x !== null)) rows.push({ row, v });
  });
  return rows;
}

/** Keeps only the keys whose value is present, so that the schema's defaults apply to empty cells. */
const present = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).filter(([, x]) => x !== null));

function procedureEntry(v: Row<'procedures'>['v'], levelNames: Record<string, string[]>) {
  const agencies = list(v.agencies, true);
  return {
    ...present({
      code: text(v.code),
      name: text(v.name),
      field: text(v.field),
      level: label(v.level, levelNames),
      agencies: agencies.length ? agencies : null,
      resultAgency: text(v.resultAgency),
      resultType: text(v.resultType),
      deadline: duration(v.deadline),
      reducedDeadline: duration(v.reducedDeadline),
      requirements: text(v.requirements),
      legalBasis: list(v.legalBasis),
      channels: list(v.channels, true).map((c) => label(c, CHANNEL_NAMES)),
      onlineLevel: label(v.onlineLevel, ONLINE_LEVEL_NAMES),
      clockOnResume: label(v.clockOnResume, CLOCK_NAMES),
    }),
    decision: present({
      number: text(v.decisionNumber),
      date: date(v.decisionDate),
      type: label(v.decisionType, DECISION_TYPE_NAMES),
      effectiveFrom: date(v.effectiveFrom),
    }),
  };
}

/**
 * Reads the workbook into the JSON import shape. `levels` lets the level column hold a level's
 * name ("Cấp xã") as well as its code.
 */
export async function readCatalogueWorkbook(
  buffer: Buffer,
  levels: { code: string; name: string }[],
): Promise<Workbook> {
  // exceljs (~20 MB of the server's memory) is loaded on the first import, not at start.
  const wb = new (await import('exceljs')).default.Workbook();
  try {
    await wb.xlsx.load(new Uint8Array(buffer).buffer);
  } catch {
    throw xlsxInvalid('Tệp không phải là bảng tính XLSX hợp lệ', 'The file is not a valid XLSX workbook', 'file');
  }
  const levelNames = Object.fromEntries(levels.map((l) => [l.code, [l.name]]));
  const fieldRows = readSheet(wb, 'fields', false);
  const procRows = readSheet(wb, 'procedures', true);
  const children = {
    components: readSheet(wb, 'components', false),
    fees: readSheet(wb, 'fees', false),
    process: readSheet(wb, 'process', false),
  };
  const entries = procRows.map((r) => ({
    ...procedureEntry(r.v, levelNames),
    components: [] as unknown[],
    fees: [] as unknown[],
    process: [] as unknown[],
  }));
  const entryRows: EntryRows[] = procRows.map((r) => ({ row: r.row, components: [], fees: [], process: [] }));
  const orphans: SheetProblem[] = [];
  const attach = (sheet: keyof typeof children, code: string | null, row: number, value: unknown) => {
    const targets = procRows.flatMap((p, i) => (code !== null && text(p.v.code) === code ? [i] : []));
    if (targets.length === 0) orphans.push({ sheet: SHEETS[sheet], row, code });
    for (const i of targets) {
      entries[i][sheet].push(value);
      entryRows[i][sheet].push(row);
    }
  };
  for (const { row, v } of children.components) {
    const value = present({
      name: text(v.name),
      originals: integer(v.originals),
      copies: integer(v.copies),
      required: bool(v.required, true),
      template: text(v.template),
    });
    attach('components', text(v.code), row, value);
  }
  for (const { row, v } of children.fees) {
    attach('fees', text(v.code), row, present({ name: text(v.name), amount: integer(v.amount), note: text(v.note) }));
  }
  for (const { row, v } of children.process) {
    const value = present({
      name: text(v.name),
      unit: text(v.unit),
      role: label(v.role, ROLE_LABELS),
      agency: text(v.agency),
      duration: duration(v.duration),
    });
    attach('process', text(v.code), row, value);
  }
  return {
    document: {
      fields: fieldRows.map(({ v }) => present({ code: text(v.code), name: text(v.name), nameEn: text(v.nameEn) })),
      procedures: entries,
    },
    fieldRows: fieldRows.map((r) => r.row),
    entryRows,
    orphans,
  };
}
