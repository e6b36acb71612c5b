import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { AppError } from '../../shared/errors';
import { answerMessage } from './messages';
import {
  DEFAULT_WEIGHTS,
  QUALITY_COMPONENTS,
  checkRating,
  checkWeights,
  complaintOverdue,
  complaintTransition,
  disclosureComplete,
  evaluationOf,
  qualityIndex,
  rankByIndex,
  satisfactionOf,
  withoutPersonalData,
  type QualityScores,
} from './rules';

const fieldOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof AppError);
    return [e.status, e.field ?? e.code];
  }
  assert.fail('expected an AppError');
};

test('a rating: reasons only when not satisfied, from the list, "other" with its text', () => {
  assert.deepEqual(checkRating({ level: 'very_satisfied', comment: '  Cảm ơn  ' }), {
    reasons: [],
    comment: 'Cảm ơn',
  });
  assert.deepEqual(checkRating({ level: 'not_satisfied', reasons: ['late', 'late', 'attitude'] }), {
    reasons: ['late', 'attitude'],
    comment: null,
  });
  assert.deepEqual(
    fieldOf(() => checkRating({ level: 'satisfied', reasons: ['late'] })),
    [400, 'reasons'],
  );
  assert.deepEqual(
    fieldOf(() => checkRating({ level: 'not_satisfied', reasons: [] })),
    [400, 'reasons'],
  );
  assert.deepEqual(
    fieldOf(() => checkRating({ level: 'not_satisfied', reasons: ['rude'] })),
    [400, 'reasons'],
  );
  assert.deepEqual(
    fieldOf(() => checkRating({ level: 'not_satisfied', reasons: ['other'], comment: ' ' })),
    [400, 'comment'],
  );
});

test('satisfaction: the satisfied share of all ratings, null without ratings', () => {
  assert.deepEqual(satisfactionOf({ verySatisfied: 3, satisfied: 1, notSatisfied: 4 }), {
    verySatisfied: 3,
    satisfied: 1,
    notSatisfied: 4,
    total: 8,
    satisfactionRate: 0.5,
  });
  assert.equal(satisfactionOf({ verySatisfied: 0, satisfied: 0, notSatisfied: 0 }).satisfactionRate, null);
});

test('a complaint goes received → assigned → answered → published, and nothing else', () => {
  assert.equal(complaintTransition('received', 'assign'), 'assigned');
  assert.equal(complaintTransition('assigned', 'assign'), 'assigned');
  assert.equal(complaintTransition('assigned', 'answer'), 'answered');
  assert.equal(complaintTransition('answered', 'publish'), 'published');
  assert.deepEqual(
    fieldOf(() => complaintTransition('received', 'answer')),
    [409, 'status'],
  );
  assert.deepEqual(
    fieldOf(() => complaintTransition('assigned', 'publish')),
    [409, 'status'],
  );
  assert.deepEqual(
    fieldOf(() => complaintTransition('published', 'assign')),
    [409, 'status'],
  );
});

test('a complaint is overdue when not answered by its due time', () => {
  const dueAt = new Date('2026-03-13T10:00:00Z');
  assert.equal(complaintOverdue({ dueAt, answeredAt: null }, new Date('2026-03-13T09:59:00Z')), false);
  assert.equal(complaintOverdue({ dueAt, answeredAt: null }, new Date('2026-03-13T10:01:00Z')), true);
  assert.equal(
    complaintOverdue({ dueAt, answeredAt: new Date('2026-03-12T00:00:00Z') }, new Date('2027-01-01')),
    false,
  );
});

test('a published complaint shows no name, phone, email or ID number of the sender, and keeps the rest', () => {
  const contact = { name: 'Trần Văn An', phone: '0987654321', email: 'an.tran@example.vn' };
  const text = (s: string) => withoutPersonalData(s, contact);
  assert.equal(
    text('Tôi là TRẦN VĂN AN, CCCD 022195001234, gọi 0987 654 321 hoặc +84 912.345.678, thư An.Tran@example.vn.'),
    'Tôi là […], CCCD […], gọi […] hoặc […], thư […].',
  );
  assert.equal(text('Gửi ông Trần Văn An: CMND 123456789.'), 'Gửi ông […]: CMND […].');
  // Dates, times, amounts, procedure and dossier codes stay; a name inside another word stays too.
  const kept =
    'Ngày 02.01.2018 lúc 08:00, hồ sơ 000.20.01.H40-180102-0007 (thủ tục 1.004873) bị thu 150.000.000 đồng tại Thanh Hóa.';
  assert.equal(withoutPersonalData(kept, { name: 'An', phone: null, email: null }), kept);
});

test('evaluation: volume is the steps completed; the on-time rate counts early and on time', () => {
  const e = evaluationOf({
    early: 2,
    onTime: 5,
    late: 1,
    lateCaused: 1,
    verySatisfied: 1,
    satisfied: 0,
    notSatisfied: 1,
  });
  assert.deepEqual([e.handled, e.onTimeRate, e.lateCaused, e.satisfaction.satisfactionRate], [8, 7 / 8, 1, 0.5]);
  assert.equal(
    evaluationOf({ early: 0, onTime: 0, late: 0, lateCaused: 0, verySatisfied: 0, satisfied: 0, notSatisfied: 0 })
      .onTimeRate,
    null,
  );
});

const scores = (s: Partial<QualityScores>): QualityScores => ({
  disclosure: null,
  progress: null,
  onlineUse: null,
  digitisation: null,
  satisfaction: null,
  ...s,
});

test('the index is the weighted mean of the components with data, on 0–100', () => {
  // 766's points: 18 disclosure, 20 progress, 12 online, 22 digitisation, 18 satisfaction (sum 90).
  const all = { disclosure: 1, progress: 0.9, onlineUse: 0.5, digitisation: 0.25, satisfaction: 0.8 };
  const expected = (18 * 1 + 20 * 0.9 + 12 * 0.5 + 22 * 0.25 + 18 * 0.8) / 90;
  assert.deepEqual(qualityIndex(all, DEFAULT_WEIGHTS), { index: Math.round(1000 * expected) / 10, coverage: 1 });
  // No ratings: satisfaction is left out and the others carry the weight.
  const noRatings = qualityIndex(scores({ disclosure: 1, progress: 0.5 }), DEFAULT_WEIGHTS);
  assert.deepEqual(noRatings, { index: Math.round((1000 * (18 + 10)) / 38) / 10, coverage: 38 / 90 });
  assert.deepEqual(qualityIndex(scores({}), DEFAULT_WEIGHTS), { index: null, coverage: 0 });
  // A zero weight takes a component out of the index.
  const onlyProgress = { ...DEFAULT_WEIGHTS, disclosure: 0, onlineUse: 0, digitisation: 0, satisfaction: 0 };
  assert.equal(qualityIndex(all, onlyProgress).index, 90);
});

test('the index stays within 0–100 and rises with any component', () => {
  const score = fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null });
  const weight = fc.integer({ min: 0, max: 50 });
  const arb = fc.record({
    s: fc.record(Object.fromEntries(QUALITY_COMPONENTS.map((k) => [k, score])) as Record<string, typeof score>),
    w: fc.record(Object.fromEntries(QUALITY_COMPONENTS.map((k) => [k, weight])) as Record<string, typeof weight>),
    k: fc.constantFrom(...QUALITY_COMPONENTS),
  });
  fc.assert(
    fc.property(arb, ({ s, w, k }) => {
      const sc = s as QualityScores;
      const wt = w as typeof DEFAULT_WEIGHTS;
      const { index } = qualityIndex(sc, wt);
      if (index !== null) assert.ok(index >= 0 && index <= 100);
      if (sc[k] !== null && sc[k]! < 1 && index !== null) {
        const better = qualityIndex({ ...sc, [k]: 1 }, wt).index!;
        assert.ok(better >= index, `${better} < ${index}`);
      }
    }),
  );
});

test('weights are non-negative, and not all zero', () => {
  assert.deepEqual(checkWeights(DEFAULT_WEIGHTS), DEFAULT_WEIGHTS);
  assert.deepEqual(
    fieldOf(() => checkWeights({ ...DEFAULT_WEIGHTS, progress: -1 })),
    [400, 'weights.progress'],
  );
  const zero = Object.fromEntries(QUALITY_COMPONENTS.map((k) => [k, 0])) as typeof DEFAULT_WEIGHTS;
  assert.deepEqual(
    fieldOf(() => checkWeights(zero)),
    [400, 'weights'],
  );
});

test('the ranking: higher index first, ties share a rank, agencies without an index last and unranked', () => {
  const ranked = rankByIndex([
    { code: 'B', index: 80 },
    { code: 'C', index: null },
    { code: 'A', index: 80 },
    { code: 'D', index: 95.5 },
    { code: 'E', index: 10 },
  ]);
  assert.deepEqual(
    ranked.map((r) => [r.code, r.rank]),
    [
      ['D', 1],
      ['A', 2],
      ['B', 2],
      ['E', 4],
      ['C', null],
    ],
  );
});

test('a procedure is disclosed completely with components, process, legal basis, result and deadline', () => {
  const full = { components: 2, steps: 3, legalBasis: 1, hasResultType: true, deadlineValue: 5 };
  assert.equal(disclosureComplete(full), true);
  for (const missing of [{ components: 0 }, { steps: 0 }, { legalBasis: 0 }, { hasResultType: false }]) {
    assert.equal(disclosureComplete({ ...full, ...missing }), false, JSON.stringify(missing));
  }
});

test('the answer message names the complaint by code and title; the phone message is cut short', () => {
  const long = 'Đã bố trí thêm quầy. '.repeat(30);
  const m = answerMessage({
    code: 'PA-260314-ABC123',
    title: 'Chờ lâu',
    agencyName: 'UBND phường Hạ Long',
    answer: long,
  });
  assert.equal(m.subject, '[Một cửa] Trả lời phản ánh, kiến nghị PA-260314-ABC123');
  assert.ok(m.email.includes(long));
  assert.ok(m.sms.startsWith('UBND phường Hạ Long trả lời phản ánh, kiến nghị PA-260314-ABC123: Đã bố trí'));
  assert.ok(m.sms.endsWith('…'));
  assert.ok(m.sms.length < long.length);
});
