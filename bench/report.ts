import type { LoadResult } from './load';

export type BenchReport = {
  at: string;
  database: 'postgresql' | 'pglite';
  postgresVersion: string;
  machine: { cpus: number; model: string; loadBefore: number[]; loadAfter: number[]; node: string };
  dossiers: number;
  generatedSeconds: number | null;
  seconds: number;
  /** Slices each figure alternated with its ceiling. */
  rounds: number;
  /** Seconds of each load run before its measured slices, not counted (JIT, caches, pools). */
  warmupSeconds: number;
  /** Null (or empty) for the measures left out with `--only`. */
  intake: LoadResult | null;
  pgbenchTps: number | null;
  lookup: LoadResult | null;
  hello: LoadResult | null;
  summaryMs: number[];
  bareAggregateMs: number[];
  search: LoadResult | null;
  serverPeakRssMb: number;
  /** CPU ms per operation by process, each load beside its ceiling (null: not measured). */
  cpuPerOperation: {
    intake: CpuPerOperation | null;
    pgbench: CpuPerOperation | null;
    lookup: CpuPerOperation | null;
    hello: CpuPerOperation | null;
  };
};

/** CPU time (ms) per operation, by process: app, postgres, load, pgbench, hello. */
export type CpuPerOperation = Record<string, number>;

const n0 = (x: number) => Math.round(x).toLocaleString('en-US');
const ms = (x: number) => `${x < 10 ? x.toFixed(1) : n0(x)} ms`;
const pct = (a: number, b: number | null) => (b ? `${Math.round((100 * a) / b)} %` : 'n/a');
const failures = (r: LoadResult) => {
  const e = Object.entries(r.errors);
  return e.length ? ` (non-2xx: ${e.map(([k, v]) => `${k}×${v}`).join(', ')})` : '';
};

/** The one table of a run: each figure beside its ceiling measured in the same run. */
export function markdown(r: BenchReport, median: (xs: number[]) => number): string {
  const load = (xs: number[]) => xs.map((x) => x.toFixed(2)).join(' / ');
  const summary = median(r.summaryMs);
  const bare = median(r.bareAggregateMs);
  const rows = [
    r.intake && [
      'Dossier intake, `POST /api/dossiers` with Idempotency-Key, 32 clients over the 5 ward desks',
      `${n0(r.intake.rps)} dossiers/s (p50 ${ms(r.intake.p50)}, p99 ${ms(r.intake.p99)})${failures(r.intake)}`,
      r.pgbenchTps === null ? 'pgbench n/a (PGlite)' : `pgbench TPC-B -c 32: ${n0(r.pgbenchTps)} tps`,
      pct(r.intake.rps, r.pgbenchTps),
      '≥ 50 %',
    ],
    r.lookup && [
      'Public lookup by code, `GET /api/public/dossiers/{code}`, 32 clients',
      `${n0(r.lookup.rps)} req/s (p50 ${ms(r.lookup.p50)}, p99 ${ms(r.lookup.p99)})${failures(r.lookup)}`,
      `bare Fastify hello-world: ${n0(r.hello?.rps ?? 0)} req/s`,
      pct(r.lookup.rps, r.hello?.rps ?? null),
      '≥ 50 %',
    ],
    r.summaryMs.length > 0 && [
      `Yearly summary over ${n0(r.dossiers)} dossiers of 2025, \`GET /api/reports/summary\` (median of 5)`,
      ms(summary),
      `bare \`count(*) … GROUP BY status\` over the same rows: ${ms(bare)}`,
      `${(summary / bare).toFixed(2)}× the bare aggregate`,
      '< 1 s at 10 M',
    ],
    r.search && [
      'Catalogue search `GET /api/procedures?q=`, 8 clients',
      `p50 ${ms(r.search.p50)}, p99 ${ms(r.search.p99)} (${n0(r.search.rps)} req/s)${failures(r.search)}`,
      '—',
      '—',
      'p99 < 20 ms',
    ],
    ['Server peak RSS (VmHWM) over the run', `${r.serverPeakRssMb} MB`, '—', '—', '< 300 MB'],
  ];
  return [
    `### ${r.database === 'pglite' ? 'PGlite (embedded)' : 'PostgreSQL server'}, ${n0(r.dossiers)} dossiers — ${r.at}`,
    '',
    `${r.machine.cpus} × ${r.machine.model}, Node ${r.machine.node}, ${r.postgresVersion.split(' on ')[0]}. ` +
      `Load average (1/5/15 min) before ${load(r.machine.loadBefore)}, after ${load(r.machine.loadAfter)} — ` +
      `the machine is shared; the load generator runs on it too. ${r.seconds} s per load test, ` +
      `each figure alternating with its ceiling in ${r.rounds} slices, after ${r.warmupSeconds} s of warm-up each.` +
      (r.generatedSeconds ? ` Data generated in this run: ${n0(r.generatedSeconds)} s.` : ''),
    '',
    '| measure | Motcua | ceiling, same run | ratio | target |',
    '| --- | --- | --- | --- | --- |',
    ...rows.flatMap((c) => (c ? [`| ${c.join(' | ')} |`] : [])),
    '',
    ...cpuLines(r.cpuPerOperation),
  ].join('\n');
}

/** Where an operation's CPU went, beside its ceiling's: the two cores are all there is. */
function cpuLines(cpu: BenchReport['cpuPerOperation'] | undefined): string[] {
  if (!cpu) return [];
  const side = (what: string, c: CpuPerOperation | null) =>
    c &&
    `${what}: ${Object.entries(c)
      .map(([k, v]) => `${k} ${v.toFixed(2)}`)
      .join(', ')} (${Object.values(c)
      .reduce((a, b) => a + b, 0)
      .toFixed(2)} in all)`;
  const lines = [
    side('intake', cpu.intake),
    side('pgbench TPC-B transaction', cpu.pgbench),
    side('lookup', cpu.lookup),
    side('hello-world request', cpu.hello),
  ].filter((l): l is string => Boolean(l));
  return lines.length === 0
    ? []
    : [
        'CPU ms per operation, by process (from /proc, counted over the same slices):',
        '',
        ...lines.map((l) => `- ${l}`),
        '',
      ];
}
