import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import { createTestApp, loginAs, type TestApp } from '../../../test/harness';
import { loadDetail } from './detail-store';
import * as store from './store';
import { intakeView } from './views';
import { APPLICANT, BIRTH, HA_LONG, importTestCatalogue, postDossier } from './test-support';

/**
 * The SQL statements one intake sends on the wire (BEGIN and COMMIT included), counted at pg's client
 * on both databases: intake throughput is bounded by them (docs/performance.md), so this guards the count.
 */
const MAX_STATEMENTS_PER_INTAKE = 11;

let t: TestApp;
let reception: Record<string, string>;
let components: Record<string, number[]>;

before(async () => {
  t = await createTestApp();
  components = await importTestCatalogue(t.db);
  reception = await loginAs(t.app, 'reception');
});
after(() => t.close());

async function countingStatements<T>(run: () => Promise<T>): Promise<{ result: T; statements: string[] }> {
  const statements: string[] = [];
  const original = pg.Client.prototype.query;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const q = args[0];
    statements.push(typeof q === 'string' ? q : String((q as { text?: string }).text));
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof original;
  try {
    return { result: await run(), statements };
  } finally {
    pg.Client.prototype.query = original;
  }
}

const deskIntake = () => ({
  procedure: BIRTH,
  agency: HA_LONG,
  channel: 'direct',
  applicant: APPLICANT,
  components: [
    { componentId: components[BIRTH][0], originals: 1 },
    { componentId: components[BIRTH][1], originals: 1 },
  ],
});

test(`a desk intake sends at most ${MAX_STATEMENTS_PER_INTAKE} SQL statements, its answer equal to the stored detail`, async () => {
  await postDossier(t.app, reception, deskIntake()); // warm caches, as a running server has them
  const { result: res, statements } = await countingStatements(() => postDossier(t.app, reception, deskIntake()));
  assert.equal(res.statusCode, 201, res.body);
  console.log(`statements per desk intake: ${statements.length}`);
  assert.ok(
    statements.length <= MAX_STATEMENTS_PER_INTAKE,
    `${statements.length} statements:\n${statements.map((s) => s.slice(0, 120)).join('\n')}`,
  );
  // The 201 is built from the rows just written: it must equal the view of the stored dossier.
  const row = await t.db
    .selectFrom('dossiers')
    .selectAll()
    .where('code', '=', res.json().code)
    .executeTakeFirstOrThrow();
  const stored = JSON.parse(
    JSON.stringify(intakeView(await loadDetail(t.db, await store.findDossierById(t.db, row.id)))),
  );
  assert.deepEqual(res.json(), stored);
});

test('an online submission answers the stored detail too', async () => {
  const citizen = await loginAs(t.app, 'congdan');
  const res = await postDossier(t.app, citizen, { ...deskIntake(), channel: 'online' });
  assert.equal(res.statusCode, 201, res.body);
  const row = await t.db
    .selectFrom('dossiers')
    .selectAll()
    .where('code', '=', res.json().code)
    .executeTakeFirstOrThrow();
  const stored = JSON.parse(JSON.stringify(intakeView(await loadDetail(t.db, row))));
  assert.deepEqual(res.json(), stored);
});
