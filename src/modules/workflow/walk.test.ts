import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp } from '../../../test/harness';
import { APPLICANT, BIRTH, HA_LONG, importBirthComponents, postDossier } from '../dossiers/test-support';
import { logins, ok, post, refused } from './test-support';

let t: TestApp;
let u: Awaited<ReturnType<typeof logins>>;
let components: { componentId: number; originals: number }[];

before(async () => {
  t = await createTestApp();
  components = await importBirthComponents(t.db);
  u = await logins(t.app, t.db, ['reception', 'specialist', 'leader', 'u2001.vhxh1', 'u2001.lanhdao', 'u2002.mc1']);
});
after(() => t.close());

async function receive(): Promise<{ code: string; version: number }> {
  const body = { procedure: BIRTH, agency: HA_LONG, channel: 'direct', applicant: APPLICANT, components };
  const res = await postDossier(t.app, u.reception.headers, body);
  assert.equal(res.statusCode, 201, res.body);
  return res.json();
}

const inbox = async (user: string) => {
  const res = await t.app.inject({ url: '/api/workflow/inbox', headers: u[user].headers });
  assert.equal(res.statusCode, 200, res.body);
  return res.json().items as { code: string; kind: string; step: { seq: number } }[];
};

test('a dossier walks its steps: only the holder with the step’s role acts, everyone else gets 403', async () => {
  const d = await receive();
  const process = await t.app.inject({ url: `/api/dossiers/${d.code}/process`, headers: u.reception.headers });
  const plan = process.json().steps as { seq: number; unit: { code: string }; role: string; current: boolean }[];
  assert.deepEqual(
    plan.map((s) => [s.seq, s.unit.code, s.role, s.current]),
    [
      [1, 'MC', 'reception', true],
      [2, 'VHXH', 'specialist', false],
      [3, 'LD', 'agency_leader', false],
    ],
  );
  // The desk's step: the specialist has no part in it; another ward's desk cannot even see it.
  refused(await post(t.app, u.specialist.headers, d.code, 'forward', { version: 1 }), 403, 'FORBIDDEN');
  refused(await post(t.app, u['u2002.mc1'].headers, d.code, 'forward', { version: 1 }), 403, 'FORBIDDEN');
  let x = ok(await post(t.app, u.reception.headers, d.code, 'forward', { version: 1, comment: 'Đủ hồ sơ' }));
  assert.deepEqual(
    [x.status, x.version, x.currentStepSeq, x.holder.unit.code, x.holder.user],
    ['in_progress', 2, 2, 'VHXH', null],
  );
  // Waiting for its unit leader: in the leader's inbox to assign, in nobody's to act on.
  assert.deepEqual(
    (await inbox('leader')).filter((i) => i.code === d.code).map((i) => [i.kind, i.step.seq]),
    [['assign', 2]],
  );
  assert.deepEqual(
    (await inbox('specialist')).filter((i) => i.code === d.code),
    [],
  );
  refused(await post(t.app, u.specialist.headers, d.code, 'forward', { version: 2 }), 409, 'STEP_NOT_ASSIGNED');
  refused(
    await post(t.app, u.specialist.headers, d.code, 'assign', { version: 2, assignee: u.specialist.id }),
    403,
    'FORBIDDEN',
  );
  refused(
    await post(t.app, u.leader.headers, d.code, 'assign', { version: 2, assignee: u['u2001.lanhdao'].id }),
    400,
    'VALIDATION_ERROR',
  );
  x = ok(await post(t.app, u.leader.headers, d.code, 'assign', { version: 2, assignee: u.specialist.id }));
  assert.deepEqual([x.version, x.holder.user.id], [3, u.specialist.id]);
  assert.deepEqual(
    (await inbox('specialist')).filter((i) => i.code === d.code).map((i) => [i.kind, i.step.seq]),
    [['act', 2]],
  );
  // A colleague of the same unit is not the holder; a leader's action does not fit a specialist's step.
  refused(await post(t.app, u['u2001.vhxh1'].headers, d.code, 'forward', { version: 3 }), 403, 'FORBIDDEN');
  refused(await post(t.app, u.specialist.headers, d.code, 'approve', { version: 3 }), 403, 'FORBIDDEN');
  refused(await post(t.app, u.leader.headers, d.code, 'approve', { version: 3 }), 409, 'STEP_ACTION_NOT_ALLOWED');
  refused(await post(t.app, u.specialist.headers, d.code, 'forward', { version: 2 }), 409, 'DOSSIER_VERSION_CONFLICT');
  x = ok(await post(t.app, u.specialist.headers, d.code, 'forward', { version: 3 }));
  assert.deepEqual([x.currentStepSeq, x.holder.unit.code, x.holder.user], [3, 'LD', null]);

  // The leader sends it back with the reason: the specialist who had it takes it again.
  refused(
    await post(t.app, u['u2001.lanhdao'].headers, d.code, 'send-back', { version: 4, toStep: 3, reason: 'Sai' }),
    400,
    'VALIDATION_ERROR',
  );
  x = ok(
    await post(t.app, u['u2001.lanhdao'].headers, d.code, 'send-back', {
      version: 4,
      toStep: 2,
      reason: 'Ghi sai ngày sinh',
    }),
  );
  assert.deepEqual([x.currentStepSeq, x.holder.user.id], [2, u.specialist.id]);
  const again = x.process.steps.map((s: { seq: number; visits: number; completedAt: string | null }) => [
    s.seq,
    s.visits,
    s.completedAt === null,
  ]);
  assert.deepEqual(again, [
    [1, 1, false],
    [2, 2, true],
    [3, 1, true],
  ]);
  x = ok(await post(t.app, u.specialist.headers, d.code, 'forward', { version: 5, comment: 'Đã sửa' }));
  refused(await post(t.app, u['u2001.lanhdao'].headers, d.code, 'approve', { version: 6 }), 409, 'LAST_STEP');
  refused(await post(t.app, u.specialist.headers, d.code, 'result-ready', { version: 6 }), 403, 'FORBIDDEN');
  x = ok(await post(t.app, u['u2001.lanhdao'].headers, d.code, 'result-ready', { version: 6 }));
  assert.deepEqual([x.status, x.outcome, x.resolvedAt !== null], ['resolved', 'approved', true]);
  refused(await post(t.app, u.leader.headers, d.code, 'return', { version: 7 }), 403, 'FORBIDDEN');
  x = ok(await post(t.app, u.reception.headers, d.code, 'return', { version: 7 }));
  assert.deepEqual([x.status, x.returnedAt !== null], ['returned', true]);
  assert.deepEqual(
    x.history.map((h: { action: string; toStatus: string; actor: { id: number } }) => [
      h.action,
      h.toStatus,
      h.actor.id,
    ]),
    [
      ['receive', 'in_progress', u.reception.id],
      ['forward', 'in_progress', u.reception.id],
      ['assign', 'in_progress', u.leader.id],
      ['forward', 'in_progress', u.specialist.id],
      ['send_back', 'in_progress', u['u2001.lanhdao'].id],
      ['forward', 'in_progress', u.specialist.id],
      ['result_ready', 'resolved', u['u2001.lanhdao'].id],
      ['return', 'returned', u.reception.id],
    ],
  );
  assert.deepEqual(x.history[4].comment, 'Ghi sai ngày sinh');
  assert.deepEqual(x.history[4].data.fromStep, 3);
});

test('a proposed rejection goes to the leader who signs, who approves it or sends it back', async () => {
  const d = await receive();
  ok(await post(t.app, u.reception.headers, d.code, 'forward', { version: 1 }));
  ok(await post(t.app, u.leader.headers, d.code, 'assign', { version: 2, assignee: u.specialist.id }));
  refused(
    await post(t.app, u.leader.headers, d.code, 'propose-rejection', { version: 3, reason: 'x' }),
    403,
    'FORBIDDEN',
  );
  let x = ok(
    await post(t.app, u.specialist.headers, d.code, 'propose-rejection', { version: 3, reason: 'Không đủ điều kiện' }),
  );
  assert.deepEqual([x.status, x.currentStepSeq, x.holder.unit.code], ['rejection_proposed', 3, 'LD']);
  refused(
    await post(t.app, u['u2001.lanhdao'].headers, d.code, 'result-ready', { version: 4 }),
    409,
    'TRANSITION_NOT_ALLOWED',
  );
  x = ok(
    await post(t.app, u['u2001.lanhdao'].headers, d.code, 'send-back', { version: 4, toStep: 2, reason: 'Xem lại' }),
  );
  assert.deepEqual([x.status, x.currentStepSeq, x.holder.user.id], ['in_progress', 2, u.specialist.id]);
  ok(await post(t.app, u.specialist.headers, d.code, 'propose-rejection', { version: 5, reason: 'Vẫn không đủ' }));
  x = ok(
    await post(t.app, u.leader.headers, d.code, 'approve-rejection', {
      version: 6,
      reason: 'Người yêu cầu không thuộc diện được đăng ký',
    }),
  );
  assert.deepEqual([x.status, x.outcome], ['resolved', 'rejected']);
  assert.equal(x.history.at(-1).comment, 'Người yêu cầu không thuộc diện được đăng ký');
});

test('auto-assignment, set by an administrator, gives a step to the least-loaded specialist of the unit', async () => {
  const admin = await logins(t.app, t.db, ['u2001.quantri']);
  const put = (autoAssign: boolean, headers = admin['u2001.quantri'].headers) =>
    t.app.inject({ method: 'PUT', url: `/api/workflow/settings/${HA_LONG}`, headers, payload: { autoAssign } });
  refused(await put(true, u.leader.headers), 403, 'FORBIDDEN');
  assert.deepEqual(ok(await put(true)), { agency: HA_LONG, autoAssign: true, source: 'own', inheritedFrom: null });
  // VHXH has three specialists: the demo "specialist" and the generated vhxh1 and vhxh2, none busy now.
  const specialists = await t.db
    .selectFrom('user_roles as r')
    .innerJoin('units as n', 'n.id', 'r.unit_id')
    .innerJoin('agencies as a', 'a.id', 'n.agency_id')
    .select('r.user_id')
    .where('a.code', '=', HA_LONG)
    .where('n.code', '=', 'VHXH')
    .where('r.role', '=', 'specialist')
    .orderBy('r.user_id')
    .execute();
  assert.equal(specialists.length, 3);
  const assigned: number[] = [];
  for (let i = 0; i < 4; i++) {
    const d = await receive();
    const x = ok(await post(t.app, u.reception.headers, d.code, 'forward', { version: 1 }));
    assert.equal(x.history.at(-1).data.autoAssigned, true);
    assigned.push(x.holder.user.id);
  }
  // One each, lowest id first among equals, then the first again.
  const ids = specialists.map((s) => s.user_id);
  assert.deepEqual(assigned, [...ids, ids[0]]);
  assert.deepEqual(ok(await put(false)).autoAssign, false);
});

test('the unit leader sees whom a specialist step may go to, with the open steps each already holds', async () => {
  const d = await receive();
  const assignees = (user: string) =>
    t.app.inject({ url: `/api/dossiers/${d.code}/assignees`, headers: u[user].headers });
  // The desk's step belongs to the desk unit, not to the leader of VHXH.
  refused(await assignees('leader'), 403, 'FORBIDDEN');
  ok(await post(t.app, u.reception.headers, d.code, 'forward', { version: 1 }));

  const before = ok(await assignees('leader'));
  assert.deepEqual([before.code, before.version, before.step.seq, before.assigneeId], [d.code, 2, 2, null]);
  const names = before.officers.map((o: { fullName: string }) => o.fullName);
  assert.equal(names.length, 3);
  const vhxh1 = before.officers.find((o: { id: number }) => o.id === u['u2001.vhxh1'].id);
  assert.ok(vhxh1, 'the generated VHXH specialist is a candidate');
  refused(await assignees('specialist'), 403, 'FORBIDDEN');
  refused(await assignees('u2002.mc1'), 403, 'FORBIDDEN');

  ok(await post(t.app, u.leader.headers, d.code, 'assign', { version: 2, assignee: vhxh1.id }));
  const after = ok(await assignees('leader'));
  assert.equal(after.assigneeId, vhxh1.id);
  assert.equal(after.officers.find((o: { id: number }) => o.id === vhxh1.id).openSteps, vhxh1.openSteps + 1);
});
