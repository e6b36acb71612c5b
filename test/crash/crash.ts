/**
 * Crash safety of intake (issue 7): N concurrent intakes against the real server, SIGKILL in the middle,
 * a restart on the same data, then every request resent with its Idempotency-Key. Every dossier
 * acknowledged with 201 before the crash must come back with the same code, and the database must end
 * with exactly N dossiers, one per key, with distinct codes and complete histories.
 *
 * Usage: npm run test:crash -- [--n 1000] [--kill-after 300] [--concurrency 50]
 * On PostgreSQL when DATABASE_URL is set (in a fresh schema, dropped at the end), else on PGlite.
 * Not a *.test.ts file: `npm test` does not run it.
 */
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { loadConfig } from '../../src/config';
import { checkDatabase } from './checks';
import { startServer, type Server } from './server';
import { createCrashStore } from './store';

/** phường Hạ Long, where the demo `reception` officer works. */
const AGENCY = '000.20.01.H40';
const REQUEST_TIMEOUT_MS = 120_000;

type IntakeBody = Record<string, unknown>;
type Request = { key: string; body: IntakeBody };
/** What the client saw of one request before the crash. */
type Outcome =
  | { kind: 'acknowledged'; code: string }
  | { kind: 'rejected'; status: number; body: string }
  | { kind: 'connection_error' }
  | { kind: 'unsent' };
type Resent = { status: number; code: string | null; replayed: boolean; body: string };

function positiveInt(name: string, value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a positive integer, got "${value}"`);
  return n;
}

function parseOptions() {
  const { values } = parseArgs({
    options: {
      n: { type: 'string', default: '1000' },
      'kill-after': { type: 'string' },
      concurrency: { type: 'string', default: '50' },
    },
  });
  const n = positiveInt('n', values.n);
  // ID numbers carry the request's index in 6 digits.
  if (n > 999_999) throw new Error('--n must be below 1,000,000');
  const killAfter = positiveInt('kill-after', values['kill-after'] ?? String(Math.ceil(n * 0.3)));
  if (killAfter >= n) throw new Error(`--kill-after (${killAfter}) must be below --n (${n}): the crash is mid-run`);
  return { n, killAfter, concurrency: positiveInt('concurrency', values.concurrency) };
}

async function json<T>(res: Response): Promise<T> {
  const text = await res.text();
  if (!res.ok) throw new Error(`${res.url}: ${res.status} ${text}`);
  return JSON.parse(text) as T;
}

async function login(url: string): Promise<Record<string, string>> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'reception', password: 'demo1234' }),
  });
  const { token } = await json<{ token: string }>(res);
  return { authorization: `Bearer ${token}` };
}

/** N distinct desk intakes of a complete dossier for the first demo procedure the agency takes at the desk. */
async function buildRequests(url: string, n: number): Promise<Request[]> {
  type Listed = { code: string; channels: string[] };
  const list = await json<{ items: Listed[] }>(await fetch(`${url}/api/procedures?agency=${AGENCY}&pageSize=100`));
  const procedure = list.items.find((p) => p.channels.includes('direct'));
  if (!procedure) throw new Error(`the demo catalogue has no desk procedure at ${AGENCY}`);
  type Component = { id: number; originals: number; copies: number; required: boolean };
  const detail = await json<{ components: Component[] }>(await fetch(`${url}/api/procedures/${procedure.code}`));
  const components = detail.components
    .filter((c) => c.required)
    .map((c) => ({ componentId: c.id, originals: c.originals, copies: c.copies }));
  const run = randomBytes(4).toString('hex');
  return Array.from({ length: n }, (_, i) => ({
    key: `crash-${run}-${i}`,
    body: {
      procedure: procedure.code,
      agency: AGENCY,
      channel: 'direct',
      // A distinct body per key: a key answered with another request's dossier would show.
      applicant: { fullName: 'Nguyễn Văn Bình', idNumber: `022195${String(i).padStart(6, '0')}` },
      components,
    },
  }));
}

function postIntake(url: string, auth: Record<string, string>, request: Request): Promise<Response> {
  return fetch(`${url}/api/dossiers`, {
    method: 'POST',
    headers: { ...auth, 'content-type': 'application/json', 'idempotency-key': request.key },
    body: JSON.stringify(request.body),
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
}

/** Runs task(0..total-1) with at most `concurrency` at a time; no new task starts once `stopped()`. */
async function runPool(
  total: number,
  concurrency: number,
  task: (i: number) => Promise<void>,
  stopped = () => false,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (!stopped() && next < total) await task(next++);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, total) }, worker));
}

/** Sends the requests until `killAfter` of them are acknowledged, then SIGKILLs the server mid-flight. */
async function sendUntilCrash(
  server: Server,
  auth: Record<string, string>,
  requests: Request[],
  { killAfter, concurrency }: { killAfter: number; concurrency: number },
) {
  const outcomes: Outcome[] = requests.map(() => ({ kind: 'unsent' }));
  const state = { acknowledged: 0, crash: null as Promise<void> | null };
  await runPool(
    requests.length,
    concurrency,
    async (i) => {
      try {
        const res = await postIntake(server.url, auth, requests[i]);
        // Acknowledged means the client read the whole 201 with its code, not just the status line.
        const text = await res.text();
        if (res.status !== 201) {
          outcomes[i] = { kind: 'rejected', status: res.status, body: text };
          return;
        }
        outcomes[i] = { kind: 'acknowledged', code: (JSON.parse(text) as { code: string }).code };
        if (++state.acknowledged === killAfter) state.crash = server.crash();
      } catch {
        outcomes[i] = { kind: 'connection_error' };
      }
    },
    () => state.crash !== null,
  );
  const crashed = state.crash !== null;
  await (state.crash ?? server.crash());
  return { outcomes, crashed };
}

async function resendAll(
  url: string,
  auth: Record<string, string>,
  requests: Request[],
  concurrency: number,
): Promise<Resent[]> {
  const resent: Resent[] = new Array(requests.length);
  await runPool(requests.length, concurrency, async (i) => {
    const res = await postIntake(url, auth, requests[i]);
    const body = await res.text();
    const code = res.status === 201 ? (JSON.parse(body) as { code: string }).code : null;
    resent[i] = { status: res.status, code, replayed: res.headers.get('idempotent-replayed') === 'true', body };
  });
  return resent;
}

/** Each acknowledged dossier must be replayed with its code; every resend must succeed. */
function checkResends(requests: Request[], outcomes: Outcome[], resent: Resent[]) {
  const violations: string[] = [];
  let missing = 0;
  requests.forEach(({ key }, i) => {
    const before = outcomes[i];
    const after = resent[i];
    if (before.kind === 'rejected')
      violations.push(`${key}: rejected before the crash: ${before.status} ${before.body}`);
    if (after.status !== 201) violations.push(`${key}: resend answered ${after.status} ${after.body}`);
    if (before.kind === 'acknowledged' && !(after.replayed && after.code === before.code)) {
      missing++;
      const answer = after.replayed
        ? `replayed ${after.code}`
        : `${after.status} ${after.code ?? after.body}, no replay`;
      violations.push(`${key}: acknowledged as ${before.code} before the crash, resend answered ${answer}`);
    }
  });
  const codes = new Set(resent.map((r) => r.code));
  if (codes.size !== requests.length) {
    violations.push(`${requests.length} keys were answered with only ${codes.size} distinct codes`);
  }
  return { violations, missing };
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

async function main(): Promise<number> {
  const { n, killAfter, concurrency } = parseOptions();
  const store = await createCrashStore(loadConfig().databaseUrl);
  // Development mode seeds the demo province on the empty database and logs server errors.
  const env = { ...store.serverEnv, NODE_ENV: 'development', LOG_LEVEL: 'warn', SEED_DEMO: 'auto' };
  const servers: Server[] = [];
  try {
    console.log(
      `crash test on ${store.kind}: N=${n}, concurrency ${concurrency}, kill after ${killAfter} acknowledged`,
    );
    servers.push(await startServer(env));
    const requests = await buildRequests(servers[0].url, n);

    let started = Date.now();
    const auth = await login(servers[0].url);
    const { outcomes, crashed } = await sendUntilCrash(servers[0], auth, requests, { killAfter, concurrency });
    const count = (kind: Outcome['kind']) => outcomes.filter((o) => o.kind === kind).length;
    const acknowledged = count('acknowledged');
    console.log(
      `  before the crash (${seconds(Date.now() - started)}): ${acknowledged} acknowledged, ` +
        `${count('connection_error')} connection errors, ${count('rejected')} rejected, ${count('unsent')} unsent`,
    );

    started = Date.now();
    servers.push(await startServer(env));
    const restart = Date.now() - started;
    started = Date.now();
    const resent = await resendAll(servers[1].url, await login(servers[1].url), requests, concurrency);
    const unacknowledgedCommits = resent.filter((r, i) => r.replayed && outcomes[i].kind !== 'acknowledged').length;
    console.log(
      `  restart ${seconds(restart)}; resent ${n} in ${seconds(Date.now() - started)}: ` +
        `${resent.filter((r) => r.status === 201).length} × 201, ${resent.filter((r) => r.replayed).length} replayed ` +
        `(${unacknowledgedCommits} committed but never acknowledged)`,
    );
    await servers[1].stop();

    const fromResends = checkResends(requests, outcomes, resent);
    const handle = await store.open();
    const expected = requests.map((r, i) => ({ key: r.key, code: resent[i].code }));
    const fromDatabase = await checkDatabase(handle.db, expected).finally(() => handle.close());
    const violations = [...fromResends.violations, ...fromDatabase.violations];
    if (!crashed) violations.unshift(`only ${acknowledged} requests were acknowledged: the server was never killed`);
    console.log(
      `  database: ${fromDatabase.dossiers} dossiers for ${n} keys; duplicates ${fromDatabase.duplicates}, ` +
        `missing ${fromResends.missing}, incomplete histories ${fromDatabase.incompleteHistories}`,
    );
    for (const v of violations.slice(0, 20)) console.log(`  VIOLATION ${v}`);
    if (violations.length > 20) console.log(`  … and ${violations.length - 20} more violations`);
    return violations.length === 0 ? 0 : 1;
  } catch (err) {
    for (const s of servers) console.error(`server output:\n${s.output()}`);
    throw err;
  } finally {
    await Promise.all(servers.map((s) => s.crash()));
    await store.drop();
  }
}

const started = Date.now();
const status = await main();
console.log(`crash test ${status === 0 ? 'passed' : 'FAILED'} in ${seconds(Date.now() - started)}`);
process.exit(status);
