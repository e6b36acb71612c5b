import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp } from '../../../test/harness';
import { computeDueAt, loadWorkCalendar } from './service';
import { isWorkingDay } from './rules';

const HA_LONG = '000.20.01.H40';

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(() => t.close());

const get = (url: string) => t.app.inject({ method: 'GET', url });

test('the conventions example through the API, with an unencoded + in the offset', async () => {
  const res = await get(
    `/api/calendar/deadline?agency=${HA_LONG}&from=2026-02-13T09:00:00+07:00&value=3&unit=working_days`,
  );
  assert.equal(res.statusCode, 200);
  assert.deepEqual(res.json(), { dueAt: '2026-02-25T17:00:00+07:00' });
  const encoded = await get(
    `/api/calendar/deadline?agency=${HA_LONG}&from=${encodeURIComponent('2026-02-13T09:00:00+07:00')}&value=3&unit=working_days`,
  );
  assert.deepEqual(encoded.json(), { dueAt: '2026-02-25T17:00:00+07:00' });
});

test('without an agency the national calendar answers; a UTC time is read in Vietnam time', async () => {
  // 2025-04-25T02:00Z is Friday 09:00 in Vietnam; the seeded make-up Saturday 26/4 counts.
  const res = await get('/api/calendar/deadline?from=2025-04-25T02:00:00Z&value=2&unit=working_days');
  assert.deepEqual(res.json(), { dueAt: '2025-04-28T17:00:00+07:00' });
  const hours = await get('/api/calendar/deadline?from=2025-10-13T10:30:00%2B07:00&value=2&unit=working_hours');
  assert.deepEqual(hours.json(), { dueAt: '2025-10-13T14:30:00+07:00' });
});

test('explain=1 tells how the receipt was counted and why each day was skipped, in both languages', async () => {
  const res = await get(
    `/api/calendar/deadline?agency=${HA_LONG}&from=2025-01-24T16:00:00%2B07:00&value=2&unit=working_days&explain=1`,
  );
  assert.equal(res.statusCode, 200);
  const body = res.json();
  assert.equal(body.dueAt, '2025-02-05T17:00:00+07:00');
  const e = body.explanation;
  assert.equal(e.receivedAt, '2025-01-24T16:00:00+07:00');
  assert.equal(e.receipt.countedDate, '2025-02-03');
  assert.equal(e.receipt.moved, true);
  assert.match(e.receipt.reason.vi, /sau giờ tiếp nhận 15:00/);
  assert.match(e.receipt.reason.en, /after the 15:00 cut-off/);
  assert.deepEqual(
    e.counted.map((d: { date: string }) => d.date),
    ['2025-02-04', '2025-02-05'],
  );
  assert.equal(e.skipped.length, 9);
  assert.deepEqual(e.skipped[2], {
    date: '2025-01-27',
    source: 'announcement',
    reason: {
      vi: 'Thứ Hai 27/01/2025: Nghỉ Tết Nguyên đán Ất Tỵ (28 tháng Chạp) (theo Công văn 8726/VPCP-KGVX ngày 26/11/2024 của Văn phòng Chính phủ)',
      en: 'Monday 27/01/2025: Lunar New Year holiday (28th of the 12th lunar month) (per Công văn 8726/VPCP-KGVX ngày 26/11/2024 của Văn phòng Chính phủ)',
    },
    decision: 'Công văn 8726/VPCP-KGVX ngày 26/11/2024 của Văn phòng Chính phủ',
    agency: null,
  });
  assert.equal(e.skipped[4].reason.vi, 'Thứ Tư 29/01/2025: Tết Nguyên đán (mùng 1 tháng Giêng)');
  assert.match(e.summary.en, /^Received at 16:00 on Friday 24\/01\/2025\. Deadline 2 working days/);
});

test('days lists holidays, compensation days and announced days with their source', async () => {
  const res = await get('/api/calendar/days?from=2025-01-25&to=2025-02-04');
  assert.equal(res.statusCode, 200);
  assert.deepEqual(
    res.json().items.map((d: { date: string; working: boolean; source: string }) => [d.date, d.working, d.source]),
    [
      ['2025-01-27', false, 'announcement'],
      ['2025-01-28', false, 'statutory'],
      ['2025-01-29', false, 'statutory'],
      ['2025-01-30', false, 'statutory'],
      ['2025-01-31', false, 'statutory'],
      ['2025-02-01', false, 'statutory'],
      ['2025-02-03', true, 'announcement'],
    ],
  );
  const april = await get(`/api/calendar/days?agency=${HA_LONG}&from=2025-04-26&to=2025-04-26`);
  assert.deepEqual(april.json().items, [
    {
      date: '2025-04-26',
      working: true,
      name: 'Làm bù cho ngày nghỉ thứ Sáu 02/05/2025',
      nameEn: 'Make-up working Saturday for the day off on Friday 2/5/2025',
      source: 'announcement',
      decision: 'Công văn 8726/VPCP-KGVX ngày 26/11/2024 của Văn phòng Chính phủ',
      agency: null,
    },
  ]);
  const giotoDay = await get('/api/calendar/days?from=2026-04-26&to=2026-04-27');
  assert.deepEqual(
    giotoDay.json().items.map((d: { name: string; source: string }) => [d.source, d.name]),
    [
      ['statutory', 'Giỗ Tổ Hùng Vương (10/3 âm lịch)'],
      ['compensation', 'Nghỉ bù Giỗ Tổ Hùng Vương (10/3 âm lịch), ngày 26/04/2026 trùng Chủ nhật'],
    ],
  );
});

test('bad input is a 400 naming the field; an unknown agency a 404', async () => {
  const cases: [string, number, string][] = [
    ['/api/calendar/deadline?from=2026-02-30T09:00:00%2B07:00&value=3&unit=working_days', 400, 'querystring.from'],
    ['/api/calendar/deadline?from=2026-02-13T09:00:00&value=3&unit=working_days', 400, 'querystring.from'],
    ['/api/calendar/deadline?from=2026-02-13T09:00:00Z&value=0&unit=working_days', 400, 'querystring.value'],
    ['/api/calendar/deadline?from=2026-02-13T09:00:00Z&value=366&unit=working_days', 400, 'querystring.value'],
    ['/api/calendar/deadline?from=2026-02-13T09:00:00Z&value=2.5&unit=working_days', 400, 'querystring.value'],
    ['/api/calendar/deadline?from=2026-02-13T09:00:00Z&value=3&unit=days', 400, 'querystring.unit'],
    ['/api/calendar/deadline?from=2026-02-13T09:00:00Z&value=3', 400, 'querystring.unit'],
    ['/api/calendar/deadline?agency=000.99.99.H40&from=2026-02-13T09:00:00Z&value=3&unit=working_days', 404, 'agency'],
    ['/api/calendar/days?from=2025-13-01&to=2025-12-31', 400, 'querystring.from'],
    ['/api/calendar/days?from=2025-12-31&to=2025-01-01', 400, 'querystring.to'],
    ['/api/calendar/days?from=2020-01-01&to=2025-01-01', 400, 'querystring.to'],
    ['/api/calendar/days?agency=nope&from=2025-01-01&to=2025-01-31', 404, 'agency'],
    ['/api/calendar/agencies/nope/settings', 404, 'agency'],
  ];
  for (const [url, status, field] of cases) {
    const res = await get(url);
    assert.equal(res.statusCode, status, url);
    assert.equal(res.json().error.field, field, url);
    assert.ok(res.json().error.messageVi.length > 0, url);
  }
});

test('office hours default to 07:30–11:30, 13:30–17:00 with a 15:00 cut-off', async () => {
  const res = await get(`/api/calendar/agencies/${HA_LONG}/settings`);
  assert.deepEqual(res.json(), {
    agency: HA_LONG,
    officeHours: [
      { start: '07:30', end: '11:30' },
      { start: '13:30', end: '17:00' },
    ],
    cutoff: '15:00',
    source: 'default',
    inheritedFrom: null,
  });
});

test('other modules load the calendar of an agency or the nation and compute due times with it', async () => {
  const ward = await t.db.selectFrom('agencies').select('id').where('code', '=', HA_LONG).executeTakeFirstOrThrow();
  const due = await computeDueAt(t.db, {
    agencyId: ward.id,
    from: new Date('2026-02-13T09:00:00+07:00'),
    value: 3,
    unit: 'working_days',
  });
  assert.equal(due.toISOString(), '2026-02-25T10:00:00.000Z');
  const national = await loadWorkCalendar(t.db, null);
  assert.equal(isWorkingDay(national, '2025-04-26'), true);
  assert.equal(isWorkingDay(national, '2025-05-02'), false);
  await assert.rejects(loadWorkCalendar(t.db, 987654), /not found/);
});
