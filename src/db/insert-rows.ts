import { CompiledQuery, type Insertable, type Selectable } from 'kysely';
import { prepared, type Executor } from './database';
import type { Database } from './schema';

type Table = keyof Database & string;

/**
 * Inserts rows of one table in one statement whose text depends on the table and its columns only:
 * the rows go as one JSON parameter that PostgreSQL reads with the table's own column types
 * (`json_populate_recordset`). So the statement is a named prepared statement, parsed and planned
 * once per connection however many rows a batch has (group commit, docs/performance.md), and no
 * query node is built per value. Every row must name the same columns; the others take their
 * defaults. Values go as JSON: dates as ISO instants, and the `json` columns' values, which callers
 * give as JSON text as they do to Kysely, as that JSON. Returns the rows as stored.
 */
export async function insertRows<T extends Table>(
  db: Executor,
  table: T,
  rows: readonly Insertable<Database[T]>[],
  json: readonly string[] = [],
): Promise<Selectable<Database[T]>[]> {
  if (rows.length === 0) return [];
  const columns = Object.keys(rows[0]);
  if (!columns.every((c) => /^[a-z_][a-z0-9_]*$/.test(c))) throw new Error(`insertRows(${table}): bad column name`);
  const names = columns.join(', ');
  const asJson = new Set(json);
  const payload = rows.map((row) => {
    const r = row as Record<string, unknown>;
    if (Object.keys(r).length !== columns.length || !columns.every((c) => c in r)) {
      throw new Error(`insertRows(${table}): every row must name the columns ${names}`);
    }
    const fields = columns.map((c) => {
      const v = r[c];
      return `${JSON.stringify(c)}:${asJson.has(c) && typeof v === 'string' ? v : JSON.stringify(v ?? null)}`;
    });
    return `{${fields.join(',')}}`;
  });
  const text = prepared(
    `INSERT INTO ${table} (${names}) SELECT ${names} FROM json_populate_recordset(NULL::${table}, $1::json) RETURNING *`,
  );
  const result = await db.executeQuery<Selectable<Database[T]>>(CompiledQuery.raw(text, [`[${payload.join(',')}]`]));
  return result.rows;
}
