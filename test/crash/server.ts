/**
 * The real server as an operator runs it (`node --import tsx src/main.ts`), in its own process group so
 * that a crash can be simulated by SIGKILL of the whole group: node and any helper it spawned (tsx's
 * esbuild) die at once, with no shutdown handler running.
 */
import { becameHealthy, exited, spawnServer } from '../server-process';

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

/**
 * Starts the server with `env` on top of this process's, on PGlite unless `env` names a DATABASE_URL, on a
 * free port; resolves once /healthz answers.
 */
export async function startServer(env: NodeJS.ProcessEnv): Promise<Server> {
  // The demo province without its generated dossiers: the checks count exactly the dossiers sent.
  const childEnv: NodeJS.ProcessEnv = { ...process.env, DEMO_DOSSIERS: '0', ...env };
  if (!env.DATABASE_URL) delete childEnv.DATABASE_URL;
  const server = await spawnServer(childEnv, { detached: true });
  const { child } = server;

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

  if (await becameHealthy(server, STARTUP_TIMEOUT_MS)) return { url: server.url, output: server.output, crash, stop };
  await crash();
  throw new Error(`server did not become healthy (exit code ${child.exitCode}):\n${server.output()}`);
}
