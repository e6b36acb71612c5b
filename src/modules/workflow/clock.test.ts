import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp } from '../../../test/harness';
import { dossier, processOf, receive, type Users } from '../../../test/scenario-support';
import { pauseForSupplement, resumeAfterSupplement } from './clock-service';
import { inboxOf } from './query-service';
import { advance, assignStep } from './service';
import { logins } from './test-support';

const HA_LONG = '000.20.01.H40';
const LAND = '1.012793'; // 15 working days; "resume": the clock goes on with the time it had left

let t: TestApp;
let u: Users;
const p = (name: string) => u[name].principal;
const at = (iso: string) => new Date(`2026-03-${iso}:00+07:00`);

before(async () => {
  t = await createTestApp();
  u = await logins(t.app, t.db, ['reception', 'u2001.ktlead', 'u2001.kt1', 'u0012.p1lead', 'u0012.p11']);
});
after(() => t.close());

test('a procedure that resumes the clock: every due time moves by the office time it stood still, at the department too', async () => {
  const code = await receive(t, u, 'reception', { procedure: LAND, agency: HA_LONG, at: '2026-03-02T09:00:00+07:00' });
  await advance(t.db, p('reception'), code, 'forward', { version: 1 }, at('02T10:00'));
  await assignStep(t.db, p('u2001.ktlead'), code, { version: 2, assignee: u['u2001.kt1'].id }, at('02T10:05'));
  await advance(t.db, p('u2001.kt1'), code, 'forward', { version: 3 }, at('03T08:00'));
  await advance(t.db, p('u2001.ktlead'), code, 'approve', { version: 4 }, at('03T09:00'));
  await assignStep(t.db, p('u0012.p1lead'), code, { version: 5, assignee: u['u0012.p11'].id }, at('03T10:00'));
  let process = await processOf(t, u, 'reception', code);
  assert.deepEqual(
    [process.steps[3].dueAt, process.transfers[0].dueAt],
    ['2026-03-12T14:30:00+07:00', '2026-03-13T09:00:00+07:00'],
  );

  // The department asks for the cadastral extract on Wednesday 10:00; it comes on Monday 08:00.
  const items = [{ name: 'Mảnh trích đo bản đồ địa chính', reason: 'Chưa có xác nhận của đơn vị đo đạc' }];
  await pauseForSupplement(t.db, p('u0012.p11'), code, { version: 6, items }, at('04T10:00'));
  await resumeAfterSupplement(t.db, p('reception'), code, { version: 7 }, at('09T08:00'));

  // Wed 10:00–17:00, Thu, Fri and Mon 07:30–08:00 stood still: 20 h 30 of office time, added to each.
  const d = await dossier(t, u, 'reception', code);
  assert.deepEqual(
    [d.status, d.dueAt, d.originalDueAt, d.currentStepSeq],
    ['in_progress', '2026-03-26T15:00:00+07:00', '2026-03-26T15:00:00+07:00', 4],
  );
  assert.deepEqual(
    [d.history[7].data.clock, d.history[7].data.pausedAt, d.history[7].data.previousDueAt],
    ['resume', '2026-03-04T10:00:00+07:00', '2026-03-23T17:00:00+07:00'],
  );
  process = await processOf(t, u, 'reception', code);
  assert.deepEqual(
    [process.steps[3].startedAt, process.steps[3].dueAt, process.transfers[0].dueAt],
    ['2026-03-03T09:00:00+07:00', '2026-03-17T10:30:00+07:00', '2026-03-17T16:30:00+07:00'],
  );

  // The officer's inbox flags it as the due time comes: within a working day, then overdue.
  const flags = async (now: string) => {
    const box = await inboxOf(t.db, p('u0012.p11'), { page: 1, pageSize: 20 }, new Date(now));
    return box.items.map((i) => [i.code, i.step.dueAt, i.dueSoon, i.overdue]);
  };
  const due = '2026-03-17T10:30:00+07:00';
  assert.deepEqual(await flags('2026-03-13T10:00:00+07:00'), [[code, due, false, false]]);
  assert.deepEqual(await flags('2026-03-16T11:00:00+07:00'), [[code, due, true, false]]);
  assert.deepEqual(await flags('2026-03-17T10:31:00+07:00'), [[code, due, false, true]]);
});

test('the inbox is sorted by step due time and shows each step where it waits', async () => {
  const codes: string[] = [];
  for (const hm of ['09:00', '09:10', '09:20']) {
    codes.push(await receive(t, u, 'reception', { procedure: LAND, agency: HA_LONG, at: `2026-03-10T${hm}:00+07:00` }));
  }
  // Forwarded in the reverse order: the last one received waits longest for the unit leader.
  await advance(t.db, p('reception'), codes[2], 'forward', { version: 1 }, at('10T10:00'));
  await advance(t.db, p('reception'), codes[0], 'forward', { version: 1 }, at('10T10:30'));
  await advance(t.db, p('reception'), codes[1], 'forward', { version: 1 }, at('10T11:00'));
  const box = await inboxOf(t.db, p('u2001.ktlead'), { page: 1, pageSize: 20 }, at('10T11:00'));
  assert.deepEqual(
    box.items.map((i) => [i.code, i.kind, i.step.seq, i.step.unit.code, i.step.dueAt]),
    [
      [codes[2], 'assign', 2, 'KT', '2026-03-16T08:00:00+07:00'],
      [codes[0], 'assign', 2, 'KT', '2026-03-16T08:30:00+07:00'],
      [codes[1], 'assign', 2, 'KT', '2026-03-16T09:00:00+07:00'],
    ],
  );
  assert.equal(box.total, 3);
  // The API answers the same order.
  const res = await t.app.inject({ url: '/api/workflow/inbox', headers: u['u2001.ktlead'].headers });
  assert.equal(res.statusCode, 200, res.body);
  assert.deepEqual(
    res
      .json()
      .items.map((i: { code: string; step: { dueAt: string } }) => [i.code, i.step.dueAt])
      .filter(([c]: string[]) => codes.includes(c)),
    [
      [codes[2], '2026-03-16T08:00:00+07:00'],
      [codes[0], '2026-03-16T08:30:00+07:00'],
      [codes[1], '2026-03-16T09:00:00+07:00'],
    ],
  );
  // The desk has nothing left of them; the ward's specialists nothing yet.
  const desk = await inboxOf(t.db, p('reception'), { page: 1, pageSize: 20 }, at('10T11:00'));
  assert.deepEqual(
    desk.items.filter((i) => codes.includes(i.code)),
    [],
  );
  assert.equal((await inboxOf(t.db, p('u2001.kt1'), { page: 1, pageSize: 20 }, at('10T11:00'))).total, 0);
});
