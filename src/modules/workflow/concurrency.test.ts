import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp } from '../../../test/harness';
import { replay } from '../dossiers/lifecycle';
import { eventOf, findDossier, loadEventRows, stateOf } from '../dossiers/store';
import { APPLICANT, BIRTH, HA_LONG, importBirthComponents, postDossier } from '../dossiers/test-support';
import { logins, ok, post } from './test-support';

let t: TestApp;
let u: Awaited<ReturnType<typeof logins>>;
let components: { componentId: number; originals: number }[];

before(async () => {
  t = await createTestApp();
  components = await importBirthComponents(t.db);
  u = await logins(t.app, t.db, ['reception', 'specialist', 'leader']);
});
after(() => t.close());

test('20 simultaneous conflicting actions on one dossier: exactly one wins, nineteen get 409 with the current state', async () => {
  const body = { procedure: BIRTH, agency: HA_LONG, channel: 'direct', applicant: APPLICANT, components };
  const created = await postDossier(t.app, u.reception.headers, body);
  assert.equal(created.statusCode, 201, created.body);
  const code: string = created.json().code;
  ok(await post(t.app, u.reception.headers, code, 'forward', { version: 1 }));
  ok(await post(t.app, u.leader.headers, code, 'assign', { version: 2, assignee: u.specialist.id }));

  // The specialist holding the step clicks every button at once, on the version they saw.
  const requests = Array.from({ length: 20 }, (_, i) => {
    if (i % 3 === 0) return post(t.app, u.specialist.headers, code, 'forward', { version: 3 });
    if (i % 3 === 1) return post(t.app, u.specialist.headers, code, 'propose-rejection', { version: 3, reason: 'Sai' });
    return post(t.app, u.specialist.headers, code, 'pause', {
      version: 3,
      items: [{ name: 'Giấy chứng sinh', reason: 'Bản chụp mờ' }],
    });
  });
  const responses = await Promise.all(requests);
  const winners = responses.filter((r) => r.statusCode === 200);
  const losers = responses.filter((r) => r.statusCode !== 200);
  assert.equal(winners.length, 1);
  assert.equal(losers.length, 19);
  const winner = winners[0].json();
  for (const r of losers) {
    assert.equal(r.statusCode, 409, r.body);
    const error = r.json().error;
    assert.equal(error.code, 'DOSSIER_VERSION_CONFLICT');
    assert.deepEqual(error.details, { status: winner.status, version: 4 });
  }

  const stored = (await findDossier(t.db, code))!;
  const events = await loadEventRows(t.db, stored.id);
  assert.deepEqual(
    [stored.version, events.length, events.map((e) => e.action).slice(0, 3)],
    [4, 4, ['receive', 'forward', 'assign']],
  );
  assert.deepEqual(replay(events.map(eventOf)), stateOf(stored));
  // The steps moved once: step 2 done once if the winner moved on, untouched if it paused.
  const steps = await t.db
    .selectFrom('dossier_steps')
    .select(['seq', 'visits', 'completed_at'])
    .where('dossier_id', '=', stored.id)
    .orderBy('seq')
    .execute();
  const moved = winner.status !== 'paused';
  assert.deepEqual(
    steps.map((s) => [s.seq, s.visits, s.completed_at !== null]),
    [
      [1, 1, true],
      [2, 1, moved],
      [3, moved ? 1 : 0, false],
    ],
  );
});
