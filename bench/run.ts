import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { sql } from 'kysely';
import { openDatabase, type DbHandle } from '../src/db/database';
import { migrateToLatest } from '../src/db/migrate';
import { seedDemo } from '../src/demo/seed';
import { generateDossiers } from '../src/demo/generator/service';
import { alternate, continuingLoad, joinSlices, load, type LoadSlice, type Request } from './load';
import { intakeRequests, login } from './intake-load';
import { appEnv, cpuMs, metered, peakRssMb, start } from './server';
import { markdown, type BenchReport } from './report';

/**
 * `npm run bench [-- --pglite] [--dossiers N | --ten-million] [--seconds S] [--only intake,lookup,summary,search]
 * [--profile]`: the figures of
 * docs/performance.md, each beside its ceiling measured in the same run on the same machine. Uses the
 * database `bench` on the PostgreSQL server (BENCH_DATABASE_URL to change it; never `test`), or a PGlite
 * folder under bench/results/tmp. Data are generated once and reused. Nothing here fails on a time.
 */
const MEASURES = ['intake', 'lookup', 'summary', 'search'] as const;
type Measure = (typeof MEASURES)[number];
const { values: args } = parseArgs({
  options: {
    pglite: { type: 'boolean', default: false },
    dossiers: { type: 'string', default: '1000000' },
    'ten-million': { type: 'boolean', default: false },
    seconds: { type: 'string', default: '10' },
    rounds: { type: 'string', default: '5' },
    warmup: { type: 'string', default: '2' },
    only: { type: 'string', default: MEASURES.join(',') },
    profile: { type: 'boolean', default: false },
  },
});
const ONLY = new Set(args.only.split(',').map((m) => m.trim()));
for (const m of ONLY) {
  if (!MEASURES.includes(m as Measure)) throw new Error(`--only takes a comma list of ${MEASURES.join(', ')}`);
}
const measures = (m: Measure) => ONLY.has(m);
const DOSSIERS = args['ten-million'] ? 10_000_000 : Number(args.dossiers);
const SECONDS = Number(args.seconds);
const ROUNDS = Number(args.rounds);
const WARMUP = Number(args.warmup);
if (!Number.isSafeInteger(DOSSIERS) || DOSSIERS < 1) throw new Error(`--dossiers must be a positive whole number`);
if (!(SECONDS > 0)) throw new Error('--seconds must be a positive number');
if (!(WARMUP >= 0)) throw new Error('--warmup must be a number of seconds ≥ 0');
if (!Number.isInteger(ROUNDS) || ROUNDS < 1 || SECONDS / ROUNDS < 1)
  throw new Error('--rounds must be a whole number ≥ 1 with at least one second per round');
const YEAR = { from: '2025-01-01', to: '2025-12-31' };
/** The year's bounds as instants in Vietnam, as the generator and the summary count days. */
const START = '2025-01-01T00:00:00+07:00';
const END = '2026-01-01T00:00:00+07:00';
const CONCURRENCY = 32;
const PGLITE_DIR = join(import.meta.dirname, 'results', 'tmp', 'pglite');
const PROFILE_DIR = join(import.meta.dirname, 'results', 'tmp', 'profiles');
const SERVER_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://root@127.0.0.1:5432/bench';

async function serverDatabase(): Promise<string> {
  const url = new URL(SERVER_URL);
  const name = url.pathname.slice(1);
  if (name === 'test')
    throw new Error('The benchmark never uses the database "test": point BENCH_DATABASE_URL elsewhere.');
  const admin = new pg.Client({ connectionString: Object.assign(new URL(SERVER_URL), { pathname: '/postgres' }).href });
  await admin.connect();
  const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
  if (!rowCount) await admin.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
  await admin.end();
  const client = new pg.Client({ connectionString: SERVER_URL });
  await client.connect();
  await client.query('CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public');
  await client.query('CREATE EXTENSION IF NOT EXISTS unaccent WITH SCHEMA public');
  await client.end();
  return SERVER_URL;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
async function timed(times: number, run: () => Promise<unknown>): Promise<number[]> {
  await run(); // warm-up
  const out: number[] = [];
  for (let i = 0; i < times; i++) {
    const t = performance.now();
    await run();
    out.push(performance.now() - t);
  }
  return out;
}

/** The year's dossiers: generated up to DOSSIERS once, reused by later runs. */
async function ensureData(h: DbHandle): Promise<{ generatedSeconds: number | null; count: number }> {
  await migrateToLatest(h.db);
  const any = await h.db.selectFrom('agencies').select('id').limit(1).executeTakeFirst();
  if (!any) await seedDemo(h.db);
  const count = async () =>
    Number(
      (
        await sql<{ n: string }>`SELECT count(*) AS n FROM dossiers
          WHERE received_at >= ${START}::timestamptz AND received_at < ${END}::timestamptz`.execute(h.db)
      ).rows[0].n,
    );
  const have = await count();
  if (have >= DOSSIERS) return { generatedSeconds: null, count: have };
  console.error(`Generating ${DOSSIERS - have} dossiers of 2025 …`);
  const t = performance.now();
  await generateDossiers(h.db, {
    count: DOSSIERS - have,
    ...YEAR,
    asOf: new Date(),
    seed: have + 1,
    writers: h.kind === 'postgres' ? 2 : 1,
    onProgress: (n) => n % 100_000 < 2000 && console.error(`  ${n}`),
  });
  await sql`ANALYZE`.execute(h.db);
  return { generatedSeconds: (performance.now() - t) / 1000, count: await count() };
}

/** Prepares pgbench's TPC-B tables (scale 10) once in the benchmark's database. */
function pgbenchInit(url: string): void {
  const has = execFileSync('psql', [url, '-Atc', "SELECT count(*) FROM pg_tables WHERE tablename = 'pgbench_accounts'"])
    .toString()
    .trim();
  if (has === '0') execFileSync('pgbench', ['-i', '-q', '-s', '10', url], { stdio: 'ignore' });
}

/** pgbench TPC-B for `seconds` at the load test's concurrency: transactions per second, and how many. */
function pgbench(url: string, seconds: number): { tps: number; transactions: number } {
  const out = execFileSync('pgbench', ['-n', '-c', String(CONCURRENCY), '-j', '2', '-T', String(seconds), url]);
  const text = out.toString();
  return {
    tps: Number(/tps = ([\d.]+)/.exec(text)![1]),
    transactions: Number(/number of transactions actually processed: (\d+)/.exec(text)![1]),
  };
}

async function main() {
  const loadBefore = loadavg();
  const url = args.pglite ? null : await serverDatabase();
  const handle = url
    ? await openDatabase({ databaseUrl: url, dataDir: '' })
    : await openDatabase({ dataDir: PGLITE_DIR });
  const data = await ensureData(handle);
  const bare = !measures('summary')
    ? []
    : await timed(5, () =>
        sql`SELECT status, count(*) FROM dossiers WHERE received_at >= ${START}::timestamptz
        AND received_at < ${END}::timestamptz GROUP BY status`.execute(handle.db),
      );
  const { rows: sample } = await sql<{ code: string }>`
    SELECT code FROM dossiers TABLESAMPLE SYSTEM (1) LIMIT 2000`.execute(handle.db);
  const postgresVersion = (await sql<{ v: string }>`SELECT version() AS v`.execute(handle.db)).rows[0].v;
  await handle.close();
  if (url && measures('intake')) pgbenchInit(url);

  const env = appEnv(url ? { databaseUrl: url } : { dataDir: PGLITE_DIR });
  // --profile: V8's CPU profile of the app over the whole run, for Chrome DevTools or speedscope.
  const profile = args.profile ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`] : [];
  const app = await start([...profile, 'src/main.ts'], env, '/healthz');
  let report: BenchReport;
  try {
    const port = app.port;
    const admin = await login(port, 'admin');
    const run = Date.now();
    // Each figure alternates with its ceiling, slice by slice (`alternate`), so both see the same load.
    const sliceSeconds = Math.round(SECONDS / ROUNDS);
    const intakeRequest = await intakeRequests(port, String(run));
    const continuing = (to: number, next: (i: number) => Request) => continuingLoad(to, next, CONCURRENCY);
    const appPid = app.process.pid!;
    const servedBy = { app: () => cpuMs(appPid), postgres: () => cpuMs('postgres'), load: () => cpuMs(process.pid) };
    const intakeCpu = metered(servedBy, (s: LoadSlice) => s.ok);
    const pgbenchCpu = metered<ReturnType<typeof pgbench>>(
      { postgres: () => cpuMs('postgres'), pgbench: () => cpuMs(process.pid) },
      (r) => r.transactions,
    );
    // Each load runs a little before it is measured: the first seconds of a fresh process (JIT, caches,
    // the pool's connections) are not what a server in service does.
    const warmedUp = async <T>(run: (seconds: number) => Promise<T>) => {
      if (WARMUP > 0) await run(WARMUP);
      return run;
    };
    const intakeRuns = !measures('intake')
      ? null
      : await alternate(
          ROUNDS,
          sliceSeconds * ROUNDS,
          intakeCpu.wrap(await warmedUp(continuing(port, intakeRequest))),
          pgbenchCpu.wrap(async (seconds) => (url ? pgbench(url, seconds) : { tps: 0, transactions: 0 })),
        );
    const intake = intakeRuns && joinSlices(intakeRuns.figure);
    const pgbenchTps = url && intakeRuns ? intakeRuns.ceiling.reduce((a: number, r) => a + r.tps, 0) / ROUNDS : null;
    const lookupRequest = (i: number) => ({
      method: 'GET' as const,
      path: `/api/public/dossiers/${sample[i % sample.length].code}`,
    });
    let lookupRuns: Awaited<ReturnType<typeof alternate<LoadSlice, LoadSlice>>> | null = null;
    const lookupCpu = metered(servedBy, (s: LoadSlice) => s.ok);
    let helloCpu: ReturnType<typeof metered<LoadSlice>> | null = null;
    if (measures('lookup')) {
      const hello = await start(['bench/hello.ts', '$PORT'], process.env, '/');
      const helloPid = hello.process.pid!;
      helloCpu = metered({ hello: () => cpuMs(helloPid), load: () => cpuMs(process.pid) }, (s: LoadSlice) => s.ok);
      try {
        lookupRuns = await alternate(
          ROUNDS,
          sliceSeconds * ROUNDS,
          lookupCpu.wrap(await warmedUp(continuing(port, lookupRequest))),
          helloCpu.wrap(await warmedUp(continuing(hello.port, () => ({ method: 'GET', path: '/' })))),
        );
      } finally {
        await hello.stop();
      }
    }
    const lookup = lookupRuns && joinSlices(lookupRuns.figure);
    const queries = ['khai sinh', 'dang ky', 'chứng thực', 'đất đai', 'xay dung', 'kinh doanh', 'ket hon', 'giấy phép'];
    const search = !measures('search')
      ? null
      : await load(
          port,
          (i) => ({ method: 'GET', path: `/api/procedures?q=${encodeURIComponent(queries[i % queries.length])}` }),
          { concurrency: 8, seconds: SECONDS / 2 },
        );
    const summaryPath = `/api/reports/summary?from=${YEAR.from}&to=${YEAR.to}`;
    const summary = !measures('summary')
      ? []
      : await timed(5, async () => {
          const res = await fetch(`http://127.0.0.1:${port}${summaryPath}`, {
            headers: { authorization: `Bearer ${admin}` },
          });
          if (!res.ok) throw new Error(`summary: ${res.status} ${await res.text()}`);
          await res.json();
        });
    const rssMb = peakRssMb(app.process.pid!);
    await app.stop();
    report = {
      at: new Date().toISOString(),
      database: url ? 'postgresql' : 'pglite',
      postgresVersion,
      machine: {
        cpus: cpus().length,
        model: cpus()[0]?.model ?? '',
        loadBefore,
        loadAfter: loadavg(),
        node: process.version,
      },
      dossiers: data.count,
      generatedSeconds: data.generatedSeconds,
      seconds: sliceSeconds * ROUNDS,
      rounds: ROUNDS,
      warmupSeconds: WARMUP,
      intake,
      pgbenchTps,
      lookup,
      hello: lookupRuns && joinSlices(lookupRuns.ceiling),
      summaryMs: summary,
      bareAggregateMs: bare,
      search,
      serverPeakRssMb: rssMb,
      cpuPerOperation: {
        intake: intakeRuns ? intakeCpu.perOperation() : null,
        pgbench: url && intakeRuns ? pgbenchCpu.perOperation() : null,
        lookup: lookupRuns ? lookupCpu.perOperation() : null,
        hello: lookupRuns && helloCpu ? helloCpu.perOperation() : null,
      },
    };
  } finally {
    await app.stop();
  }
  const dir = join(import.meta.dirname, 'results');
  mkdirSync(dir, { recursive: true });
  // To the second, and naming a partial run's measures: two runs never overwrite each other's results.
  const only = ONLY.size < MEASURES.length ? `-${[...ONLY].join('-')}` : '';
  const name = `${report.at.slice(0, 19).replace(/:/g, '')}-${report.database}-${report.dossiers}${only}`;
  writeFileSync(join(dir, `${name}.json`), JSON.stringify(report, null, 2) + '\n');
  const table = markdown(report, median);
  writeFileSync(join(dir, `${name}.md`), table);
  console.log(table);
}

await main();
