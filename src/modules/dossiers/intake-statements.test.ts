import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import { sql } from 'kysely';
import { createTestApp, loginAs, type TestApp } from '../../../test/harness';
import { authenticate } from '../identity/service';
import type { Principal } from '../identity/rules';
import { loadDetail } from './detail-store';
import * as store from './store';
import { intakeView } from './views';
import { intakeDossier, type IntakeInput } from './intake-service';
import { intakeBody } from './schema';
import { APPLICANT, BAI_CHAY, BIRTH, HA_LONG, importTestCatalogue, newKey, postDossier } from './test-support';

/**
 * The SQL statements one intake sends on the wire (BEGIN and COMMIT included), counted at pg's client
 * on both databases: intake throughput is bounded by them (docs/performance.md), so this guards the count.
 * Concurrent intakes share them (group commit). A batch is one statement once the process knows its
 * agencies' counters for the day, with now and then a read of dossier ids ahead; a desk intake adds
 * its session read. A batch claiming first sends BEGIN, the claim, one write and COMMIT.
 */
const MAX_STATEMENTS_PER_INTAKE = 3;
const MAX_STATEMENTS_PER_CLAIMING_BATCH = 4;

let t: TestApp;
let reception: Record<string, string>;
let components: Record<string, number[]>;
let officer: Principal;

before(async () => {
  t = await createTestApp();
  components = await importTestCatalogue(t.db);
  reception = await loginAs(t.app, 'reception');
  officer = (await authenticate(t.db, reception.authorization.slice('Bearer '.length)))!.principal;
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

/** A desk intake as the route hands it on, after its schema. */
const input = (over: Record<string, unknown> = {}): IntakeInput => intakeBody.parse({ ...deskIntake(), ...over });
const settled = <T>(all: Promise<T>[]) => Promise.allSettled(all);
const seqOf = (code: string) => Number(/-(\d+)$/.exec(code)![1]);

const writes = (statements: string[]) => statements.filter((q) => /^with /i.test(q.trim())).length;
const begins = (statements: string[]) => statements.filter((q) => /^begin/i.test(q.trim())).length;

test('concurrent intakes commit together: 30 in two statements, with no transaction around them', async () => {
  await intakeDossier(t.db, officer, input(), newKey()); // the process knows today's counter from here on
  await new Promise(setImmediate); // and its batch has let go of the queue
  const { result, statements } = await countingStatements(() =>
    settled(Array.from({ length: 30 }, () => intakeDossier(t.db, officer, input(), newKey()))),
  );
  const answers = result.map((r) => (r.status === 'fulfilled' ? r.value : assert.fail(String(r.reason))));
  // The first runs alone at once; the 29 that came while it ran go in the next batch.
  assert.equal(begins(statements), 0, statements.join('\n'));
  assert.equal(writes(statements), 2, statements.join('\n'));
  assert.ok(statements.length <= 3, `${statements.length} statements`);
  // Numbered in the order they came, with no gap; each stored as its answer says, with its history.
  const seqs = answers.map((a) => seqOf(a.dossier.code));
  assert.deepEqual(
    seqs,
    seqs.map((_, i) => seqs[0] + i),
  );
  for (const a of answers.slice(0, 3).concat(answers.slice(-2))) {
    const row = await store.findDossier(t.db, a.dossier.code);
    const stored = JSON.parse(JSON.stringify(intakeView(await loadDetail(t.db, row!))));
    assert.deepEqual(JSON.parse(JSON.stringify(a.dossier)), stored);
  }
  const ids = (
    await t.db
      .selectFrom('dossiers')
      .select('id')
      .where(
        'code',
        'in',
        answers.map((a) => a.dossier.code),
      )
      .execute()
  ).map((r) => r.id);
  const count = async (table: 'dossier_events' | 'dossier_components' | 'outbox_messages', column = 'dossier_id') =>
    Number(
      (
        await t.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .where(column as 'dossier_id', 'in', ids)
          .executeTakeFirstOrThrow()
      ).n,
    );
  assert.equal(await count('dossier_events'), 30);
  assert.equal(await count('dossier_components'), 30 * answers[0].dossier.components.length);
  assert.ok((await count('outbox_messages')) >= 30, 'each applicant is told of the receipt');
  const audited = await t.db
    .selectFrom('audit_log')
    .select('entity_id')
    .where('action', '=', 'dossier.receive')
    .where(
      'entity_id',
      'in',
      answers.map((a) => a.dossier.code),
    )
    .execute();
  assert.equal(audited.length, 30);
});

test(`the first intakes of a day claim first, in one transaction of at most ${MAX_STATEMENTS_PER_CLAIMING_BATCH} statements; the next batch is one statement`, async () => {
  await intakeDossier(t.db, officer, input(), newKey()); // warm caches, as a running server has them
  await new Promise(setImmediate);
  const day = Date.now() + 86_400_000 * 7; // a day this process has numbered nothing for yet
  const { result, statements } = await countingStatements(() =>
    settled(Array.from({ length: 10 }, () => intakeDossier(t.db, officer, input(), newKey(), new Date(day)))),
  );
  const seqs = result.map((r) =>
    r.status === 'fulfilled' ? seqOf(r.value.dossier.code) : assert.fail(String(r.reason)),
  );
  assert.deepEqual(
    seqs,
    Array.from({ length: 10 }, (_, i) => i + 1),
  );
  assert.equal(begins(statements), 1, statements.join('\n'));
  assert.equal(writes(statements), 3, 'the claim, its write, and the batch of nine');
  // Besides the catalogue's reads of the procedure version in force that day (a cache miss on a new day),
  // the claiming batch and, after it, the nine in one statement with a read of ids ahead.
  const sent = statements.filter((q) => !/^select "/.test(q.trim()));
  assert.ok(sent.length <= MAX_STATEMENTS_PER_CLAIMING_BATCH + 2, sent.map((q) => q.trim().slice(0, 90)).join('\n'));
});

test('a counter moved by another process fails the one statement; the batches then claim and number on from it', async () => {
  const first = await intakeDossier(t.db, officer, input(), newKey());
  const agency = await store.findAgencyByCode(t.db, HA_LONG);
  const day = first.dossier.code.split('-').at(-2)!;
  const moved = await t.db
    .updateTable('dossier_counters')
    .set((eb) => ({ last_seq: eb('last_seq', '+', 5) }))
    .where('agency_id', '=', agency!.id)
    .where('day', '=', `20${day.slice(0, 2)}-${day.slice(2, 4)}-${day.slice(4, 6)}`)
    .returning('last_seq')
    .executeTakeFirstOrThrow();
  const { result, statements } = await countingStatements(() =>
    settled(Array.from({ length: 10 }, () => intakeDossier(t.db, officer, input(), newKey()))),
  );
  const seqs = result.map((r) =>
    r.status === 'fulfilled' ? seqOf(r.value.dossier.code) : assert.fail(String(r.reason)),
  );
  assert.deepEqual(
    seqs,
    Array.from({ length: 10 }, (_, i) => moved.last_seq + 1 + i),
  );
  // The lone first request's statement fails and it claims; the nine after it claim too (the agency's
  // batches claim first for a while after a wrong guess).
  assert.equal(begins(statements), 2, statements.join('\n'));
  assert.equal(writes(statements), 5, 'the failed statement, then two claims and their writes');
  const stored = await t.db.selectFrom('dossiers').select('code').where('agency_id', '=', agency!.id).execute();
  assert.equal(new Set(stored.map((r) => r.code)).size, stored.length, 'no code twice');
});

test('in a batch, a request that fails its checks gets its error alone, and nothing of it is written', async () => {
  const first = intakeDossier(t.db, officer, input(), newKey()); // runs alone; the rest queue behind it
  const requests = [
    input(),
    input({ procedure: 'T.9999' }),
    input(),
    input({ agency: 'KHONG-CO' }),
    input({ components: [] }),
    input({ agency: BAI_CHAY }),
    input({ files: [999_999_999] }),
    input(),
  ];
  const results = await settled([first, ...requests.map((r) => intakeDossier(t.db, officer, r, newKey()))]);
  const errors = results.map((r) => (r.status === 'rejected' ? (r.reason as { code: string }).code : null));
  assert.deepEqual(errors, [
    null,
    null,
    'PROCEDURE_NOT_IN_FORCE',
    null,
    'VALIDATION_ERROR',
    'COMPONENTS_MISSING',
    'FORBIDDEN',
    'VALIDATION_ERROR',
    null,
  ]);
  const codes = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value.dossier.code] : []));
  const seqs = codes.map(seqOf);
  assert.deepEqual(
    seqs,
    seqs.map((_, i) => seqs[0] + i),
    'the failed requests took no number',
  );
  const stored = await t.db.selectFrom('dossiers').select('code').where('code', 'in', codes).execute();
  assert.equal(stored.length, codes.length);
});

test('a key sent twice in one batch: the same body is one dossier and a replay, another body a 409', async () => {
  const first = intakeDossier(t.db, officer, input(), newKey());
  const key = newKey();
  const other = newKey();
  const results = await settled([
    first,
    intakeDossier(t.db, officer, input(), key),
    intakeDossier(t.db, officer, input(), key),
    intakeDossier(t.db, officer, input(), other),
    intakeDossier(t.db, officer, input({ comment: 'khác' }), other),
  ]);
  const [, a, b, c, d] = results;
  assert.ok(a.status === 'fulfilled' && b.status === 'fulfilled' && c.status === 'fulfilled');
  assert.equal(a.value.replayed, false);
  assert.equal(b.value.replayed, true);
  assert.equal(b.value.dossier.code, a.value.dossier.code);
  assert.equal(d.status, 'rejected');
  assert.equal((d.reason as { code: string }).code, 'IDEMPOTENCY_KEY_REUSED');
  const rows = await t.db.selectFrom('dossiers').select('id').where('code', '=', a.value.dossier.code).execute();
  assert.equal(rows.length, 1);
});

test('a batch finds the counters it moves by their key, however many days of counters are kept', async () => {
  const agencies = await t.db.selectFrom('agencies').select('id').execute();
  const days = Array.from({ length: 400 }, (_, i) => new Date(Date.UTC(2024, 0, 1 + i)).toISOString().slice(0, 10));
  await t.db
    .insertInto('dossier_counters')
    .values(agencies.flatMap((a) => days.map((day) => ({ agency_id: a.id, day, last_seq: 7 }))))
    .onConflict((oc) => oc.doNothing())
    .execute();
  await sql`ANALYZE dossier_counters`.execute(t.db);
  const moves = JSON.stringify([{ agency_id: agencies[0].id, day: days[10], last: 7, taken: 1 }]);
  const { rows } = await sql<{ 'QUERY PLAN': string }>`EXPLAIN UPDATE dossier_counters t SET last_seq = b.last + b.taken
    FROM intake_counter_moves(${moves}::json) AS b
    WHERE t.agency_id = b.agency_id AND t.day = b.day AND t.last_seq = b.last`.execute(t.db);
  const plan = rows.map((r) => r['QUERY PLAN']).join('\n');
  assert.match(plan, /Index Scan using dossier_counters_pkey/, plan);
  assert.doesNotMatch(plan, /Seq Scan on dossier_counters/, plan);
});
