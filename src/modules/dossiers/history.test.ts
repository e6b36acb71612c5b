import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { sql } from 'kysely';
import { createTestApp, loginAs, type TestApp } from '../../../test/harness';
import { replay } from './lifecycle';
import { eventOf, findDossier, loadEventRows, stateOf } from './store';
import { APPLICANT, BIRTH, HA_LONG, act, importTestCatalogue, postDossier } from './test-support';

let t: TestApp;
let headers: Record<string, Record<string, string>>;
let form: number;
let proof: number;

before(async () => {
  t = await createTestApp();
  [form, proof] = (await importTestCatalogue(t.db))[BIRTH];
  headers = {
    reception: await loginAs(t.app, 'reception'),
    citizen: await loginAs(t.app, 'congdan'),
    specialist: await loginAs(t.app, 'specialist'),
  };
});
after(() => t.close());

const all = () => [
  { componentId: form, originals: 1 },
  { componentId: proof, originals: 1 },
];

/** A request body that is valid for the action whenever the status allows it. */
function payload(action: string, version: number): Record<string, unknown> {
  switch (action) {
    case 'request-supplement':
      return {
        version,
        items: [
          { componentId: form, reason: 'Chưa đúng mẫu' },
          { componentId: proof, reason: 'Chưa nộp' },
        ],
      };
    case 'resubmit':
      return { version, components: all() };
    case 'refuse':
    case 'withdraw':
      return { version, reason: 'Lý do kiểm thử' };
    default:
      return { version };
  }
}

test('the history is append-only in the database itself', async () => {
  const res = await postDossier(t.app, headers.citizen, {
    procedure: BIRTH,
    agency: HA_LONG,
    channel: 'online',
    applicant: APPLICANT,
  });
  assert.equal(res.statusCode, 201);
  await assert.rejects(sql`UPDATE dossier_events SET comment = 'sửa'`.execute(t.db), /append-only/);
  await assert.rejects(sql`DELETE FROM dossier_events`.execute(t.db), /append-only/);
  await assert.rejects(sql`TRUNCATE dossier_events CASCADE`.execute(t.db), /append-only/);
  const rows = await t.db.selectFrom('dossier_events').select('comment').execute();
  assert.deepEqual(rows, [{ comment: null }]);
});

test('random action sequences through the API: the stored state is always the replay of the history', async () => {
  const actions = ['accept', 'request-supplement', 'resubmit', 'refuse', 'withdraw'];
  const step = fc.record({
    action: fc.constantFrom(...actions),
    who: fc.constantFrom('reception', 'citizen', 'specialist'),
    stale: fc.boolean(),
  });
  await fc.assert(
    fc.asyncProperty(fc.boolean(), fc.array(step, { maxLength: 6 }), async (atDesk, steps) => {
      const created = await postDossier(t.app, atDesk ? headers.reception : headers.citizen, {
        procedure: BIRTH,
        agency: HA_LONG,
        channel: atDesk ? 'direct' : 'online',
        applicant: APPLICANT,
        components: atDesk ? all() : [{ componentId: form, originals: 1 }],
      });
      assert.equal(created.statusCode, 201, created.body);
      const code: string = created.json().code;
      for (const s of steps) {
        const before = (await findDossier(t.db, code))!;
        const version = s.stale ? before.version - 1 : before.version;
        const res = await act(t.app, headers[s.who], code, s.action, payload(s.action, version));
        assert.ok([200, 400, 403, 409].includes(res.statusCode), res.body);
        const afterRow = (await findDossier(t.db, code))!;
        if (res.statusCode === 200) {
          assert.equal(afterRow.version, before.version + 1);
        } else {
          assert.deepEqual(afterRow, before);
        }
        if (s.stale) assert.equal(res.statusCode === 200, false);
      }
      const stored = (await findDossier(t.db, code))!;
      const events = await loadEventRows(t.db, stored.id);
      assert.equal(events.length, stored.version);
      assert.deepEqual(replay(events.map(eventOf)), stateOf(stored));
    }),
    { numRuns: 15 },
  );
});
