import { addDays, instantAt, localDayAndTime } from './dates';
import { isWorkingDay, nextWorkingDay, type WorkCalendar } from './work-calendar';

/**
 * Deadlines of the whole system (domain.md, "Deadlines and the working-day calendar"). Pure: the
 * caller passes the calendar it loaded. Instants are UTC `Date`s; days are Vietnam calendar days.
 */
export type DeadlineUnit = 'working_days' | 'working_hours';

const MINUTE_MS = 60_000;

function requireCount(value: number, what: string): void {
  if (!Number.isFinite(value) || value < 0) throw new RangeError(`${what} must be a finite number ≥ 0, got ${value}`);
}

export const officeOpens = (cal: WorkCalendar) => cal.officeHours[0].start * MINUTE_MS;
export const officeCloses = (cal: WorkCalendar) => cal.officeHours[cal.officeHours.length - 1].end * MINUTE_MS;

export type CountedReceipt = {
  /** The Vietnam calendar day the dossier was received. */
  date: string;
  /** The day it counts as received: `date`, or the next working day. */
  countedDate: string;
  moved: null | 'non_working_day' | 'after_cutoff';
};

/**
 * A dossier received on a non-working day, or after the agency's cut-off hour, counts as received
 * on the next working day. Exactly at the cut-off is still in time ("sau 15 giờ" means later).
 */
export function countedReceipt(cal: WorkCalendar, receivedAt: Date): CountedReceipt {
  const { date, ms } = localDayAndTime(receivedAt);
  if (!isWorkingDay(cal, date)) return { date, countedDate: nextWorkingDay(cal, date), moved: 'non_working_day' };
  if (ms > cal.cutoffMinute * MINUTE_MS) return { date, countedDate: nextWorkingDay(cal, date), moved: 'after_cutoff' };
  return { date, countedDate: date, moved: null };
}

/**
 * The appointment for a deadline of `days` working days: the receipt day does not count, the
 * result is due at the close of office hours on the `days`-th working day after the counted
 * receipt day (0 days: the close of the counted receipt day).
 */
export function addWorkingDays(cal: WorkCalendar, receivedAt: Date, days: number): Date {
  if (!Number.isInteger(days) || days < 0) throw new RangeError(`days must be an integer ≥ 0, got ${days}`);
  let d = countedReceipt(cal, receivedAt).countedDate;
  for (let n = 0; n < days; n++) d = nextWorkingDay(cal, d);
  return instantAt(d, officeCloses(cal));
}

/**
 * Adds office time: from `from` (or the next opening when it is outside office hours), `minutes`
 * of office periods on working days. The cut-off does not apply: this also resumes a paused clock.
 * Ending exactly at a period's close gives that close (11:30, not 13:30). 0 minutes gives `from`.
 */
export function addWorkingMinutes(cal: WorkCalendar, from: Date, minutes: number): Date {
  requireCount(minutes, 'minutes');
  let remaining = Math.round(minutes * MINUTE_MS);
  if (remaining === 0) return new Date(from.getTime());
  let { date, ms } = localDayAndTime(from);
  for (;;) {
    if (isWorkingDay(cal, date)) {
      for (const p of cal.officeHours) {
        const start = Math.max(ms, p.start * MINUTE_MS);
        const end = p.end * MINUTE_MS;
        if (start >= end) continue;
        if (remaining <= end - start) return instantAt(date, start + remaining);
        remaining -= end - start;
      }
    }
    date = addDays(date, 1);
    ms = 0;
  }
}

export function addWorkingHours(cal: WorkCalendar, from: Date, hours: number): Date {
  requireCount(hours, 'hours');
  return addWorkingMinutes(cal, from, hours * 60);
}

/** Office milliseconds of a working day between `lo` and `hi` (milliseconds after local midnight). */
export function officeMsWithin(cal: WorkCalendar, lo: number, hi: number): number {
  let ms = 0;
  for (const p of cal.officeHours)
    ms += Math.max(0, Math.min(hi, p.end * MINUTE_MS) - Math.max(lo, p.start * MINUTE_MS));
  return ms;
}

/**
 * Office minutes elapsed from `from` to `to` on working days, in whole minutes rounded down (so a
 * resumed clock never loses the applicant a part-minute); 0 when `to` is not after `from`.
 */
export function workingMinutesBetween(cal: WorkCalendar, from: Date, to: Date): number {
  if (to.getTime() <= from.getTime()) return 0;
  const a = localDayAndTime(from);
  const b = localDayAndTime(to);
  let total = 0;
  for (let d = a.date; d <= b.date; d = addDays(d, 1)) {
    if (!isWorkingDay(cal, d)) continue;
    total += officeMsWithin(cal, d === a.date ? a.ms : 0, d === b.date ? b.ms : Number.POSITIVE_INFINITY);
  }
  return Math.floor(total / MINUTE_MS);
}

/** When the hours clock of a receipt starts: at receipt, or at the opening of the counted receipt day. */
export function hoursClockStart(cal: WorkCalendar, receivedAt: Date): Date {
  const r = countedReceipt(cal, receivedAt);
  return r.moved ? instantAt(r.countedDate, officeOpens(cal)) : receivedAt;
}

/**
 * The appointment (giờ hẹn trả kết quả) for a dossier received at `receivedAt` with a deadline of
 * `value` in `unit`. The one function the whole system uses; the receipt rule (non-working day,
 * cut-off) applies to both units.
 */
export function dueAt(cal: WorkCalendar, receivedAt: Date, value: number, unit: DeadlineUnit): Date {
  if (unit === 'working_days') return addWorkingDays(cal, receivedAt, value);
  return addWorkingHours(cal, hoursClockStart(cal, receivedAt), value);
}
