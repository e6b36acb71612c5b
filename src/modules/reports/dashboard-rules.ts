import { invalid } from '../../shared/errors';
import { addDays, dayNumber, lastDayOfMonth, localDayAndTime } from '../calendar/dates';

/** Pure rules of the dashboard's series and lists (docs/statistics.md, "Dashboard"). */

/** A trend answers at most this many months: five years of monthly points. */
export const MAX_TREND_MONTHS = 60;
/** The public statistics answer periods of at most this many days (a little over five years). */
export const MAX_PUBLIC_DAYS = 5 * 366;

export type MonthSlice = { month: string; from: string; to: string };

/**
 * The calendar months a period touches, each clipped to the period: 15/01–10/03 gives 15/01–31/01,
 * 01/02–29/02 and 01/03–10/03. Each slice is a period of its own, so the numbers of a month are the
 * summary of that slice and carried over / in progress chain from one slice to the next.
 */
export function monthsOf(from: string, to: string): MonthSlice[] {
  const slices: MonthSlice[] = [];
  for (let start = from; start <= to;) {
    const month = start.slice(0, 7);
    const end = lastDayOfMonth(month) < to ? lastDayOfMonth(month) : to;
    slices.push({ month, from: start, to: end });
    if (slices.length > MAX_TREND_MONTHS) {
      throw invalid(
        'to',
        `Biểu đồ theo tháng tối đa ${MAX_TREND_MONTHS} tháng`,
        `A monthly trend covers at most ${MAX_TREND_MONTHS} months`,
      );
    }
    start = addDays(end, 1);
  }
  return slices;
}

/**
 * How many days an open dossier is late when judged at `end` (the end of the period): the Vietnam
 * days from its original appointment's day to the day `end` starts. A dossier due on the period's
 * last day is 1 day late at its end, consistent with `classifyOpen` calling it overdue then.
 */
export function daysLate(originalDueAt: Date, end: Date): number {
  return dayNumber(localDayAndTime(end).date) - dayNumber(localDayAndTime(originalDueAt).date);
}

/** A public period: at most MAX_PUBLIC_DAYS, so an anonymous caller cannot ask for every year at once. */
export function checkPublicPeriod(from: string, to: string): void {
  if (dayNumber(to) - dayNumber(from) + 1 > MAX_PUBLIC_DAYS) {
    throw invalid('to', 'Kỳ thống kê công khai tối đa 5 năm', 'A public statistics period covers at most 5 years');
  }
}
