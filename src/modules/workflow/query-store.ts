import type { Expression, SqlBool } from 'kysely';
import type { Executor } from '../../db/database';
import type { RoleGrant } from '../identity/rules';

/**
 * The current steps an officer may act on or must assign: assigned to them (specialist steps), held
 * by a unit where they hold the step's role (desk and leader steps), or waiting for assignment in a
 * unit they lead. A grant without a unit covers its agency's subtree.
 */
function inboxQuery(db: Executor, userId: number, grants: readonly RoleGrant[]) {
  return db
    .selectFrom('dossier_steps as s')
    .innerJoin('dossiers as d', (j) => j.onRef('d.id', '=', 's.dossier_id').onRef('d.current_step_seq', '=', 's.seq'))
    .innerJoin('agencies as sa', 'sa.id', 's.agency_id')
    .where('d.status', 'in', ['in_progress', 'rejection_proposed'])
    .where((eb) => {
      const inUnit = (g: RoleGrant) =>
        g.unitId !== null ? eb('s.unit_id', '=', g.unitId) : eb('sa.path', 'like', `${g.agencyPath}%`);
      const conditions: Expression<SqlBool>[] = [
        eb.and([eb('s.role', '=', 'specialist'), eb('s.assignee_user_id', '=', userId)]),
      ];
      for (const g of grants) {
        if (g.role === 'reception' || g.role === 'unit_leader' || g.role === 'agency_leader') {
          conditions.push(eb.and([eb('s.role', '=', g.role), inUnit(g)]));
        }
        if (g.role === 'unit_leader') {
          conditions.push(eb.and([eb('s.role', '=', 'specialist'), eb('s.assignee_user_id', 'is', null), inUnit(g)]));
        }
      }
      return eb.or(conditions);
    });
}

/** The officer's inbox, soonest step due time first. */
export async function inbox(
  db: Executor,
  userId: number,
  grants: readonly RoleGrant[],
  page: { limit: number; offset: number },
) {
  const { total } = await inboxQuery(db, userId, grants)
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .executeTakeFirstOrThrow();
  const rows = await inboxQuery(db, userId, grants)
    .innerJoin('units as su', 'su.id', 's.unit_id')
    .leftJoin('users as au', 'au.id', 's.assignee_user_id')
    .select(['d.code', 'd.version', 'd.status', 'd.procedure_code', 'd.procedure_name', 'd.due_at as dossier_due_at'])
    .select(['s.seq', 's.name', 's.role', 's.agency_id', 's.started_at', 's.due_at', 's.assignee_user_id'])
    .select(['sa.code as agency_code', 'sa.name as agency_name', 'su.code as unit_code', 'su.name as unit_name'])
    .select('au.full_name as assignee_name')
    .orderBy('s.due_at')
    .orderBy('d.code')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  return { total: Number(total), rows };
}

export type TransferFilter = {
  direction: 'in' | 'out';
  /** The agency subtrees of the caller: its side of the hand-over lies in one of them. */
  scopePaths: readonly string[];
  /** Narrows its side to one agency's subtree. */
  agencyPath?: string;
  open?: boolean;
};

function transferQuery(db: Executor, f: TransferFilter) {
  const mine = f.direction === 'in' ? 'ta' : 'fa';
  let q = db
    .selectFrom('dossier_transfers as t')
    .innerJoin('dossiers as d', 'd.id', 't.dossier_id')
    .innerJoin('agencies as fa', 'fa.id', 't.from_agency_id')
    .innerJoin('agencies as ta', 'ta.id', 't.to_agency_id')
    .where((eb) => eb.or(f.scopePaths.map((p) => eb(`${mine}.path`, 'like', `${p}%`))));
  if (f.agencyPath) q = q.where(`${mine}.path`, 'like', `${f.agencyPath}%`);
  if (f.open !== undefined) q = q.where('t.completed_at', f.open ? 'is' : 'is not', null);
  return q;
}

/** Hand-overs into or out of the caller's agencies, newest first. */
export async function transfers(db: Executor, f: TransferFilter, page: { limit: number; offset: number }) {
  if (f.scopePaths.length === 0) return { total: 0, rows: [] };
  const { total } = await transferQuery(db, f)
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .executeTakeFirstOrThrow();
  const rows = await transferQuery(db, f)
    .selectAll('t')
    .select(['d.code', 'd.version', 'd.status', 'd.procedure_code', 'd.procedure_name', 'd.current_step_seq'])
    .select(['fa.code as from_code', 'fa.name as from_name', 'ta.code as to_code', 'ta.name as to_name'])
    .orderBy('t.sent_at', 'desc')
    .orderBy('t.id', 'desc')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  return { total: Number(total), rows };
}
