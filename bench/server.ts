import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';

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
