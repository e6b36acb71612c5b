import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, loginAs, type TestApp } from '../../../test/harness';
import { HA_LONG, multipartFile } from '../dossiers/test-support';
import { qualityIndex } from './rules';
import { ok, prepare, walk, type Users } from './test-support';

let t: TestApp;
let u: Users;
let components: number[];
const PERIOD = 'from=2020-01-01&to=2099-12-31';

/**
 * Three dossiers of Hạ Long: two returned (one with an uploaded scan, returned by the receptionist and
 * rated very satisfied; one returned by the desk's second officer and rated not satisfied), one at the
 * specialist with an apology naming VHXH at fault.
 */
before(async () => {
  t = await createTestApp();
  ({ users: u, components } = await prepare(t));
  const pdf = multipartFile('to-khai.pdf', 'application/pdf', Buffer.from('%PDF-1.4\n%%EOF\n'));
  const file = ok(
    await t.app.inject({
      method: 'POST',
      url: '/api/dossier-files',
      headers: { ...u.reception.headers, ...pdf.headers },
      payload: pdf.payload,
    }),
    201,
  );
  const first = await walk(t, { users: u, components }, 'returned', { files: [file.id] });
  const second = await walk(t, { users: u, components }, 'returned', { returner: 'u2001.mc1' });
  const late = await walk(t, { users: u, components }, 'assigned');
  const kiosk = (code: string, payload: object) =>
    t.app.inject({
      method: 'POST',
      url: `/api/kiosk/${HA_LONG}/ratings`,
      headers: u.reception.headers,
      payload: { code, ...payload },
    });
  ok(await kiosk(first.code, { level: 'very_satisfied' }), 201);
  ok(await kiosk(second.code, { level: 'not_satisfied', reasons: ['attitude'] }), 201);
  const d = ok(await t.app.inject({ url: `/api/dossiers/${late.code}`, headers: u.reception.headers }));
  // A new appointment a week or so later, on a working day of the ward.
  let status = 0;
  for (let days = 7; days < 14 && status !== 200; days++) {
    const newDueAt = new Date(new Date(d.dueAt).getTime() + days * 86_400_000).toISOString();
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/dossiers/${late.code}/apology`,
      headers: u.reception.headers,
      payload: { version: late.version, reason: 'Cần xác minh thêm', newDueAt, faultUnit: { unit: 'VHXH' } },
    });
    status = res.statusCode;
  }
  assert.equal(status, 200);
});
after(() => t.close());

type Row = {
  group: { code: string };
  handled: number;
  onTimeRate: number | null;
  lateCaused: number;
  satisfaction: { total: number; satisfactionRate: number | null };
};
const summary = (rows: Row[]) =>
  rows.map((r) => [r.group.code, r.handled, r.lateCaused, r.satisfaction.total, r.satisfaction.satisfactionRate]);

test('units: steps completed, on time, late dossiers caused (apologies) and satisfaction', async () => {
  const res = ok(
    await t.app.inject({
      url: `/api/feedback/evaluation?${PERIOD}&agency=${HA_LONG}&groupBy=unit`,
      headers: u['u2001.lanhdao'].headers,
    }),
  );
  // The ratings count for the desk (MC) whose officers returned the results, not the leaders' unit
  // (LD) that made them ready and still holds the dossiers.
  assert.deepEqual(summary(res.rows).sort(), [
    ['LD', 2, 0, 0, null],
    ['MC', 3, 0, 2, 0.5],
    ['VHXH', 2, 1, 0, null],
  ]);
  for (const r of res.rows as Row[]) assert.equal(r.onTimeRate, 1, 'every step was done well before its due time');
});

test('officers: what each completed, the apology of the dossier they held, the ratings of what they returned', async () => {
  const res = ok(
    await t.app.inject({
      url: `/api/feedback/evaluation?${PERIOD}&agency=${HA_LONG}&groupBy=officer`,
      headers: u['u2001.lanhdao'].headers,
    }),
  );
  // The receptionist forwarded all three and returned the first; the desk's second officer only
  // returned the second: each is rated for the result they handed over.
  assert.deepEqual(summary(res.rows).sort(), [
    ['reception', 3, 0, 1, 1],
    ['specialist', 2, 1, 0, null],
    ['u2001.lanhdao', 2, 0, 0, null],
    ['u2001.mc1', 0, 0, 1, 0],
  ]);
  const other = await loginAs(t.app, 'u2002.lanhdao');
  const refused = await t.app.inject({ url: `/api/feedback/evaluation?${PERIOD}&agency=${HA_LONG}`, headers: other });
  assert.equal(refused.statusCode, 403, refused.body);
});

test('the quality index of the ward: its components, the weighted index and its rank', async () => {
  const res = ok(
    await t.app.inject({ url: `/api/feedback/quality-index?${PERIOD}&agency=${HA_LONG}`, headers: u.leader.headers }),
  );
  const ward = res.items.find((i: { agency: { code: string } }) => i.agency.code === HA_LONG);
  // Two results, both early; three direct dossiers, one with a scan; one of two ratings satisfied.
  assert.deepEqual(
    [ward.components.progress, ward.components.onlineUse, ward.components.digitisation, ward.components.satisfaction],
    [1, 0, 0.3333, 0.5],
  );
  // Disclosure: the test procedures have no legal basis, so they are incomplete; the demo ones count as listed.
  assert.ok(ward.components.disclosure > 0 && ward.components.disclosure < 1, String(ward.components.disclosure));
  assert.equal(ward.index, qualityIndex(ward.components, res.weights).index);
  assert.equal(ward.rank, 1);
  assert.equal(ward.coverage, 1);

  // Administrators change the weights: only progress counts now.
  const settings = ok(await t.app.inject({ url: '/api/feedback/settings' }));
  const weights = { disclosure: 0, progress: 1, onlineUse: 0, digitisation: 0, satisfaction: 0 };
  const admin = await loginAs(t.app, 'admin');
  ok(
    await t.app.inject({
      method: 'PUT',
      url: '/api/feedback/settings',
      headers: admin,
      payload: { ...settings, qualityWeights: weights },
    }),
  );
  const again = ok(
    await t.app.inject({ url: `/api/feedback/quality-index?${PERIOD}&agency=${HA_LONG}`, headers: u.leader.headers }),
  );
  assert.equal(again.items[0].index, 100);
  const bad = await t.app.inject({
    method: 'PUT',
    url: '/api/feedback/settings',
    headers: admin,
    payload: { ...settings, qualityWeights: { ...weights, progress: 0 } },
  });
  assert.equal(bad.statusCode, 400, bad.body);
  assert.equal(bad.json().error.field, 'weights');
});
