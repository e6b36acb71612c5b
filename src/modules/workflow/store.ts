import { sql, type Insertable, type Updateable } from 'kysely';
import type { Executor, Tx } from '../../db/database';
import { insertRows } from '../../db/insert-rows';
import type { DossierStatus } from '../dossiers/lifecycle';
import type { DossierStepTable, DossierTransferTable } from './tables';

/** Statuses in which a dossier's current step is open work (its officer's load). */
export const OPEN_STATUSES: readonly DossierStatus[] = ['in_progress', 'paused', 'rejection_proposed'];

/** The internal process of a procedure version, in order (liên thông steps name their agency). */
export async function versionSteps(db: Executor, versionId: number) {
  return db
    .selectFrom('procedure_steps')
    .select(['seq', 'name', 'unit_code', 'role', 'agency_id', 'duration_value', 'duration_unit'])
    .where('version_id', '=', versionId)
    .orderBy('seq')
    .execute();
}

/** Units by agency and code, active or not: a step keeps the unit its procedure names. */
export async function unitsOf(db: Executor, agencyIds: readonly number[]) {
  return db.selectFrom('units').select(['id', 'agency_id', 'code']).where('agency_id', 'in', agencyIds).execute();
}

export async function insertSteps(tx: Tx, rows: readonly Insertable<DossierStepTable>[]): Promise<void> {
  await insertRows(tx, 'dossier_steps', rows);
}

/** The steps of a dossier with where they are and who holds them, in order. */
export async function loadSteps(db: Executor, dossierId: number) {
  return db
    .selectFrom('dossier_steps as s')
    .innerJoin('agencies as a', 'a.id', 's.agency_id')
    .innerJoin('units as u', 'u.id', 's.unit_id')
    .leftJoin('users as au', 'au.id', 's.assignee_user_id')
    .leftJoin('users as cu', 'cu.id', 's.completed_by')
    .selectAll('s')
    .select(['a.path as agency_path', 'a.code as agency_code', 'a.name as agency_name'])
    .select(['u.code as unit_code', 'u.name as unit_name'])
    .select(['au.full_name as assignee_name', 'cu.full_name as completed_by_name'])
    .where('s.dossier_id', '=', dossierId)
    .orderBy('s.seq')
    .execute();
}
export type StepRow = Awaited<ReturnType<typeof loadSteps>>[number];

export async function updateStep(
  tx: Tx,
  dossierId: number,
  seq: number,
  set: Updateable<DossierStepTable>,
): Promise<void> {
  await tx.updateTable('dossier_steps').set(set).where('dossier_id', '=', dossierId).where('seq', '=', seq).execute();
}

/** Active officers holding `role` in the unit, with their load: the open steps assigned to them. */
export async function candidates(db: Executor, unitId: number, role: string) {
  return db
    .selectFrom('users as u')
    .innerJoin('user_roles as r', 'r.user_id', 'u.id')
    .select(['u.id as userId', 'u.full_name as fullName'])
    .select((eb) =>
      eb
        .selectFrom('dossier_steps as s')
        .innerJoin('dossiers as d', (j) =>
          j.onRef('d.id', '=', 's.dossier_id').onRef('d.current_step_seq', '=', 's.seq'),
        )
        .whereRef('s.assignee_user_id', '=', 'u.id')
        .where('d.status', 'in', OPEN_STATUSES)
        .select(sql<number>`count(*)::int`.as('n'))
        .as('load'),
    )
    .where('r.role', '=', role)
    .where('r.unit_id', '=', unitId)
    .where('u.active', '=', true)
    .orderBy('u.id')
    .execute();
}

/** The auto-assignment settings of the agencies among `agencyIds` that have one. */
export async function settingsOf(db: Executor, agencyIds: readonly number[]) {
  if (agencyIds.length === 0) return [];
  return db
    .selectFrom('workflow_settings')
    .select(['agency_id as agencyId', 'auto_assign as autoAssign', 'updated_at as updatedAt'])
    .where('agency_id', 'in', agencyIds)
    .execute();
}

export async function upsertSetting(tx: Tx, agencyId: number, autoAssign: boolean, now: Date): Promise<void> {
  await tx
    .insertInto('workflow_settings')
    .values({ agency_id: agencyId, auto_assign: autoAssign, updated_at: now })
    .onConflict((oc) => oc.column('agency_id').doUpdateSet({ auto_assign: autoAssign, updated_at: now }))
    .execute();
}

/** The part of a liên thông in progress: the one hand-over not yet completed. */
export async function openTransfer(db: Executor, dossierId: number) {
  return db
    .selectFrom('dossier_transfers')
    .selectAll()
    .where('dossier_id', '=', dossierId)
    .where('completed_at', 'is', null)
    .executeTakeFirst();
}

export async function insertTransfer(tx: Tx, row: Insertable<DossierTransferTable>): Promise<void> {
  await tx.insertInto('dossier_transfers').values(row).execute();
}

export async function updateTransfer(tx: Tx, id: number, set: Updateable<DossierTransferTable>): Promise<void> {
  await tx.updateTable('dossier_transfers').set(set).where('id', '=', id).execute();
}

export async function transfersOf(db: Executor, dossierId: number) {
  return db
    .selectFrom('dossier_transfers as t')
    .innerJoin('agencies as fa', 'fa.id', 't.from_agency_id')
    .innerJoin('agencies as ta', 'ta.id', 't.to_agency_id')
    .selectAll('t')
    .select(['fa.code as from_code', 'fa.name as from_name', 'ta.code as to_code', 'ta.name as to_name'])
    .where('t.dossier_id', '=', dossierId)
    .orderBy('t.event_seq')
    .execute();
}

/** When the event `seq` of a dossier happened (the pause a resubmission ends). */
export async function eventAt(db: Executor, dossierId: number, seq: number): Promise<Date> {
  const row = await db
    .selectFrom('dossier_events')
    .select('at')
    .where('dossier_id', '=', dossierId)
    .where('seq', '=', seq)
    .executeTakeFirstOrThrow();
  return row.at;
}

export async function findUnit(db: Executor, agencyId: number, code: string) {
  return db
    .selectFrom('units')
    .select(['id', 'code', 'name'])
    .where('agency_id', '=', agencyId)
    .where('code', '=', code)
    .executeTakeFirst();
}
