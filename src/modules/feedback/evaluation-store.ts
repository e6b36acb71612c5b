import { sql } from 'kysely';
import type { Executor } from '../../db/database';
import type { Period } from '../reports/rules';
import { inPaths } from './rating-store';
import type { PublishedProcedure } from './rules';

/** The queries of officer and unit evaluation and of the service-quality index (docs/quality-index.md). */

const periodOf = (column: string, p: Period) =>
  sql`${sql.ref(column)} >= ${p.start}::timestamptz AND ${sql.ref(column)} < ${p.end}::timestamptz`;

export type Keyed = { key: string; n: number };

/** Steps completed in the period in the agencies of `paths`, per officer or unit and timeliness. */
export async function stepCounts(db: Executor, paths: readonly string[], p: Period, by: 'officer' | 'unit') {
  const key = by === 'officer' ? sql.ref('s.completed_by') : sql.ref('s.unit_id');
  const { rows } = await sql<Keyed & { timeliness: string }>`
    SELECT CAST(${key} AS text) AS key, s.timeliness, COUNT(*) AS n
    FROM dossier_steps s
    WHERE ${inPaths('s.agency_id', paths)} AND ${periodOf('s.completed_at', p)} AND s.completed_by IS NOT NULL
    GROUP BY 1, 2`.execute(db);
  return rows;
}

/**
 * Apologies (Mẫu 04) made in the period naming a unit at fault in the agencies of `paths`: per unit,
 * or per officer who held the dossier in that unit when the apology was made.
 */
export async function lateCaused(db: Executor, paths: readonly string[], p: Period, by: 'officer' | 'unit') {
  const key = by === 'officer' ? sql`e.holder_user_id` : sql`u.id`;
  const officerOnly = by === 'officer' ? sql`AND e.holder_user_id IS NOT NULL AND e.holder_unit_id = u.id` : sql``;
  const { rows } = await sql<Keyed>`
    SELECT CAST(${key} AS text) AS key, COUNT(*) AS n
    FROM dossier_events e
    JOIN agencies a ON a.code = e.data->'faultUnit'->'agency'->>'code'
    JOIN units u ON u.agency_id = a.id AND u.code = e.data->'faultUnit'->'unit'->>'code'
    WHERE e.action = 'apologize' AND ${periodOf('e.at', p)} AND ${inPaths('a.id', paths)} ${officerOnly}
    GROUP BY 1`.execute(db);
  return rows;
}

export type AgencyRow = { id: number; code: string; name: string };

export async function agenciesIn(db: Executor, paths: readonly string[]): Promise<AgencyRow[]> {
  const { rows } = await sql<AgencyRow>`
    SELECT id, code, name FROM agencies a WHERE ${inPaths('a.id', paths)} AND a.active ORDER BY a.path`.execute(db);
  return rows;
}

/** The facts of every procedure version in force on `day` that disclosure completeness is judged by. */
export async function versionsInForce(db: Executor, day: string) {
  const { rows } = await sql<PublishedProcedure & { id: number }>`
    SELECT v.id,
      (SELECT COUNT(*) FROM procedure_components c WHERE c.version_id = v.id) AS components,
      (SELECT COUNT(*) FROM procedure_steps s WHERE s.version_id = v.id) AS steps,
      COALESCE(cardinality(v.legal_basis), 0) AS "legalBasis",
      (v.result_type IS NOT NULL AND v.result_type <> '') AS "hasResultType",
      COALESCE(v.reduced_deadline_value, v.deadline_value) AS "deadlineValue"
    FROM procedure_versions v
    WHERE v.effective_from <= ${day}::date AND (v.effective_to IS NULL OR v.effective_to > ${day}::date)
      AND v.decision_type <> 'abolished'`.execute(db);
  return rows;
}

/** Per agency: the procedure versions in force it implements, and how many of them are `complete`. */
export async function disclosureCounts(
  db: Executor,
  paths: readonly string[],
  inForce: readonly number[],
  complete: readonly number[],
) {
  if (inForce.length === 0) return [];
  const { rows } = await sql<{ agency_id: number; total: number; complete: number }>`
    SELECT a.id AS agency_id, COUNT(*) AS total,
           COUNT(*) FILTER (WHERE v.id = ANY(${complete}::int[])) AS complete
    FROM agencies a
    JOIN procedure_versions v ON v.id = ANY(${inForce}::int[])
      AND ((v.all_agencies_of_level AND v.level = a.level)
        OR EXISTS (SELECT 1 FROM procedure_version_agencies x WHERE x.version_id = v.id AND x.agency_id = a.id))
    WHERE ${inPaths('a.id', paths)}
    GROUP BY a.id`.execute(db);
  return rows;
}

/** Per agency, from the daily flows of the period: dossiers received (online of them) and resolved (in time of them). */
export async function flowCounts(db: Executor, paths: readonly string[], p: Period) {
  const { rows } = await sql<{
    agency_id: number;
    received: number;
    online: number;
    resolved: number;
    in_time: number;
  }>`
    SELECT s.agency_id,
      CAST(COALESCE(SUM(s.n) FILTER (WHERE s.metric = 'received'), 0) AS bigint) AS received,
      CAST(COALESCE(SUM(s.n) FILTER (WHERE s.metric = 'received' AND s.channel = 'online'), 0) AS bigint) AS online,
      CAST(COALESCE(SUM(s.n) FILTER (WHERE s.metric LIKE 'resolved_%'), 0) AS bigint) AS resolved,
      CAST(COALESCE(SUM(s.n) FILTER (WHERE s.metric IN ('resolved_early', 'resolved_on_time')), 0) AS bigint) AS in_time
    FROM statistics_daily s
    WHERE ${inPaths('s.agency_id', paths)} AND s.day >= ${p.from}::date AND s.day <= ${p.to}::date
    GROUP BY s.agency_id`.execute(db);
  return rows;
}

/** Per agency: live dossiers accepted in the period, and how many of them carry files (digitised). */
export async function digitisedCounts(db: Executor, paths: readonly string[], p: Period) {
  const { rows } = await sql<{ agency_id: number; total: number; digitised: number }>`
    SELECT d.agency_id, COUNT(*) AS total,
      COUNT(*) FILTER (WHERE EXISTS (SELECT 1 FROM dossier_files f WHERE f.dossier_id = d.id)) AS digitised
    FROM dossiers d
    WHERE ${inPaths('d.agency_id', paths)} AND d.source = 'live' AND ${periodOf('d.accepted_at', p)}
    GROUP BY d.agency_id`.execute(db);
  return rows;
}
