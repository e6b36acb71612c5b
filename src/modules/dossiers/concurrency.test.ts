import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, loginAs, type TestApp } from '../../../test/harness';
import { APPLICANT, BIRTH, HA_LONG, importBirthComponents, newKey, postDossier } from './test-support';

let t: TestApp;
let reception: Record<string, string>;
let components: { componentId: number; originals: number }[];

before(async () => {
  t = await createTestApp();
  components = await importBirthComponents(t.db);
  reception = await loginAs(t.app, 'reception');
});
after(() => t.close());

test('50 intakes with distinct keys and 50 with one key, all at once: 51 dossiers with 51 distinct codes', async () => {
  const body = { procedure: BIRTH, agency: HA_LONG, channel: 'direct', applicant: APPLICANT, components };
  const shared = newKey();
  const requests = Array.from({ length: 100 }, (_, i) =>
    postDossier(t.app, reception, body, i % 2 === 0 ? newKey() : shared),
  );
  const responses = await Promise.all(requests);
  for (const r of responses) assert.equal(r.statusCode, 201, r.body);

  const sharedCodes = new Set(responses.filter((_, i) => i % 2 === 1).map((r) => r.json().code));
  assert.equal(sharedCodes.size, 1);
  assert.equal(responses.filter((r) => r.headers['idempotent-replayed'] === 'true').length, 49);
  const codes = new Set(responses.map((r) => r.json().code as string));
  assert.equal(codes.size, 51);

  const stored = await t.db.selectFrom('dossiers').select('code').execute();
  assert.deepEqual(stored.map((d) => d.code).sort(), [...codes].sort());
  const events = await t.db.selectFrom('dossier_events').select('dossier_id').execute();
  assert.equal(events.length, 51);

  // The daily sequences have no gaps and no repeats (grouped by day, should the run cross midnight).
  const byDay = new Map<string, number[]>();
  for (const code of codes) {
    const [, day, seq] = /^.+-(\d{6})-(\d{4,})$/.exec(code)!;
    byDay.set(day, [...(byDay.get(day) ?? []), Number(seq)]);
  }
  for (const seqs of byDay.values()) {
    assert.deepEqual(
      seqs.sort((a, b) => a - b),
      Array.from({ length: seqs.length }, (_, i) => i + 1),
    );
  }
});
