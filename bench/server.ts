import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import type { CpuPerOperation } from './report';

/** Child processes the benchmark measures: the app (src/main.ts) and the bare Fastify ceiling. */
export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

export type Child = { port: number; process: ChildProcess; stop: () => Promise<void> };

async function waitFor(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 300_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited: ${output()}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the server did not answer ${url}: ${output()}`);
}

export async function start(args: string[], env: NodeJS.ProcessEnv, health: string): Promise<Child> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', ...args.map((a) => a.replace('$PORT', String(port)))], {
    env: { ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (c: Buffer) => (output = (output + c.toString()).slice(-4000)));
  child.stderr?.on('data', (c: Buffer) => (output = (output + c.toString()).slice(-4000)));
  await waitFor(`http://127.0.0.1:${port}${health}`, child, () => output);
  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  };
  return { port, process: child, stop };
}

/** Peak resident memory of a process so far (VmHWM), in MB. */
export function peakRssMb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('VmHWM:'));
  return line ? Math.round(Number(line.split(/\s+/)[1]) / 1024) : NaN;
}

/** Linux counts process CPU in clock ticks of 1/100 s (USER_HZ). */
const TICK_MS = 10;

/** CPU time of a process and of the children it has reaped (fields 14–17 of /proc/<pid>/stat), in ms. */
function processCpuMs(pid: string): { comm: string; ms: number } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = [11, 12, 13, 14].reduce((sum, i) => sum + Number(fields[i]), 0);
    return { comm: stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')), ms: ticks * TICK_MS };
  } catch {
    return null; // exited since the directory was listed
  }
}

/**
 * CPU time used so far, in ms, by one process (with what it reaped: pgbench, run by the benchmark) or
 * by all of PostgreSQL (the postmaster reaps the backends of closed connections, so theirs count too).
 */
export function cpuMs(which: number | 'postgres'): number {
  if (which !== 'postgres') return processCpuMs(String(which))?.ms ?? NaN;
  let ms = 0;
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    const p = processCpuMs(pid);
    if (p && p.comm.startsWith('postgres')) ms += p.ms;
  }
  return ms;
}

/**
 * The environment of an app server under benchmark: quiet logs, no demo seeding, no scheduler, on the
 * PostgreSQL database `databaseUrl` or the PGlite folder `dataDir`.
 */
export function appEnv(database: { databaseUrl: string } | { dataDir: string }): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'development', LOG_LEVEL: 'warn', SEED_DEMO: 'never' };
  env.SCHEDULER_ENABLED = 'false';
  if ('databaseUrl' in database) env.DATABASE_URL = database.databaseUrl;
  else {
    delete env.DATABASE_URL;
    env.DATA_DIR = database.dataDir;
  }
  return env;
}

/**
 * Runs slices of a load and adds up, per named process, the CPU time they used and the operations they
 * did: where an operation's time goes (the app, PostgreSQL, the load generator) explains its ratio.
 */
export function metered<T>(processes: Record<string, () => number>, operations: (result: T) => number) {
  const used: Record<string, number> = Object.fromEntries(Object.keys(processes).map((k) => [k, 0]));
  let done = 0;
  const wrap =
    (run: (seconds: number) => Promise<T>) =>
    async (seconds: number): Promise<T> => {
      const before = Object.fromEntries(Object.entries(processes).map(([k, f]) => [k, f()]));
      const result = await run(seconds);
      for (const [k, f] of Object.entries(processes)) used[k] += f() - before[k];
      done += operations(result);
      return result;
    };
  const perOperation = (): CpuPerOperation =>
    Object.fromEntries(Object.entries(used).map(([k, ms]) => [k, done > 0 ? ms / done : NaN]));
  return { wrap, perOperation };
}
