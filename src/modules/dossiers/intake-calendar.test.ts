import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, loginAs, type TestApp } from '../../../test/harness';
import { authenticate } from '../identity/service';
import { intakeDossier, type IntakeInput } from './intake-service';
import { APPLICANT, BIRTH, HA_LONG, importTestCatalogue, newKey } from './test-support';

/**
 * The intake reads calendars, agencies and units from the process (calendar/cache.ts, intake-cache.ts): an
 * administrator's write must count for the next intake at once.
 */
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

test('the intake’s cached agency and unit reads follow an administrator’s writes at once', async () => {
  const reception = await loginAs(t.app, 'reception');
  const principal = (await authenticate(t.db, reception.authorization.slice('Bearer '.length)))!.principal;
  const admin = await loginAs(t.app, 'admin');
  const intake = () => intakeDossier(t.db, principal, input, newKey());
  const first = (await intake()).dossier;
  const unit = await t.db
    .selectFrom('units')
    .innerJoin('agencies', 'agencies.id', 'units.agency_id')
    .select(['units.id', 'units.name'])
    .where('agencies.code', '=', HA_LONG)
    .where('units.code', '=', first.holder.unit!.code)
    .executeTakeFirstOrThrow();
  assert.equal(first.holder.unit!.name, unit.name);

  const renamed = await t.app.inject({
    method: 'PATCH',
    url: `/api/admin/units/${unit.id}`,
    headers: admin,
    payload: { name: 'Bộ phận Một cửa (đổi tên)' },
  });
  assert.equal(renamed.statusCode, 200, renamed.body);
  assert.equal((await intake()).dossier.holder.unit!.name, 'Bộ phận Một cửa (đổi tên)');

  const closed = await t.app.inject({
    method: 'PATCH',
    url: `/api/admin/agencies/${HA_LONG}`,
    headers: admin,
    payload: { active: false },
  });
  assert.equal(closed.statusCode, 200, closed.body);
  await assert.rejects(intake(), { code: 'PROCEDURE_NOT_IMPLEMENTED' });
  const reopened = await t.app.inject({
    method: 'PATCH',
    url: `/api/admin/agencies/${HA_LONG}`,
    headers: admin,
    payload: { active: true },
  });
  assert.equal(reopened.statusCode, 200, reopened.body);
  assert.ok((await intake()).dossier.code.startsWith(HA_LONG));
});
