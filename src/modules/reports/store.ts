import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { Executor } from '../../db/database';
import { TIMELINESS_COLUMN, flowSources, overdueBefore, type Metric, type Period } from './rules';
import type { GroupBy } from './schema';

/**
 * The report queries. Flows (received, resolved, withdrawn, refused in a period) are summed from
 * `statistics_monthly` and `statistics_daily`; the backlog at an instant (carried over, in progress) is counted from
 * `dossiers` through the open-interval index. The drill-down lists use the predicates below, which
 * state the same definitions as the trigger's `statistics_facts` (docs/statistics.md).
 */

/**
 * What a report covers: the agencies of its subtrees and the optional filters, resolved to stored
 * values. The agencies are ids, not path patterns, so that the planner sees how many there are (for
 * `path LIKE` it guesses one, and then reads every dossier of each agency through their index).
 */
export type Scope = {
  agencyIds: number[];
  fieldCode: string | null;
  procedureCode: string | null;
  channel: string | null;
  /** The holder unit and officer: null when not filtered, `NONE` for dossiers held by none. */
  unitIds: number[] | typeof NONE | null;
  officerId: number | typeof NONE | null;
};

/** A scope's unit or officer filter selecting the dossiers held by none (NULL in `dossiers` and both aggregates). */
export const NONE = 'none';

type Columns = Record<GroupBy, string>;
const DOSSIER: Columns = {
  agency: 'd.agency_id',
  unit: 'd.holder_unit_id',
  field: 'd.field_code',
  procedure: 'd.procedure_code',
  officer: 'd.holder_user_id',
  channel: 'd.channel',
};
const FLOW: Columns = {
  agency: 's.agency_id',
  unit: 's.unit_id',
  field: 's.field_code',
  procedure: 's.procedure_code',
  officer: 's.officer_id',
  channel: 's.channel',
};

/** The filters of a scope other than its agencies. */
function filterConditions(scope: Scope, col: Columns): RawBuilder<SqlBool>[] {
  const conditions: RawBuilder<SqlBool>[] = [];
  if (scope.fieldCode !== null) conditions.push(sql`${sql.ref(col.field)} = ${scope.fieldCode}`);
  if (scope.procedureCode !== null) conditions.push(sql`${sql.ref(col.procedure)} = ${scope.procedureCode}`);
  if (scope.channel !== null) conditions.push(sql`${sql.ref(col.channel)} = ${scope.channel}`);
  if (scope.unitIds === NONE) conditions.push(sql`${sql.ref(col.unit)} IS NULL`);
  else if (scope.unitIds !== null) conditions.push(sql`${sql.ref(col.unit)} IN (${sql.join(scope.unitIds)})`);
  if (scope.officerId === NONE) conditions.push(sql`${sql.ref(col.officer)} IS NULL`);
  else if (scope.officerId !== null) conditions.push(sql`${sql.ref(col.officer)} = ${scope.officerId}`);
  return conditions;
}

const allOf = (conditions: RawBuilder<SqlBool>[]) =>
  conditions.length === 0 ? sql<SqlBool>`true` : sql<SqlBool>`(${sql.join(conditions, sql` AND `)})`;

function scopeCondition(scope: Scope, col: Columns): RawBuilder<SqlBool> {
  return allOf([sql`${sql.ref(col.agency)} = ANY(${scope.agencyIds}::int[])`, ...filterConditions(scope, col)]);
}

const groupKey = (col: Columns, groupBy: GroupBy | null) =>
  groupBy === null ? sql<null>`NULL::text` : sql<string | null>`CAST(${sql.ref(col[groupBy])} AS text)`;

/** Accepted before `at` and not closed before it: the expression of the index dossiers_open_idx. */
function openAt(at: Date): RawBuilder<SqlBool> {
  return sql<SqlBool>`(d.accepted_at IS NOT NULL
    AND tstzrange(d.accepted_at, COALESCE(d.resolved_at, d.withdrawn_at), '(]') @> ${at}::timestamptz)`;
}

/** The original appointment's day is over at `at` (rules.ts `classifyOpen`); no appointment is never late. */
function pastDue(at: Date): RawBuilder<SqlBool> {
  return sql<SqlBool>`COALESCE(d.original_due_at < ${overdueBefore(at)}::timestamptz, false)`;
}

const within = (column: string, p: Period) =>
  sql<SqlBool>`(${sql.ref(column)} >= ${p.start}::timestamptz AND ${sql.ref(column)} < ${p.end}::timestamptz)`;
const acceptedIn = (p: Period) => within('d.accepted_at', p);
const resolvedIn = (p: Period) => sql<SqlBool>`(d.accepted_at IS NOT NULL AND ${within('d.resolved_at', p)})`;
const resolvedAs = (p: Period, timeliness: string) =>
  sql<SqlBool>`(${resolvedIn(p)} AND d.resolution_timeliness = ${timeliness})`;
const accepted = (p: Period, channel: string) => sql<SqlBool>`(${acceptedIn(p)} AND d.channel = ${channel})`;

/** One definition per number of the summary: the dossiers it counts (`d` is `dossiers`). */
const METRIC_CONDITION: Record<Metric, (p: Period) => RawBuilder<SqlBool>> = {
  'received.carriedOver': (p) => openAt(p.start),
  'received.online': (p) => accepted(p, 'online'),
  'received.direct': (p) => accepted(p, 'direct'),
  'received.postal': (p) => accepted(p, 'postal'),
  'received.total': (p) => sql<SqlBool>`(${openAt(p.start)} OR ${acceptedIn(p)})`,
  'resolved.early': (p) => resolvedAs(p, TIMELINESS_COLUMN.early),
  'resolved.onTime': (p) => resolvedAs(p, TIMELINESS_COLUMN.onTime),
  'resolved.late': (p) => resolvedAs(p, TIMELINESS_COLUMN.late),
  'resolved.total': resolvedIn,
  'inProgress.withinDeadline': (p) => sql<SqlBool>`(${openAt(p.end)} AND NOT ${pastDue(p.end)})`,
  'inProgress.overdue': (p) => sql<SqlBool>`(${openAt(p.end)} AND ${pastDue(p.end)})`,
  'inProgress.total': (p) => openAt(p.end),
  withdrawn: (p) => sql<SqlBool>`(d.accepted_at IS NOT NULL AND ${within('d.withdrawn_at', p)})`,
  refused: (p) => within('d.refused_at', p),
};

export type FlowRow = { key: string | null; metric: string; channel: string; n: number };

/**
 * Flows of the period's days, per group, metric and channel: whole months from the monthly roll-up,
 * the days around them from the daily aggregate (rules.ts `flowSources`).
 */
export async function flowCounts(db: Executor, scope: Scope, p: Period, groupBy: GroupBy | null): Promise<FlowRow[]> {
  const { months, days } = flowSources(p.from, p.to);
  const parts = days.map(
    (d) => sql`SELECT ${groupKey(FLOW, groupBy)} AS key, s.metric, s.channel, s.n FROM statistics_daily s
      WHERE ${scopeCondition(scope, FLOW)} AND s.day >= ${d.from}::date AND s.day <= ${d.to}::date`,
  );
  if (months) {
    parts.push(sql`SELECT ${groupKey(FLOW, groupBy)} AS key, s.metric, s.channel, s.n FROM statistics_monthly s
      WHERE ${scopeCondition(scope, FLOW)} AND s.month >= ${months.first}::date AND s.month <= ${months.last}::date`);
  }
  const { rows } = await sql<FlowRow>`
    SELECT key, metric, channel, SUM(n) AS n
    FROM (${sql.join(parts, sql` UNION ALL `)}) f
    GROUP BY 1, 2, 3
    HAVING SUM(n) <> 0`.execute(db);
  return rows;
}

export type OpenRow = { key: string | null; total: number; overdue: number };

/**
 * Dossiers open at `at`, per group, and how many of them are overdue then. The backlog at `at` is
 * found first, alone, through the open-interval index (index-only: it carries these columns), and
 * only then narrowed to the scope: left to itself the planner intersects the interval with the
 * agency index, which reads every dossier of each agency in scope (1.9 s at 10 M, docs/statistics.md).
 */
export async function openCounts(db: Executor, scope: Scope, at: Date, groupBy: GroupBy | null): Promise<OpenRow[]> {
  const { rows } = await sql<OpenRow>`
    WITH d AS MATERIALIZED (
      SELECT d.agency_id, d.holder_unit_id, d.holder_user_id, d.field_code, d.procedure_code, d.channel,
             d.original_due_at
      FROM dossiers d
      WHERE ${openAt(at)}
    )
    SELECT ${groupKey(DOSSIER, groupBy)} AS key, COUNT(*) AS total,
           COUNT(*) FILTER (WHERE ${pastDue(at)}) AS overdue
    FROM d
    WHERE ${scopeCondition(scope, DOSSIER)}
    GROUP BY 1`.execute(db);
  return rows;
}

export type ListedDossier = {
  code: string;
  procedure_code: string;
  procedure_name: string;
  agency_code: string;
  agency_name: string;
  channel: string;
  status: string;
  received_at: Date;
  accepted_at: Date | null;
  original_due_at: Date | null;
  resolved_at: Date | null;
  withdrawn_at: Date | null;
  refused_at: Date | null;
};

type Page = { limit: number; offset: number };

/** The open backlog at `at` is the part of a report that stays small at any scale (docs/statistics.md). */
const BACKLOG_AT: Partial<Record<Metric, (p: Period) => Date>> = {
  'received.carriedOver': (p) => p.start,
  'inProgress.withinDeadline': (p) => p.end,
  'inProgress.overdue': (p) => p.end,
  'inProgress.total': (p) => p.end,
};

/** The date that puts a flow's dossiers in the period, each indexed per agency (`dossiers_*_idx`). */
type FlowDate = 'accepted_at' | 'resolved_at' | 'withdrawn_at' | 'refused_at';
const FLOW_DATE: Partial<Record<Metric, FlowDate>> = {
  'received.online': 'accepted_at',
  'received.direct': 'accepted_at',
  'received.postal': 'accepted_at',
  'resolved.early': 'resolved_at',
  'resolved.onTime': 'resolved_at',
  'resolved.late': 'resolved_at',
  'resolved.total': 'resolved_at',
  withdrawn: 'withdrawn_at',
  refused: 'refused_at',
};

/**
 * A page of the backlog at `at` as (id, key) rows in the order of `keys`: the backlog is found
 * through the open-interval index before it is sorted, since the planner would otherwise walk an
 * index in the order asked for and filter its way through millions of closed dossiers.
 */
function backlogPage(scope: Scope, at: Date, condition: RawBuilder<SqlBool>, keys: string[], page: Page) {
  const columns = keys.map((k, i) => sql`${sql.ref(`d.${k}`)} AS ${sql.id(`k${i}`)}`);
  const order = keys.map((_, i) => sql.ref(`m.k${i}`));
  return sql`(WITH m AS MATERIALIZED (
      SELECT d.id, ${sql.join(columns)} FROM dossiers d
      WHERE ${openAt(at)} AND ${scopeCondition(scope, DOSSIER)} AND ${condition})
    SELECT m.id, m.k0 AS key FROM m ORDER BY ${sql.join(order)}, m.id LIMIT ${page.limit} OFFSET ${page.offset})`;
}

/**
 * A page of a flow as (id, key) rows in the order of its date: each agency's index on that date is
 * walked in order and read no further than the page, so a page costs the same for a month or a year.
 */
function flowPage(scope: Scope, date: FlowDate, condition: RawBuilder<SqlBool>, page: Page) {
  const key = sql.ref(`d.${date}`);
  return sql`(SELECT x.id, x.key FROM unnest(${scope.agencyIds}::int[]) AS ag(id)
    CROSS JOIN LATERAL (
      SELECT d.id, ${key} AS key FROM dossiers d
      WHERE d.agency_id = ag.id AND ${allOf(filterConditions(scope, DOSSIER))} AND ${condition}
      ORDER BY ${key}, d.id LIMIT ${page.offset + page.limit}) x
    ORDER BY x.key, x.id LIMIT ${page.limit} OFFSET ${page.offset})`;
}

/** The ids of a page of the dossiers a metric counts, in the order of the date that counts them. */
function metricPage(scope: Scope, p: Period, metric: Metric, page: Page) {
  const condition = METRIC_CONDITION[metric](p);
  const backlogAt = BACKLOG_AT[metric];
  if (backlogAt) return backlogPage(scope, backlogAt(p), condition, ['accepted_at'], page);
  const date = FLOW_DATE[metric];
  if (date) return flowPage(scope, date, condition, page);
  // received.total: those carried over (accepted before the period) and then those accepted in it.
  const upTo = { limit: page.offset + page.limit, offset: 0 };
  return sql`(SELECT u.id, u.key FROM (
      ${backlogPage(scope, p.start, sql<SqlBool>`true`, ['accepted_at'], upTo)}
      UNION ALL ${flowPage(scope, 'accepted_at', acceptedIn(p), upTo)}) u
    ORDER BY u.key, u.id LIMIT ${page.limit} OFFSET ${page.offset})`;
}

/** A page of the dossiers a metric counts, in the order of the date that puts them in it (acceptance for the backlog). */
export async function listDossiers(
  db: Executor,
  scope: Scope,
  p: Period,
  metric: Metric,
  page: Page,
): Promise<ListedDossier[]> {
  const { rows } = await sql<ListedDossier>`
    SELECT d.code, d.procedure_code, d.procedure_name, a.code AS agency_code, a.name AS agency_name, d.channel,
           d.status, d.received_at, d.accepted_at, d.original_due_at, d.resolved_at, d.withdrawn_at, d.refused_at
    FROM ${metricPage(scope, p, metric, page)} page
    JOIN dossiers d ON d.id = page.id JOIN agencies a ON a.id = d.agency_id
    ORDER BY page.key, page.id`.execute(db);
  return rows;
}

export type AgencyRef = { id: number; code: string; name: string; path: string };

export async function findAgency(db: Executor, code: string): Promise<AgencyRef | undefined> {
  return db.selectFrom('agencies').select(['id', 'code', 'name', 'path']).where('code', '=', code).executeTakeFirst();
}

export async function agenciesAtPaths(db: Executor, paths: string[]): Promise<AgencyRef[]> {
  return db.selectFrom('agencies').select(['id', 'code', 'name', 'path']).where('path', 'in', paths).execute();
}

/** The ids of the agencies in the subtrees at `paths`. */
export async function agencyIdsUnder(db: Executor, paths: string[]): Promise<number[]> {
  const rows = await db
    .selectFrom('agencies')
    .select('id')
    .where((eb) => eb.or(paths.map((p) => eb('path', 'like', `${p}%`))))
    .execute();
  return rows.map((r) => r.id);
}

export async function fieldExists(db: Executor, code: string): Promise<boolean> {
  return (await db.selectFrom('fields').select('id').where('code', '=', code).executeTakeFirst()) !== undefined;
}

export async function procedureExists(db: Executor, code: string): Promise<boolean> {
  return (await db.selectFrom('procedures').select('id').where('code', '=', code).executeTakeFirst()) !== undefined;
}

/** The units with `code` in the agencies `agencyIds` (every commune has its own VHXH, MC…). */
export async function unitIds(db: Executor, code: string, agencyIds: number[]): Promise<number[]> {
  const rows = await db
    .selectFrom('units')
    .select('id')
    .where('code', '=', code)
    .where('agency_id', 'in', agencyIds)
    .execute();
  return rows.map((r) => r.id);
}

export async function userId(db: Executor, username: string): Promise<number | undefined> {
  return (await db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst())?.id;
}

export type GroupName = { key: string; code: string; name: string; agency?: string };

/** Codes and names of the groups a report found, by their stored key (channels are named in views.ts). */
export async function groupNames(
  db: Executor,
  groupBy: Exclude<GroupBy, 'channel'>,
  keys: string[],
): Promise<GroupName[]> {
  if (keys.length === 0) return [];
  const ids = () => keys.map(Number);
  switch (groupBy) {
    case 'agency': {
      const rows = await db.selectFrom('agencies').select(['id', 'code', 'name']).where('id', 'in', ids()).execute();
      return rows.map((r) => ({ key: String(r.id), code: r.code, name: r.name }));
    }
    case 'unit': {
      const rows = await db
        .selectFrom('units as u')
        .innerJoin('agencies as a', 'a.id', 'u.agency_id')
        .select(['u.id', 'u.code', 'u.name', 'a.code as agency'])
        .where('u.id', 'in', ids())
        .execute();
      return rows.map((r) => ({ key: String(r.id), code: r.code, name: r.name, agency: r.agency }));
    }
    case 'officer': {
      const rows = await db
        .selectFrom('users')
        .select(['id', 'username', 'full_name'])
        .where('id', 'in', ids())
        .execute();
      return rows.map((r) => ({ key: String(r.id), code: r.username, name: r.full_name }));
    }
    case 'field': {
      const rows = await db.selectFrom('fields').select(['code', 'name']).where('code', 'in', keys).execute();
      return rows.map((r) => ({ key: r.code, code: r.code, name: r.name }));
    }
    case 'procedure': {
      const rows = await db
        .selectFrom('procedures as p')
        .innerJoin('procedure_versions as v', 'v.procedure_id', 'p.id')
        .distinctOn('p.code')
        .select(['p.code', 'v.name'])
        .where('p.code', 'in', keys)
        .orderBy('p.code')
        .orderBy('v.seq', 'desc')
        .execute();
      return rows.map((r) => ({ key: r.code, code: r.code, name: r.name }));
    }
  }
}

export type OverdueDossier = {
  code: string;
  procedure_code: string;
  procedure_name: string;
  agency_code: string;
  agency_name: string;
  channel: string;
  status: string;
  received_at: Date;
  original_due_at: Date;
  unit_code: string | null;
  unit_name: string | null;
  officer_username: string | null;
  officer_name: string | null;
};

/**
 * A page of the dossiers `inProgress.overdue` counts at the end of the period (the same predicates),
 * the longest overdue first, with the unit and officer holding them.
 */
export async function listOverdue(db: Executor, scope: Scope, p: Period, page: Page): Promise<OverdueDossier[]> {
  const keys = ['original_due_at', 'received_at'];
  const overdue = METRIC_CONDITION['inProgress.overdue'](p);
  const { rows } = await sql<OverdueDossier>`
    SELECT d.code, d.procedure_code, d.procedure_name, a.code AS agency_code, a.name AS agency_name, d.channel,
           d.status, d.received_at, d.original_due_at, u.code AS unit_code, u.name AS unit_name,
           usr.username AS officer_username, usr.full_name AS officer_name
    FROM ${backlogPage(scope, p.end, overdue, keys, page)} page
    JOIN dossiers d ON d.id = page.id
    JOIN agencies a ON a.id = d.agency_id
    LEFT JOIN units u ON u.id = d.holder_unit_id
    LEFT JOIN users usr ON usr.id = d.holder_user_id
    ORDER BY d.original_due_at, d.received_at, d.id`.execute(db);
  return rows;
}

/** The paths of the agencies at the top of the tree: the public statistics cover all below them. */
export async function rootPaths(db: Executor): Promise<string[]> {
  const rows = await db.selectFrom('agencies').select('path').where('parent_id', 'is', null).execute();
  return rows.map((r) => r.path);
}
