import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, loginAs, type TestApp } from '../../../test/harness';
import { localDayAndTime } from '../calendar/dates';
import {
  CERTIFY,
  COMMUNE,
  MARITAL_STATUS,
  OTHER_WARD,
  PROVINCE,
  WARD,
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
    // Received on Monday 30/12/2019 (due Wednesday 1/1 is a holiday, so Thursday 2/1), resolved then.
    line('S-1', COMMUNE, { receivedAt: vn('2019-12-30', '09:00'), resolvedAt: vn('2020-01-02', '10:00') }),
    line('S-2', COMMUNE, { receivedAt: vn('2019-12-16', '09:00'), resolvedAt: vn('2019-12-17', '10:00') }),
    line('S-3', COMMUNE, {
      receivedAt: vn('2020-01-06', '09:00'),
      resolvedAt: vn('2020-01-15', '10:00'),
      returnedAt: vn('2020-01-16', '10:00'),
    }),
    line('S-4', COMMUNE, { receivedAt: vn('2020-01-06', '10:00'), withdrawnAt: vn('2020-01-07', '10:00') }),
    line('S-5', COMMUNE, { receivedAt: vn('2020-01-20', '09:00'), channel: 'online', procedure: CERTIFY }),
    line('S-6', OTHER_WARD, { receivedAt: vn('2020-01-08', '09:00') }),
  ];
  const res = await importNdjson(t.app, admin, ndjson(lines));
  assert.deepEqual(res.json(), { imported: 6, updated: 0, rejected: [], rejectedCount: 0 });
});
after(() => t.close());

const url = (q: string) => `/api/reports/summary?${q}`;

test('live dossiers count from the moment the desk accepts them; refused ones only as refused', async () => {
  const s = await getJson(t.app, admin, url(`from=${today}&to=${today}&agency=${WARD}`));
  assert.deepEqual(s, {
    received: { carriedOver: 0, online: 0, direct: 2, postal: 1, total: 3 },
    resolved: { early: 0, onTime: 0, late: 0, total: 0 },
    inProgress: { withinDeadline: 2, overdue: 0, total: 2 },
    withdrawn: 1,
    refused: 1,
    onTimeRate: null,
  });
  const byOfficer = await getJson(t.app, admin, url(`from=${today}&to=${today}&agency=${WARD}&groupBy=officer`));
  assert.deepEqual(
    byOfficer.rows.map((r: { group: object; received: { total: number }; refused: number }) => [
      r.group,
      r.received.total,
      r.refused,
    ]),
    [
      [{ code: null, name: 'Chưa giao cán bộ xử lý' }, 0, 1],
      [{ code: 'reception', name: 'Trần Thị Thu Hà' }, 3, 0],
    ],
  );
  const byUnit = await getJson(t.app, admin, url(`from=${today}&to=${today}&agency=${WARD}&groupBy=unit&unit=MC`));
  assert.deepEqual(byUnit.rows[0].group, {
    code: 'MC',
    name: 'Trung tâm Phục vụ hành chính công (Bộ phận Một cửa)',
    agency: WARD,
  });
  assert.equal(byUnit.received.total, 3);
});

test('period semantics: carried over, resolved in the period, returned still resolved, withdrawn in the period', async () => {
  const december = await getJson(t.app, admin, url(`from=2019-12-01&to=2019-12-31&agency=${COMMUNE}`));
  assert.deepEqual(december.received, { carriedOver: 0, online: 0, direct: 2, postal: 0, total: 2 });
  assert.deepEqual(december.resolved, { early: 1, onTime: 0, late: 0, total: 1 });
  assert.deepEqual(december.inProgress, { withinDeadline: 1, overdue: 0, total: 1 });

  const january = await getJson(t.app, admin, url(`from=2020-01-01&to=2020-01-31&agency=${COMMUNE}`));
  assert.deepEqual(january, {
    received: { carriedOver: 1, online: 1, direct: 2, postal: 0, total: 4 },
    resolved: { early: 0, onTime: 1, late: 1, total: 2 },
    inProgress: { withinDeadline: 0, overdue: 1, total: 1 },
    withdrawn: 1,
    refused: 0,
    onTimeRate: 0.5,
  });
  const late = await getJson(
    t.app,
    admin,
    `/api/reports/summary/dossiers?metric=resolved.late&from=2020-01-01&to=2020-01-31&agency=${COMMUNE}`,
  );
  assert.deepEqual(late.items, [
    {
      code: `${COMMUNE}-200106-0001`,
      procedure: { code: MARITAL_STATUS, name: 'Cấp Giấy xác nhận tình trạng hôn nhân' },
      agency: { code: COMMUNE, name: 'UBND xã Quảng La' },
      channel: 'direct',
      receivedAt: '2020-01-06T09:00:00+07:00',
      acceptedAt: '2020-01-06T09:00:00+07:00',
      dueAt: '2020-01-08T17:00:00+07:00',
      resolvedAt: '2020-01-15T10:00:00+07:00',
      withdrawnAt: null,
      refusedAt: null,
      status: 'returned',
      classification: 'late',
    },
  ]);
});

test('an apology moves the appointment in force, not the one statistics judge against', async () => {
  await t.db
    .updateTable('dossiers')
    .set({ due_at: new Date(vn('2020-03-31', '17:00')) })
    .where('code', '=', `${COMMUNE}-200120-0001`)
    .execute();
  const january = await getJson(t.app, admin, url(`from=2020-01-01&to=2020-01-31&agency=${COMMUNE}`));
  assert.deepEqual(january.inProgress, { withinDeadline: 0, overdue: 1, total: 1 });
});

test('filters narrow every number; groups add up to the total', async () => {
  const q = `from=2019-12-01&to=2020-01-31&agency=${COMMUNE}`;
  assert.equal((await getJson(t.app, admin, url(`${q}&channel=online`))).received.total, 1);
  assert.equal((await getJson(t.app, admin, url(`${q}&procedure=${CERTIFY}`))).received.total, 1);
  assert.equal((await getJson(t.app, admin, url(`${q}&field=CHUNG_THUC`))).received.total, 1);
  const byField = await getJson(t.app, admin, url(`${q}&groupBy=field`));
  assert.deepEqual(
    byField.rows.map((r: { group: { code: string }; received: { total: number } }) => [r.group.code, r.received.total]),
    [
      ['CHUNG_THUC', 1],
      ['HO_TICH', 4],
    ],
  );
  assert.equal(byField.received.total, 5);
  const byChannel = await getJson(t.app, admin, url(`${q}&groupBy=channel`));
  assert.deepEqual(
    byChannel.rows.map((r: { group: object }) => r.group),
    [
      { code: 'direct', name: 'Trực tiếp' },
      { code: 'online', name: 'Trực tuyến' },
    ],
  );
  const page = await getJson(
    t.app,
    admin,
    `/api/reports/summary/dossiers?metric=received.total&${q}&pageSize=2&page=3`,
  );
  assert.equal(page.total, 5);
  assert.deepEqual(
    page.items.map((d: { code: string }) => d.code),
    [`${COMMUNE}-200120-0001`],
  );
});

test("an agency's row counts its own dossiers and drills down to them, without its subtree's", async () => {
  const lines = [PROVINCE, WARD].map((agency, i) => ({
    externalId: `S-OWN-${i}`,
    agency,
    procedure: MARITAL_STATUS,
    channel: 'direct',
    receivedAt: vn(`2021-03-0${i + 1}`, '09:00'),
  }));
  assert.equal((await importNdjson(t.app, admin, ndjson(lines))).json().imported, 2);
  const q = `from=2021-03-01&to=2021-03-31&agency=${PROVINCE}`;
  const byAgency = await getJson(t.app, admin, url(`${q}&groupBy=agency`));
  // Received in the period (others are carried over from the fixtures above).
  const received = new Map(
    byAgency.rows.map((r: { group: { code: string }; received: { direct: number } }) => [
      r.group.code,
      r.received.direct,
    ]),
  );
  assert.equal(received.get(PROVINCE), 1);
  assert.equal(received.get(WARD), 1);
  const list = (extra: string) =>
    getJson(t.app, admin, `/api/reports/summary/dossiers?metric=received.direct&${q}${extra}`);
  const own = await list('&agencyOnly=true');
  assert.equal(own.total, 1);
  assert.deepEqual(
    own.items.map((d: { agency: { code: string } }) => d.agency.code),
    [PROVINCE],
  );
  assert.equal((await list('')).items.length, 2);
});

test('the row of dossiers held by no unit or officer drills down with the filter value _none', async () => {
  const codes = (list: { items: { code: string }[] }) => list.items.map((d) => d.code).sort();
  const drill = (metric: string, q: string) =>
    getJson(t.app, admin, `/api/reports/summary/dossiers?metric=${metric}&${q}`);
  // The commune's dossiers are all imported: held by no unit.
  const q = `from=2019-12-01&to=2020-01-31&agency=${COMMUNE}`;
  const byUnit = await getJson(t.app, admin, url(`${q}&groupBy=unit`));
  assert.deepEqual(
    byUnit.rows.map((r: { group: object; received: { total: number } }) => [r.group, r.received.total]),
    [[{ code: null, name: 'Chưa giao đơn vị xử lý' }, 5]],
  );
  const { group: _group, ...noUnit } = byUnit.rows[0];
  assert.deepEqual(await getJson(t.app, admin, url(`${q}&unit=_none`)), noUnit);
  const received = await drill('received.total', `${q}&unit=_none`);
  assert.equal(received.total, 5);
  assert.deepEqual(codes(received), [
    `${COMMUNE}-191216-0001`,
    `${COMMUNE}-191230-0001`,
    `${COMMUNE}-200106-0001`,
    `${COMMUNE}-200106-0002`,
    `${COMMUNE}-200120-0001`,
  ]);
  // At the ward today the receptionist holds the dossiers she received; the refused one was never
  // received and the one imported by the test above is still open, so no officer holds either.
  const ward = `from=${today}&to=${today}&agency=${WARD}`;
  const noOfficer = await getJson(t.app, admin, url(`${ward}&officer=_none`));
  assert.deepEqual(
    [noOfficer.received, noOfficer.withdrawn, noOfficer.refused],
    [{ carriedOver: 1, online: 0, direct: 0, postal: 0, total: 1 }, 0, 1],
  );
  const refused = await drill('refused', `${ward}&officer=_none`);
  assert.deepEqual([refused.total, refused.items.map((d: { status: string }) => d.status)], [1, ['refused']]);
  assert.deepEqual(codes(await drill('received.carriedOver', `${ward}&officer=_none`)), [`${WARD}-210302-0001`]);
  assert.equal((await drill('refused', `${ward}&officer=reception`)).items.length, 0);
});

test('each reader sees their own agencies only', async () => {
  const q = 'from=2020-01-01&to=2020-01-31';
  const wardAdmin = await loginAs(t.app, 'u2001.quantri');
  const other = await t.app.inject({ url: url(`${q}&agency=${OTHER_WARD}`), headers: wardAdmin });
  assert.equal(other.statusCode, 403, other.body);
  assert.equal((await getJson(t.app, wardAdmin, url(q))).received.total, 0);
  const inspector = await loginAs(t.app, 'thanhtra');
  assert.equal((await getJson(t.app, inspector, url(q))).received.total, 5);
  for (const user of ['reception', 'specialist', 'congdan']) {
    const res = await t.app.inject({ url: url(q), headers: await loginAs(t.app, user) });
    assert.equal(res.statusCode, 403, `${user}: ${res.body}`);
  }
  assert.equal((await t.app.inject({ url: url(q) })).statusCode, 401);
});

test('bad filters are 4xx naming the parameter', async () => {
  const cases: [string, number, string][] = [
    ['from=2020-02-30&to=2020-03-01', 400, 'querystring.from'],
    ['from=2020-03-02&to=2020-03-01', 400, 'to'],
    ['from=2020-01-01&to=2020-01-31&agency=999.99.99.H99', 404, 'agency'],
    ['from=2020-01-01&to=2020-01-31&field=NOPE', 400, 'field'],
    ['from=2020-01-01&to=2020-01-31&procedure=9.999999', 400, 'procedure'],
    [`from=2020-01-01&to=2020-01-31&agency=${WARD}&unit=NOPE`, 400, 'unit'],
    ['from=2020-01-01&to=2020-01-31&officer=nobody', 400, 'officer'],
    ['from=2020-01-01&to=2020-01-31&groupBy=color', 400, 'querystring.groupBy'],
    ['from=2020-01-01&to=2020-01-31&agencyOnly=true', 400, 'agencyOnly'],
    [`from=2020-01-01&to=2020-01-31&agency=${WARD}&agencyOnly=yes`, 400, 'querystring.agencyOnly'],
  ];
  for (const [q, status, field] of cases) {
    const res = await t.app.inject({ url: url(q), headers: admin });
    assert.equal(res.statusCode, status, `${q}: ${res.body}`);
    assert.equal(res.json().error.field, field, q);
  }
  const metric = await t.app.inject({
    url: '/api/reports/summary/dossiers?metric=received.all&from=2020-01-01&to=2020-01-31',
    headers: admin,
  });
  assert.equal(metric.statusCode, 400);
  assert.equal(metric.json().error.field, 'querystring.metric');
});
