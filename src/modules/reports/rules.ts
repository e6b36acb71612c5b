import { invalid } from '../../shared/errors';
import { addDays, instantAt, isValidDate, lastDayOfMonth, localDayAndTime } from '../calendar/dates';

/**
 * The statistics rules (docs/statistics.md), pure: how a resolution and an open dossier are judged,
 * what a period is, and how counts make a summary. Every report, dashboard and export uses these.
 */

export type Timeliness = 'early' | 'onTime' | 'late';
export type Standing = 'withinDeadline' | 'overdue';

const vietnamDay = (at: Date) => localDayAndTime(at).date;

/**
 * Trước hạn / đúng hạn / quá hạn (domain.md): against the day of the ORIGINAL appointment in Vietnam
 * (an apology's new appointment does not count), resolved before that day is early, on that day (by
 * its end) on time, after it late. Only days compare: a result ready at 20:00 on the appointment day
 * is on time, even for a deadline in working hours.
 */
export function classifyResolution(resolvedAt: Date, originalDueAt: Date): Timeliness {
  const resolved = vietnamDay(resolvedAt);
  const due = vietnamDay(originalDueAt);
  if (resolved < due) return 'early';
  return resolved === due ? 'onTime' : 'late';
}

/** `dossiers.resolution_timeliness` spells the classification this way. */
export const TIMELINESS_COLUMN = { early: 'early', onTime: 'on_time', late: 'late' } as const;
export type TimelinessColumn = (typeof TIMELINESS_COLUMN)[Timeliness];

/**
 * What `dossiers.resolution_timeliness` holds: every writer of `resolved_at` writes this with it, in
 * the same statement (a check constraint refuses one without the other), so reports count results by
 * the classification this module made.
 */
export function resolutionTimeliness(resolvedAt: Date, originalDueAt: Date): TimelinessColumn {
  return TIMELINESS_COLUMN[classifyResolution(resolvedAt, originalDueAt)];
}

/**
 * The first instant at which a dossier still open is overdue when judged at `at`: the start of the
 * Vietnam day of `at`. Open with the original appointment before it means the appointment day has
 * ended without a result, which can only be late now.
 */
export function overdueBefore(at: Date): Date {
  return instantAt(vietnamDay(at), 0);
}

/** An open dossier judged at `at` (the end of a period): overdue once its appointment day has passed. */
export function classifyOpen(originalDueAt: Date | null, at: Date): Standing {
  return originalDueAt !== null && originalDueAt < overdueBefore(at) ? 'overdue' : 'withinDeadline';
}

export type Period = { from: string; to: string; start: Date; end: Date };

/**
 * `from` 00:00 +07:00 to the end of `to` (+07:00), i.e. up to 00:00 of the next day, exclusive; a
 * period still running ends now, so an open dossier due later today is not yet counted overdue.
 */
export function periodOf(from: string, to: string, now = new Date()): Period {
  if (!isValidDate(from)) throw invalid('from', 'Ngày bắt đầu không hợp lệ (YYYY-MM-DD)', 'Invalid from date');
  if (!isValidDate(to)) throw invalid('to', 'Ngày kết thúc không hợp lệ (YYYY-MM-DD)', 'Invalid to date');
  if (from > to) {
    throw invalid('to', 'Ngày kết thúc phải sau hoặc bằng ngày bắt đầu', 'The to date must not be before from');
  }
  const end = instantAt(addDays(to, 1), 0);
  return { from, to, start: instantAt(from, 0), end: end > now ? now : end };
}

export type FlowSources = { months: { first: string; last: string } | null; days: { from: string; to: string }[] };

/**
 * Where the flows of the days `from`–`to` are summed: the whole calendar months inside the period
 * from the monthly roll-up (each month by its first day), the days before and after them from the
 * daily aggregate. 15/01–10/03 gives February's month and the days 15/01–31/01 and 01/03–10/03.
 */
export function flowSources(from: string, to: string): FlowSources {
  const first = from.endsWith('-01') ? from : addDays(lastDayOfMonth(from.slice(0, 7)), 1);
  const lastFull = lastDayOfMonth(to.slice(0, 7)) === to ? to : addDays(`${to.slice(0, 7)}-01`, -1);
  if (first > lastFull) return { months: null, days: [{ from, to }] };
  const days = [];
  if (from < first) days.push({ from, to: addDays(first, -1) });
  if (lastFull < to) days.push({ from: addDays(lastFull, 1), to });
  return { months: { first, last: `${lastFull.slice(0, 7)}-01` }, days };
}

/** The standing of a dossier at the end of the period: the classification a drill-down list shows. */
export function standingAtEnd(
  d: { acceptedAt: Date | null; resolvedAt: Date | null; withdrawnAt: Date | null; originalDueAt: Date | null },
  end: Date,
): Timeliness | Standing | null {
  if (d.acceptedAt === null || d.acceptedAt >= end || (d.withdrawnAt !== null && d.withdrawnAt < end)) return null;
  if (d.resolvedAt !== null && d.resolvedAt < end) {
    return d.originalDueAt === null ? null : classifyResolution(d.resolvedAt, d.originalDueAt);
  }
  return classifyOpen(d.originalDueAt, end);
}

/** The counts a summary is made of, one per leaf number. */
export type Counts = {
  carriedOver: number;
  online: number;
  direct: number;
  postal: number;
  early: number;
  onTime: number;
  late: number;
  withinDeadline: number;
  overdue: number;
  withdrawn: number;
  refused: number;
};
export type CountKey = keyof Counts;

export const ZERO: Counts = {
  carriedOver: 0,
  online: 0,
  direct: 0,
  postal: 0,
  early: 0,
  onTime: 0,
  late: 0,
  withinDeadline: 0,
  overdue: 0,
  withdrawn: 0,
  refused: 0,
};

export function addCounts(a: Counts, b: Partial<Counts>): Counts {
  const sum = { ...a };
  for (const [k, v] of Object.entries(b) as [CountKey, number][]) sum[k] += v;
  return sum;
}

/** The count a row of `statistics_daily` adds to: received by channel, resolved by timeliness. */
export function flowCountKey(metric: string, channel: string): CountKey {
  switch (metric) {
    case 'received':
      return channel as 'online' | 'direct' | 'postal';
    case 'resolved_early':
      return 'early';
    case 'resolved_on_time':
      return 'onTime';
    case 'resolved_late':
      return 'late';
    default:
      return metric as 'withdrawn' | 'refused';
  }
}

type Keyed = { key: string | null };

/**
 * Counts per group from the flows of the period and the dossiers open at its start and at its end;
 * groups in none of them have nothing to report.
 */
export function countsByGroup(
  flows: readonly (Keyed & { metric: string; channel: string; n: number })[],
  openAtStart: readonly (Keyed & { total: number })[],
  openAtEnd: readonly (Keyed & { total: number; overdue: number })[],
): Map<string | null, Counts> {
  const groups = new Map<string | null, Counts>();
  const add = (key: string | null, counts: Partial<Counts>) =>
    groups.set(key, addCounts(groups.get(key) ?? ZERO, counts));
  for (const f of flows) add(f.key, { [flowCountKey(f.metric, f.channel)]: f.n });
  for (const o of openAtStart) add(o.key, { carriedOver: o.total });
  for (const o of openAtEnd) add(o.key, { overdue: o.overdue, withinDeadline: o.total - o.overdue });
  return groups;
}

/** api.md's summary. */
export type Summary = {
  received: { carriedOver: number; online: number; direct: number; postal: number; total: number };
  resolved: { early: number; onTime: number; late: number; total: number };
  inProgress: { withinDeadline: number; overdue: number; total: number };
  withdrawn: number;
  refused: number;
  /** (early + onTime) / resolved.total; null when nothing was resolved: there is nothing to rate. */
  onTimeRate: number | null;
};

export function summaryOf(c: Counts): Summary {
  const resolved = c.early + c.onTime + c.late;
  return {
    received: {
      carriedOver: c.carriedOver,
      online: c.online,
      direct: c.direct,
      postal: c.postal,
      total: c.carriedOver + c.online + c.direct + c.postal,
    },
    resolved: { early: c.early, onTime: c.onTime, late: c.late, total: resolved },
    inProgress: { withinDeadline: c.withinDeadline, overdue: c.overdue, total: c.withinDeadline + c.overdue },
    withdrawn: c.withdrawn,
    refused: c.refused,
    onTimeRate: resolved === 0 ? null : (c.early + c.onTime) / resolved,
  };
}

/** Every number of a summary, as the drill-down names it. */
export const METRICS = [
  'received.carriedOver',
  'received.online',
  'received.direct',
  'received.postal',
  'received.total',
  'resolved.early',
  'resolved.onTime',
  'resolved.late',
  'resolved.total',
  'inProgress.withinDeadline',
  'inProgress.overdue',
  'inProgress.total',
  'withdrawn',
  'refused',
] as const;
export type Metric = (typeof METRICS)[number];

/**
 * What a metric's number is made of: the period's flows, the backlog at its start (carried over), the
 * backlog at its end (in progress). A drill-down computes only those (each backlog is a scan at 10 M).
 */
export function metricSources(metric: Metric): { flows: boolean; openAtStart: boolean; openAtEnd: boolean } {
  const group = metric.split('.')[0];
  return {
    flows: group !== 'inProgress' && metric !== 'received.carriedOver',
    openAtStart: metric === 'received.carriedOver' || metric === 'received.total',
    openAtEnd: group === 'inProgress',
  };
}

/** The number a metric names in a summary. */
export function metricValue(s: Summary, metric: Metric): number {
  const [group, leaf] = metric.split('.') as [keyof Summary, string | undefined];
  const value = s[group];
  return leaf === undefined ? (value as number) : (value as Record<string, number>)[leaf];
}
