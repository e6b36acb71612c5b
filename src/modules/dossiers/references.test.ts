import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { createTestApp, loginAs, type TestApp } from '../../../test/harness';
import { APPLICANT, BIRTH, HA_LONG, importBirthComponents, postDossier } from './test-support';

/**
 * The references of dossiers, their histories, components, messages and keys are checked once per
 * statement and distinct id (migrations 0016, 0017), and the rows they name can never go: together
 * that is what their foreign keys guaranteed, on both databases.
 */
let t: TestApp;
let dossier: { id: number; code: string };

before(async () => {
  t = await createTestApp();
  const components = await importBirthComponents(t.db);
  const reception = await loginAs(t.app, 'reception');
  const res = await postDossier(t.app, reception, {
    procedure: BIRTH,
    agency: HA_LONG,
    channel: 'direct',
    applicant: APPLICANT,
    components,
  });
  assert.equal(res.statusCode, 201, res.body);
  dossier = await t.db
    .selectFrom('dossiers')
    .select(['id', 'code'])
    .where('code', '=', res.json().code)
    .executeTakeFirstOrThrow();
});
after(() => t.close());

const missingId = 2_000_000_000;

/** The SQLSTATE and column of a refused statement. */
async function refusal(run: () => Promise<unknown>): Promise<{ code: string; column?: string; message: string }> {
  const e = await run().then(
    () => assert.fail('the statement was accepted'),
    (error: unknown) => error as { code: string; column?: string; message: string },
  );
  return { code: e.code, column: e.column, message: e.message };
}

test('a dossier pointed at a user that does not exist is refused, naming the column, and nothing changes', async () => {
  const r = await refusal(() =>
    t.db.updateTable('dossiers').set({ holder_user_id: missingId }).where('id', '=', dossier.id).execute(),
  );
  assert.equal(r.code, '23503', r.message);
  assert.match(r.message, /holder_user_id/);
  const row = await t.db
    .selectFrom('dossiers')
    .select('holder_user_id')
    .where('id', '=', dossier.id)
    .executeTakeFirstOrThrow();
  assert.notEqual(row.holder_user_id, missingId);
});

test('a step at a unit that does not exist is refused among good rows, and none of them is written', async () => {
  const before = await t.db.selectFrom('dossier_steps').select('seq').where('dossier_id', '=', dossier.id).execute();
  const template = await t.db
    .selectFrom('dossier_steps')
    .selectAll()
    .where('dossier_id', '=', dossier.id)
    .orderBy('seq')
    .executeTakeFirstOrThrow();
  const row = template;
  const r = await refusal(() =>
    t.db
      .insertInto('dossier_steps')
      .values([
        { ...row, seq: 101 },
        { ...row, seq: 102, unit_id: missingId },
      ])
      .execute(),
  );
  assert.equal(r.code, '23503', r.message);
  assert.match(r.message, /unit_id/);
  const after = await t.db.selectFrom('dossier_steps').select('seq').where('dossier_id', '=', dossier.id).execute();
  assert.equal(after.length, before.length);
});

test('an event by an actor that does not exist is refused', async () => {
  const event = await t.db
    .selectFrom('dossier_events')
    .selectAll()
    .where('dossier_id', '=', dossier.id)
    .executeTakeFirstOrThrow();
  const { id: _id, ...row } = event;
  const r = await refusal(() =>
    t.db
      .insertInto('dossier_events')
      .values({ ...row, seq: 99, actor_user_id: missingId, data: JSON.stringify(row.data) })
      .execute(),
  );
  assert.equal(r.code, '23503', r.message);
  assert.match(r.message, /actor_user_id/);
});

test('rows that name a dossier or a user that does not exist are refused, naming the column', async () => {
  const user = await t.db.selectFrom('users').select('id').orderBy('id').executeTakeFirstOrThrow();
  const component = await t.db
    .selectFrom('dossier_components')
    .selectAll()
    .where('dossier_id', '=', dossier.id)
    .executeTakeFirstOrThrow();
  const { id: _id, ...event } = await t.db
    .selectFrom('dossier_events')
    .selectAll()
    .where('dossier_id', '=', dossier.id)
    .executeTakeFirstOrThrow();
  const refused: [string, string, () => Promise<unknown>][] = [
    [
      'dossier_components',
      'dossier_id',
      () =>
        t.db
          .insertInto('dossier_components')
          .values(
            [component, { ...component, dossier_id: missingId }].map((c, i) => ({
              ...c,
              component_id: 900_000 + i,
              seq: 100 + i,
            })),
          )
          .execute(),
    ],
    [
      'dossier_components',
      'dossier_id',
      () =>
        t.db
          .updateTable('dossier_components')
          .set({ dossier_id: missingId })
          .where('dossier_id', '=', dossier.id)
          .execute(),
    ],
    [
      'dossier_events',
      'dossier_id',
      () =>
        t.db
          .insertInto('dossier_events')
          .values({ ...event, dossier_id: missingId, data: JSON.stringify(event.data) })
          .execute(),
    ],
    [
      'outbox_messages',
      'dossier_id',
      () =>
        t.db
          .insertInto('outbox_messages')
          .values({
            channel: 'email',
            recipient: 'a@example.vn',
            body: 'x',
            dossier_id: missingId,
            next_attempt_at: new Date(),
          })
          .execute(),
    ],
    [
      'notifications',
      'user_id',
      () =>
        t.db
          .insertInto('notifications')
          .values({ user_id: missingId, kind: 'received', title: 't', title_en: 't', body: 'b', body_en: 'b' })
          .execute(),
    ],
    [
      'idempotency_keys',
      'user_id',
      () =>
        t.db.insertInto('idempotency_keys').values({ user_id: missingId, key: 'k-user', request_hash: 'h' }).execute(),
    ],
    [
      'idempotency_keys',
      'dossier_id',
      () =>
        t.db
          .insertInto('idempotency_keys')
          .values({ user_id: user.id, key: 'k-dossier', request_hash: 'h', dossier_id: missingId })
          .execute(),
    ],
  ];
  for (const [table, column, run] of refused) {
    const r = await refusal(run);
    assert.equal(r.code, '23503', `${table}: ${r.message}`);
    assert.equal(r.column, column, `${table}: ${r.message}`);
    assert.match(r.message, new RegExp(`${missingId}`));
  }
  const components = await t.db
    .selectFrom('dossier_components')
    .select('seq')
    .where('dossier_id', '=', dossier.id)
    .where('seq', '>=', 100)
    .execute();
  assert.deepEqual(components, [], 'the good row of a refused statement is not written either');
  const keys = await t.db.selectFrom('idempotency_keys').select('key').where('key', 'like', 'k-%').execute();
  assert.deepEqual(keys, []);
});

test('agencies, units, users, procedures and dossiers are never deleted nor renumbered', async () => {
  for (const table of ['agencies', 'units', 'users', 'procedures', 'procedure_versions', 'dossiers'] as const) {
    const { id } = await t.db.selectFrom(table).select('id').orderBy('id').executeTakeFirstOrThrow();
    const deleted = await refusal(() => t.db.deleteFrom(table).where('id', '=', id).execute());
    assert.equal(deleted.code, '23001', `${table}: ${deleted.message}`);
    const renumbered = await refusal(() =>
      t.db.updateTable(table).set({ id: missingId }).where('id', '=', id).execute(),
    );
    assert.equal(renumbered.code, '23001', `${table}: ${renumbered.message}`);
    const truncated = await refusal(() => sql`TRUNCATE ${sql.table(table)} CASCADE`.execute(t.db));
    assert.equal(truncated.code, '23001', `${table}: ${truncated.message}`);
  }
  const still = await t.db.selectFrom('dossiers').select('id').where('id', '=', dossier.id).execute();
  assert.equal(still.length, 1);
});
