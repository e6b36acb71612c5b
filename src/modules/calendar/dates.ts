/**
 * Calendar days ('YYYY-MM-DD') and Vietnam local time. Vietnam has kept UTC+07:00 without daylight
 * saving since the whole country adopted it on 13/6/1975, so a fixed offset is exact for every
 * date this system computes; it is applied here and at the UI only, instants stay in UTC.
 */

export const VIETNAM_OFFSET_MS = 7 * 3_600_000;
const DAY_MS = 86_400_000;

/** The number the characters `start`…`end - 1` of `s` write, NaN unless they are all digits. */
function digits(s: string, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) {
    const d = s.charCodeAt(i) - 48;
    if (!(d >= 0 && d <= 9)) return NaN;
    n = n * 10 + d;
  }
  return n;
}

/** Days since 1970-01-01 of a 'YYYY-MM-DD' date. */
export function dayNumber(date: string): number {
  // Read from the characters: the calendar walks call this millions of times, and slices allocate.
  return Date.UTC(digits(date, 0, 4), digits(date, 5, 7) - 1, digits(date, 8, 10)) / DAY_MS;
}

// Formatting a day goes through a Date and an ISO string; the deadline walks and the data generator
// format the same few thousand days millions of times, so days of 1970–2079 are formatted once.
const CACHED_DAYS = 40_177;
const dateCache: (string | undefined)[] = new Array(CACHED_DAYS);

export function dateOfDayNumber(n: number): string {
  if (Number.isInteger(n) && n >= 0 && n < CACHED_DAYS) {
    return (dateCache[n] ??= new Date(n * DAY_MS).toISOString().slice(0, 10));
  }
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return dateOfDayNumber(dayNumber(date) + days);
}

/** The last day of the month `YYYY-MM`. */
export function lastDayOfMonth(month: string): string {
  const [y, m] = month.split('-').map(Number);
  const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
  return addDays(next, -1);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: string): number {
  // 1970-01-01 was a Thursday.
  return (((dayNumber(date) + 4) % 7) + 7) % 7;
}

export function isWeekend(date: string): boolean {
  const d = weekday(date);
  return d === 0 || d === 6;
}

/** True for a real calendar date written 'YYYY-MM-DD' (no 2025-02-30). */
export function isValidDate(date: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(date) && dateOfDayNumber(dayNumber(date)) === date;
}

/** The Vietnam calendar day of an instant and the milliseconds since that day's local midnight. */
export function localDayAndTime(instant: Date): { date: string; ms: number } {
  const local = instant.getTime() + VIETNAM_OFFSET_MS;
  const day = Math.floor(local / DAY_MS);
  return { date: dateOfDayNumber(day), ms: local - day * DAY_MS };
}

/** The instant `ms` milliseconds after local midnight of the Vietnam calendar day `date`. */
export function instantAt(date: string, ms: number): Date {
  return new Date(dayNumber(date) * DAY_MS + ms - VIETNAM_OFFSET_MS);
}

const twoDigits = (n: number) => (n < 10 ? `0${n}` : `${n}`);

/**
 * ISO 8601 with the +07:00 offset (api.md), milliseconds only when there are some. Built from numbers
 * rather than `toISOString` (4× slower): every answer with dates formats several, the public lookup three.
 */
export function formatVietnamTime(instant: Date): string {
  const local = instant.getTime() + VIETNAM_OFFSET_MS;
  const day = Math.floor(local / DAY_MS);
  const ms = local - day * DAY_MS;
  const hours = Math.floor(ms / 3_600_000);
  const minutes = Math.floor(ms / 60_000) % 60;
  const seconds = Math.floor(ms / 1000) % 60;
  const millis = ms % 1000;
  const fraction = millis === 0 ? '' : `.${String(millis).padStart(3, '0')}`;
  return `${dateOfDayNumber(day)}T${twoDigits(hours)}:${twoDigits(minutes)}:${twoDigits(seconds)}${fraction}+07:00`;
}

/** 'HH:MM' → minutes since midnight. */
export function minutesOfHm(hm: string): number {
  return Number(hm.slice(0, 2)) * 60 + Number(hm.slice(3, 5));
}

/** Minutes since midnight → 'HH:MM'. */
export function hmOfMinutes(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

const WEEKDAYS_VI = ['Chủ nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'];
const WEEKDAYS_EN = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

export function weekdayName(date: string): { vi: string; en: string } {
  const d = weekday(date);
  return { vi: WEEKDAYS_VI[d], en: WEEKDAYS_EN[d] };
}

/** 'YYYY-MM-DD' → 'DD/MM/YYYY', the way dates are written in Vietnamese documents. */
export function formatDateVi(date: string): string {
  return `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;
}
