import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { loadConfig, type Config } from '../src/config';
import { openDatabase, type DbHandle } from '../src/db/database';
import { migrateToLatest } from '../src/db/migrate';
import { buildApp, type AppDeps } from '../src/app';
import { seedDemo } from '../src/demo/seed';
import { loadSnapshot, type SnapshotKind } from './pglite-snapshot';

/**
 * A fresh, migrated database for one test file: an in-memory PGlite (opened from a dump of a migrated
 * one, see pglite-snapshot.ts), or, when DATABASE_URL is set, a new schema on the PostgreSQL server that
 * `close()` drops.
 */
export async function createTestDb(): Promise<DbHandle> {
  return openTestDb('migrated');
}

/** `createTestDb`, on PGlite from the dump of `kind`; on PostgreSQL always migrated only. */
async function openTestDb(kind: SnapshotKind): Promise<DbHandle> {
  const base = loadConfig();
  if (!base.databaseUrl) return openDatabase({ dataDir: 'memory://', loadDataDir: await loadSnapshot(kind) });
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const admin = await openDatabase({ databaseUrl: base.databaseUrl, dataDir: '' });
  await sql`CREATE SCHEMA ${sql.id(schema)}`.execute(admin.db);
  await admin.close();
  const handle = await openDatabase({ databaseUrl: base.databaseUrl, dataDir: '', schema });
  await migrateToLatest(handle.db);
  return {
    ...handle,
    close: async () => {
      await sql`DROP SCHEMA ${sql.id(schema)} CASCADE`.execute(handle.db);
      await handle.close();
    },
  };
}

export type DurableTestDb = { open: () => Promise<DbHandle>; drop: () => Promise<void> };

/**
 * A database that outlives its connections, for restart tests: `open()` connects and migrates as a
 * starting app does (close one handle before opening the next); `drop()` removes the database. A
 * temporary PGlite folder, or, when DATABASE_URL is set, a new schema on the server.
 */
export async function createDurableTestDb(): Promise<DurableTestDb> {
  const base = loadConfig();
  const migrated = async (handle: DbHandle) => {
    await migrateToLatest(handle.db);
    return handle;
  };
  if (!base.databaseUrl) {
    const dataDir = await mkdtemp(join(tmpdir(), 'motcua-test-'));
    return {
      open: async () => migrated(await openDatabase({ dataDir })),
      drop: () => rm(dataDir, { recursive: true, force: true }),
    };
  }
  const databaseUrl = base.databaseUrl;
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const onAdmin = async (statement: ReturnType<typeof sql>) => {
    const admin = await openDatabase({ databaseUrl, dataDir: '' });
    await statement.execute(admin.db);
    await admin.close();
  };
  await onAdmin(sql`CREATE SCHEMA ${sql.id(schema)}`);
  return {
    open: async () => migrated(await openDatabase({ databaseUrl, dataDir: '', schema })),
    drop: () => onAdmin(sql`DROP SCHEMA ${sql.id(schema)} CASCADE`),
  };
}

/**
 * The scheduler is off unless a test turns it on: `loadConfig` enables it outside NODE_ENV=test, and a
 * file run alone (`node --import tsx --test FILE`) would otherwise send the real morning's reminders.
 */
export function testConfig(overrides: Partial<Config> = {}): Config {
  return { ...loadConfig(), env: 'test', logLevel: 'silent', seedDemo: 'never', schedulerEnabled: false, ...overrides };
}

export type TestApp = DbHandle & { app: FastifyInstance; config: Config };

/**
 * The whole app on a fresh database with the demo province loaded (unless `demo: false`); `onRoute`
 * sees every route the app registers.
 */
export async function createTestApp(
  opts: { demo?: boolean; config?: Partial<Config>; onRoute?: AppDeps['onRoute'] } = {},
): Promise<TestApp> {
  const demo = opts.demo !== false;
  const handle = await openTestDb(demo ? 'demo' : 'migrated');
  // The PGlite dump of kind 'demo' is seeded already.
  if (demo && handle.kind === 'postgres') await seedDemo(handle.db);
  const config = testConfig(opts.config);
  const app = await buildApp({ config, db: handle.db, onRoute: opts.onRoute });
  await app.ready();
  return {
    ...handle,
    app,
    config,
    close: async () => {
      await app.close();
      await handle.close();
    },
  };
}

/** Logs in through the API and returns the headers a bearer-token client sends. */
export async function loginAs(
  app: FastifyInstance,
  username: string,
  password = 'demo1234',
): Promise<Record<string, string>> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
  return { authorization: `Bearer ${res.json().token}` };
}
