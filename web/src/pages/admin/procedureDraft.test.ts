import { test } from 'node:test';
import assert from 'node:assert/strict';
import { emptyDraft, moveItem, newStep, processBudget, toContent, wholeNumber } from './procedureDraft';

const withSteps = (...durations: [string, 'working_days' | 'working_hours'][]) => ({
  ...emptyDraft(),
  deadline: { value: '3', unit: 'working_days' as const },
  process: durations.map(([value, unit]) => ({ ...newStep(), duration: { value, unit } })),
});

test('the budget counts a working day as 8 working hours against the statutory deadline', () => {
  assert.deepEqual(processBudget(withSteps(['1', 'working_days'], ['4', 'working_hours'])), {
    usedHours: 12,
    budgetHours: 24,
    reduced: false,
    over: false,
  });
});

test('a reduced deadline replaces the statutory one, and going past it is over budget', () => {
  const draft = { ...withSteps(['2', 'working_days']), hasReduced: true };
  draft.reducedDeadline = { value: '12', unit: 'working_hours' };
  assert.deepEqual(processBudget(draft), { usedHours: 16, budgetHours: 12, reduced: true, over: true });
});

test('durations not yet typed count for nothing', () => {
  assert.equal(processBudget(withSteps(['', 'working_days'], ['abc', 'working_hours'])).usedHours, 0);
});

test('amounts typed with thousands separators become whole đồng; other text is not a number', () => {
  assert.equal(wholeNumber('50.000'), 50000);
  assert.equal(wholeNumber(' 8 000 '), 8000);
  assert.ok(Number.isNaN(wholeNumber('12,5')));
});

test('the content follows the import format: empty texts are null, the own agency is null, no online level offline', () => {
  const draft = { ...withSteps(['4', 'working_hours']), onlineLevel: 'full' as const, resultType: '  ' };
  const content = toContent(draft);
  assert.equal(content.resultType, null);
  assert.equal(content.agencies, null);
  assert.equal(content.process[0].agency, null);
  assert.equal(content.onlineLevel, 'none');
  assert.deepEqual(content.process[0].duration, { value: 4, unit: 'working_hours' });
});

test('moving a row keeps the others in order and stops at the ends', () => {
  assert.deepEqual(moveItem(['a', 'b', 'c'], 2, -1), ['a', 'c', 'b']);
  assert.deepEqual(moveItem(['a', 'b', 'c'], 0, -1), ['a', 'b', 'c']);
  assert.deepEqual(moveItem(['a', 'b', 'c'], 0, 1), ['b', 'a', 'c']);
});
