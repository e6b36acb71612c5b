import { CompiledQuery, type Insertable, type Selectable } from 'kysely';
import { prepared, type Executor } from './database';
import type { Database } from './schema';

type Table = keyof Database & string;

/** One table's rows as an `INSERT … SELECT` from a JSON parameter: `insertRows`, or one part of a larger statement. */
export type RowsInsert = { sql: string; payload: string };

/**
 * The insert of `rows` into `table` reading parameter `$param`: the rows go as one JSON array that
 * PostgreSQL reads with the table's own column types (`json_populate_recordset`), so the SQL text
 * depends on the table and its columns only, never on the number of rows. Every row must name the
 * same columns; the others take their defaults. Values go as JSON: dates as ISO instants, and the
 * `json` columns' values, which callers give as JSON text as they do to Kysely, as that JSON.
 */
export function rowsInsert<T extends Table>(
  table: T,
  rows: readonly Insertable<Database[T]>[],
  param: number,
  json: readonly string[] = [],
): RowsInsert {
  const columns = Object.keys(rows[0] ?? {});
  if (columns.length === 0 || !columns.every((c) => /^[a-z_][a-z0-9_]*$/.test(c))) {
    throw new Error(`rowsInsert(${table}): no rows, or a bad column name`);
  }
  const names = columns.join(', ');
  for (const row of rows) {
    const r = row as Record<string, unknown>;
    if (Object.keys(r).length !== columns.length || !columns.every((c) => c in r)) {
      throw new Error(`rowsInsert(${table}): every row must name the columns ${names}`);
    }
  }
  // The json columns arrive as JSON strings holding the JSON text; PostgreSQL reads the text back.
  const select = columns.map((c) => (json.includes(c) ? `(${c} #>> '{}')::jsonb` : c)).join(', ');
  return {
    sql: `INSERT INTO ${table} (${names}) SELECT ${select} FROM json_populate_recordset(NULL::${table}, $${param}::json)`,
    payload: JSON.stringify(rows),
  };
}

/**
 * Inserts rows of one table in one statement (`rowsInsert`), run as a named prepared statement: it is
 * parsed and planned once per connection however many rows a batch has (group commit,
 * docs/performance.md), and no query node is built per value. Returns the rows as stored.
 */
export async function insertRows<T extends Table>(
  db: Executor,
  table: T,
  rows: readonly Insertable<Database[T]>[],
  json: readonly string[] = [],
): Promise<Selectable<Database[T]>[]> {
  if (rows.length === 0) return [];
  const insert = rowsInsert(table, rows, 1, json);
  const text = prepared(`${insert.sql} RETURNING *`);
  return (await db.executeQuery<Selectable<Database[T]>>(CompiledQuery.raw(text, [insert.payload]))).rows;
}
