import { sql, type Kysely } from 'kysely';

/**
 * The statistics trigger runs its upsert as static SQL, so PL/pgSQL plans it once per connection.
 * Before, it ran `EXECUTE statistics_upsert(…)`, and every insert or update of a dossier planned the
 * upsert again: 0.5–0.8 ms of PostgreSQL CPU per statement (docs/performance.md). The body is still
 * the one statement `statistics_upsert` builds, written into the function when this migration runs.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    DO $do$ BEGIN
      EXECUTE format($f$
        CREATE OR REPLACE FUNCTION statistics_on_dossier_change() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF TG_OP = 'INSERT' THEN
            %s;
          ELSIF TG_OP = 'UPDATE' THEN
            %s;
          ELSE
            %s;
          END IF;
          RETURN NULL;
        END $$ $f$,
        statistics_upsert('SELECT *, 1 AS sign FROM statistics_new'),
        statistics_upsert('SELECT *, 1 AS sign FROM statistics_new UNION ALL SELECT *, -1 FROM statistics_old'),
        statistics_upsert('SELECT *, -1 AS sign FROM statistics_old'));
    END $do$;
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only');
}
