import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, loginAs, type TestApp } from '../../../test/harness';
import { authenticate } from '../identity/service';
import { intakeDossier, type IntakeInput } from './intake-service';
import { APPLICANT, BIRTH, HA_LONG, importTestCatalogue, newKey } from './test-support';

/** The intake reads agencies' calendars from the process (calendar/cache.ts): a day set must count at once. */
let t: TestApp;
let input: IntakeInput;

before(async () => {
  t = await createTestApp();
  const components = await importTestCatalogue(t.db);
  input = {
    procedure: BIRTH,
    agency: HA_LONG,
    channel: 'direct',
    applicant: { kind: 'person', ...APPLICANT },
    components: components[BIRTH].slice(0, 2).map((componentId) => ({
      componentId,
      originals: 1,
      copies: 0,
      files: [],
    })),
    files: [],
  };
});
after(() => t.close());

test('a day off set after an intake moves the next intake’s appointment, and removing it moves it back', async () => {
  const reception = await loginAs(t.app, 'reception');
  const principal = (await authenticate(t.db, reception.authorization.slice('Bearer '.length)))!.principal;
  const admin = await loginAs(t.app, 'admin');
  const monday = new Date('2026-03-02T09:00:00+07:00');
  const intake = async () => (await intakeDossier(t.db, principal, input, newKey(), monday)).dossier.dueAt;

  assert.equal(await intake(), '2026-03-04T17:00:00+07:00'); // two working days: Tuesday, Wednesday
  const set = await t.app.inject({
    method: 'PUT',
    url: `/api/calendar/days/2026-03-03?agency=${HA_LONG}`,
    headers: admin,
    payload: { working: false, name: 'Nghỉ (kiểm thử)' },
  });
  assert.equal(set.statusCode < 300, true, set.body);
  assert.equal(await intake(), '2026-03-05T17:00:00+07:00');
  const removed = await t.app.inject({
    method: 'DELETE',
    url: `/api/calendar/days/2026-03-03?agency=${HA_LONG}`,
    headers: admin,
  });
  assert.equal(removed.statusCode < 300, true, removed.body);
  assert.equal(await intake(), '2026-03-04T17:00:00+07:00');
});
