/**
 * The real server as a child process, for the browser tests (test/e2e) and the crash test (test/crash):
 * `node --import tsx src/main.ts` on a free port, its output kept for failure messages.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '..');

export function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => ok(port));
    });
  });
}

/** Whether the child has exited, waiting up to `timeoutMs` for it. */
export function exited(child: ChildProcess, timeoutMs: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((ok) => {
    const timer = setTimeout(() => ok(false), timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      ok(true);
    });
  });
}

export type ServerProcess = { url: string; child: ChildProcess; output: () => string };

/** Spawns the server with `env` (PORT and HOST are set here); `detached` puts it in its own process group. */
export async function spawnServer(env: NodeJS.ProcessEnv, { detached = false } = {}): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: ROOT,
    env: { ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached,
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return { url: `http://127.0.0.1:${port}`, child, output: () => output };
}

/** Polls /healthz until it answers 200 (true), the child exits or the time runs out (false). */
export async function becameHealthy(server: ServerProcess, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && server.child.exitCode === null) {
    const healthy = await fetch(`${server.url}/healthz`).then(
      (res) => res.ok,
      () => false,
    );
    if (healthy) return true;
    await new Promise((ok) => setTimeout(ok, 200));
  }
  return false;
}
