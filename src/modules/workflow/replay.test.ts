import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { createTestApp, type TestApp } from '../../../test/harness';
import { replay } from '../dossiers/lifecycle';
import { eventOf, findDossier, loadEventRows, stateOf } from '../dossiers/store';
import { APPLICANT, BIRTH, HA_LONG, importBirthComponents, postDossier } from '../dossiers/test-support';
import { logins, post } from './test-support';

let t: TestApp;
let u: Awaited<ReturnType<typeof logins>>;
let components: { componentId: number; originals: number }[];
const USERS = ['reception', 'specialist', 'leader', 'u2001.vhxh1', 'u2001.lanhdao'];

before(async () => {
  t = await createTestApp();
  components = await importBirthComponents(t.db);
  u = await logins(t.app, t.db, USERS);
});
after(() => t.close());

/** A body valid for the action whenever the state allows it (a step number may still be out of range). */
function payload(action: string, version: number, pick: number): Record<string, unknown> {
  const reason = 'Lý do kiểm thử';
  switch (action) {
    case 'assign':
      return { version, assignee: [u.specialist.id, u['u2001.vhxh1'].id][pick % 2] };
    case 'send-back':
      return { version, toStep: 1 + (pick % 3), reason };
    case 'pause':
      return { version, items: [{ name: 'Tờ khai', reason }] };
    case 'propose-rejection':
    case 'approve-rejection':
    case 'withdraw':
      return { version, reason };
    case 'apology':
      return { version, reason, faultUnit: { unit: 'VHXH' }, newDueAt: '2031-03-04T10:00:00+07:00' };
    default:
      return { version };
  }
}

const ACTIONS = [
  'forward',
  'assign',
  'approve',
  'send-back',
  'pause',
  'resume',
  'propose-rejection',
  'approve-rejection',
  'result-ready',
  'return',
  'apology',
  'withdraw',
];

const snapshot = async (code: string) => {
  const d = (await findDossier(t.db, code))!;
  const steps = await t.db
    .selectFrom('dossier_steps')
    .selectAll()
    .where('dossier_id', '=', d.id)
    .orderBy('seq')
    .execute();
  return { d, steps };
};

test('random workflow actions through the API: refusals change nothing, the state is the replay of the history', async () => {
  const step = fc.record({
    action: fc.constantFrom(...ACTIONS),
    who: fc.constantFrom(...USERS),
    stale: fc.boolean(),
    pick: fc.nat(5),
  });
  await fc.assert(
    fc.asyncProperty(fc.array(step, { maxLength: 10 }), async (steps) => {
      const body = { procedure: BIRTH, agency: HA_LONG, channel: 'direct', applicant: APPLICANT, components };
      const created = await postDossier(t.app, u.reception.headers, body);
      assert.equal(created.statusCode, 201, created.body);
      const code: string = created.json().code;
      for (const s of steps) {
        const before = await snapshot(code);
        const version = s.stale ? before.d.version - 1 : before.d.version;
        const res = await post(t.app, u[s.who].headers, code, s.action, payload(s.action, version, s.pick));
        assert.ok([200, 400, 403, 409].includes(res.statusCode), res.body);
        const afterwards = await snapshot(code);
        if (res.statusCode === 200) assert.equal(afterwards.d.version, before.d.version + 1);
        else assert.deepEqual(afterwards, before);
        if (s.stale) assert.notEqual(res.statusCode, 200);
      }
      const { d, steps: rows } = await snapshot(code);
      const events = await loadEventRows(t.db, d.id);
      assert.equal(events.length, d.version);
      assert.deepEqual(replay(events.map(eventOf)), stateOf(d));
      // One step is open exactly while the dossier is in the walk (a withdrawal leaves it where it stopped).
      const open = rows.filter((r) => r.started_at !== null && r.completed_at === null).map((r) => r.seq);
      const walking = ['in_progress', 'paused', 'rejection_proposed', 'withdrawn'].includes(d.status);
      assert.deepEqual(open, walking ? [d.current_step_seq] : []);
    }),
    { numRuns: 12 },
  );
});
