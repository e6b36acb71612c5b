import { parseArgs } from 'node:util';
import { intakeRequests } from './intake-load';
import { loadSlice } from './load';
import { cpuMs, start, type Child } from './server';

/**
 * `npm run bench:ab -- <checkout>[:<database>] <checkout>[:<database>] [--rounds N] [--seconds S]`:
 * the intake of two versions of the app side by side (docs/performance.md, "Before and after"). Each
 * checkout's server runs at once on its own database of the PostgreSQL server (default `bench`); the
 * benchmark's intake load then goes to one and the other in turns, one slice each per round, the
 * first of a round alternating. Both sides see the same minutes of a shared machine, which two
 * `npm run bench` runs a minute apart do not. Give each side its own copy of the data
 * (`createdb -T`): a database migrated by the newer side refuses the older one.
 */
const { values: args, positionals } = parseArgs({
  allowPositionals: true,
  options: { rounds: { type: 'string', default: '10' }, seconds: { type: 'string', default: '3' } },
});
const ROUNDS = Number(args.rounds);
const SECONDS = Number(args.seconds);
if (positionals.length !== 2 || !(ROUNDS >= 1) || !(SECONDS > 0)) {
  throw new Error(
    'usage: npm run bench:ab -- <checkout>[:<database>] <checkout>[:<database>] [--rounds N] [--seconds S]',
  );
}
const SERVER = new URL(process.env.BENCH_DATABASE_URL ?? 'postgres://root@127.0.0.1:5432/bench');

type Side = { name: string; app: Child; slice: (seconds: number, counted?: boolean) => Promise<void>; rates: number[] };
type Totals = { ok: number; seconds: number; app: number; postgres: number; load: number };

async function side(spec: string, name: string): Promise<Side & { totals: Totals }> {
  const [checkout, database = SERVER.pathname.slice(1)] = spec.split(':');
  const url = Object.assign(new URL(SERVER.href), { pathname: `/${database}` }).href;
  const env = { ...process.env, NODE_ENV: 'development', LOG_LEVEL: 'warn', SEED_DEMO: 'never' };
  const app = await start(
    [`${checkout}/src/main.ts`],
    { ...env, SCHEDULER_ENABLED: 'false', DATABASE_URL: url },
    '/healthz',
  );
  const next = await intakeRequests(app.port, `ab-${name}-${Date.now()}`);
  const totals: Totals = { ok: 0, seconds: 0, app: 0, postgres: 0, load: 0 };
  const rates: number[] = [];
  let sent = 0;
  const cpu = () => [cpuMs(app.process.pid!), cpuMs('postgres'), cpuMs(process.pid)];
  return {
    name: `${name} (${checkout}, ${database})`,
    app,
    rates,
    totals,
    slice: async (seconds, counted = true) => {
      const before = cpu();
      const s = await loadSlice(app.port, next, { concurrency: 32, seconds, first: sent });
      const after = cpu();
      sent += s.requests;
      if (!counted) return;
      totals.ok += s.ok;
      totals.seconds += s.seconds;
      totals.app += after[0] - before[0];
      totals.postgres += after[1] - before[1];
      totals.load += after[2] - before[2];
      rates.push(Math.round(s.ok / s.seconds));
    },
  };
}

const sides = [await side(positionals[0], 'A'), await side(positionals[1], 'B')];
try {
  for (const s of sides) await s.slice(2, false); // warm-up
  for (let round = 0; round < ROUNDS; round++) {
    for (const s of round % 2 ? [...sides].reverse() : sides) await s.slice(SECONDS);
  }
  for (const { name, totals: t, rates } of sides) {
    const ms = (v: number) => (v / t.ok).toFixed(3);
    console.log(
      `${name}: ${Math.round(t.ok / t.seconds)} dossiers/s; CPU ms an intake: app ${ms(t.app)}, postgres ${ms(t.postgres)}, load ${ms(t.load)}; slices ${rates.join(' ')}`,
    );
  }
  const [a, b] = sides.map((s) => s.totals.ok / s.totals.seconds);
  const wins = sides[1].rates.filter((r, i) => r > sides[0].rates[i]).length;
  console.log(`B/A ${(b / a).toFixed(3)}; B faster in ${wins} of ${ROUNDS} rounds`);
} finally {
  for (const s of sides) await s.app.stop();
}
