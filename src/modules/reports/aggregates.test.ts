import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { createTestDb } from '../../../test/harness';
import type { DbHandle, Executor } from '../../db/database';
import { seedDemo } from '../../demo/seed';
import { seedDemoDossiers } from '../../demo/demo-dossiers';
import { assertAggregatesMatchDossiers } from './test-fixtures';

let h: DbHandle;
before(async () => {
  h = await createTestDb();
  await seedDemo(h.db);
  // The generator writes through the triggers (PGlite), or in bulk with statistics_upsert (a superuser on
  // the server): both must leave the same aggregates.
  await seedDemoDossiers(h.db, new Date(), 400);
});
after(() => h.close());

type Flow = { channel: string; n: number };
const receivedOn = async (id: number, db: Executor = h.db) =>
  (
    await sql<Flow>`
      SELECT s.channel, s.n FROM statistics_daily s JOIN dossiers d
        ON s.agency_id = d.agency_id AND s.day = statistics_vietnam_day(d.accepted_at) AND s.metric = 'received'
       AND s.field_code = d.field_code AND s.procedure_code = d.procedure_code
       AND s.unit_id IS NOT DISTINCT FROM d.holder_unit_id AND s.officer_id IS NOT DISTINCT FROM d.holder_user_id
      WHERE d.id = ${id} ORDER BY s.channel`.execute(db)
  ).rows;

test('the dossiers written by the generator leave aggregates equal to a recount, by day and by month', async () => {
  await assertAggregatesMatchDossiers(h.db);
});

test('a change moves its facts in its own transaction; rolled back, it moves nothing', async () => {
  const { rows } = await sql<{ id: number }>`
    SELECT id FROM dossiers WHERE accepted_at IS NOT NULL AND channel = 'direct' ORDER BY id LIMIT 1`.execute(h.db);
  const { id } = rows[0];
  const before = await receivedOn(id);
  const direct = before.find((f) => f.channel === 'direct')!.n;
  const postal = before.find((f) => f.channel === 'postal')?.n ?? 0;
  const moved = (flows: Flow[]) => {
    assert.equal(flows.find((f) => f.channel === 'direct')?.n ?? 0, direct - 1);
    assert.equal(flows.find((f) => f.channel === 'postal')!.n, postal + 1);
  };

  await h.db
    .transaction()
    .execute(async (tx) => {
      await sql`UPDATE dossiers SET channel = 'postal' WHERE id = ${id}`.execute(tx);
      moved(await receivedOn(id, tx));
      throw new Error('roll back');
    })
    .catch((e: Error) => assert.equal(e.message, 'roll back'));
  assert.deepEqual(await receivedOn(id), before);

  await sql`UPDATE dossiers SET channel = 'postal' WHERE id = ${id}`.execute(h.db);
  moved(await receivedOn(id));
  await assertAggregatesMatchDossiers(h.db);
});
