import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { LightMyRequestResponse } from 'fastify';
import { createTestApp, loginAs, type TestApp } from './harness';
import { OTHER, OWN, WARD_ADMIN, WARD_RECEPTION, WARD_USERS, type Case, type Expect } from './scope-cases';
import { ADMIN_CASES } from './scope-cases-admin';
import { WORK_CASES } from './scope-cases-work';
import { REPORT_CASES } from './scope-cases-reports';
import { WORKFLOW_CASES } from './scope-cases-workflow';
import { FEEDBACK_CASES } from './scope-cases-feedback';
import { prepareWard, type Ward } from './scope-fixtures';
import { prepareWorkflow } from './scope-fixtures-workflow';
import { prepareFeedback } from './scope-fixtures-feedback';

/**
 * "A user of one ward cannot read or change another ward's data", for every route the app has.
 * Each non-public route has a case: the request aimed at ward B's data, made by the ward A user the
 * case names (its administrator unless said) and by every other officer of ward A, must be refused or
 * answer nothing of B's; the same request aimed at ward A's own data must succeed, so a refusal is
 * never an accident of a bad request. Routes that act on the caller alone are listed as self-only with
 * the reason. A route without a case, or a case without a route, fails this test.
 */

const CASES: Record<string, Case> = {
  ...ADMIN_CASES,
  ...WORK_CASES,
  ...REPORT_CASES,
  ...WORKFLOW_CASES,
  ...FEEDBACK_CASES,
};

type Route = { method: string; url: string; access: unknown };
const routes: Route[] = [];
let t: TestApp;
const wards = {} as { own: Ward; other: Ward };
const headers: Record<string, Record<string, string>> = {};

before(async () => {
  t = await createTestApp({
    onRoute: (r) => {
      for (const method of [r.method].flat()) routes.push({ method, url: r.url, access: r.config?.access });
    },
  });
  const logins = { province: await loginAs(t.app, 'admin'), citizen: await loginAs(t.app, 'congdan') };
  for (const u of WARD_USERS) headers[u] = await loginAs(t.app, u);
  const ownStaff = { desk: WARD_RECEPTION, specialist: 'specialist', unitLeader: 'leader', agencyLeader: 'leader' };
  const otherStaff = {
    desk: 'u2002.mc1',
    specialist: 'u2002.vhxh1',
    unitLeader: 'u2002.vhxhlead',
    agencyLeader: 'u2002.lanhdao',
  };
  wards.own = {
    ...(await prepareWard(t, OWN, logins, headers[WARD_RECEPTION])),
    workflow: await prepareWorkflow(t, OWN, logins.province, ownStaff),
    feedback: await prepareFeedback(t, OWN, ownStaff),
  };
  wards.other = {
    ...(await prepareWard(t, OTHER, logins, await loginAs(t.app, 'u2002.mc1'))),
    workflow: await prepareWorkflow(t, OTHER, logins.province, otherStaff),
    feedback: await prepareFeedback(t, OTHER, otherStaff),
  };
});
after(() => t.close());

/** The routes a ward user could call: not public, not the API docs, HEAD only through its GET. */
function guardedRoutes(): string[] {
  const keys = new Set(routes.map((r) => `${r.method} ${r.url}`));
  return routes
    .filter((r) => r.access !== 'public' && !r.url.startsWith('/docs'))
    .filter((r) => !(r.method === 'HEAD' && keys.has(`GET ${r.url}`)))
    .map((r) => `${r.method} ${r.url}`);
}

async function countAudit(): Promise<number> {
  const row = await t.db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return row.n;
}

function check(res: LightMyRequestResponse, expected: Expect, w: Ward, label: string): void {
  if (typeof expected === 'number') assert.equal(res.statusCode, expected, `${label}: ${res.body}`);
  else expected(res, w);
}

test('every guarded route has a scope case, and every case names a route that exists', () => {
  const guarded = guardedRoutes();
  assert.deepEqual(
    [ADMIN_CASES, WORK_CASES, REPORT_CASES, WORKFLOW_CASES, FEEDBACK_CASES]
      .flatMap(Object.keys)
      .filter((k, i, all) => all.indexOf(k) !== i),
    [],
    'routes with two cases',
  );
  assert.deepEqual(
    guarded.filter((r) => !(r in CASES)),
    [],
    'routes without a scope case',
  );
  assert.deepEqual(
    Object.keys(CASES).filter((c) => !guarded.includes(c)),
    [],
    'cases for routes that do not exist or are public',
  );
});

test('the API docs are the only routes without an access declaration', () => {
  assert.deepEqual(
    routes.filter((r) => r.access === undefined && !r.url.startsWith('/docs')),
    [],
  );
});

for (const [route, c] of Object.entries(CASES)) {
  if ('selfOnly' in c) continue;
  const actor = ('as' in c && c.as) || WARD_ADMIN;
  const send = (w: Ward, user: string) => {
    const req = c.request(w);
    return t.app.inject({ ...req, headers: { ...(req.headers as object), ...headers[user] } });
  };
  const title = c.ownWard === null ? `no ward may call it: ${c.why}` : 'and can reach its own';
  test(`${route}: ward A cannot reach ward B’s data; ${title}`, async () => {
    const auditBefore = await countAudit();
    for (const user of WARD_USERS) {
      const res = await send(wards.other, user);
      // Officers the route's access list turns away are refused before any data is looked at.
      if (user !== actor && res.statusCode === 403) continue;
      check(res, c.otherWard, wards.other, `${user} → ward B`);
    }
    // A refusal changes nothing (an import answers 200 and records its report: it is checked by its body).
    if (typeof c.otherWard === 'number') assert.equal(await countAudit(), auditBefore, 'a refused request was audited');
    if (c.ownWard === null) return;
    check(await send(wards.own, actor), c.ownWard, wards.own, `${actor} → own ward`);
  });
}
