import { mkdirSync } from 'node:fs';
import { Kysely, PostgresDialect, type Transaction } from 'kysely';
import pg from 'pg';
import type { Database } from './schema';

export type Db = Kysely<Database>;
export type Tx = Transaction<Database>;
/** Anything queries can run on: the database or an open transaction. */
export type Executor = Db | Tx;

export type DbHandle = {
  db: Db;
  kind: 'pglite' | 'postgres';
  close: () => Promise<void>;
  /** PGlite only: the data folder as a tarball, which `OpenOptions.loadDataDir` opens again. */
  dumpDataDir?: () => Promise<Blob>;
};

// timestamptz and int8/numeric come back as Date / string by default; keep Date for timestamptz,
// parse bigint counts to numbers (counts never exceed 2^53 here), and keep `date` as plain text.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);

// The pool behind each Kysely on a PostgreSQL server, for the few bulk writers that need the driver
// itself (COPY FROM STDIN: the demo generator). PGlite's adapter does not do COPY, so it has none.
const serverPools = new WeakMap<Db, pg.Pool>();
export const serverPoolOf = (db: Db): pg.Pool | undefined => serverPools.get(db);

/** SQL texts run as named prepared statements, each with its statement name (see `prepared`). */
const preparedNames = new Map<string, string>();

/**
 * Marks a compiled SQL text to run as a named prepared statement: each connection parses and plans it
 * once and afterwards only binds the parameters. For hot, fixed queries only (the public lookup): the
 * profile showed PostgreSQL's parse and plan as a large share of such a query (docs/performance.md).
 */
export function prepared(text: string): string {
  if (!preparedNames.has(text)) preparedNames.set(text, `motcua_${preparedNames.size + 1}`);
  return text;
}

/**
 * node-postgres' client, sending marked texts by name. Kysely's driver calls `query(text, values)` and
 * exposes no statement names; pg parses a name once per connection and reuses it after.
 */
const PreparingClient = class extends pg.Client {
  // @ts-expect-error pg's overloads cannot be restated in an override; this forwards every form unchanged.
  override query(config: unknown, values?: unknown, callback?: unknown) {
    const name = typeof config === 'string' ? preparedNames.get(config) : undefined;
    const query = super.query.bind(this) as (config: unknown, values?: unknown, callback?: unknown) => unknown;
    return name ? query({ name, text: config, values }, callback) : query(config, values, callback);
  }
} as typeof pg.Client;

export type OpenOptions = {
  databaseUrl?: string;
  dataDir: string;
  schema?: string;
  /** PGlite only: start from a `dumpDataDir` tarball instead of an empty cluster (tests: skips initdb). */
  loadDataDir?: Blob;
};

/**
 * Opens Kysely over a real PostgreSQL server when a URL is given, otherwise over embedded PGlite
 * through its node-postgres adapter, so one dialect and one SQL path serve both (stack-notes.md).
 */
export async function openDatabase(opts: OpenOptions): Promise<DbHandle> {
  const searchPath = opts.schema ? `-c search_path=${opts.schema},public` : undefined;
  if (opts.databaseUrl) {
    const pool = new pg.Pool({
      connectionString: opts.databaseUrl,
      max: 10,
      options: searchPath,
      Client: PreparingClient,
    });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    serverPools.set(db, pool);
    return { db, kind: 'postgres', close: () => db.destroy() };
  }
  const memory = opts.dataDir.startsWith('memory://');
  if (!memory) mkdirSync(opts.dataDir, { recursive: true });
  // Loaded only here: PGlite's WebAssembly costs ~40 MB of memory a server on PostgreSQL does not need.
  const [{ PGlite }, { unaccent }, { pg_trgm }, { createPgConfig }] = await Promise.all([
    import('@electric-sql/pglite'),
    import('@electric-sql/pglite/contrib/unaccent'),
    import('@electric-sql/pglite/contrib/pg_trgm'),
    import('@electric-sql/pglite/node-postgres'),
  ]);
  const pglite = await PGlite.create({
    dataDir: memory ? undefined : `${opts.dataDir}/pglite`,
    extensions: { unaccent, pg_trgm },
    loadDataDir: opts.loadDataDir,
  });
  const pool = new pg.Pool({ ...createPgConfig(pglite), options: searchPath, Client: PreparingClient });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    kind: 'pglite',
    close: async () => {
      await db.destroy();
      await pglite.close();
    },
    dumpDataDir: () => pglite.dumpDataDir('none'),
  };
}
