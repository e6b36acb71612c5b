import { parseArgs } from 'node:util';
import { intakeRequests } from './intake-load';
import { continuingLoad, type LoadSlice } from './load';
import { appEnv, cpuMs, metered, start } from './server';

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

/** One side: its server, its intake load in slices, metered, and the rate of each counted slice. */
async function side(spec: string, name: string) {
  const [checkout, database = SERVER.pathname.slice(1)] = spec.split(':');
  const databaseUrl = Object.assign(new URL(SERVER.href), { pathname: `/${database}` }).href;
  const app = await start([`${checkout}/src/main.ts`], appEnv({ databaseUrl }), '/healthz');
  const next = continuingLoad(app.port, await intakeRequests(app.port, `ab-${name}-${Date.now()}`), 32);
  const pid = app.process.pid!;
  const cpu = metered(
    { app: () => cpuMs(pid), postgres: () => cpuMs('postgres'), load: () => cpuMs(process.pid) },
    (s: LoadSlice) => s.ok,
  );
  const slices: LoadSlice[] = [];
  const counted = cpu.wrap(next);
  return {
    name: `${name} (${checkout}, ${database})`,
    app,
    cpu,
    slices,
    warmUp: (seconds: number) => next(seconds),
    slice: async (seconds: number) => void slices.push(await counted(seconds)),
  };
}

const sides = [await side(positionals[0], 'A'), await side(positionals[1], 'B')];
try {
  for (const s of sides) await s.warmUp(2);
  for (let round = 0; round < ROUNDS; round++) {
    for (const s of round % 2 ? [...sides].reverse() : sides) await s.slice(SECONDS);
  }
  const rate = (slices: LoadSlice[]) =>
    slices.reduce((n, s) => n + s.ok, 0) / slices.reduce((t, s) => t + s.seconds, 0);
  const rates = sides.map((s) => s.slices.map((x) => Math.round(x.ok / x.seconds)));
  for (const [i, { name, cpu, slices }] of sides.entries()) {
    const per = Object.entries(cpu.perOperation()).map(([k, ms]) => `${k} ${ms.toFixed(3)}`);
    console.log(
      `${name}: ${Math.round(rate(slices))} dossiers/s; CPU ms an intake: ${per.join(', ')}; slices ${rates[i].join(' ')}`,
    );
  }
  const wins = rates[1].filter((r, i) => r > rates[0][i]).length;
  console.log(
    `B/A ${(rate(sides[1].slices) / rate(sides[0].slices)).toFixed(3)}; B faster in ${wins} of ${ROUNDS} rounds`,
  );
} finally {
  for (const s of sides) await s.app.stop();
}
