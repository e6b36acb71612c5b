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

let sessionWrites = 0;

/**
 * A session, a user or a user's roles changed in this process: call it in the write's transaction, so
 * that the sessions held in the process (identity/service.ts `authenticate`) are read again.
 */
export function sessionsChanged(): void {
  sessionWrites++;
}

/** How many such writes this process has seen (shared/process-cache.ts). */
export const sessionsGeneration = (): number => sessionWrites;

/**
 * The sessions of these token hashes with their users and roles, in one query: every authenticated
 * request starts with it, and concurrent requests share it (identity/service.ts `authenticate`).
 * Expired sessions and inactive users are left out; the caller compares `expiresAt` with its own clock.
 */
export async function findSessions(
  db: Executor,
  tokenHashes: readonly string[],
  now: Date,
): Promise<Map<string, SessionLookup & { expiresAt: Date }>> {
  const rows = await db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select((eb) => [
      's.token_hash',
      's.expires_at',
      'u.id',
      'u.username',
      'u.full_name',
      's.csrf_token',
      jsonArrayFrom(grantsOf(db, eb.ref('u.id'))).as('grants'),
    ])
    .where(sql<boolean>`s.token_hash = ANY(${[...tokenHashes]}::text[])`)
    .where('s.expires_at', '>', now)
    .where('u.active', '=', true)
    .execute();
  return new Map(
    rows.map((row) => [
      row.token_hash,
      {
        principal: { userId: row.id, username: row.username, fullName: row.full_name, grants: row.grants.map(toGrant) },
        csrfToken: row.csrf_token,
        expiresAt: row.expires_at,
      },
    ]),
  );
}
