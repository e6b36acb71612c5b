import assert from 'node:assert/strict';
import type { InjectOptions } from 'fastify';
import type { TestApp } from './harness';
import { login } from '../src/modules/identity/service';
import type { Dossier } from './scope-fixtures';
import type { WardStaff } from './scope-fixtures-workflow';

/** What the feedback routes of test/scope.test.ts aim at in a ward: a returned dossier and complaints. */
export type FeedbackFixture = {
  /** Returned just now at the ward's desk, not rated: the kiosk may rate it. */
  returned: Dossier;
  /** Complaints to the ward at each point of their lifecycle. */
  complaints: Record<'received' | 'assigned' | 'answered', string>;
};

async function call(t: TestApp, headers: Record<string, string>, opts: InjectOptions) {
  const res = await t.app.inject({ ...opts, headers: { ...headers, ...(opts.headers as object) } });
  assert.equal(res.statusCode < 300, true, `${opts.method ?? 'GET'} ${opts.url}: ${res.body}`);
  return res.json();
}

/** Runs after prepareWorkflow, whose procedure `PV.<ward>W` (desk, specialist, leader, desk) it walks. */
export async function prepareFeedback(t: TestApp, code: string, staff: WardStaff): Promise<FeedbackFixture> {
  // Sessions opened by the service: the login route's rate limit is spent by the other fixtures.
  const session = async (username: string) => {
    const { token } = await login(t.db, t.config, username, 'demo1234');
    return { authorization: `Bearer ${token}` };
  };
  const h = {
    desk: await session(staff.desk),
    specialist: await session(staff.specialist),
    unitLeader: await session(staff.unitLeader),
    agencyLeader: await session(staff.agencyLeader),
  };
  const { id: specialistId } = await t.db
    .selectFrom('users')
    .select('id')
    .where('username', '=', staff.specialist)
    .executeTakeFirstOrThrow();
  let d: Dossier = await call(t, h.desk, {
    method: 'POST',
    url: '/api/dossiers',
    headers: { 'idempotency-key': `scope-feedback-${code}` },
    payload: {
      procedure: `PV.${code.slice(7, 9)}W`,
      agency: code,
      channel: 'direct',
      applicant: { fullName: 'Lý Thị Hoa', idNumber: '022185006789' },
    },
  });
  const act = async (who: keyof typeof h, action: string, body: object = {}) => {
    const url = `/api/dossiers/${d.code}/${action}`;
    const x = await call(t, h[who], { method: 'POST', url, payload: { version: d.version, ...body } });
    d = { code: x.code, version: x.version };
  };
  await act('desk', 'forward');
  await act('unitLeader', 'assign', { assignee: specialistId });
  await act('specialist', 'forward');
  await act('agencyLeader', 'approve');
  await act('desk', 'result-ready');
  await act('desk', 'return');

  const complaint = async () => {
    const payload = {
      agency: code,
      kind: 'suggestion',
      title: 'Đề nghị thêm ghế chờ',
      content: 'Khu vực chờ thiếu ghế ngồi.',
      contact: { fullName: 'Đỗ Minh Tuấn', phone: '0901234567' },
    };
    return (await call(t, h.desk, { method: 'POST', url: '/api/complaints', payload })).code as string;
  };
  const complaintAct = async (c: string, action: string, payload: object) =>
    call(t, h.unitLeader, { method: 'POST', url: `/api/complaints/${c}/${action}`, payload });
  const [received, assigned, answered] = [await complaint(), await complaint(), await complaint()];
  for (const c of [assigned, answered]) await complaintAct(c, 'assign', { assignee: staff.specialist });
  await complaintAct(answered, 'answer', { answer: 'Đã bổ sung 10 ghế chờ.' });
  return { returned: d, complaints: { received, assigned, answered } };
}
