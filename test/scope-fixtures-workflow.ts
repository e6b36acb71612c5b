import assert from 'node:assert/strict';
import type { InjectOptions } from 'fastify';
import type { TestApp } from './harness';
import { loginAs } from './harness';
import { SCOPE_FIELD, type Dossier } from './scope-fixtures';

/** What the workflow routes of test/scope.test.ts aim at in a ward: dossiers at each point of the walk. */
export type WorkflowFixture = {
  /** A specialist of the ward's VHXH unit, to assign a step to. */
  specialistId: number;
  dossiers: Record<
    | 'atDesk'
    | 'toAssign'
    | 'toPause'
    | 'toPropose'
    | 'atSigning'
    | 'toSendBack'
    | 'paused'
    | 'proposed'
    | 'atLastStep'
    | 'resolved'
    | 'toApologize'
    | 'transferred',
    Dossier
  >;
};

/** The ward's officers who walk the dossiers there. */
export type WardStaff = { desk: string; specialist: string; unitLeader: string; agencyLeader: string };

const DEPARTMENT = '000.00.12.H40';
const hours = (value: number) => ({ value, unit: 'working_hours' });
const WALK = [
  { name: 'Tiếp nhận hồ sơ', unit: 'MC', role: 'reception', duration: hours(4) },
  { name: 'Thẩm định', unit: 'VHXH', role: 'specialist', duration: hours(8) },
  { name: 'Ký duyệt', unit: 'LD', role: 'agency_leader', duration: hours(4) },
  { name: 'Trả kết quả', unit: 'MC', role: 'reception', duration: hours(4) },
];
const LIEN_THONG = [
  WALK[0],
  { name: 'Liên thông: thẩm định tại Sở', unit: 'P1', role: 'specialist', duration: hours(8), agency: DEPARTMENT },
  WALK[3],
];

function entry(code: string, agency: string, process: object[]) {
  return {
    code,
    name: `Thủ tục quy trình ${code}`,
    field: SCOPE_FIELD.code,
    level: 'commune',
    agencies: [agency],
    deadline: { value: 5, unit: 'working_days' },
    channels: ['direct'],
    process,
    decision: { number: '16/QĐ-UBND', date: '2024-12-20', type: 'new', effectiveFrom: '2025-01-01' },
  };
}

async function call(t: TestApp, headers: Record<string, string>, opts: InjectOptions) {
  const res = await t.app.inject({ ...opts, headers: { ...headers, ...(opts.headers as object) } });
  assert.equal(res.statusCode < 300, true, `${opts.method ?? 'GET'} ${opts.url}: ${res.body}`);
  return res.json();
}

/** Walks dossiers of two procedures of the ward (one with a step at the department) to every point a route needs. */
export async function prepareWorkflow(
  t: TestApp,
  code: string,
  province: Record<string, string>,
  staff: WardStaff,
): Promise<WorkflowFixture> {
  const h = {
    desk: await loginAs(t.app, staff.desk),
    specialist: await loginAs(t.app, staff.specialist),
    unitLeader: await loginAs(t.app, staff.unitLeader),
    agencyLeader: await loginAs(t.app, staff.agencyLeader),
  };
  const { id: specialistId } = await t.db
    .selectFrom('users')
    .select('id')
    .where('username', '=', staff.specialist)
    .executeTakeFirstOrThrow();
  const [walk, lienThong] = [`PV.${code.slice(7, 9)}W`, `PV.${code.slice(7, 9)}L`];
  const catalogue = {
    fields: [SCOPE_FIELD],
    procedures: [entry(walk, code, WALK), entry(lienThong, code, LIEN_THONG)],
  };
  const report = await call(t, province, { method: 'POST', url: '/api/procedures/import', payload: catalogue });
  assert.deepEqual(report.rejected, []);

  let keys = 0;
  const receive = async (procedure: string): Promise<Dossier> => {
    const payload = {
      procedure,
      agency: code,
      channel: 'direct',
      applicant: { fullName: 'Lý Thị Hoa', idNumber: '022185006789' },
    };
    const d = await call(t, h.desk, {
      method: 'POST',
      url: '/api/dossiers',
      headers: { 'idempotency-key': `scope-workflow-${code}-${++keys}` },
      payload,
    });
    return { code: d.code, version: d.version };
  };
  const act = async (who: keyof typeof h, d: Dossier, action: string, body: object = {}): Promise<Dossier> => {
    const url = `/api/dossiers/${d.code}/${action}`;
    const x = await call(t, h[who], { method: 'POST', url, payload: { version: d.version, ...body } });
    return { code: x.code, version: x.version };
  };
  const assigned = async () => {
    const d = await act('desk', await receive(walk), 'forward');
    return act('unitLeader', d, 'assign', { assignee: specialistId });
  };
  const signing = async () => act('specialist', await assigned(), 'forward');
  const items = [{ name: 'Tờ khai', reason: 'Chưa ký tên' }];
  const atLastStep = await act('agencyLeader', await signing(), 'approve');
  return {
    specialistId,
    dossiers: {
      atDesk: await receive(walk),
      toAssign: await act('desk', await receive(walk), 'forward'),
      toPause: await assigned(),
      toPropose: await assigned(),
      atSigning: await signing(),
      toSendBack: await signing(),
      paused: await act('specialist', await assigned(), 'pause', { items }),
      proposed: await act('specialist', await assigned(), 'propose-rejection', { reason: 'Không đủ điều kiện' }),
      atLastStep,
      resolved: await act('desk', await act('agencyLeader', await signing(), 'approve'), 'result-ready'),
      toApologize: await receive(walk),
      transferred: await act('desk', await receive(lienThong), 'forward'),
    },
  };
}
