import { mkdirSync } from 'node:fs';
import { Kysely, PostgresDialect, type Transaction } from 'kysely';
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import type { Database } from './schema';

export type Db = Kysely<Database>;
export type Tx = Transaction<Database>;
/** Anything queries can run on: the database or an open transaction. */
export type Executor = Db | Tx;

export type DbHandle = { db: Db; kind: 'pglite' | 'postgres'; close: () => Promise<void> };

// timestamptz and int8/numeric come back as Date / string by default; keep Date for timestamptz,
// parse bigint counts to numbers (counts never exceed 2^53 here), and keep `date` as plain text.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);

// The pool behind each Kysely on a PostgreSQL server, for the few bulk writers that need the driver
// itself (COPY FROM STDIN: the demo generator). PGlite's adapter does not do COPY, so it has none.
const serverPools = new WeakMap<Db, pg.Pool>();
export const serverPoolOf = (db: Db): pg.Pool | undefined => serverPools.get(db);

export type OpenOptions = { databaseUrl?: string; dataDir: string; schema?: string };

/**
 * Opens Kysely over a real PostgreSQL server when a URL is given, otherwise over embedded PGlite
 * through its node-postgres adapter, so one dialect and one SQL path serve both (stack-notes.md).
 */
export async function openDatabase(opts: OpenOptions): Promise<DbHandle> {
  const searchPath = opts.schema ? `-c search_path=${opts.schema},public` : undefined;
  if (opts.databaseUrl) {
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: 10, options: searchPath });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    serverPools.set(db, pool);
    return { db, kind: 'postgres', close: () => db.destroy() };
  }
  const memory = opts.dataDir.startsWith('memory://');
  if (!memory) mkdirSync(opts.dataDir, { recursive: true });
  const pglite = await PGlite.create({
    dataDir: memory ? undefined : `${opts.dataDir}/pglite`,
    extensions: { unaccent, pg_trgm },
  });
  const pool = new pg.Pool({ ...createPgConfig(pglite), options: searchPath });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    kind: 'pglite',
    close: async () => {
      await db.destroy();
      await pglite.close();
    },
  };
}
