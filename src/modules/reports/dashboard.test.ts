import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { createTestApp, loginAs, type TestApp } from '../../../test/harness';
import { addDays, localDayAndTime } from '../calendar/dates';
import { APPLICANT } from '../dossiers/test-support';
import {
  CERTIFY,
  COMMUNE,
  MARITAL_STATUS,
  OTHER_WARD,
  getJson,
  importNdjson,
  liveDossiers,
  ndjson,
  vn,
  type Line,
} from './test-fixtures';

let t: TestApp;
let admin: Record<string, string>;
const today = localDayAndTime(new Date()).date;

before(async () => {
  t = await createTestApp();
  admin = await loginAs(t.app, 'admin');
  await liveDossiers(t.app, t.db);
  const line = (externalId: string, agency: string, extra: Line): Line => ({
    externalId,
    agency,
    procedure: MARITAL_STATUS,
    channel: 'direct',
    ...extra,
  });
  const lines = [
    line('D-1', COMMUNE, { receivedAt: vn('2019-12-30', '09:00'), resolvedAt: vn('2020-01-02', '10:00') }),
    line('D-2', COMMUNE, { receivedAt: vn('2019-12-16', '09:00'), resolvedAt: vn('2019-12-17', '10:00') }),
    line('D-3', COMMUNE, { receivedAt: vn('2020-01-06', '09:00'), resolvedAt: vn('2020-01-15', '10:00') }),
    line('D-4', COMMUNE, { receivedAt: vn('2020-01-06', '10:00'), withdrawnAt: vn('2020-01-07', '10:00') }),
    line('D-5', COMMUNE, { receivedAt: vn('2020-01-20', '09:00'), channel: 'online', procedure: CERTIFY }),
    line('D-6', OTHER_WARD, { receivedAt: vn('2020-01-08', '09:00'), dueAt: vn('2020-01-10', '17:00') }),
    line('D-7', COMMUNE, { receivedAt: vn('2020-02-03', '09:00'), resolvedAt: vn('2020-02-04', '09:00') }),
  ];
  const res = await importNdjson(t.app, admin, ndjson(lines));
  assert.deepEqual(res.json(), { imported: 7, updated: 0, rejected: [], rejectedCount: 0 });
});
after(() => t.close());

type Month = { month: string; from: string; to: string } & Record<string, unknown>;

test('the trend gives, for each month of the period, the summary of that month', async () => {
  const q = `from=2019-12-10&to=2020-02-29&agency=${COMMUNE}`;
  const { months } = await getJson(t.app, admin, `/api/reports/trend?${q}`);
  assert.deepEqual(
    months.map((m: Month) => [m.month, m.from, m.to]),
    [
      ['2019-12', '2019-12-10', '2019-12-31'],
      ['2020-01', '2020-01-01', '2020-01-31'],
      ['2020-02', '2020-02-01', '2020-02-29'],
    ],
  );
  for (const { month, from, to, ...numbers } of months as Month[]) {
    const summary = await getJson(t.app, admin, `/api/reports/summary?from=${from}&to=${to}&agency=${COMMUNE}`);
    assert.deepEqual(numbers, summary, month);
  }
  // The backlog chains: what is open at the end of one month is carried over into the next.
  assert.deepEqual(
    months.map((m: { received: { carriedOver: number }; inProgress: { total: number } }) => [
      m.received.carriedOver,
      m.inProgress.total,
    ]),
    [
      [0, 1],
      [1, 1],
      [1, 1],
    ],
  );
  assert.deepEqual(months[1].resolved, { early: 0, onTime: 1, late: 1, total: 2 });
  assert.equal(months[2].onTimeRate, 1);
});

test('the overdue list is the dossiers behind inProgress.overdue, longest late first, with days late', async () => {
  const q = 'from=2020-01-01&to=2020-01-31';
  const list = await getJson(t.app, admin, `/api/reports/overdue?${q}`);
  const summary = await getJson(t.app, admin, `/api/reports/summary?${q}`);
  assert.equal(list.total, summary.inProgress.overdue);
  assert.equal(list.total, 2);
  const drill = await getJson(t.app, admin, `/api/reports/summary/dossiers?metric=inProgress.overdue&${q}`);
  assert.deepEqual(
    list.items.map((d: { code: string }) => d.code).sort(),
    drill.items.map((d: { code: string }) => d.code).sort(),
  );
  const [first, second] = list.items;
  // Due Friday 10/01 at phường Bãi Cháy: at the end of 31/01 it is 22 days late; imported, so held by nobody.
  assert.deepEqual(first, {
    code: `${OTHER_WARD}-200108-0001`,
    procedure: { code: MARITAL_STATUS, name: 'Cấp Giấy xác nhận tình trạng hôn nhân' },
    agency: { code: OTHER_WARD, name: 'UBND phường Bãi Cháy' },
    channel: 'direct',
    status: 'in_progress',
    receivedAt: '2020-01-08T09:00:00+07:00',
    dueAt: '2020-01-10T17:00:00+07:00',
    daysLate: 22,
    holder: { unit: null, officer: null },
  });
  assert.equal(second.code, `${COMMUNE}-200120-0001`);
  assert.ok(second.dueAt.startsWith('2020-01-20T') || second.dueAt.startsWith('2020-01-21T'), second.dueAt);
  assert.equal(second.daysLate, second.dueAt.startsWith('2020-01-20T') ? 12 : 11);

  const paged = await getJson(t.app, admin, `/api/reports/overdue?${q}&pageSize=1&page=2`);
  assert.deepEqual(paged, { items: [second], total: 2 });
  const filtered = await getJson(t.app, admin, `/api/reports/overdue?${q}&agency=${COMMUNE}&channel=direct`);
  assert.deepEqual(filtered, { items: [], total: 0 });
});

test('a live dossier past its appointment shows the unit and officer holding it', async () => {
  // The one postal dossier is live (liveDossiers): the imported ones came direct or online.
  const code = await t.db
    .selectFrom('dossiers')
    .select('code')
    .where('channel', '=', 'postal')
    .executeTakeFirstOrThrow();
  const threeDaysAgo = new Date(`${addDays(today, -3)}T10:00:00+07:00`);
  await sql`UPDATE dossiers SET original_due_at = ${threeDaysAgo}, due_at = ${threeDaysAgo} WHERE code = ${code.code}`.execute(
    t.db,
  );
  const leader = await loginAs(t.app, 'leader');
  const list = await getJson(t.app, leader, `/api/reports/overdue?from=${today}&to=${today}`);
  assert.equal(list.total, 1);
  assert.equal(list.items[0].code, code.code);
  // Today's period is judged now, not at midnight: three days after the appointment's day.
  assert.equal(list.items[0].daysLate, 3);
  assert.deepEqual(list.items[0].holder, {
    unit: { code: 'MC', name: 'Trung tâm Phục vụ hành chính công (Bộ phận Một cửa)' },
    officer: { username: 'reception', fullName: 'Trần Thị Thu Hà' },
  });
  const s = await getJson(t.app, leader, `/api/reports/summary?from=${today}&to=${today}`);
  assert.deepEqual(s.inProgress, { withinDeadline: 1, overdue: 1, total: 2 });
});

test('the dashboard reads keep to the reader’s agencies and refuse other roles', async () => {
  const q = 'from=2020-01-01&to=2020-01-31';
  const wardAdmin = await loginAs(t.app, 'u2001.quantri');
  for (const path of ['trend', 'overdue']) {
    const other = await t.app.inject({ url: `/api/reports/${path}?${q}&agency=${OTHER_WARD}`, headers: wardAdmin });
    assert.equal(other.statusCode, 403, other.body);
    for (const user of ['reception', 'specialist', 'congdan']) {
      const res = await t.app.inject({ url: `/api/reports/${path}?${q}`, headers: await loginAs(t.app, user) });
      assert.equal(res.statusCode, 403, `${path} ${user}: ${res.body}`);
    }
    assert.equal((await t.app.inject({ url: `/api/reports/${path}?${q}` })).statusCode, 401);
  }
  // Without an agency, a ward administrator's overdue list is their ward's: Bãi Cháy's dossier is not in it.
  assert.deepEqual(await getJson(t.app, wardAdmin, `/api/reports/overdue?${q}`), { items: [], total: 0 });
});

test('bad dashboard queries are 4xx naming the parameter, in both languages', async () => {
  const cases: [string, number, string][] = [
    ['/api/reports/trend?from=2020-01-01&to=2025-02-01', 400, 'to'],
    ['/api/reports/trend?from=2020-02-01&to=2020-01-01', 400, 'to'],
    ['/api/reports/trend?from=2020-01-01', 400, 'querystring.to'],
    ['/api/reports/overdue?from=2020-01-01&to=2020-01-31&pageSize=501', 400, 'querystring.pageSize'],
    ['/api/reports/overdue?from=2020-01-01&to=2020-01-31&agency=999.99.99.H99', 404, 'agency'],
    ['/api/public/statistics?from=2010-01-01&to=2020-01-31', 400, 'to'],
    ['/api/public/statistics?from=2020-01-01&to=2020-01-31&agency=999.99.99.H99', 404, 'agency'],
    ['/api/public/statistics?from=31/01/2020&to=2020-01-31', 400, 'querystring.from'],
  ];
  for (const [url, status, field] of cases) {
    const res = await t.app.inject({ url, headers: url.includes('public') ? {} : admin });
    assert.equal(res.statusCode, status, `${url}: ${res.body}`);
    const { error } = res.json();
    assert.equal(error.field, field, url);
    assert.ok(error.message && error.messageVi && error.message !== error.messageVi, url);
  }
});

test('public statistics: per agency and per procedure, no login, no personal data, rate-limited', async () => {
  const q = `from=${today}&to=${today}`;
  const res = await t.app.inject({ url: `/api/public/statistics?${q}` });
  assert.equal(res.statusCode, 200, res.body);
  assert.ok(Number(res.headers['x-ratelimit-limit']) > 0, 'rate-limited');
  for (const secret of [APPLICANT.idNumber, APPLICANT.phone, APPLICANT.fullName, 'reception', 'Trần Thị Thu Hà']) {
    assert.ok(!res.body.includes(secret), `public statistics leak ${secret}`);
  }
  const body = res.json();
  const byAgency = await getJson(t.app, admin, `/api/reports/summary?${q}&groupBy=agency`);
  assert.deepEqual(
    body.agencies,
    byAgency.rows.map(
      (r: {
        group: { code: string; name: string };
        received: { total: number };
        resolved: object;
        inProgress: { total: number; overdue: number };
        onTimeRate: number | null;
      }) => ({
        code: r.group.code,
        name: r.group.name,
        received: r.received.total,
        resolved: r.resolved,
        inProgress: { total: r.inProgress.total, overdue: r.inProgress.overdue },
        onTimeRate: r.onTimeRate,
      }),
    ),
  );
  // The two live dossiers of phường Hạ Long (one made overdue above) and the two imported ones of 2020 still open.
  assert.deepEqual(body.total.inProgress, { total: 4, overdue: 3 });

  const january = await getJson(t.app, {}, `/api/public/statistics?from=2020-01-01&to=2020-01-31&agency=${COMMUNE}`);
  assert.deepEqual(january.agency, { code: COMMUNE, name: 'UBND xã Quảng La' });
  assert.deepEqual(january.total, {
    received: 4,
    resolved: { early: 0, onTime: 1, late: 1, total: 2 },
    inProgress: { total: 1, overdue: 1 },
    onTimeRate: 0.5,
  });
  assert.deepEqual(
    january.procedures.map((p: { code: string; received: number; onTimeRate: number | null }) => [
      p.code,
      p.received,
      p.onTimeRate,
    ]),
    [
      [MARITAL_STATUS, 3, 0.5],
      [CERTIFY, 1, null],
    ],
  );
});
