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

/** What a report covers: agency subtrees and the optional filters, resolved to stored values. */
export type Scope = {
  agencyPaths: string[];
  fieldCode: string | null;
  procedureCode: string | null;
  channel: string | null;
  unitIds: number[] | null;
  officerId: number | null;
};

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

function scopeCondition(scope: Scope, col: Columns): RawBuilder<SqlBool> {
  const paths = scope.agencyPaths.map((p) => sql`path LIKE ${`${p}%`}`);
  const conditions = [sql`${sql.ref(col.agency)} IN (SELECT id FROM agencies WHERE ${sql.join(paths, sql` OR `)})`];
  if (scope.fieldCode !== null) conditions.push(sql`${sql.ref(col.field)} = ${scope.fieldCode}`);
  if (scope.procedureCode !== null) conditions.push(sql`${sql.ref(col.procedure)} = ${scope.procedureCode}`);
  if (scope.channel !== null) conditions.push(sql`${sql.ref(col.channel)} = ${scope.channel}`);
  if (scope.unitIds !== null) conditions.push(sql`${sql.ref(col.unit)} IN (${sql.join(scope.unitIds)})`);
  if (scope.officerId !== null) conditions.push(sql`${sql.ref(col.officer)} = ${scope.officerId}`);
  return sql<SqlBool>`(${sql.join(conditions, sql` AND `)})`;
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

/** The dossiers a metric counts, a page of them in order of receipt, and how many there are. */
export async function listDossiers(
  db: Executor,
  scope: Scope,
  p: Period,
  metric: Metric,
  page: { limit: number; offset: number },
): Promise<{ total: number; rows: ListedDossier[] }> {
  const where = sql<SqlBool>`${scopeCondition(scope, DOSSIER)} AND ${METRIC_CONDITION[metric](p)}`;
  const counted = await sql<{ total: number }>`SELECT COUNT(*) AS total FROM dossiers d WHERE ${where}`.execute(db);
  const { rows } = await sql<ListedDossier>`
    SELECT d.code, d.procedure_code, d.procedure_name, a.code AS agency_code, a.name AS agency_name, d.channel,
           d.status, d.received_at, d.accepted_at, d.original_due_at, d.resolved_at, d.withdrawn_at, d.refused_at
    FROM dossiers d JOIN agencies a ON a.id = d.agency_id
    WHERE ${where}
    ORDER BY d.received_at, d.id
    LIMIT ${page.limit} OFFSET ${page.offset}`.execute(db);
  return { total: counted.rows[0].total, rows };
}

export type AgencyRef = { id: number; code: string; name: string; path: string };

export async function findAgency(db: Executor, code: string): Promise<AgencyRef | undefined> {
  return db.selectFrom('agencies').select(['id', 'code', 'name', 'path']).where('code', '=', code).executeTakeFirst();
}

export async function agenciesAtPaths(db: Executor, paths: string[]): Promise<AgencyRef[]> {
  return db.selectFrom('agencies').select(['id', 'code', 'name', 'path']).where('path', 'in', paths).execute();
}

export async function fieldExists(db: Executor, code: string): Promise<boolean> {
  return (await db.selectFrom('fields').select('id').where('code', '=', code).executeTakeFirst()) !== undefined;
}

export async function procedureExists(db: Executor, code: string): Promise<boolean> {
  return (await db.selectFrom('procedures').select('id').where('code', '=', code).executeTakeFirst()) !== undefined;
}

/** The units with `code` in the agencies of `paths` (every commune has its own VHXH, MC…). */
export async function unitIds(db: Executor, code: string, paths: string[]): Promise<number[]> {
  const rows = await db
    .selectFrom('units as u')
    .innerJoin('agencies as a', 'a.id', 'u.agency_id')
    .select('u.id')
    .where('u.code', '=', code)
    .where((eb) => eb.or(paths.map((p) => eb('a.path', 'like', `${p}%`))))
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
 * The dossiers `inProgress.overdue` counts at the end of the period (the same predicates), the
 * longest overdue first, with the unit and officer holding them.
 */
export async function listOverdue(
  db: Executor,
  scope: Scope,
  p: Period,
  page: { limit: number; offset: number },
): Promise<{ total: number; rows: OverdueDossier[] }> {
  const where = sql<SqlBool>`${scopeCondition(scope, DOSSIER)} AND ${METRIC_CONDITION['inProgress.overdue'](p)}`;
  const counted = await sql<{ total: number }>`SELECT COUNT(*) AS total FROM dossiers d WHERE ${where}`.execute(db);
  const { rows } = await sql<OverdueDossier>`
    SELECT d.code, d.procedure_code, d.procedure_name, a.code AS agency_code, a.name AS agency_name, d.channel,
           d.status, d.received_at, d.original_due_at, u.code AS unit_code, u.name AS unit_name,
           usr.username AS officer_username, usr.full_name AS officer_name
    FROM dossiers d
    JOIN agencies a ON a.id = d.agency_id
    LEFT JOIN units u ON u.id = d.holder_unit_id
    LEFT JOIN users usr ON usr.id = d.holder_user_id
    WHERE ${where}
    ORDER BY d.original_due_at, d.received_at, d.id
    LIMIT ${page.limit} OFFSET ${page.offset}`.execute(db);
  return { total: counted.rows[0].total, rows };
}

/** The paths of the agencies at the top of the tree: the public statistics cover all below them. */
export async function rootPaths(db: Executor): Promise<string[]> {
  const rows = await db.selectFrom('agencies').select('path').where('parent_id', 'is', null).execute();
  return rows.map((r) => r.path);
}
