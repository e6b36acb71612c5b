import { Migrator, sql, type Migration, type MigrationProvider } from 'kysely';
import type { Db } from './database';
import { migrations } from './migrations/index';

class StaticMigrationProvider implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    return migrations;
  }
}

/** Applies every pending migration; throws with the failing migration's name. */
export async function migrateToLatest(db: Db): Promise<string[]> {
  // Name the schema of Kysely's bookkeeping tables: without it, a run in one schema sees another
  // schema's lock table through introspection (tests migrate many schemas on one server at once).
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
  const migrator = new Migrator({ db, provider: new StaticMigrationProvider(), migrationTableSchema: rows[0].schema });
  let outcome = await migrator.migrateToLatest();
  // Kysely's introspection reads every schema's tables and calls has_schema_privilege by name, so a
  // schema dropped at that instant by another session fails it with 3F000 before any migration ran
  // (seen when test files drop their schemas on one server at once). Such a run is simply repeated.
  for (let retry = 0; retry < 3 && outcome.error && !outcome.results?.length && isSchemaGone(outcome.error); retry++) {
    outcome = await migrator.migrateToLatest();
  }
  const { error, results } = outcome;
  const failed = results?.find((r) => r.status === 'Error');
  if (error) {
    throw new Error(`Migration ${failed?.migrationName ?? ''} failed: ${String((error as Error).message ?? error)}`, {
      cause: error,
    });
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

const isSchemaGone = (error: unknown) => (error as { code?: string }).code === '3F000';
