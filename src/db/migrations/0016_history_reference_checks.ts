import { sql, type Kysely } from 'kysely';

/**
 * What the dossiers and their histories refer to, once per statement instead of once per row
 * (docs/performance.md, "References checked per statement"). A foreign key checks each new row on its
 * own (an intake wrote ~30 such checks, two fifths of PostgreSQL's work on it) and locks the row it
 * finds against deletion. Here the rows they point to are never deleted nor renumbered — agencies,
 * units, users and procedures are deactivated, and the history must keep naming them — so a trigger
 * refuses that, and one query at the end of each statement checks every new row's references.
 * `dossier_id` keeps its foreign key: dossiers are never deleted either, but those keys cost little
 * (one lookup of a row the same statement wrote). Migration 0017 measured otherwise: it checks those
 * too, and every column once per distinct id.
 */
export const REFERENCES: Record<string, { events: string; columns: Record<string, string> }> = {
  dossiers: {
    events: 'INSERT OR UPDATE',
    columns: {
      agency_id: 'agencies',
      applicant_user_id: 'users',
      holder_agency_id: 'agencies',
      holder_unit_id: 'units',
      holder_user_id: 'users',
      procedure_id: 'procedures',
      procedure_version_id: 'procedure_versions',
    },
  },
  dossier_events: {
    events: 'INSERT', // append-only
    columns: {
      actor_agency_id: 'agencies',
      actor_unit_id: 'units',
      actor_user_id: 'users',
      holder_agency_id: 'agencies',
      holder_unit_id: 'units',
      holder_user_id: 'users',
    },
  },
  dossier_steps: {
    events: 'INSERT OR UPDATE',
    columns: { agency_id: 'agencies', assignee_user_id: 'users', completed_by: 'users', unit_id: 'units' },
  },
};

const NEVER_DELETED = ['agencies', 'units', 'users', 'procedures', 'procedure_versions'];

/** The check of one table: the first new row's column whose id is missing, if any, fails the statement. */
function checkFunction(table: string, columns: Record<string, string>): string {
  const missing = Object.entries(columns)
    .map(
      ([column, target]) =>
        `WHEN r.${column} IS NOT NULL AND NOT EXISTS (SELECT 1 FROM ${target} x WHERE x.id = r.${column}) THEN '${column}'`,
    )
    .join('\n          ');
  const ids = Object.keys(columns)
    .map((column) => `WHEN '${column}' THEN r.${column}`)
    .join(' ');
  return checkFunctionOf(
    'CREATE FUNCTION',
    table,
    `SELECT m.col, CASE m.col ${ids} END AS id
      FROM new_rows r, LATERAL (SELECT CASE
          ${missing}
        END AS col) m
      WHERE m.col IS NOT NULL`,
  );
}

/**
 * A table's check function (`create`: `CREATE FUNCTION` or `CREATE OR REPLACE FUNCTION`): the first
 * row of `missing` (col, id), a query over the statement's `new_rows`, fails the statement naming it.
 */
export function checkFunctionOf(create: string, table: string, missing: string): string {
  return `
    ${create} check_${table}_references() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
      bad record;
    BEGIN
      SELECT q.col, q.id INTO bad FROM (${missing}) q
      LIMIT 1;
      IF FOUND THEN
        RAISE EXCEPTION 'insert or update on table "%" violates its reference "%": no row with id %', TG_TABLE_NAME, bad.col, bad.id
          USING ERRCODE = 'foreign_key_violation', TABLE = TG_TABLE_NAME, COLUMN = bad.col;
      END IF;
      RETURN NULL;
    END $$;`;
}

export async function up(db: Kysely<unknown>): Promise<void> {
  const statements: string[] = [
    `CREATE FUNCTION forbid_referenced_delete() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION '% are never deleted nor renumbered: dossiers and their histories name them; deactivate instead', TG_TABLE_NAME
        USING ERRCODE = 'restrict_violation', TABLE = TG_TABLE_NAME;
    END $$;`,
  ];
  for (const table of NEVER_DELETED) {
    statements.push(
      `CREATE TRIGGER ${table}_never_deleted BEFORE DELETE OR TRUNCATE ON ${table}
        FOR EACH STATEMENT EXECUTE FUNCTION forbid_referenced_delete();`,
      `CREATE TRIGGER ${table}_never_renumbered BEFORE UPDATE OF id ON ${table}
        FOR EACH ROW WHEN (OLD.id IS DISTINCT FROM NEW.id) EXECUTE FUNCTION forbid_referenced_delete();`,
    );
  }
  for (const [table, { events, columns }] of Object.entries(REFERENCES)) {
    for (const column of Object.keys(columns)) {
      statements.push(`ALTER TABLE ${table} DROP CONSTRAINT ${table}_${column}_fkey;`);
    }
    statements.push(checkFunction(table, columns));
    for (const event of events.split(' OR ')) {
      statements.push(
        `CREATE TRIGGER ${table}_references_${event.toLowerCase()} AFTER ${event} ON ${table}
          REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION check_${table}_references();`,
      );
    }
  }
  for (const statement of statements) await sql.raw(statement).execute(db);
}
