/**
 * The real server as an operator runs it (`node --import tsx src/main.ts`), in its own process group so
 * that a crash can be simulated by SIGKILL of the whole group: node and any helper it spawned (tsx's
 * esbuild) die at once, with no shutdown handler running.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
// The first start migrates and seeds the demo province: slow on a loaded 2-core machine.
const STARTUP_TIMEOUT_MS = 300_000;
const STOP_TIMEOUT_MS = 30_000;

export type Server = {
  url: string;
  /** What the server printed, for a failure report. */
  output: () => string;
  /** SIGKILL to the whole process group; resolves once the server process is gone. */
  crash: () => Promise<void>;
  /** SIGTERM (graceful shutdown); resolves once it has exited, throws if it does not within 30 s. */
  stop: () => Promise<void>;
};

function freePort(): Promise<number> {
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

function exited(child: ChildProcess, timeoutMs: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((ok) => {
    const timer = setTimeout(() => ok(false), timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      ok(true);
    });
  });
}

/**
 * Starts the server with `env` on top of this process's, on PGlite unless `env` names a DATABASE_URL, on a
 * free port; resolves once /healthz answers.
 */
export async function startServer(env: NodeJS.ProcessEnv): Promise<Server> {
  const port = await freePort();
  // The demo province without its generated dossiers: the checks count exactly the dossiers sent.
  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    DEMO_DOSSIERS: '0',
    ...env,
    PORT: String(port),
    HOST: '127.0.0.1',
  };
  if (!env.DATABASE_URL) delete childEnv.DATABASE_URL;
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: ROOT,
    env: childEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));

  const crash = async () => {
    if (await exited(child, 0)) return;
    process.kill(-child.pid!, 'SIGKILL');
    await exited(child, STOP_TIMEOUT_MS);
  };
  const stop = async () => {
    if (await exited(child, 0)) return;
    child.kill('SIGTERM');
    if (!(await exited(child, STOP_TIMEOUT_MS))) {
      await crash();
      throw new Error(`server did not stop within ${STOP_TIMEOUT_MS} ms of SIGTERM`);
    }
  };

  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  while (Date.now() < deadline && child.exitCode === null) {
    const healthy = await fetch(`${url}/healthz`).then(
      (res) => res.ok,
      () => false,
    );
    if (healthy) return { url, output: () => output, crash, stop };
    await new Promise((ok) => setTimeout(ok, 200));
  }
  await crash();
  throw new Error(`server did not become healthy (exit code ${child.exitCode}):\n${output}`);
}
