import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
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
const DEPARTMENT = '000.00.12.H40'; // Sở Nông nghiệp và Môi trường; P1 = Văn phòng Đăng ký đất đai
// First land registration: 15 working days (reduced), seven steps, two of them at the department.
const LAND = '1.012793';

let t: TestApp;
let u: Users;
const p = (name: string) => u[name].principal;
const at = (iso: string) => new Date(`2026-03-${iso}:00+07:00`);

before(async () => {
  t = await createTestApp();
  u = await logins(t.app, t.db, [
    'reception',
    'u2001.ktlead',
    'u2001.kt1',
    'u2001.lanhdao',
    'u0012.p1lead',
    'u0012.p11',
    'u2002.mc1',
  ]);
});
after(() => t.close());

const list = async (who: string, url: string) => {
  const res = await t.app.inject({ url, headers: u[who].headers });
  assert.equal(res.statusCode, 200, res.body);
  return res.json().items as Record<string, unknown>[];
};

test('a land dossier goes from the ward to the provincial department and back (liên thông)', async () => {
  const code = await receive(t, u, 'reception', { procedure: LAND, agency: HA_LONG, at: '2026-03-02T09:00:00+07:00' });
  assert.equal((await dossier(t, u, 'reception', code)).dueAt, '2026-03-23T17:00:00+07:00');
  await advance(t.db, p('reception'), code, 'forward', { version: 1 }, at('02T10:00'));
  await assignStep(t.db, p('u2001.ktlead'), code, { version: 2, assignee: u['u2001.kt1'].id }, at('02T10:30'));
  await advance(t.db, p('u2001.kt1'), code, 'forward', { version: 3 }, at('05T15:00'));
  await advance(t.db, p('u2001.ktlead'), code, 'approve', { version: 4 }, at('06T08:00'));

  // At the department: in its queue and its unit leader's inbox, not the ward's to act on.
  let d = await dossier(t, u, 'u0012.p1lead', code);
  assert.deepEqual(
    [d.currentStepSeq, d.holder.agency.code, d.holder.unit.code, d.holder.user],
    [4, DEPARTMENT, 'P1', null],
  );
  const incoming = await list('u0012.p1lead', '/api/workflow/transfers?direction=in');
  assert.deepEqual(
    incoming.map((x) => [x.code, (x.from as { code: string }).code, x.toStep, x.dueAt, x.completedAt]),
    [[code, HA_LONG, 4, '2026-03-18T08:00:00+07:00', null]],
  );
  assert.deepEqual(
    (await list('reception', '/api/workflow/transfers?direction=out')).map((x) => x.code),
    [code],
  );
  assert.deepEqual(
    (await list('u0012.p1lead', '/api/workflow/inbox')).map((x) => [x.code, x.kind]),
    [[code, 'assign']],
  );
  await assert.rejects(advance(t.db, p('u2001.kt1'), code, 'forward', { version: 5 }, at('06T09:00')), {
    code: 'FORBIDDEN',
  });
  await assignStep(t.db, p('u0012.p1lead'), code, { version: 5, assignee: u['u0012.p11'].id }, at('06T09:00'));
  await advance(t.db, p('u0012.p11'), code, 'forward', { version: 6 }, at('13T16:00'));
  await advance(t.db, p('u0012.p1lead'), code, 'approve', { version: 7 }, at('16T10:00'));

  // Back at the ward for the signature and the return.
  await advance(t.db, p('u2001.lanhdao'), code, 'approve', { version: 8 }, at('17T09:00'));
  await resolve(t.db, p('reception'), code, 'result_ready', { version: 9 }, at('17T10:00'));
  await returnResult(t.db, p('reception'), code, { version: 10 }, at('18T08:00'));

  // Each side sees the whole history; another ward does not.
  const other = await t.app.inject({ url: `/api/dossiers/${code}`, headers: u['u2002.mc1'].headers });
  assert.equal(other.statusCode, 403);
  d = await dossier(t, u, 'u0012.p11', code);
  assert.deepEqual([d.status, d.outcome, d.resolvedAt], ['returned', 'approved', '2026-03-17T10:00:00+07:00']);
  assert.deepEqual(historyOf(u, d.history), [
    ['receive', 'in_progress', '2026-03-02T09:00:00+07:00', 'reception'],
    ['forward', 'in_progress', '2026-03-02T10:00:00+07:00', 'reception'],
    ['assign', 'in_progress', '2026-03-02T10:30:00+07:00', 'u2001.ktlead'],
    ['forward', 'in_progress', '2026-03-05T15:00:00+07:00', 'u2001.kt1'],
    ['approve', 'in_progress', '2026-03-06T08:00:00+07:00', 'u2001.ktlead'],
    ['assign', 'in_progress', '2026-03-06T09:00:00+07:00', 'u0012.p1lead'],
    ['forward', 'in_progress', '2026-03-13T16:00:00+07:00', 'u0012.p11'],
    ['approve', 'in_progress', '2026-03-16T10:00:00+07:00', 'u0012.p1lead'],
    ['approve', 'in_progress', '2026-03-17T09:00:00+07:00', 'u2001.lanhdao'],
    ['result_ready', 'resolved', '2026-03-17T10:00:00+07:00', 'reception'],
    ['return', 'returned', '2026-03-18T08:00:00+07:00', 'reception'],
  ]);
  assert.deepEqual(
    d.history.map((h: { data: { transfer?: { to: { code: string } }; partDueAt?: string } }) =>
      h.data.transfer ? [h.data.transfer.to.code, h.data.partDueAt] : null,
    ),
    [
      null,
      null,
      null,
      null,
      [DEPARTMENT, '2026-03-18T08:00:00+07:00'],
      null,
      null,
      [HA_LONG, '2026-03-18T17:00:00+07:00'],
      null,
      null,
      null,
    ],
  );
  assert.deepEqual(stepDues(d.history), [
    [2, '2026-03-06T08:00:00+07:00'],
    [3, '2026-03-06T09:30:00+07:00'],
    [4, '2026-03-17T11:30:00+07:00'],
    [5, '2026-03-16T10:30:00+07:00'],
    [6, '2026-03-17T16:30:00+07:00'],
    [7, '2026-03-18T09:30:00+07:00'],
  ]);
  assert.deepEqual(timeliness(d.history), [
    [1, 'early'],
    [2, 'early'],
    [3, 'on_time'],
    [4, 'early'],
    [5, 'on_time'],
    [6, 'on_time'],
    [7, 'early'],
  ]);

  // Each agency's part, with its own due time and on-time result.
  const { steps, transfers } = await processOf(t, u, 'reception', code);
  assert.deepEqual(
    steps.map((s: { seq: number; agency: { code: string }; timeliness: string }) => [
      s.seq,
      s.agency.code,
      s.timeliness,
    ]),
    [
      [1, HA_LONG, 'early'],
      [2, HA_LONG, 'early'],
      [3, HA_LONG, 'on_time'],
      [4, DEPARTMENT, 'early'],
      [5, DEPARTMENT, 'on_time'],
      [6, HA_LONG, 'on_time'],
      [7, HA_LONG, 'early'],
    ],
  );
  assert.deepEqual(transfers, [
    {
      from: { code: HA_LONG, name: 'UBND phường Hạ Long' },
      to: { code: DEPARTMENT, name: 'Sở Nông nghiệp và Môi trường' },
      fromStep: 3,
      toStep: 4,
      sentAt: '2026-03-06T08:00:00+07:00',
      dueAt: '2026-03-18T08:00:00+07:00',
      completedAt: '2026-03-16T10:00:00+07:00',
      timeliness: 'early',
    },
    {
      from: { code: DEPARTMENT, name: 'Sở Nông nghiệp và Môi trường' },
      to: { code: HA_LONG, name: 'UBND phường Hạ Long' },
      fromStep: 5,
      toStep: 6,
      sentAt: '2026-03-16T10:00:00+07:00',
      dueAt: '2026-03-18T17:00:00+07:00',
      completedAt: '2026-03-17T10:00:00+07:00',
      timeliness: 'early',
    },
  ]);
  assert.equal(await resolutionOf(t, code), 'early');
});
