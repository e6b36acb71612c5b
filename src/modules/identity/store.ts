import { sql, type Expression } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { Executor } from '../../db/database';
import type { Role } from './roles';
import type { Principal, RoleGrant } from './rules';

export async function findUserByUsername(db: Executor, username: string) {
  return db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
}

/** A user's roles, each with its agency, in the order granted. */
function grantsOf(db: Executor, userId: Expression<number>) {
  return db
    .selectFrom('user_roles as r')
    .innerJoin('agencies as a', 'a.id', 'r.agency_id')
    .select(['r.role', 'r.agency_id', 'a.code', 'a.path', 'r.unit_id'])
    .where('r.user_id', '=', userId)
    .orderBy('r.id');
}

type GrantRow = { role: string; agency_id: number; code: string; path: string; unit_id: number | null };

const toGrant = (r: GrantRow): RoleGrant => ({
  role: r.role as Role,
  agencyId: r.agency_id,
  agencyCode: r.code,
  agencyPath: r.path,
  unitId: r.unit_id,
});

export async function loadGrants(db: Executor, userId: number): Promise<RoleGrant[]> {
  return (await grantsOf(db, sql.val(userId)).execute()).map(toGrant);
}

export type SessionLookup = { principal: Principal; csrfToken: string };

/** The session's user with their roles, in one query: every authenticated request starts with it. */
export async function findSession(db: Executor, tokenHash: string, now: Date): Promise<SessionLookup | null> {
  const row = await db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select((eb) => [
      'u.id',
      'u.username',
      'u.full_name',
      's.csrf_token',
      jsonArrayFrom(grantsOf(db, eb.ref('u.id'))).as('grants'),
    ])
    .where('s.token_hash', '=', tokenHash)
    .where('s.expires_at', '>', now)
    .where('u.active', '=', true)
    .executeTakeFirst();
  if (!row) return null;
  return {
    principal: { userId: row.id, username: row.username, fullName: row.full_name, grants: row.grants.map(toGrant) },
    csrfToken: row.csrf_token,
  };
}
