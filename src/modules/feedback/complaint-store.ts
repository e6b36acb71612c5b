import { sql, type Insertable, type SqlBool } from 'kysely';
import type { Executor, Tx } from '../../db/database';
import { inPaths } from './rating-store';
import type { ComplaintRow, ComplaintTable } from './tables';

export type ComplaintWithRefs = ComplaintRow & {
  agency_code: string;
  agency_name: string;
  agency_path: string;
  assignee_username: string | null;
  assignee_name: string | null;
  answerer_username: string | null;
  answerer_name: string | null;
};

function withRefs(db: Executor) {
  return db
    .selectFrom('complaints as c')
    .innerJoin('agencies as a', 'a.id', 'c.agency_id')
    .leftJoin('users as u', 'u.id', 'c.assignee_id')
    .leftJoin('users as w', 'w.id', 'c.answered_by')
    .selectAll('c')
    .select([
      'a.code as agency_code',
      'a.name as agency_name',
      'a.path as agency_path',
      'u.username as assignee_username',
      'u.full_name as assignee_name',
      'w.username as answerer_username',
      'w.full_name as answerer_name',
    ]);
}

export async function insertComplaint(tx: Tx, row: Insertable<ComplaintTable>): Promise<void> {
  await tx.insertInto('complaints').values(row).execute();
}

export async function findComplaint(db: Executor, code: string, lock = false): Promise<ComplaintWithRefs | undefined> {
  const q = withRefs(db).where('c.code', '=', code);
  return (lock ? q.forUpdate('c') : q).executeTakeFirst();
}

export async function updateComplaint(tx: Tx, id: number, set: Partial<Insertable<ComplaintTable>>): Promise<void> {
  await tx.updateTable('complaints').set(set).where('id', '=', id).execute();
}

type Page = { limit: number; offset: number };

/** Complaints of the agencies of `paths`, the latest first. */
export async function listComplaints(db: Executor, paths: readonly string[], status: string | null, page: Page) {
  const cond = sql<SqlBool>`${inPaths('c.agency_id', paths)} ${status ? sql`AND c.status = ${status}` : sql``}`;
  const rows = await withRefs(db)
    .where(cond)
    .orderBy('c.received_at', 'desc')
    .orderBy('c.id', 'desc')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  const counted = await db
    .selectFrom('complaints as c')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where(cond)
    .executeTakeFirstOrThrow();
  return { rows, total: counted.n };
}

/** Published complaints, optionally of an agency subtree, the latest published first. */
export async function listPublished(db: Executor, paths: readonly string[] | null, page: Page) {
  const cond = sql<SqlBool>`c.status = 'published' ${paths ? sql`AND ${inPaths('c.agency_id', paths)}` : sql``}`;
  const rows = await withRefs(db)
    .where(cond)
    .orderBy('c.published_at', 'desc')
    .orderBy('c.id', 'desc')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  const counted = await db
    .selectFrom('complaints as c')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where(cond)
    .executeTakeFirstOrThrow();
  return { rows, total: counted.n };
}

/** An active officer holding a staff role in the agency, by username. */
export async function officerOf(db: Executor, username: string, agencyId: number) {
  return db
    .selectFrom('users as u')
    .innerJoin('user_roles as r', 'r.user_id', 'u.id')
    .select(['u.id', 'u.username', 'u.full_name'])
    .where('u.username', '=', username)
    .where('u.active', '=', true)
    .where('r.agency_id', '=', agencyId)
    .where('r.role', '<>', 'citizen')
    .executeTakeFirst();
}

/** The complaint's audit trail: its history. */
export async function history(db: Executor, code: string) {
  return db
    .selectFrom('audit_log as l')
    .leftJoin('users as u', 'u.id', 'l.actor_user_id')
    .select(['l.at', 'l.action', 'u.username', 'l.data'])
    .where('l.entity_type', '=', 'complaint')
    .where('l.entity_id', '=', code)
    .orderBy('l.id')
    .execute();
}
