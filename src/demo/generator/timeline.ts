import { addDays, dayNumber, isWeekend } from '../../modules/calendar/dates';
import { holidayOn, lunarNewYear } from '../../modules/calendar/rules';

/**
 * How many dossiers each Vietnam day of a period receives, pure and deterministic: working days
 * carry the load (online filings trickle in on days off), with the rush of the weeks before Tết
 * (papers for the new year, land and civil status before the holiday) and a quieter summer.
 */
export function dayWeight(day: string): number {
  if (isWeekend(day) || holidayOn(day)) return 0.06;
  const year = Number(day.slice(0, 4));
  const untilTet = Math.min(
    ...[year, year + 1].map((y) => dayNumber(lunarNewYear(y)) - dayNumber(day)).filter((n) => n >= 0),
  );
  const rush = untilTet <= 25 ? 1.8 : untilTet <= 45 ? 1.3 : 1;
  const month = Number(day.slice(5, 7));
  const summer = month === 7 || month === 8 ? 0.85 : 1;
  return rush * summer;
}

/** `count` dossiers shared over the days `from`–`to` by weight, largest remainders first: exact and stable. */
export function dailyCounts(from: string, to: string, count: number): { day: string; count: number }[] {
  const days: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) days.push(d);
  const weights = days.map(dayWeight);
  const total = weights.reduce((s, w) => s + w, 0);
  const exact = weights.map((w) => (count * w) / total);
  const counts = exact.map(Math.floor);
  let left = count - counts.reduce((s, n) => s + n, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (left-- <= 0) break;
    counts[i] += 1;
  }
  return days.map((day, i) => ({ day, count: counts[i] }));
}
