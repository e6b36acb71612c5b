import { sql, type Kysely } from 'kysely';

/**
 * A rating counts for the officer who returned the result and the unit they returned it for (the
 * `return` event's actor, feedback/rating-store.ts `ratedOfficer`), no longer for the dossier's last
 * holder — which after the leaders' step is no officer at all. The ratings recorded before are
 * attributed again by the same rule; those of dossiers without a `return` event (imported) keep theirs.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    UPDATE ratings r
    SET unit_id = e.actor_unit_id, officer_id = e.actor_user_id
    FROM dossier_events e
    WHERE e.dossier_id = r.dossier_id AND e.action = 'return'
      AND e.seq = (SELECT max(x.seq) FROM dossier_events x WHERE x.dossier_id = r.dossier_id AND x.action = 'return')
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only');
}
