import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { apologize, pauseForSupplement, resumeAfterSupplement } from '../src/modules/workflow/clock-service';
import { advance, assignStep, resolve } from '../src/modules/workflow/service';
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
const BIRTH = '1.001193'; // Đăng ký khai sinh: 4 working hours; clock restarted in full after a supplement

let t: TestApp;
let u: Users;
const p = (name: string) => u[name].principal;
const on = (day: string) => (hm: string) => new Date(`2026-03-${day}T${hm}:00+07:00`);

before(async () => {
  t = await createTestApp();
  u = await logins(t.app, t.db, ['reception', 'specialist', 'leader', 'u2001.lanhdao']);
});
after(() => t.close());

async function emailSubjects(code: string): Promise<string[]> {
  const rows = await t.db
    .selectFrom('outbox_messages as m')
    .innerJoin('dossiers as d', 'd.id', 'm.dossier_id')
    .select('m.subject')
    .where('d.code', '=', code)
    .where('m.channel', '=', 'email')
    .orderBy('m.id')
    .execute();
  return rows.map((r) => r.subject!.replace(code, 'X'));
}

test('a supplement requested after acceptance stops the clock; the resubmission restarts it in full', async () => {
  const [tue, thu] = [on('03'), on('05')];
  const code = await receive(t, u, 'reception', { procedure: BIRTH, agency: HA_LONG, at: '2026-03-03T08:00:00+07:00' });
  assert.equal((await dossier(t, u, 'reception', code)).dueAt, '2026-03-03T14:00:00+07:00');
  await advance(t.db, p('reception'), code, 'forward', { version: 1 }, tue('08:30'));
  await assignStep(t.db, p('leader'), code, { version: 2, assignee: u.specialist.id }, tue('08:40'));
  const items = [{ name: 'Giấy chứng sinh', reason: 'Không có dấu của cơ sở y tế' }];
  await pauseForSupplement(t.db, p('specialist'), code, { version: 3, items }, tue('09:00'));
  // Two days later, the applicant brings it to the desk: four working hours again from 10:00.
  await resumeAfterSupplement(t.db, p('reception'), code, { version: 4, comment: 'Đã nộp bản có dấu' }, thu('10:00'));
  let d = await dossier(t, u, 'reception', code);
  assert.deepEqual(
    [d.status, d.dueAt, d.originalDueAt, d.currentStepSeq, d.holder.user.id],
    ['in_progress', '2026-03-05T16:00:00+07:00', '2026-03-05T16:00:00+07:00', 2, u.specialist.id],
  );
  const resumed = d.history[4].data;
  assert.deepEqual(
    [resumed.clock, resumed.pausedAt, resumed.previousDueAt, resumed.stepDueAt],
    ['restart', '2026-03-03T09:00:00+07:00', '2026-03-03T14:00:00+07:00', '2026-03-05T11:00:00+07:00'],
  );
  await advance(t.db, p('specialist'), code, 'forward', { version: 5 }, thu('10:30'));
  await advance(t.db, p('u2001.lanhdao'), code, 'approve', { version: 6 }, thu('11:00'));
  await resolve(t.db, p('reception'), code, 'result_ready', { version: 7 }, thu('14:30'));

  d = await dossier(t, u, 'reception', code);
  assert.deepEqual(historyOf(u, d.history), [
    ['receive', 'in_progress', '2026-03-03T08:00:00+07:00', 'reception'],
    ['forward', 'in_progress', '2026-03-03T08:30:00+07:00', 'reception'],
    ['assign', 'in_progress', '2026-03-03T08:40:00+07:00', 'leader'],
    ['pause', 'paused', '2026-03-03T09:00:00+07:00', 'specialist'],
    ['resume', 'in_progress', '2026-03-05T10:00:00+07:00', 'reception'],
    ['forward', 'in_progress', '2026-03-05T10:30:00+07:00', 'specialist'],
    ['approve', 'in_progress', '2026-03-05T11:00:00+07:00', 'u2001.lanhdao'],
    ['result_ready', 'resolved', '2026-03-05T14:30:00+07:00', 'reception'],
  ]);
  assert.deepEqual(stepDues(d.history), [
    [2, '2026-03-03T09:30:00+07:00'],
    [2, '2026-03-05T11:00:00+07:00'],
    [3, '2026-03-05T11:30:00+07:00'],
    [4, '2026-03-05T14:00:00+07:00'],
  ]);
  assert.deepEqual(timeliness(d.history), [
    [1, 'on_time'],
    [2, 'on_time'],
    [3, 'on_time'],
    [4, 'on_time'],
  ]);
  // Judged against the restarted appointment: the delay was the applicant's.
  assert.equal(await resolutionOf(t, code), 'on_time');
  assert.deepEqual(await emailSubjects(code), [
    '[Một cửa] Hồ sơ X đã được tiếp nhận',
    '[Một cửa] Hồ sơ X cần bổ sung',
    '[Một cửa] Hồ sơ X đã được tiếp nhận',
    '[Một cửa] Hồ sơ X đã có kết quả',
  ]);
});

test('a late dossier: an apology (Mẫu 04) extends the time (Decree 118/2025), statistics keep the original appointment', async () => {
  const [wed, thu] = [on('04'), on('05')];
  const code = await receive(t, u, 'reception', { procedure: BIRTH, agency: HA_LONG, at: '2026-03-04T08:00:00+07:00' });
  await advance(t.db, p('reception'), code, 'forward', { version: 1 }, wed('08:30'));
  await assignStep(t.db, p('leader'), code, { version: 2, assignee: u.specialist.id }, wed('08:35'));
  const apology = (who: string, newDueAt: string, unit = 'VHXH') =>
    apologize(
      t.db,
      p(who),
      code,
      { version: 3, reason: 'Cán bộ thụ lý nghỉ ốm đột xuất', faultUnit: { unit }, newDueAt: new Date(newDueAt) },
      wed('13:30'),
    );
  await assert.rejects(apology('specialist', '2026-03-05T17:00:00+07:00'), { code: 'FORBIDDEN' });
  await assert.rejects(apology('u2001.lanhdao', '2026-03-04T13:00:00+07:00'), { field: 'newDueAt' });
  await assert.rejects(apology('u2001.lanhdao', '2026-03-07T10:00:00+07:00'), { field: 'newDueAt' }); // a Saturday
  await assert.rejects(apology('u2001.lanhdao', '2026-03-05T17:00:00+07:00', 'P9'), { field: 'faultUnit.unit' });
  await apology('u2001.lanhdao', '2026-03-05T17:00:00+07:00');

  let d = await dossier(t, u, 'reception', code);
  assert.deepEqual(
    [d.status, d.dueAt, d.originalDueAt],
    ['in_progress', '2026-03-05T17:00:00+07:00', '2026-03-04T14:00:00+07:00'],
  );
  const form = await t.app.inject({ url: `/api/dossiers/${code}/forms/apology`, headers: u.reception.headers });
  const f = form.json();
  assert.deepEqual(
    [f.form, f.originalDueAt, f.previousDueAt, f.newDueAt, f.apologizedAt, f.reason, f.officer.role],
    [
      '04',
      '2026-03-04T14:00:00+07:00',
      '2026-03-04T14:00:00+07:00',
      '2026-03-05T17:00:00+07:00',
      '2026-03-04T13:30:00+07:00',
      'Cán bộ thụ lý nghỉ ốm đột xuất',
      'Lãnh đạo cơ quan',
    ],
  );
  assert.deepEqual(f.faultUnit, {
    agency: { code: HA_LONG, name: 'UBND phường Hạ Long' },
    unit: { code: 'VHXH', name: 'Phòng Văn hóa - Xã hội' },
  });
  // The steps ahead are planned from now within the new appointment.
  const plan = (await processOf(t, u, 'reception', code)).steps.map((s: { dueAt: string }) => s.dueAt);
  assert.deepEqual(plan.slice(2), ['2026-03-04T14:30:00+07:00', '2026-03-04T15:30:00+07:00']);

  await advance(t.db, p('specialist'), code, 'forward', { version: 4 }, thu('08:00'));
  await advance(t.db, p('u2001.lanhdao'), code, 'approve', { version: 5 }, thu('08:30'));
  await resolve(t.db, p('reception'), code, 'result_ready', { version: 6 }, thu('09:00'));
  d = await dossier(t, u, 'reception', code);
  assert.deepEqual(
    [d.status, d.resolvedAt, d.dueAt, d.originalDueAt],
    ['resolved', '2026-03-05T09:00:00+07:00', '2026-03-05T17:00:00+07:00', '2026-03-04T14:00:00+07:00'],
  );
  // The four refused apologies left no trace; the one that passed is an entry of its own.
  assert.deepEqual(historyOf(u, d.history), [
    ['receive', 'in_progress', '2026-03-04T08:00:00+07:00', 'reception'],
    ['forward', 'in_progress', '2026-03-04T08:30:00+07:00', 'reception'],
    ['assign', 'in_progress', '2026-03-04T08:35:00+07:00', 'leader'],
    ['apologize', 'in_progress', '2026-03-04T13:30:00+07:00', 'u2001.lanhdao'],
    ['forward', 'in_progress', '2026-03-05T08:00:00+07:00', 'specialist'],
    ['approve', 'in_progress', '2026-03-05T08:30:00+07:00', 'u2001.lanhdao'],
    ['result_ready', 'resolved', '2026-03-05T09:00:00+07:00', 'reception'],
  ]);
  assert.deepEqual(
    [d.history[3].comment, d.history[3].data.previousDueAt, d.history[3].data.faultUnit.unit.code],
    ['Cán bộ thụ lý nghỉ ốm đột xuất', '2026-03-04T14:00:00+07:00', 'VHXH'],
  );
  // Step 2 keeps the due time it started with; steps 3 and 4 get an hour each from Thursday's start.
  assert.deepEqual(stepDues(d.history), [
    [2, '2026-03-04T09:30:00+07:00'],
    [3, '2026-03-05T09:00:00+07:00'],
    [4, '2026-03-05T09:30:00+07:00'],
  ]);
  assert.deepEqual(timeliness(d.history), [
    [1, 'on_time'],
    [2, 'late'],
    [3, 'on_time'],
    [4, 'on_time'],
  ]);
  assert.equal(await resolutionOf(t, code), 'late');
  const sheet = (
    await t.app.inject({ url: `/api/dossiers/${code}/forms/control-sheet`, headers: u.reception.headers })
  ).json();
  assert.deepEqual(
    sheet.entries.map(
      (e: { action: string; at: string; timeliness: string | null; to: { unit: { code: string } } | null }) => [
        e.action,
        e.at,
        e.to?.unit.code ?? null,
        e.timeliness,
      ],
    ),
    [
      ['receive', '2026-03-04T08:00:00+07:00', null, null],
      ['forward', '2026-03-04T08:30:00+07:00', 'VHXH', 'on_time'],
      ['assign', '2026-03-04T08:35:00+07:00', 'VHXH', null],
      ['apologize', '2026-03-04T13:30:00+07:00', null, null],
      ['forward', '2026-03-05T08:00:00+07:00', 'LD', 'late'],
      ['approve', '2026-03-05T08:30:00+07:00', 'MC', 'on_time'],
      ['result_ready', '2026-03-05T09:00:00+07:00', null, 'on_time'],
    ],
  );
  assert.deepEqual(await emailSubjects(code), [
    '[Một cửa] Hồ sơ X đã được tiếp nhận',
    '[Một cửa] Hồ sơ X thư xin lỗi và đề nghị gia hạn thời gian giải quyết',
    '[Một cửa] Hồ sơ X đã có kết quả',
  ]);
});
