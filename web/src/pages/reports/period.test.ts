import { test } from 'node:test';
import assert from 'node:assert/strict';
import { choiceOf, defaultRange, rangeOf } from './period';

const today = '2026-11-25';
const choice = (over: Partial<ReturnType<typeof choiceOf>>) => ({
  ...choiceOf('month', { from: today, to: today }),
  ...over,
});

test('a past month, quarter or year is whole; the running one ends today', () => {
  assert.deepEqual(rangeOf(choice({ kind: 'month', year: 2024, month: 2 }), today), {
    from: '2024-02-01',
    to: '2024-02-29',
  });
  assert.deepEqual(rangeOf(choice({ kind: 'quarter', year: 2026, quarter: 3 }), today), {
    from: '2026-07-01',
    to: '2026-09-30',
  });
  assert.deepEqual(rangeOf(choice({ kind: 'quarter', year: 2026, quarter: 4 }), today), {
    from: '2026-10-01',
    to: '2026-11-25',
  });
  assert.deepEqual(rangeOf(choice({ kind: 'year', year: 2025 }), today), { from: '2025-01-01', to: '2025-12-31' });
  assert.deepEqual(rangeOf(choice({ kind: 'year', year: 2026 }), today), { from: '2026-01-01', to: '2026-11-25' });
  assert.deepEqual(rangeOf(choice({ kind: 'custom', from: '2026-03-05', to: '2026-04-01' }), today), {
    from: '2026-03-05',
    to: '2026-04-01',
  });
});

test('the first view is this month up to today; a period read back keeps its year, month and quarter', () => {
  assert.deepEqual(defaultRange(today), { from: '2026-11-01', to: '2026-11-25' });
  assert.deepEqual(defaultRange('2026-11-30'), { from: '2026-11-01', to: '2026-11-30' });
  const back = choiceOf('quarter', { from: '2026-07-01', to: '2026-09-30' });
  assert.deepEqual([back.year, back.month, back.quarter], [2026, 7, 3]);
});
