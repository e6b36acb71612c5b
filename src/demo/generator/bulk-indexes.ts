import type pg from 'pg';

/*
 * A fresh bulk load (the generator filling an empty dossiers table on a PostgreSQL server) builds the
 * secondary indexes of the dossiers and their histories once at the end instead of updating them row by
 * row: each dossier otherwise touches 14 of them, among them the trigram index on the applicant's name
 * and the GiST index on the open interval. Unique indexes stay: they back the constraints (codes, one
 * event per seq, one rating per dossier) the load relies on. Meanwhile the tables answer slower queries,
 * which a fresh load can afford.
 */

const TABLES = ['dossiers', 'dossier_events'];

type IndexDef = { name: string; def: string };

/** The definitions pg_indexes gives for the tables' indexes, in name order (what the migrations made). */
export async function indexDefinitions(pool: pg.Pool): Promise<IndexDef[]> {
  const { rows } = await pool.query<IndexDef>(
    `SELECT indexname AS name, indexdef AS def FROM pg_indexes
     WHERE schemaname = current_schema() AND tablename = ANY($1::text[]) ORDER BY indexname`,
    [TABLES],
  );
  return rows;
}

/** The secondary indexes, those that back no constraint. */
async function secondary(pool: pg.Pool): Promise<IndexDef[]> {
  const { rows } = await pool.query<IndexDef>(
    `SELECT i.relname AS name, pg_get_indexdef(i.oid) AS def
     FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
     WHERE t.relnamespace = to_regnamespace(current_schema()) AND t.relname = ANY($1::text[])
       AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.oid)
     ORDER BY i.relname`,
    [TABLES],
  );
  return rows;
}

/**
 * When the dossiers table is empty, drops its and its histories' secondary indexes and returns the
 * function that builds them again and checks that pg_indexes shows exactly the definitions it had;
 * otherwise returns null and leaves the indexes alone.
 */
export async function deferIndexesIfEmpty(pool: pg.Pool): Promise<(() => Promise<void>) | null> {
  const { rowCount } = await pool.query('SELECT 1 FROM dossiers LIMIT 1');
  if (rowCount) return null;
  const before = await indexDefinitions(pool);
  const dropped = await secondary(pool);
  await pool.query(dropped.map((d) => `DROP INDEX ${quote(d.name)};`).join('\n'));
  return async () => {
    // One index per connection, so the two cores build two at once.
    const queue = [...dropped];
    const builder = async () => {
      const client = await pool.connect();
      try {
        await client.query(`SET maintenance_work_mem = '512MB'`);
        for (let d = queue.shift(); d; d = queue.shift()) await client.query(d.def);
      } finally {
        await client.query('RESET maintenance_work_mem').catch(() => undefined);
        client.release();
      }
    };
    await Promise.all([builder(), builder()]);
    const after = await indexDefinitions(pool);
    if (JSON.stringify(after) !== JSON.stringify(before)) {
      throw new Error(`The rebuilt indexes differ from the schema's: ${JSON.stringify({ before, after })}`);
    }
  };
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;
