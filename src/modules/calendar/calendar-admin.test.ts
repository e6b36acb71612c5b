import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, loginAs, type TestApp } from '../../../test/harness';

const PROVINCE = '000.00.00.H40';
const HA_LONG = '000.20.01.H40';
const BAI_CHAY = '000.20.02.H40';

let t: TestApp;
let admin: Record<string, string>;
let haLongAdmin: Record<string, string>;
before(async () => {
  t = await createTestApp();
  admin = await loginAs(t.app, 'admin');
  haLongAdmin = await loginAs(t.app, 'u2001.quantri');
});
after(() => t.close());

const deadline = async (query: string) =>
  (await t.app.inject({ url: `/api/calendar/deadline?${query}` })).json().dueAt as string;
const put = (url: string, headers: Record<string, string>, payload: object) =>
  t.app.inject({ method: 'PUT', url, headers, payload });
const del = (url: string, headers: Record<string, string>) => t.app.inject({ method: 'DELETE', url, headers });
const auditActions = async (entityId: string) =>
  (
    await t.db
      .selectFrom('audit_log')
      .select(['action', 'data'])
      .where('entity_id', '=', entityId)
      .orderBy('id')
      .execute()
  ).map((r) => r.action);

const WEDNESDAY = 'from=2025-10-15T09:00:00%2B07:00&value=2&unit=working_days';

test('a national day off moves every deadline; deleting it restores them; both are audited', async () => {
  assert.equal(await deadline(WEDNESDAY), '2025-10-17T17:00:00+07:00');
  const set = await put('/api/calendar/days/2025-10-16', admin, {
    working: false,
    name: 'Nghỉ do bão Matmo',
    nameEn: 'Closed for typhoon Matmo',
    decision: 'Công điện 01/CĐ-UBND',
  });
  assert.equal(set.statusCode, 200);
  assert.deepEqual(set.json(), {
    date: '2025-10-16',
    working: false,
    name: 'Nghỉ do bão Matmo',
    nameEn: 'Closed for typhoon Matmo',
    source: 'announcement',
    decision: 'Công điện 01/CĐ-UBND',
    agency: null,
  });
  assert.equal(await deadline(WEDNESDAY), '2025-10-20T17:00:00+07:00');
  assert.equal(await deadline(`agency=${BAI_CHAY}&${WEDNESDAY}`), '2025-10-20T17:00:00+07:00');
  const removed = await del('/api/calendar/days/2025-10-16', admin);
  assert.equal(removed.statusCode, 204);
  assert.equal(await deadline(WEDNESDAY), '2025-10-17T17:00:00+07:00');
  assert.deepEqual(await auditActions('national/2025-10-16'), ['calendar.day.set', 'calendar.day.delete']);
  const again = await del('/api/calendar/days/2025-10-16', admin);
  assert.equal(again.statusCode, 404);
  assert.equal(again.json().error.field, 'date');
});

test('a make-up Saturday set through the API counts as a working day', async () => {
  const friday = 'from=2025-11-14T09:00:00%2B07:00&value=1&unit=working_days';
  assert.equal(await deadline(friday), '2025-11-17T17:00:00+07:00');
  const res = await put('/api/calendar/days/2025-11-15', admin, { working: true, name: 'Làm bù' });
  assert.equal(res.statusCode, 200);
  assert.equal(res.json().nameEn, 'Làm bù');
  assert.equal(await deadline(friday), '2025-11-15T17:00:00+07:00');
  const replaced = await put('/api/calendar/days/2025-11-15', admin, { working: false, name: 'Hủy làm bù' });
  assert.equal(replaced.json().working, false);
  assert.equal(await deadline(friday), '2025-11-17T17:00:00+07:00');
  const [, second] = await t.db
    .selectFrom('audit_log')
    .select('data')
    .where('entity_id', '=', 'national/2025-11-15')
    .orderBy('id')
    .execute();
  assert.deepEqual((second.data as { previous: unknown }).previous, { working: true, name: 'Làm bù', decision: null });
});

test('an agency day applies to that agency only and beats the national calendar', async () => {
  const monday = 'from=2025-12-05T09:00:00%2B07:00&value=1&unit=working_days';
  const res = await put(`/api/calendar/days/2025-12-08?agency=${HA_LONG}`, haLongAdmin, {
    working: false,
    name: 'Nghỉ kỷ niệm ngày thành lập phường',
  });
  assert.equal(res.statusCode, 200);
  assert.equal(res.json().agency, HA_LONG);
  assert.equal(await deadline(`agency=${HA_LONG}&${monday}`), '2025-12-09T17:00:00+07:00');
  assert.equal(await deadline(`agency=${BAI_CHAY}&${monday}`), '2025-12-08T17:00:00+07:00');
  assert.equal(await deadline(monday), '2025-12-08T17:00:00+07:00');
  // A national make-up day on the same date does not override the ward's own day off.
  await put('/api/calendar/days/2025-12-08', admin, { working: true, name: 'Ngày làm việc' });
  assert.equal(await deadline(`agency=${HA_LONG}&${monday}`), '2025-12-09T17:00:00+07:00');
  const days = await t.app.inject({ url: `/api/calendar/days?agency=${HA_LONG}&from=2025-12-08&to=2025-12-08` });
  assert.equal(days.json().items[0].name, 'Nghỉ kỷ niệm ngày thành lập phường');
  // A province-wide agency day reaches the wards below it.
  await put(`/api/calendar/days/2025-12-10?agency=${PROVINCE}`, admin, { working: false, name: 'Nghỉ toàn tỉnh' });
  const wednesday = 'from=2025-12-09T09:00:00%2B07:00&value=1&unit=working_days';
  assert.equal(await deadline(`agency=${BAI_CHAY}&${wednesday}`), '2025-12-11T17:00:00+07:00');
  assert.equal(await deadline(wednesday), '2025-12-10T17:00:00+07:00');
});

test('who may set days: reception never, an agency administrator only within its subtree', async () => {
  const reception = await loginAs(t.app, 'reception');
  const body = { working: false, name: 'Nghỉ' };
  const byReception = await put(`/api/calendar/days/2025-12-15?agency=${HA_LONG}`, reception, body);
  assert.equal(byReception.statusCode, 403);
  assert.equal(byReception.json().error.code, 'FORBIDDEN');
  assert.equal((await put(`/api/calendar/days/2025-12-15?agency=${BAI_CHAY}`, haLongAdmin, body)).statusCode, 403);
  assert.equal((await put('/api/calendar/days/2025-12-15', haLongAdmin, body)).statusCode, 403);
  assert.equal((await del(`/api/calendar/days/2025-12-08?agency=${BAI_CHAY}`, haLongAdmin)).statusCode, 403);
  assert.equal(
    (await t.app.inject({ method: 'PUT', url: '/api/calendar/days/2025-12-15', payload: body })).statusCode,
    401,
  );
  const rows = await t.db.selectFrom('calendar_days').select('id').where('date', '=', '2025-12-15').execute();
  assert.equal(rows.length, 0);
});

test('bad day requests are 400s naming the field, and write nothing', async () => {
  const cases: [string, object, string][] = [
    ['/api/calendar/days/2025-02-30', { working: false, name: 'x' }, 'params.date'],
    ['/api/calendar/days/15-12-2025', { working: false, name: 'x' }, 'params.date'],
    ['/api/calendar/days/2025-12-16', { working: false }, 'name'],
    ['/api/calendar/days/2025-12-16', { working: false, name: '   ' }, 'name'],
    ['/api/calendar/days/2025-12-16', { working: 'no', name: 'x' }, 'working'],
    ['/api/calendar/days/2025-12-16', { working: true, name: 'x', decision: 'y'.repeat(201) }, 'decision'],
  ];
  for (const [url, payload, field] of cases) {
    const res = await put(url, admin, payload);
    assert.equal(res.statusCode, 400, `${url} ${JSON.stringify(payload)}`);
    assert.equal(res.json().error.field, field, `${url} ${JSON.stringify(payload)}`);
  }
  const unknown = await put('/api/calendar/days/2025-12-16?agency=000.99.99.H40', admin, { working: false, name: 'x' });
  assert.equal(unknown.statusCode, 404);
  assert.equal(unknown.json().error.field, 'agency');
  const rows = await t.db.selectFrom('calendar_days').select('id').where('date', '=', '2025-12-16').execute();
  assert.equal(rows.length, 0);
});

test('office hours and cut-off: set by an agency administrator, inherited below, used by deadlines', async () => {
  const settings = {
    officeHours: [
      { start: '08:00', end: '12:00' },
      { start: '13:00', end: '17:30' },
    ],
    cutoff: '16:00',
  };
  const res = await put(`/api/calendar/agencies/${HA_LONG}/settings`, haLongAdmin, settings);
  assert.equal(res.statusCode, 200);
  assert.deepEqual(res.json(), { agency: HA_LONG, ...settings, source: 'own', inheritedFrom: null });
  // 15:30 is before this ward's 16:00 cut-off; the appointment is at its 17:30 close.
  const q = 'from=2025-10-21T15:30:00%2B07:00&value=1&unit=working_days';
  assert.equal(await deadline(`agency=${HA_LONG}&${q}`), '2025-10-22T17:30:00+07:00');
  assert.equal(await deadline(`agency=${BAI_CHAY}&${q}`), '2025-10-23T17:00:00+07:00');
  assert.equal((await put(`/api/calendar/agencies/${BAI_CHAY}/settings`, haLongAdmin, settings)).statusCode, 403);
  const province = await put(`/api/calendar/agencies/${PROVINCE}/settings`, admin, { ...settings, cutoff: '16:30' });
  assert.equal(province.statusCode, 200);
  const inherited = await t.app.inject({ url: `/api/calendar/agencies/${BAI_CHAY}/settings` });
  assert.deepEqual(inherited.json(), {
    agency: BAI_CHAY,
    ...settings,
    cutoff: '16:30',
    source: 'inherited',
    inheritedFrom: PROVINCE,
  });
  assert.deepEqual(await auditActions(HA_LONG), ['calendar.settings.set']);
});

test('bad office hours are 400s naming the field, and change nothing', async () => {
  const cases: [object, string][] = [
    [
      {
        officeHours: [
          { start: '07:30', end: '11:30' },
          { start: '11:00', end: '17:00' },
        ],
        cutoff: '15:00',
      },
      'officeHours.1.start',
    ],
    [{ officeHours: [{ start: '13:30', end: '07:30' }], cutoff: '10:00' }, 'officeHours.0.end'],
    [{ officeHours: [{ start: '07:30', end: '11:30' }], cutoff: '15:00' }, 'cutoff'],
    [{ officeHours: [{ start: '7:30', end: '11:30' }], cutoff: '10:00' }, 'officeHours.0.start'],
    [{ officeHours: [], cutoff: '10:00' }, 'officeHours'],
    [{ officeHours: [{ start: '07:30', end: '11:30' }] }, 'cutoff'],
  ];
  for (const [payload, field] of cases) {
    const res = await put(`/api/calendar/agencies/${BAI_CHAY}/settings`, admin, payload);
    assert.equal(res.statusCode, 400, JSON.stringify(payload));
    assert.equal(res.json().error.field, field, JSON.stringify(payload));
  }
  const row = await t.db
    .selectFrom('calendar_settings')
    .innerJoin('agencies', 'agencies.id', 'calendar_settings.agency_id')
    .select('cutoff')
    .where('agencies.code', '=', BAI_CHAY)
    .executeTakeFirst();
  assert.equal(row, undefined);
});
