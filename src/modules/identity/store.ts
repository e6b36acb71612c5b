import type { Executor } from '../../db/database';
import type { Role } from './roles';
import type { Principal, RoleGrant } from './rules';

export async function findUserByUsername(db: Executor, username: string) {
  return db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
}

export async function loadGrants(db: Executor, userId: number): Promise<RoleGrant[]> {
  const rows = await db
    .selectFrom('user_roles as r')
    .innerJoin('agencies as a', 'a.id', 'r.agency_id')
    .select(['r.role', 'r.agency_id', 'a.code', 'a.path', 'r.unit_id'])
    .where('r.user_id', '=', userId)
    .orderBy('r.id')
    .execute();
  return rows.map((r) => ({
    role: r.role as Role,
    agencyId: r.agency_id,
    agencyCode: r.code,
    agencyPath: r.path,
    unitId: r.unit_id,
  }));
}

export type SessionLookup = { principal: Principal; csrfToken: string };

export async function findSession(db: Executor, tokenHash: string, now: Date): Promise<SessionLookup | null> {
  const row = await db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select(['u.id', 'u.username', 'u.full_name', 's.csrf_token'])
    .where('s.token_hash', '=', tokenHash)
    .where('s.expires_at', '>', now)
    .where('u.active', '=', true)
    .executeTakeFirst();
  if (!row) return null;
  const grants = await loadGrants(db, row.id);
  return {
    principal: { userId: row.id, username: row.username, fullName: row.full_name, grants },
    csrfToken: row.csrf_token,
  };
}
