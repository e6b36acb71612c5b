import { daysInMonth, isoDate } from '../../lib/datetime';

/** The periods a manager picks (domain.md: month, quarter, year, any range). */
export const PERIOD_KINDS = ['month', 'quarter', 'year', 'custom'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

/** What the picker holds: the kind and the parts it needs; custom days are `YYYY-MM-DD`. */
export type PeriodChoice = { kind: PeriodKind; year: number; month: number; quarter: number; from: string; to: string };

export type Range = { from: string; to: string };

/**
 * The days of a month, quarter or year, ending today when it is still running: statistics judge the
 * backlog at the end of the period, and a dossier due later today is not overdue yet.
 */
export function rangeOf(choice: PeriodChoice, today: string): Range {
  const { kind, year } = choice;
  let range: Range;
  if (kind === 'month') {
    range = { from: isoDate(year, choice.month, 1), to: isoDate(year, choice.month, daysInMonth(year, choice.month)) };
  } else if (kind === 'quarter') {
    const first = (choice.quarter - 1) * 3 + 1;
    range = { from: isoDate(year, first, 1), to: isoDate(year, first + 2, daysInMonth(year, first + 2)) };
  } else if (kind === 'year') {
    range = { from: isoDate(year, 1, 1), to: isoDate(year, 12, 31) };
  } else {
    return { from: choice.from, to: choice.to };
  }
  return range.from <= today && today < range.to ? { from: range.from, to: today } : range;
}

/** The picker's state for a period read back from the address: what kind it looks like and its parts. */
export function choiceOf(kind: PeriodKind, range: Range): PeriodChoice {
  const [year, month] = range.from.split('-').map(Number);
  return { kind, year, month, quarter: Math.floor((month - 1) / 3) + 1, from: range.from, to: range.to };
}

/** This month up to today: the dashboard's first view. */
export function defaultRange(today: string): Range {
  return rangeOf(choiceOf('month', { from: today, to: today }), today);
}
