import type { Db, Executor } from '../../db/database';
import { requireRoleOver, scopePaths } from '../../shared/auth';
import { forbidden, invalid, notFound } from '../../shared/errors';
import type { Role } from '../identity/roles';
import type { Principal } from '../identity/rules';
import {
  ZERO,
  addCounts,
  countsByGroup,
  metricSources,
  metricValue,
  periodOf,
  summaryOf,
  type Counts,
  type Period,
  type Summary,
} from './rules';
import { NO_HOLDER, type DrillDownQuery, type GroupBy, type ReportFilters, type SummaryQuery } from './schema';
import * as store from './store';
import { listedView, summaryRows, type SummaryRow } from './views';
import { pageLimits } from '../../shared/paging';

/** Who reads statistics, each within the agency subtrees where they hold the role. */
export const REPORT_ROLES: Role[] = ['unit_leader', 'agency_leader', 'agency_admin', 'province_admin', 'inspector'];

export type Resolved = { scope: store.Scope; agencies: store.AgencyRef[] };

/** The caller's scope narrowed by the filters; unknown codes are 4xx naming the filter. */
export async function resolveScope(db: Executor, principal: Principal, f: ReportFilters): Promise<Resolved> {
  let agencyPaths: string[];
  let agencyIds: number[];
  if (f.agency) {
    const agency = await store.findAgency(db, f.agency);
    if (!agency) throw notFound('Agency', 'cơ quan', 'agency');
    requireRoleOver(principal, REPORT_ROLES, agency.path);
    agencyPaths = [agency.path];
    agencyIds = f.agencyOnly === 'true' ? [agency.id] : await store.agencyIdsUnder(db, agencyPaths);
  } else {
    if (f.agencyOnly === 'true') {
      throw invalid('agencyOnly', 'Chỉ dùng agencyOnly cùng một cơ quan', 'agencyOnly needs an agency');
    }
    agencyPaths = scopePaths(principal, REPORT_ROLES);
    if (agencyPaths.length === 0) throw forbidden();
    agencyIds = await store.agencyIdsUnder(db, agencyPaths);
  }
  if (f.field && !(await store.fieldExists(db, f.field))) {
    throw invalid('field', `Không có lĩnh vực mã ${f.field}`, `No field with code ${f.field}`);
  }
  if (f.procedure && !(await store.procedureExists(db, f.procedure))) {
    throw invalid('procedure', `Không có thủ tục mã ${f.procedure}`, `No procedure with code ${f.procedure}`);
  }
  let unitIds: store.Scope['unitIds'] = null;
  if (f.unit === NO_HOLDER) unitIds = store.NONE;
  else if (f.unit) {
    unitIds = await store.unitIds(db, f.unit, agencyIds);
    if (unitIds.length === 0) {
      throw invalid('unit', `Không có đơn vị mã ${f.unit} trong phạm vi báo cáo`, `No unit ${f.unit} in the scope`);
    }
  }
  let officerId: store.Scope['officerId'] = null;
  if (f.officer === NO_HOLDER) officerId = store.NONE;
  else if (f.officer) {
    officerId = (await store.userId(db, f.officer)) ?? null;
    if (officerId === null) throw invalid('officer', `Không có cán bộ ${f.officer}`, `No officer ${f.officer}`);
  }
  const scope = {
    agencyIds,
    fieldCode: f.field ?? null,
    procedureCode: f.procedure ?? null,
    channel: f.channel ?? null,
    unitIds,
    officerId,
  };
  return { scope, agencies: await store.agenciesAtPaths(db, agencyPaths) };
}

/** The backlog of the scope at an instant, per group (`store.openCounts`). */
export type BacklogAt = (at: Date) => Promise<store.OpenRow[]>;

/** The counts of each group of the period: its flows, and the backlogs at its start and end. */
export async function countGroups(
  db: Executor,
  scope: store.Scope,
  p: Period,
  groupBy: GroupBy | null,
  backlogAt: BacklogAt = (at) => store.openCounts(db, scope, at, groupBy),
) {
  return countsByGroup(await store.flowCounts(db, scope, p, groupBy), await backlogAt(p.start), await backlogAt(p.end));
}

export async function namedRows(
  db: Executor,
  groupBy: GroupBy,
  groups: Map<string | null, Counts>,
): Promise<SummaryRow[]> {
  const keys = [...groups.keys()].filter((k): k is string => k !== null);
  const names = groupBy === 'channel' ? [] : await store.groupNames(db, groupBy, keys);
  return summaryRows(groupBy, groups, names);
}

export type SummaryTable = {
  period: Period;
  agencies: store.AgencyRef[];
  groupBy: GroupBy | null;
  total: Summary;
  rows: SummaryRow[];
};

/**
 * The summary and, with `groupBy`, its rows, read in one repeatable-read snapshot so the flows and
 * the backlogs agree with each other even while dossiers change.
 */
export async function summaryTable(
  db: Db,
  principal: Principal,
  q: ReportFilters,
  groupBy: GroupBy | null,
): Promise<SummaryTable> {
  const period = periodOf(q.from, q.to);
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (tx) => {
      const { scope, agencies } = await resolveScope(tx, principal, q);
      const groups = await countGroups(tx, scope, period, groupBy);
      const total = summaryOf([...groups.values()].reduce(addCounts, ZERO));
      const rows = groupBy === null ? [] : await namedRows(tx, groupBy, groups);
      return { period, agencies, groupBy, total, rows };
    });
}

/** `GET /api/reports/summary`: api.md's shape, plus `rows` when grouped. */
export async function summary(db: Db, principal: Principal, q: SummaryQuery) {
  const t = await summaryTable(db, principal, q, q.groupBy ?? null);
  return q.groupBy ? { ...t.total, rows: t.rows } : t.total;
}

/** The dossiers behind one number of the summary with the same filters; `total` is that number. */
export async function drillDown(db: Db, principal: Principal, q: DrillDownQuery) {
  const period = periodOf(q.from, q.to);
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (tx) => {
      const { scope } = await resolveScope(tx, principal, q);
      const page = pageLimits(q);
      // The total is the summary's own number, from the aggregates: counting millions of rows would not be
      // interactive, and the tests check that the list holds exactly that many dossiers. Only the parts
      // the metric is made of are read.
      const need = metricSources(q.metric);
      const groups = countsByGroup(
        need.flows ? await store.flowCounts(tx, scope, period, null) : [],
        need.openAtStart ? await store.openCounts(tx, scope, period.start, null) : [],
        need.openAtEnd ? await store.openCounts(tx, scope, period.end, null) : [],
      );
      const counts = [...groups.values()].reduce(addCounts, ZERO);
      const rows = await store.listDossiers(tx, scope, period, q.metric, page);
      return { items: rows.map((r) => listedView(r, period)), total: metricValue(summaryOf(counts), q.metric) };
    });
}
