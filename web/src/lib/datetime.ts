/**
 * Dates and times as Vietnamese readers expect them (dd/mm/yyyy, 24-hour HH:mm), always in
 * Asia/Ho_Chi_Minh whatever the browser's zone: an appointment is a time at the desk.
 */
export const TIME_ZONE = 'Asia/Ho_Chi_Minh';
/** Vietnam has kept UTC+7 without daylight saving since 1975. */
export const VN_OFFSET = '+07:00';

const partsFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  weekday: 'short',
});

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

export type VnParts = { year: number; month: number; day: number; hour: number; minute: number; weekday: number };

/** The wall-clock parts of an instant in Vietnam; weekday 0 = Sunday. */
export function vnParts(instant: Date | string): VnParts {
  const parts = partsFormat.formatToParts(typeof instant === 'string' ? new Date(instant) : instant);
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return {
    year: Number(get('year')),
    month: Number(get('month')),
    day: Number(get('day')),
    hour: Number(get('hour')),
    minute: Number(get('minute')),
    weekday: WEEKDAYS.indexOf(get('weekday')),
  };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** `YYYY-MM-DD` (a plain date from the API) or an instant → `dd/mm/yyyy`. */
export function formatDate(value: string | Date): string {
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const [y, m, d] = value.split('-');
    return `${d}/${m}/${y}`;
  }
  const p = vnParts(value);
  return `${pad(p.day)}/${pad(p.month)}/${p.year}`;
}

/** An instant → `HH:mm` in Vietnam. */
export function formatTime(value: string | Date): string {
  const p = vnParts(value);
  return `${pad(p.hour)}:${pad(p.minute)}`;
}

/** An instant → `HH:mm dd/mm/yyyy`, the order used on receipts. */
export function formatDateTime(value: string | Date): string {
  return `${formatTime(value)} ${formatDate(value)}`;
}

/** `YYYY-MM-DD` of today in Vietnam. */
export function todayIso(now = new Date()): string {
  const p = vnParts(now);
  return isoDate(p.year, p.month, p.day);
}

export function isoDate(year: number, month: number, day: number): string {
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** Parses `dd/mm/yyyy` into `YYYY-MM-DD`, or null when it is not a real date. */
export function parseDate(text: string): string | null {
  const m = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s*$/.exec(text);
  if (!m) return null;
  const [day, month, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) return null;
  return isoDate(year, month, day);
}

/** Parses `HH:mm` (24-hour) into `HH:mm`, or null. */
export function parseTime(text: string): string | null {
  const m = /^\s*(\d{1,2}):(\d{2})\s*$/.exec(text);
  if (!m || Number(m[1]) > 23 || Number(m[2]) > 59) return null;
  return `${pad(Number(m[1]))}:${m[2]}`;
}

/** A Vietnam wall-clock date and time → ISO 8601 with the +07:00 offset, as the API takes it. */
export function vnInstant(isoDay: string, time: string): string {
  return `${isoDay}T${time}:00${VN_OFFSET}`;
}

/** Day of the week of a plain date, 0 = Sunday (computed in UTC so the browser's zone plays no part). */
export function weekdayOf(isoDay: string): number {
  const [y, m, d] = isoDay.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}
