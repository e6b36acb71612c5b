import type { Lang } from '../i18n/i18n';
import type { Dictionary } from '../i18n/vi';
import type { Duration, Fee } from '../api/types';

/** Amounts are integers in đồng (conventions.md). */
export function formatMoney(amount: number, lang: Lang): string {
  const n = new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-US').format(amount);
  return lang === 'vi' ? `${n} đồng` : `VND ${n}`;
}

export function formatDuration(t: Dictionary, d: Duration): string {
  return t.format.duration(d.value, d.unit);
}

/** Statutory deadline, and the province's reduced one when it differs. */
export function formatDeadline(t: Dictionary, deadline: Duration, reduced?: Duration | null): string {
  const base = formatDuration(t, deadline);
  if (!reduced || (reduced.value === deadline.value && reduced.unit === deadline.unit)) return base;
  return `${base} (${t.procedure.reducedShort(formatDuration(t, reduced))})`;
}

/** A one-line summary of the fees: free, one amount, or a range. */
export function feeSummary(t: Dictionary, lang: Lang, fees: Fee[]): string {
  const amounts = fees.map((f) => f.amount).filter((a) => a > 0);
  if (amounts.length === 0) return t.format.free;
  const min = Math.min(...amounts);
  const max = Math.max(...amounts);
  return min === max ? formatMoney(min, lang) : `${formatMoney(min, lang)} – ${formatMoney(max, lang)}`;
}

/** One working day counts as 8 working hours (catalogue-format.md). */
export const HOURS_PER_DAY = 8;
