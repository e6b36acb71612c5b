/**
 * A fresh database that outlives server processes: a temporary PGlite folder, or, when DATABASE_URL is
 * set, a new schema `t_…` on the server (the name .ci/run sweeps if a run is interrupted). main.ts takes
 * no schema option, so the server is pointed at the schema through the URL's `options` (search_path).
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openDatabase, type DbHandle } from '../../src/db/database';

export type CrashStore = {
  kind: 'pglite' | 'postgres';
  /** The environment that points a server at this database. */
  serverEnv: NodeJS.ProcessEnv;
  /** Opens it in this process, for the checks; only while no server has it open (PGlite is single-process). */
  open: () => Promise<DbHandle>;
  drop: () => Promise<void>;
};

async function onServer(databaseUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

export async function createCrashStore(databaseUrl: string | undefined): Promise<CrashStore> {
  if (!databaseUrl) {
    const dataDir = await mkdtemp(join(tmpdir(), 'motcua-crash-'));
    return {
      kind: 'pglite',
      serverEnv: { DATA_DIR: dataDir },
      open: () => openDatabase({ dataDir }),
      drop: () => rm(dataDir, { recursive: true, force: true }),
    };
  }
  const schema = `t_${randomBytes(6).toString('hex')}`;
  await onServer(databaseUrl, `CREATE SCHEMA "${schema}"`);
  const url = new URL(databaseUrl);
  url.searchParams.set('options', `-c search_path=${schema},public`);
  return {
    kind: 'postgres',
    serverEnv: { DATABASE_URL: url.toString() },
    open: () => openDatabase({ databaseUrl, dataDir: '', schema }),
    drop: () => onServer(databaseUrl, `DROP SCHEMA "${schema}" CASCADE`),
  };
}
