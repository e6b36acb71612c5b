/**
 * Browser tests drive the real thing: `node --import tsx src/main.ts` serving the built web app, and
 * Debian's chromium through playwright-core. The server runs on embedded PGlite in a fresh temporary
 * DATA_DIR even when DATABASE_URL is set: main.ts has no schema option, and a throw-away data folder
 * gives the same isolation as test/harness.ts's fresh schema without touching the shared server.
 */
import { after, afterEach, before } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { ROOT, becameHealthy, exited, spawnServer } from '../server-process';

export const CHROMIUM = '/usr/bin/chromium';
export const SCREENSHOTS = join(ROOT, 'test-results/screenshots');
const WEB_DIST_INDEX = join(ROOT, 'dist/web/index.html');
const STARTUP_TIMEOUT_MS = 300_000; // the first start migrates and seeds PGlite; slow on a loaded 2-core machine
const STOP_TIMEOUT_MS = 15_000;

/**
 * Why browser tests do not run here, or null. On CI a missing browser is a failure, not a skip. With
 * DATABASE_URL set they are skipped: their server runs on PGlite whatever it says (`startServer`), so
 * the PostgreSQL pass of `.ci/run` would only repeat the PGlite pass's browser runs (~6 min).
 */
export function browserTestsSkipped(): string | null {
  if (process.env.DATABASE_URL) return 'the browser tests serve from PGlite; they run in the pass without DATABASE_URL';
  if (existsSync(CHROMIUM) || process.env.CI) return null;
  return `chromium not found at ${CHROMIUM} (apt-get install -y chromium)`;
}

function newestChange(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newestChange(join(path, name))));
}

/** Builds the web app when dist/web is missing or older than web/ or the Vite config. */
export function ensureWebBuilt(): void {
  if (existsSync(WEB_DIST_INDEX)) {
    const built = statSync(WEB_DIST_INDEX).mtimeMs;
    const sources = Math.max(newestChange(join(ROOT, 'web')), newestChange(join(ROOT, 'vite.config.ts')));
    if (built >= sources) return;
  }
  const vite = join(ROOT, 'node_modules/vite/bin/vite.js');
  // npm test sets NODE_ENV=test, which would make Vite bundle React's development build.
  const env = { ...process.env, NODE_ENV: 'production' };
  const res = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], { cwd: ROOT, env, stdio: 'inherit' });
  if (res.status !== 0) throw new Error(`vite build failed with status ${res.status}`);
}

export type RunningServer = { url: string; log: () => string; stop: () => Promise<void> };

/** How a suite's server starts: `demoDossiers` seeds the generated dossiers too, as `npm start` does. */
export type ServerOptions = { demoDossiers?: boolean };

/** Starts the server on a free port with the demo province in a fresh PGlite folder; resolves once /healthz answers. */
export async function startServer({ demoDossiers = false }: ServerOptions = {}): Promise<RunningServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'motcua-e2e-data-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: dataDir,
    // Development mode logs server errors (test mode silences them) and seeds the demo province.
    NODE_ENV: 'development',
    LOG_LEVEL: 'warn',
    SEED_DEMO: 'auto',
    // The scenarios count what they create in empty inboxes: the province without generated dossiers.
    DEMO_DOSSIERS: '0',
  };
  if (demoDossiers) delete env.DEMO_DOSSIERS; // the configuration's default, as `npm start` runs
  delete env.DATABASE_URL;
  const server = await spawnServer(env);
  const { child } = server;

  const stop = async () => {
    if (!(await exited(child, 0))) {
      child.kill('SIGTERM');
      if (!(await exited(child, STOP_TIMEOUT_MS))) child.kill('SIGKILL');
    }
    rmSync(dataDir, { recursive: true, force: true });
  };

  if (await becameHealthy(server, STARTUP_TIMEOUT_MS)) return { url: server.url, log: server.output, stop };
  await stop();
  throw new Error(`server did not become healthy (exit code ${child.exitCode}):\n${server.output()}`);
}

export type TestBrowser = {
  context: BrowserContext;
  page: Page;
  /** Console errors and uncaught page errors seen so far; a test takes them and expects none. */
  takeErrors: () => string[];
  close: () => Promise<void>;
};

/** Debian's chromium, headless, in a fresh profile; every page's console errors and page errors are recorded. */
export async function launchBrowser(): Promise<TestBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'motcua-e2e-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  let errors: string[] = [];
  const watch = (page: Page) => {
    page.on('console', (msg) => {
      if (msg.type() === 'error') errors.push(`console: ${msg.text()} (${msg.location().url})`);
    });
    page.on('pageerror', (err) => errors.push(`page error: ${err.message}`));
  };
  context.pages().forEach(watch);
  context.on('page', watch);
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    takeErrors: () => {
      const taken = errors;
      errors = [];
      return taken;
    },
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * A screenshot in test-results/screenshots/ (git-ignored) for a human to look at: the full page, or
 * only the viewport when a modal dialog is open (its backdrop covers the viewport only).
 */
export async function screenshot(page: Page, name: string, { fullPage = true } = {}): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage });
}

/** True when the page is wider than the viewport, i.e. the user would have to scroll sideways. */
export function hasHorizontalScroll(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
}

let axeSource: string | undefined;
const SEVERE = ['serious', 'critical'];

/**
 * axe-core's violations on the page as it is now, one line per element (impact, rule, target): the
 * serious and critical ones, or those of every impact listed.
 */
export async function axeViolations(page: Page, impacts: readonly string[] = SEVERE): Promise<string[]> {
  axeSource ??= readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
  await page.addScriptTag({ content: axeSource });
  const found = await page.evaluate(async () => {
    type Result = { violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[] };
    const axe = (window as unknown as { axe: { run: () => Promise<Result> } }).axe;
    return (await axe.run()).violations.flatMap((v) =>
      v.nodes.map((n) => ({ impact: v.impact ?? '', line: `${v.impact} ${v.id} ${n.target.join(' ')}` })),
    );
  });
  return found.filter((v) => impacts.includes(v.impact)).map((v) => v.line);
}

export type ApiSession = { token: string; user: { fullName: string } };

/** A demo account's session through the API (its bearer token and name), for a test's own calls. */
export async function apiLogin(baseUrl: string, username: string, password = 'demo1234'): Promise<ApiSession> {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  assert.equal(res.status, 200, `login ${username}: ${res.status}`);
  return (await res.json()) as ApiSession;
}

/** A demo account's bearer token through the API, for a test's own calls beside the browser's. */
export async function apiToken(baseUrl: string, username: string, password = 'demo1234'): Promise<string> {
  return (await apiLogin(baseUrl, username, password)).token;
}

/** A GET of the API answered 200, as JSON (anonymous without a token). */
export async function apiGet<T>(baseUrl: string, path: string, token?: string): Promise<T> {
  const res = await fetch(`${baseUrl}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  assert.equal(res.status, 200, `${path}: ${res.status}`);
  return (await res.json()) as T;
}

/** Fills in and sends the login form the page shows. */
export async function submitLogin(page: Page, username: string, password = 'demo1234'): Promise<void> {
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
}

/** Logs in from the login page; it returns to the page the session ended on, or to the staff page. */
export async function logIn(page: Page, baseUrl: string, username: string, password = 'demo1234'): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await submitLogin(page, username, password);
  await page.getByRole('button', { name: 'Đăng xuất' }).waitFor();
}

export async function logOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Đăng xuất' }).click();
  await page.getByRole('link', { name: 'Đăng nhập' }).waitFor();
}

/** Each page at 360 px wide (a small phone): a screenshot, and no sideways scrolling. */
export async function checkNarrow(page: Page, baseUrl: string, pages: readonly [string, string, string][]) {
  await page.setViewportSize({ width: 360, height: 780 });
  for (const [name, path, ready] of pages) {
    await page.goto(`${baseUrl}${path}`);
    await page.locator(ready).first().waitFor();
    await screenshot(page, name);
    if (await hasHorizontalScroll(page)) throw new Error(`${path} scrolls sideways at 360 px`);
  }
  await page.setViewportSize({ width: 1280, height: 720 });
}

export type BrowserSuite = { server: RunningServer; browser: TestBrowser; page: Page };

/**
 * One server and one browser for a describe block: started before its tests (then `ready` gets them),
 * stopped after. Each test fails on a console error unless it named it first with `provoke`, since
 * Chromium logs every refused request (400, 409) a test causes on purpose.
 */
export function browserSuite(timeoutMs: number, ready: (suite: BrowserSuite) => void, options: ServerOptions = {}) {
  let suite: BrowserSuite | undefined;
  let provoked: RegExp[] = [];
  before(async () => {
    ensureWebBuilt();
    const server = await startServer(options);
    const browser = await launchBrowser();
    browser.page.setDefaultTimeout(timeoutMs);
    suite = { server, browser, page: browser.page };
    ready(suite);
  });
  after(async () => {
    await suite?.browser.close();
    await suite?.server.stop();
  });
  afterEach(() => {
    const errors = suite?.browser.takeErrors().filter((e) => !provoked.some((re) => re.test(e))) ?? [];
    provoked = [];
    assert.deepEqual(errors, []);
  });
  return {
    provoke: (status: number, path: string) =>
      provoked.push(new RegExp(`status of ${status} .*${path.replace(/\./g, '\\.')}\\)$`)),
  };
}
