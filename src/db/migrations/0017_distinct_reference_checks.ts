import { sql, type Kysely } from 'kysely';
import { checkFunctionOf, REFERENCES } from './0016_history_reference_checks';

/**
 * Every reference an intake writes, checked once per statement and once per distinct id
 * (docs/performance.md, "References checked per distinct id"). Migration 0016 checked the history's
 * references once per statement but still once per row and column, and left `dossier_id` and the
 * users of keys and notifications to foreign keys, which check each row on its own: in a batch of 17
 * intakes `EXPLAIN ANALYZE` counted 221 such row checks (0.98 ms) and 0.64 ms of 0016's checks, a
 * third of the statement. A batch names few distinct rows — its 17 dossiers, 5 agencies, a handful of
 * units and officers — so each column's distinct ids are looked up once. Dossiers, like the rows
 * 0016 guards, are never deleted nor renumbered: a dossier is withdrawn or refused, never removed.
 */
const CHECKED: Record<string, { events: string; columns: Record<string, string> }> = {
  dossiers: REFERENCES.dossiers,
  dossier_events: {
    events: REFERENCES.dossier_events.events,
    columns: { dossier_id: 'dossiers', ...REFERENCES.dossier_events.columns },
  },
  dossier_steps: {
    events: REFERENCES.dossier_steps.events,
    columns: { dossier_id: 'dossiers', ...REFERENCES.dossier_steps.columns },
  },
  dossier_components: { events: 'INSERT OR UPDATE', columns: { dossier_id: 'dossiers' } },
  outbox_messages: { events: 'INSERT OR UPDATE', columns: { dossier_id: 'dossiers' } },
  notifications: { events: 'INSERT OR UPDATE', columns: { user_id: 'users' } },
  idempotency_keys: { events: 'INSERT OR UPDATE', columns: { user_id: 'users', dossier_id: 'dossiers' } },
};

/** The foreign keys that 0016 left, which these checks replace: table and column. */
const DROPPED: [string, string][] = [
  ['dossier_events', 'dossier_id'],
  ['dossier_steps', 'dossier_id'],
  ['dossier_components', 'dossier_id'],
  ['outbox_messages', 'dossier_id'],
  ['notifications', 'user_id'],
  ['idempotency_keys', 'user_id'],
  ['idempotency_keys', 'dossier_id'],
];

/** A table's check: the first distinct id of a column that names no row fails the statement. */
function checkFunction(table: string, columns: Record<string, string>): string {
  const missing = Object.entries(columns)
    .map(
      ([column, target]) => `SELECT '${column}' AS col, x.v AS id
          FROM (SELECT DISTINCT ${column} AS v FROM new_rows WHERE ${column} IS NOT NULL) x
          WHERE NOT EXISTS (SELECT 1 FROM ${target} t WHERE t.id = x.v)`,
    )
    .join('\n        UNION ALL\n        ');
  return checkFunctionOf('CREATE OR REPLACE FUNCTION', table, missing);
}

export async function up(db: Kysely<unknown>): Promise<void> {
  const statements: string[] = [
    `CREATE OR REPLACE FUNCTION forbid_referenced_delete() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'rows of % are never deleted nor renumbered: dossiers and their histories refer to them', TG_TABLE_NAME
        USING ERRCODE = 'restrict_violation', TABLE = TG_TABLE_NAME;
    END $$;`,
    `CREATE TRIGGER dossiers_never_deleted BEFORE DELETE OR TRUNCATE ON dossiers
      FOR EACH STATEMENT EXECUTE FUNCTION forbid_referenced_delete();`,
    `CREATE TRIGGER dossiers_never_renumbered BEFORE UPDATE OF id ON dossiers
      FOR EACH ROW WHEN (OLD.id IS DISTINCT FROM NEW.id) EXECUTE FUNCTION forbid_referenced_delete();`,
  ];
  for (const [table, column] of DROPPED)
    statements.push(`ALTER TABLE ${table} DROP CONSTRAINT ${table}_${column}_fkey;`);
  for (const [table, { events, columns }] of Object.entries(CHECKED)) {
    statements.push(checkFunction(table, columns));
    if (table in REFERENCES) continue; // 0016 made their triggers
    for (const event of events.split(' OR ')) {
      statements.push(
        `CREATE TRIGGER ${table}_references_${event.toLowerCase()} AFTER ${event} ON ${table}
          REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION check_${table}_references();`,
      );
    }
  }
  for (const statement of statements) await sql.raw(statement).execute(db);
}
