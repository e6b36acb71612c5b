import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { refuseDossier, withdrawDossier } from '../src/modules/dossiers/desk-service';
import { pauseForSupplement } from '../src/modules/workflow/clock-service';
import { advance, assignStep, resolve, returnResult } from '../src/modules/workflow/service';
import { logins } from '../src/modules/workflow/test-support';
import { createTestApp, type TestApp } from './harness';
import {
  dossier,
  historyOf,
  resolutionOf,
  processOf,
  receive,
  stepDues,
  timeliness,
  type Users,
} from './scenario-support';

const HA_LONG = '000.20.01.H40';
const BIRTH = '1.001193'; // Đăng ký khai sinh: 8 working hours, 4 reduced; four steps of one hour

let t: TestApp;
let u: Users;
const p = (name: string) => u[name].principal;

before(async () => {
  t = await createTestApp();
  u = await logins(t.app, t.db, ['reception', 'specialist', 'leader', 'u2001.lanhdao', 'congdan']);
});
after(() => t.close());

test('a birth registration received on the Friday afternoon before Tết is due on the first morning after it', async () => {
  const code = await receive(t, u, 'reception', { procedure: BIRTH, agency: HA_LONG, at: '2026-02-13T16:00:00+07:00' });
  assert.equal(code, `${HA_LONG}-260213-0001`);
  let d = await dossier(t, u, 'reception', code);
  // After the 15:00 cut-off: counted from Monday 23/2 (Tết 16–20/2, weekends around it), 07:30 + 4 h.
  assert.deepEqual(
    [d.status, d.dueAt, d.originalDueAt],
    ['in_progress', '2026-02-23T11:30:00+07:00', '2026-02-23T11:30:00+07:00'],
  );
  const plan = (await processOf(t, u, 'reception', code)).steps;
  assert.deepEqual(
    plan.map((s: { seq: number; unit: { code: string }; startedAt: string | null; dueAt: string }) => [
      s.seq,
      s.unit.code,
      s.startedAt,
      s.dueAt,
    ]),
    [
      [1, 'MC', '2026-02-13T16:00:00+07:00', '2026-02-13T17:00:00+07:00'],
      [2, 'VHXH', null, '2026-02-23T08:30:00+07:00'],
      [3, 'LD', null, '2026-02-23T09:30:00+07:00'],
      [4, 'MC', null, '2026-02-23T10:30:00+07:00'],
    ],
  );

  await advance(t.db, p('reception'), code, 'forward', { version: 1 }, new Date('2026-02-13T16:30:00+07:00'));
  await assignStep(
    t.db,
    p('leader'),
    code,
    { version: 2, assignee: u.specialist.id },
    new Date('2026-02-23T07:45:00+07:00'),
  );
  await advance(t.db, p('specialist'), code, 'forward', { version: 3 }, new Date('2026-02-23T09:00:00+07:00'));
  await advance(t.db, p('u2001.lanhdao'), code, 'approve', { version: 4 }, new Date('2026-02-23T09:30:00+07:00'));
  await resolve(t.db, p('reception'), code, 'result_ready', { version: 5 }, new Date('2026-02-23T10:00:00+07:00'));
  await returnResult(t.db, p('reception'), code, { version: 6 }, new Date('2026-02-23T14:00:00+07:00'));

  d = await dossier(t, u, 'reception', code);
  assert.deepEqual(
    [d.status, d.outcome, d.resolvedAt, d.returnedAt],
    ['returned', 'approved', '2026-02-23T10:00:00+07:00', '2026-02-23T14:00:00+07:00'],
  );
  assert.deepEqual(historyOf(u, d.history), [
    ['receive', 'in_progress', '2026-02-13T16:00:00+07:00', 'reception'],
    ['forward', 'in_progress', '2026-02-13T16:30:00+07:00', 'reception'],
    ['assign', 'in_progress', '2026-02-23T07:45:00+07:00', 'leader'],
    ['forward', 'in_progress', '2026-02-23T09:00:00+07:00', 'specialist'],
    ['approve', 'in_progress', '2026-02-23T09:30:00+07:00', 'u2001.lanhdao'],
    ['result_ready', 'resolved', '2026-02-23T10:00:00+07:00', 'reception'],
    ['return', 'returned', '2026-02-23T14:00:00+07:00', 'reception'],
  ]);
  // Step 2 started at 16:30 on Friday: half an hour that day, half an hour after Tết.
  assert.deepEqual(stepDues(d.history), [
    [2, '2026-02-23T08:00:00+07:00'],
    [3, '2026-02-23T10:00:00+07:00'],
    [4, '2026-02-23T10:30:00+07:00'],
  ]);
  assert.deepEqual(timeliness(d.history), [
    [1, 'on_time'],
    [2, 'on_time'],
    [3, 'on_time'],
    [4, 'on_time'],
  ]);
  assert.equal(await resolutionOf(t, code), 'on_time');
});

test('a dossier refused at the desk check never enters the process', async () => {
  const code = await receive(t, u, 'congdan', {
    procedure: BIRTH,
    agency: HA_LONG,
    at: '2026-03-05T09:00:00+07:00',
    channel: 'online',
  });
  const reason = 'Trẻ đã được đăng ký khai sinh tại UBND phường Bãi Cháy';
  await refuseDossier(t.db, p('reception'), code, { version: 1, reason }, new Date('2026-03-05T10:00:00+07:00'));
  const d = await dossier(t, u, 'reception', code);
  assert.deepEqual(
    [d.status, d.acceptedAt, d.dueAt, d.refusedAt],
    ['refused', null, null, '2026-03-05T10:00:00+07:00'],
  );
  assert.deepEqual(historyOf(u, d.history), [
    ['submit', 'submitted', '2026-03-05T09:00:00+07:00', 'congdan'],
    ['refuse', 'refused', '2026-03-05T10:00:00+07:00', 'reception'],
  ]);
  assert.equal(d.history[1].comment, reason);
  assert.deepEqual((await processOf(t, u, 'reception', code)).steps, []);
});

test('a dossier withdrawn at the applicant’s request while waiting for a supplement is closed', async () => {
  const code = await receive(t, u, 'reception', { procedure: BIRTH, agency: HA_LONG, at: '2026-03-05T09:00:00+07:00' });
  const at = (hm: string) => new Date(`2026-03-05T${hm}:00+07:00`);
  await advance(t.db, p('reception'), code, 'forward', { version: 1 }, at('09:30'));
  await assignStep(t.db, p('leader'), code, { version: 2, assignee: u.specialist.id }, at('09:40'));
  const items = [{ name: 'Giấy chứng sinh', reason: 'Ghi sai tên người mẹ so với CCCD' }];
  await pauseForSupplement(t.db, p('specialist'), code, { version: 3, items }, at('10:00'));
  let d = await dossier(t, u, 'reception', code);
  assert.deepEqual([d.status, d.dueAt], ['paused', '2026-03-05T15:00:00+07:00']);
  await withdrawDossier(t.db, p('reception'), code, { version: 4, reason: 'Người nộp xin rút hồ sơ' }, at('11:00'));
  d = await dossier(t, u, 'reception', code);
  assert.deepEqual([d.status, d.withdrawnAt, d.resolvedAt], ['withdrawn', '2026-03-05T11:00:00+07:00', null]);
  assert.deepEqual(historyOf(u, d.history), [
    ['receive', 'in_progress', '2026-03-05T09:00:00+07:00', 'reception'],
    ['forward', 'in_progress', '2026-03-05T09:30:00+07:00', 'reception'],
    ['assign', 'in_progress', '2026-03-05T09:40:00+07:00', 'leader'],
    ['pause', 'paused', '2026-03-05T10:00:00+07:00', 'specialist'],
    ['withdraw', 'withdrawn', '2026-03-05T11:00:00+07:00', 'reception'],
  ]);
  assert.deepEqual(d.history[3].data.items, [{ componentId: null, ...items[0] }]);
  const inbox = await t.app.inject({ url: '/api/workflow/inbox', headers: u.specialist.headers });
  assert.deepEqual(
    inbox.json().items.filter((i: { code: string }) => i.code === code),
    [],
  );
});
