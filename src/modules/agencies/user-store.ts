import { sql, type Updateable } from 'kysely';
import type { Executor } from '../../db/database';
import type { Role } from '../identity/roles';
import { sessionsChanged } from '../identity/store';
import type { UserTable } from '../identity/tables';

export type Grant = {
  id: number;
  userId: number;
  role: Role;
  agencyId: number;
  agencyCode: string;
  agencyName: string;
  agencyPath: string;
  unitId: number | null;
  unitCode: string | null;
};

export type UserRecord = {
  id: number;
  username: string;
  fullName: string;
  email: string | null;
  phone: string | null;
  active: boolean;
  failedLogins: number;
  lockedUntil: Date | null;
};

export type UserFilter = {
  /** Only users with a grant inside one of these subtrees; that same grant must match the filters below. */
  within: string[];
  agencyPath?: string;
  unitId?: number;
  role?: Role;
  /** Folded search term (foldVietnamese), already escaped for LIKE. */
  search?: string;
  active?: boolean;
};

function userQuery(db: Executor) {
  return db
    .selectFrom('users as u')
    .select([
      'u.id',
      'u.username',
      'u.full_name as fullName',
      'u.email',
      'u.phone',
      'u.active',
      'u.failed_logins as failedLogins',
      'u.locked_until as lockedUntil',
    ]);
}

function filtered(db: Executor, f: UserFilter) {
  let q = userQuery(db).where((eb) => {
    let grants = eb
      .selectFrom('user_roles as r')
      .innerJoin('agencies as a', 'a.id', 'r.agency_id')
      .select('r.id')
      .whereRef('r.user_id', '=', 'u.id')
      .where((inner) => inner.or(f.within.map((path) => inner('a.path', 'like', `${path}%`))));
    if (f.agencyPath) grants = grants.where('a.path', 'like', `${f.agencyPath}%`);
    if (f.unitId !== undefined) grants = grants.where('r.unit_id', '=', f.unitId);
    if (f.role) grants = grants.where('r.role', '=', f.role);
    return eb.exists(grants);
  });
  if (f.active !== undefined) q = q.where('u.active', '=', f.active);
  if (f.search) {
    // unaccent folds the stored names the way foldVietnamese folds the term (đ included).
    const pattern = `%${f.search}%`;
    q = q.where(sql<boolean>`lower(unaccent(u.full_name || ' ' || u.username)) like ${pattern}`);
  }
  return q;
}

export async function listUsers(
  db: Executor,
  f: UserFilter,
  page: { limit: number; offset: number },
): Promise<{ rows: UserRecord[]; total: number }> {
  if (f.within.length === 0) return { rows: [], total: 0 };
  const rows = await filtered(db, f).orderBy('u.username').limit(page.limit).offset(page.offset).execute();
  const count = await filtered(db, f)
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return { rows, total: Number(count.n) };
}

export function findUser(db: Executor, id: number): Promise<UserRecord | undefined> {
  return userQuery(db).where('u.id', '=', id).executeTakeFirst();
}

export async function usernameTaken(db: Executor, username: string): Promise<boolean> {
  const row = await db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst();
  return row !== undefined;
}

/** Every grant of the given users, in grant order. */
export async function grantsOf(db: Executor, userIds: number[]): Promise<Grant[]> {
  if (userIds.length === 0) return [];
  const rows = await db
    .selectFrom('user_roles as r')
    .innerJoin('agencies as a', 'a.id', 'r.agency_id')
    .leftJoin('units as n', 'n.id', 'r.unit_id')
    .select([
      'r.id',
      'r.user_id as userId',
      'r.role',
      'r.agency_id as agencyId',
      'a.code as agencyCode',
      'a.name as agencyName',
      'a.path as agencyPath',
      'r.unit_id as unitId',
      'n.code as unitCode',
    ])
    .where('r.user_id', 'in', userIds)
    .orderBy('r.id')
    .execute();
  return rows.map((r) => ({ ...r, role: r.role as Role }));
}

export async function insertUser(
  tx: Executor,
  u: { username: string; fullName: string; passwordHash: string; email: string | null; phone: string | null },
): Promise<number> {
  const row = await tx
    .insertInto('users')
    .values({
      username: u.username,
      full_name: u.fullName,
      password_hash: u.passwordHash,
      email: u.email,
      phone: u.phone,
      password_changed_at: new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateUser(tx: Executor, id: number, patch: Updateable<UserTable>): Promise<void> {
  sessionsChanged(); // the sessions held in the process name the user and their roles
  await tx.updateTable('users').set(patch).where('id', '=', id).execute();
}

export async function endSessions(tx: Executor, userId: number): Promise<void> {
  sessionsChanged();
  await tx.deleteFrom('sessions').where('user_id', '=', userId).execute();
}

export async function grantExists(
  db: Executor,
  g: { userId: number; role: Role; agencyId: number; unitId: number | null },
): Promise<boolean> {
  let q = db
    .selectFrom('user_roles')
    .select('id')
    .where('user_id', '=', g.userId)
    .where('role', '=', g.role)
    .where('agency_id', '=', g.agencyId);
  q = g.unitId === null ? q.where('unit_id', 'is', null) : q.where('unit_id', '=', g.unitId);
  return (await q.executeTakeFirst()) !== undefined;
}

export async function insertGrant(
  tx: Executor,
  g: { userId: number; role: Role; agencyId: number; unitId: number | null },
): Promise<number> {
  sessionsChanged();
  const row = await tx
    .insertInto('user_roles')
    .values({ user_id: g.userId, role: g.role, agency_id: g.agencyId, unit_id: g.unitId })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function deleteGrant(tx: Executor, id: number): Promise<void> {
  sessionsChanged();
  await tx.deleteFrom('user_roles').where('id', '=', id).execute();
}
