import { api, type Query } from './client';
import type { Page } from './types';

/** The statistics API (docs/statistics.md): summary, groups, drill-down, trend, overdue list, exports. */

export type Summary = {
  received: { carriedOver: number; online: number; direct: number; postal: number; total: number };
  resolved: { early: number; onTime: number; late: number; total: number };
  inProgress: { withinDeadline: number; overdue: number; total: number };
  withdrawn: number;
  refused: number;
  onTimeRate: number | null;
};

export const GROUPS = ['unit', 'field', 'officer', 'procedure', 'channel', 'agency'] as const;
export type GroupBy = (typeof GROUPS)[number];
export type GroupKey = { code: string | null; name: string; agency?: string };
export type SummaryRow = Summary & { group: GroupKey };

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
 * The value of the `unit` and `officer` filters for the dossiers held by no unit or officer (the
 * "none" row of a table by unit or officer; src/modules/reports/schema.ts `NO_HOLDER`).
 */
export const NO_HOLDER = '_none';

/** The filters every report takes; `agency` includes its subtree; `unit` and `officer` take `NO_HOLDER`. */
export type ReportFilters = {
  from: string;
  to: string;
  agency?: string;
  /** 'true': the agency's own dossiers, without its subtree (a row of the table by agency or unit). */
  agencyOnly?: string;
  field?: string;
  procedure?: string;
  unit?: string;
  officer?: string;
  channel?: string;
};

export type DrillDownItem = {
  code: string;
  procedure: { code: string; name: string };
  agency: { code: string; name: string };
  channel: string;
  receivedAt: string;
  acceptedAt: string | null;
  dueAt: string | null;
  resolvedAt: string | null;
  withdrawnAt: string | null;
  refusedAt: string | null;
  status: string;
  classification: 'early' | 'onTime' | 'late' | 'withinDeadline' | 'overdue' | null;
};

export type TrendMonth = Summary & { month: string; from: string; to: string };

export type OverdueItem = {
  code: string;
  procedure: { code: string; name: string };
  agency: { code: string; name: string };
  channel: string;
  status: string;
  receivedAt: string;
  dueAt: string;
  daysLate: number;
  holder: { unit: { code: string; name: string } | null; officer: { username: string; fullName: string } | null };
};

export type PublicNumbers = {
  received: number;
  resolved: { early: number; onTime: number; late: number; total: number };
  inProgress: { total: number; overdue: number };
  onTimeRate: number | null;
};
export type PublicStatistics = {
  from: string;
  to: string;
  agency: { code: string; name: string } | null;
  total: PublicNumbers;
  agencies: (PublicNumbers & { code: string | null; name: string })[];
  procedures: (PublicNumbers & { code: string | null; name: string })[];
};

export function fetchSummary(f: ReportFilters, signal?: AbortSignal): Promise<Summary> {
  return api('/api/reports/summary', { query: f, signal });
}

export function fetchGrouped(
  f: ReportFilters,
  groupBy: GroupBy,
  signal?: AbortSignal,
): Promise<Summary & { rows: SummaryRow[] }> {
  return api('/api/reports/summary', { query: { ...f, groupBy }, signal });
}

export function fetchDrillDown(
  f: ReportFilters & { metric: Metric; page: number; pageSize: number },
  signal?: AbortSignal,
): Promise<Page<DrillDownItem>> {
  return api('/api/reports/summary/dossiers', { query: f, signal });
}

export function fetchTrend(f: ReportFilters, signal?: AbortSignal): Promise<{ months: TrendMonth[] }> {
  return api('/api/reports/trend', { query: f, signal });
}

export function fetchOverdue(
  f: ReportFilters & { page: number; pageSize: number },
  signal?: AbortSignal,
): Promise<Page<OverdueItem>> {
  return api('/api/reports/overdue', { query: f, signal });
}

export function fetchPublicStatistics(
  q: { from: string; to: string; agency?: string },
  signal?: AbortSignal,
): Promise<PublicStatistics> {
  return api('/api/public/statistics', { query: q, signal });
}

/** The address of an export (Biểu II.06a/VPCP/KSTT); the browser downloads it with the session cookie. */
export function exportUrl(format: 'xlsx' | 'csv', f: ReportFilters, groupBy: GroupBy): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...f, groupBy } as Query)) if (v) params.set(k, String(v));
  return `/api/reports/summary.${format}?${params.toString()}`;
}

/** The desk's tracking book (Mẫu 06 / Mẫu 07) of one agency for the days `from`–`to`. */
export function trackingBookUrl(format: 'xlsx' | 'csv', q: { agency: string; from: string; to: string }): string {
  return `/api/reports/tracking-book.${format}?${new URLSearchParams(q).toString()}`;
}
