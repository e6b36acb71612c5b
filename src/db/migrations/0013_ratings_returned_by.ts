import { sql, type Kysely } from 'kysely';

/**
 * A rating counts for the officer who returned the result and the unit they returned it for (the
 * `return` event's actor, feedback/rating-store.ts `ratedOfficer`), no longer for the dossier's last
 * holder — which after the leaders' step is no officer at all. The ratings recorded before are
 * attributed again by the same rule; those of dossiers without a `return` event (imported) keep theirs.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // One pass over the history (the latest return of each dossier), not a lookup per rating: at 10 M
  // dossiers the per-rating form took 14 min, this one ~1 min to read (docs/performance.md).
  await sql`
    UPDATE ratings r
    SET unit_id = e.actor_unit_id, officer_id = e.actor_user_id
    FROM (
      SELECT DISTINCT ON (dossier_id) dossier_id, actor_unit_id, actor_user_id
      FROM dossier_events
      WHERE action = 'return'
      ORDER BY dossier_id, seq DESC
    ) e
    WHERE e.dossier_id = r.dossier_id
      AND (r.unit_id, r.officer_id) IS DISTINCT FROM (e.actor_unit_id, e.actor_user_id)
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only');
}
