import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { createTestApp, loginAs, type TestApp } from '../../../test/harness';
import { authenticate } from '../identity/service';
import type { Principal } from '../identity/rules';
import { intakeDossier, type IntakeInput, type IntakeResult } from './intake-service';
import { intakeBody } from './schema';
import { APPLICANT, BAI_CHAY, BIRTH, HA_LONG, importBirthComponents, newKey } from './test-support';

/**
 * Group commit under a random mix of concurrent requests: good ones, ones that fail their checks at
 * every stage a batch has (agency, procedure, components, role, file), and keys sent again with the
 * same or another body. Whatever the batches, each request gets the answer it would get alone.
 */
let t: TestApp;
let officer: Principal;
let components: { componentId: number; originals: number }[];

before(async () => {
  t = await createTestApp();
  components = await importBirthComponents(t.db);
  const reception = await loginAs(t.app, 'reception');
  officer = (await authenticate(t.db, reception.authorization.slice('Bearer '.length)))!.principal;
});
after(() => t.close());

/** What a request is, and the error it must get (null: a new dossier, 'replay': the earlier one's). */
const KINDS = {
  good: { over: {}, expect: null },
  noProcedure: { over: { procedure: 'T.9999' }, expect: 'PROCEDURE_NOT_IN_FORCE' },
  incomplete: { over: { components: [] }, expect: 'COMPONENTS_MISSING' },
  noAgency: { over: { agency: 'KHONG-CO' }, expect: 'VALIDATION_ERROR' },
  notMyAgency: { over: { agency: BAI_CHAY }, expect: 'FORBIDDEN' },
  noFile: { over: { files: [999_999_999] }, expect: 'VALIDATION_ERROR' },
} as const;
type Kind = keyof typeof KINDS;

const request = fc.oneof(
  { weight: 6, arbitrary: fc.constant<{ kind: Kind | 'sameAgain' | 'otherAgain' }>({ kind: 'good' }) },
  { weight: 1, arbitrary: fc.constantFrom(...(Object.keys(KINDS) as Kind[])).map((kind) => ({ kind })) },
  { weight: 1, arbitrary: fc.constantFrom('sameAgain' as const, 'otherAgain' as const).map((kind) => ({ kind })) },
);

const input = (over: Record<string, unknown>, comment: string): IntakeInput =>
  intakeBody.parse({
    procedure: BIRTH,
    agency: HA_LONG,
    channel: 'direct',
    applicant: APPLICANT,
    components,
    comment,
    ...over,
  });

test('property: whatever the batches, each request gets its own answer, and only good ones write', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(request, { minLength: 1, maxLength: 40 }), async (drawn) => {
      // A key sent again repeats the latest good request before it (with its body, or another one).
      const sent: { key: string; body: IntakeInput; expect: string | null; repeats?: number }[] = [];
      for (const [i, d] of drawn.entries()) {
        if (d.kind === 'sameAgain' || d.kind === 'otherAgain') {
          const earlier = sent.findLastIndex((s) => s.expect === null);
          if (earlier < 0) continue;
          const body = d.kind === 'sameAgain' ? sent[earlier].body : input({}, `khác ${i}`);
          const expect = d.kind === 'sameAgain' ? 'replay' : 'IDEMPOTENCY_KEY_REUSED';
          sent.push({ key: sent[earlier].key, body, expect, repeats: earlier });
        } else
          sent.push({ key: newKey(), body: input(KINDS[d.kind].over, `yêu cầu ${i}`), expect: KINDS[d.kind].expect });
      }
      const before = await t.db.selectFrom('dossiers').select('id').execute();
      const answers = await Promise.allSettled(sent.map((s) => intakeDossier(t.db, officer, s.body, s.key)));

      const created = new Map<number, IntakeResult>();
      for (const [i, s] of sent.entries()) {
        const a = answers[i];
        if (s.expect === null || s.expect === 'replay') {
          assert.equal(
            a.status,
            'fulfilled',
            `request ${i} (${s.expect ?? 'new'}): ${a.status === 'rejected' ? String(a.reason) : ''}`,
          );
          const value = (a as PromiseFulfilledResult<IntakeResult>).value;
          if (s.expect === null) {
            assert.equal(value.replayed, false);
            created.set(i, value);
          } else {
            assert.equal(value.replayed, true);
            assert.equal(value.dossier.code, created.get(s.repeats!)!.dossier.code);
          }
        } else {
          assert.equal(a.status, 'rejected', `request ${i} should fail with ${s.expect}`);
          assert.equal((a as PromiseRejectedResult).reason.code, s.expect);
        }
      }
      // Only the good requests wrote, each once, numbered without a gap in the order they came.
      const after = await t.db.selectFrom('dossiers').select(['id', 'code']).execute();
      assert.equal(after.length - before.length, created.size);
      const codes = [...created.values()].map((v) => v.dossier.code);
      assert.deepEqual(
        new Set(after.filter((d) => !before.some((b) => b.id === d.id)).map((d) => d.code)),
        new Set(codes),
      );
      const seqs = codes.map((c) => Number(/-(\d+)$/.exec(c)![1]));
      assert.deepEqual(
        seqs,
        seqs.map((_, i) => seqs[0] + i),
      );
    }),
    { numRuns: 8 },
  );
});
