import { useSearchParams } from 'react-router';
import {
  GROUPS,
  METRICS,
  NO_HOLDER,
  type GroupBy,
  type GroupKey,
  type Metric,
  type ReportFilters,
} from '../../api/reports';
import { todayIso } from '../../lib/datetime';
import { paths } from '../../paths';
import { PERIOD_KINDS, defaultRange, type PeriodKind } from './period';

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
/** The filters a drill-down link may carry besides the period and agency (a group of the tables). */
export const FILTER_KEYS = ['agency', 'agencyOnly', 'field', 'procedure', 'unit', 'officer', 'channel'] as const;

export type ReportParams = {
  kind: PeriodKind;
  filters: ReportFilters;
  groupBy: GroupBy;
  metric: Metric | null;
  page: number;
};

/** The dashboard's state from the address, so a view can be bookmarked, shared and reloaded. */
export function readParams(params: URLSearchParams, today = todayIso()): ReportParams {
  const fallback = defaultRange(today);
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const valid = ISO_DAY.test(from) && ISO_DAY.test(to);
  const filters: ReportFilters = valid ? { from, to } : fallback;
  for (const key of FILTER_KEYS) {
    const value = params.get(key);
    if (value) filters[key] = value;
  }
  const kind = params.get('period') as PeriodKind | null;
  const groupBy = params.get('groupBy') as GroupBy | null;
  const metric = params.get('metric') as Metric | null;
  return {
    kind: kind && PERIOD_KINDS.includes(kind) ? kind : valid ? 'custom' : 'month',
    filters,
    groupBy: groupBy && GROUPS.includes(groupBy) ? groupBy : 'unit',
    metric: metric && METRICS.includes(metric) ? metric : null,
    page: Math.max(1, Number(params.get('page')) || 1),
  };
}

export function useReportParams() {
  const [params, setParams] = useSearchParams();
  return { ...readParams(params), params, setParams };
}

function query(entries: Record<string, string | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(entries)) if (v) q.set(k, v);
  return q.toString();
}

/**
 * The filter that narrows a drill-down to one row's group. A row of an agency or of its unit counts
 * that agency's own dossiers, not its subtree's. The "none" row of units or officers (imported
 * dossiers, refusals) is `NO_HOLDER` over the whole scope, as it counts; other groups have no "none"
 * row (every dossier has an agency, field, procedure and channel), so null there is a number to show unlinked.
 */
export function groupFilter(groupBy: GroupBy, group: GroupKey): Partial<ReportFilters> | null {
  const { code, agency } = group;
  if (code === null) return groupBy === 'unit' || groupBy === 'officer' ? { [groupBy]: NO_HOLDER } : null;
  if (groupBy === 'agency') return { agency: code, agencyOnly: 'true' };
  if (groupBy === 'unit') return { unit: code, ...(agency ? { agency, agencyOnly: 'true' } : {}) };
  return { [groupBy]: code };
}

/** The drill-down list of one number, with the dashboard's filters and those of a table's group. */
export function drillUrl(filters: ReportFilters, metric: Metric, extra: Partial<ReportFilters> = {}): string {
  return `${paths.reportDossiers}?${query({ metric, ...filters, ...extra })}`;
}

/** The dashboard with a period and filters. */
export function dashboardUrl(kind: PeriodKind, filters: ReportFilters, groupBy?: GroupBy): string {
  return `${paths.reports}?${query({ period: kind, ...filters, groupBy })}`;
}

/** The rated dossiers behind a ratings number: one level or all, in the dashboard's period and agency. */
export function ratedUrl(filters: ReportFilters, level?: string): string {
  return `${paths.reportRatings}?${query({ level, from: filters.from, to: filters.to, agency: filters.agency })}`;
}
