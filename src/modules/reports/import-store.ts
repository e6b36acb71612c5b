import { sql } from 'kysely';
import type { Executor, Tx } from '../../db/database';
import type { DeadlineUnit } from '../calendar/rules';
import type { ImportRow, ImportVersion } from './import-rules';

export type ImportAgency = { id: number; code: string; path: string };

export async function findAgency(db: Executor, code: string): Promise<ImportAgency | undefined> {
  return db.selectFrom('agencies').select(['id', 'code', 'path']).where('code', '=', code).executeTakeFirst();
}

/** Every version of a procedure with what an imported dossier copies from it; [] for an unknown code. */
export async function procedureVersions(db: Executor, code: string): Promise<ImportVersion[]> {
  const rows = await db
    .selectFrom('procedure_versions as v')
    .innerJoin('procedures as p', 'p.id', 'v.procedure_id')
    .innerJoin('fields as f', 'f.id', 'v.field_id')
    .select([
      'v.id',
      'v.procedure_id',
      'v.seq',
      'v.effective_from',
      'v.decision_type',
      'v.name',
      'f.code as field_code',
      'v.deadline_value',
      'v.deadline_unit',
      'v.reduced_deadline_value',
      'v.reduced_deadline_unit',
      'v.clock_on_resume',
    ])
    .where('p.code', '=', code)
    .orderBy('v.seq')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    procedureId: r.procedure_id,
    seq: r.seq,
    effectiveFrom: r.effective_from,
    decisionType: r.decision_type,
    name: r.name,
    fieldCode: r.field_code,
    // The reduced deadline when the province set one (catalogue rules `effectiveDeadline`).
    deadline:
      r.reduced_deadline_value !== null && r.reduced_deadline_unit !== null
        ? { value: r.reduced_deadline_value, unit: r.reduced_deadline_unit as DeadlineUnit }
        : { value: r.deadline_value, unit: r.deadline_unit as DeadlineUnit },
    clockOnResume: r.clock_on_resume,
  }));
}

/** Codes of the imported dossiers among `externalIds`, locked until the batch commits. */
export async function existingCodes(tx: Tx, externalIds: string[]): Promise<Map<string, string>> {
  const { rows } = await sql<{ external_id: string; code: string }>`
    SELECT external_id, code FROM dossiers WHERE external_id IN (${sql.join(externalIds)}) FOR UPDATE`.execute(tx);
  return new Map(rows.map((r) => [r.external_id, r.code]));
}

/**
 * Takes `count` numbers of the daily sequence of each agency and day at once (the same counter live
 * intake uses, so codes never collide); returns the last number taken for each.
 */
export async function takeSequences(
  tx: Tx,
  wanted: { agencyId: number; day: string; count: number }[],
): Promise<Map<string, number>> {
  const rows = await tx
    .insertInto('dossier_counters')
    .values(wanted.map((w) => ({ agency_id: w.agencyId, day: w.day, last_seq: w.count })))
    .onConflict((oc) =>
      oc
        .columns(['agency_id', 'day'])
        .doUpdateSet((eb) => ({ last_seq: eb('dossier_counters.last_seq', '+', eb.ref('excluded.last_seq')) })),
    )
    .returning(['agency_id', 'day', 'last_seq'])
    .execute();
  return new Map(rows.map((r) => [`${r.agency_id}/${r.day}`, r.last_seq]));
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/**
 * Inserts the rows, or updates the imported dossier with the same external id (keeping its code),
 * in one statement; answers the code each external id has now.
 */
export async function upsertDossiers(tx: Tx, rows: { code: string; row: ImportRow }[]): Promise<Map<string, string>> {
  const records = rows.map(({ code, row: r }) => ({
    code,
    external_id: r.externalId,
    agency_id: r.agencyId,
    procedure_id: r.procedureId,
    procedure_version_id: r.versionId,
    procedure_code: r.procedureCode,
    procedure_name: r.procedureName,
    field_code: r.fieldCode,
    channel: r.channel,
    rule_set: r.ruleSet,
    deadline_value: r.deadline.value,
    deadline_unit: r.deadline.unit,
    clock_on_resume: r.clockOnResume,
    status: r.status,
    received_at: iso(r.receivedAt),
    due_at: iso(r.dueAt),
    resolved_at: iso(r.resolvedAt),
    returned_at: iso(r.returnedAt),
    withdrawn_at: iso(r.withdrawnAt),
    resolution_timeliness: r.timeliness,
  }));
  const { rows: written } = await sql<{ external_id: string; code: string }>`
    INSERT INTO dossiers (code, external_id, source, agency_id, holder_agency_id, procedure_id, procedure_version_id,
      procedure_code, procedure_name, field_code, channel, rule_set, deadline_value, deadline_unit, clock_on_resume,
      status, version, received_at, accepted_at, due_at, original_due_at, resolved_at, returned_at, withdrawn_at,
      resolution_timeliness)
    SELECT r.code, r.external_id, 'import', r.agency_id, r.agency_id, r.procedure_id, r.procedure_version_id,
      r.procedure_code, r.procedure_name, r.field_code, r.channel, r.rule_set, r.deadline_value, r.deadline_unit,
      r.clock_on_resume, r.status, 1, r.received_at, r.received_at, r.due_at, r.due_at, r.resolved_at, r.returned_at,
      r.withdrawn_at, r.resolution_timeliness
    FROM jsonb_to_recordset(${JSON.stringify(records)}::jsonb) AS r(code text, external_id text, agency_id int,
      procedure_id int, procedure_version_id int, procedure_code text, procedure_name text, field_code text,
      channel text, rule_set text, deadline_value int, deadline_unit text, clock_on_resume text, status text,
      received_at timestamptz, due_at timestamptz, resolved_at timestamptz, returned_at timestamptz,
      withdrawn_at timestamptz, resolution_timeliness text)
    ON CONFLICT (external_id) DO UPDATE SET
      agency_id = excluded.agency_id, holder_agency_id = excluded.holder_agency_id, holder_unit_id = NULL,
      holder_user_id = NULL, procedure_id = excluded.procedure_id,
      procedure_version_id = excluded.procedure_version_id, procedure_code = excluded.procedure_code,
      procedure_name = excluded.procedure_name, field_code = excluded.field_code, channel = excluded.channel,
      rule_set = excluded.rule_set, deadline_value = excluded.deadline_value, deadline_unit = excluded.deadline_unit,
      clock_on_resume = excluded.clock_on_resume, status = excluded.status, version = dossiers.version + 1,
      received_at = excluded.received_at, accepted_at = excluded.accepted_at, due_at = excluded.due_at,
      original_due_at = excluded.original_due_at, resolved_at = excluded.resolved_at,
      returned_at = excluded.returned_at, withdrawn_at = excluded.withdrawn_at,
      resolution_timeliness = excluded.resolution_timeliness
    RETURNING external_id, code`.execute(tx);
  return new Map(written.map((r) => [r.external_id, r.code]));
}
