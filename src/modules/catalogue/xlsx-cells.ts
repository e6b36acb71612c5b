import type { CellValue } from 'exceljs';
import { foldVietnamese } from '../../shared/text';
import { ROLE_NAMES } from '../identity/roles';
import { STEP_ROLES } from './schema';

/**
 * Cell readers of the XLSX import. A value they do not recognise is passed on as typed, so the
 * import's zod schema reports it with the field (and the import its sheet and row).
 */
export type Plain = string | number | boolean | Date | null;

export function plain(v: CellValue): Plain {
  if (v === null || v === undefined) return null;
  if (typeof v !== 'object' || v instanceof Date) return typeof v === 'string' ? v.trim() || null : v;
  if ('richText' in v)
    return (
      v.richText
        .map((r) => r.text)
        .join('')
        .trim() || null
    );
  if ('hyperlink' in v) return v.text.trim() || null;
  if ('result' in v) return v.result === undefined || typeof v.result === 'object' ? null : v.result;
  return null;
}

export const key = (s: string) =>
  foldVietnamese(s)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

export function text(v: Plain): string | null {
  if (v === null) return null;
  if (v instanceof Date) return isoDate(v);
  return String(v);
}

/** A list in one cell: items separated by new lines or semicolons (and commas when `commas`). */
export function list(v: Plain, commas = false): string[] {
  const s = text(v);
  if (!s) return [];
  return s
    .split(commas ? /[\n;,]+/ : /[\n;]+/)
    .map((x) => x.trim())
    .filter(Boolean);
}

/** A whole number: numbers as they are, digits with thousands separators ("50.000 đồng") read. */
export function integer(v: Plain): Plain {
  if (typeof v !== 'string') return v;
  const digits = v.replace(/(đồng|đ|vnđ|vnd)$/i, '').replace(/[.,\s]/g, '');
  return /^\d+$/.test(digits) ? Number(digits) : v;
}

function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** Excel dates (a Date, a serial number or text dd/mm/yyyy) as YYYY-MM-DD. */
export function date(v: Plain): Plain {
  if (v instanceof Date) return isoDate(v);
  if (typeof v === 'number') return isoDate(new Date(Date.UTC(1899, 11, 30) + v * 86_400_000));
  if (typeof v === 'string') {
    const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(v);
    if (m) return `${m[3]}-${m[2].padStart(2, '0')}-${m[1].padStart(2, '0')}`;
  }
  return v;
}

export function bool(v: Plain, otherwise: boolean): Plain {
  if (v === null) return otherwise;
  if (typeof v === 'boolean') return v;
  const k = key(String(v));
  if (['co', 'x', 'yes', 'true', '1', 'bat buoc'].includes(k)) return true;
  if (['khong', 'no', 'false', '0', 'khong bat buoc'].includes(k)) return false;
  return v;
}

/** A label matched against code → Vietnamese/English names, without diacritics or case. */
export function label(v: Plain, names: Record<string, string[]>): Plain {
  if (typeof v !== 'string') return v;
  const k = key(v);
  for (const [code, aliases] of Object.entries(names)) {
    if (key(code) === k || aliases.some((a) => key(a) === k)) return code;
  }
  return v;
}

export const DURATION_UNIT_NAMES = {
  working_days: ['ngày', 'ngày làm việc', 'working days', 'working day'],
  working_hours: ['giờ', 'giờ làm việc', 'working hours', 'working hour'],
};
export const CHANNEL_NAMES = {
  direct: ['trực tiếp'],
  postal: ['bưu chính', 'qua bưu chính', 'dịch vụ bưu chính'],
  online: ['trực tuyến', 'qua mạng'],
};
export const ONLINE_LEVEL_NAMES = {
  full: ['toàn trình', 'trực tuyến toàn trình'],
  partial: ['một phần', 'trực tuyến một phần'],
  none: ['không'],
};
export const CLOCK_NAMES = { restart: ['tính lại từ đầu', 'tính lại'], resume: ['tính tiếp', 'tạm dừng'] };
export const DECISION_TYPE_NAMES = {
  new: ['mới', 'mới ban hành', 'công bố mới'],
  amended: ['sửa đổi', 'sửa đổi, bổ sung', 'sửa đổi bổ sung'],
  replaced: ['thay thế'],
  abolished: ['bãi bỏ'],
};
export const ROLE_LABELS: Record<string, string[]> = Object.fromEntries(
  STEP_ROLES.map((r) => [r, [ROLE_NAMES[r].vi, ROLE_NAMES[r].en]]),
);

/** "3 ngày làm việc", "4 giờ", "3" (days) → { value, unit }; anything else passes on. */
export function duration(v: Plain): Plain | { value: Plain; unit: Plain } {
  if (v === null) return null;
  if (typeof v === 'number') return { value: v, unit: 'working_days' };
  if (typeof v !== 'string') return v;
  const m = /^(\d+)\s*(.*)$/.exec(v.trim());
  if (!m) return v;
  return { value: Number(m[1]), unit: m[2] ? label(m[2], DURATION_UNIT_NAMES) : 'working_days' };
}
