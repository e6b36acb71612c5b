import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { formatVietnamTime } from './dates';

test('an instant is written in Vietnam time with +07:00, milliseconds only when there are some', () => {
  assert.equal(formatVietnamTime(new Date('2025-12-31T17:00:00Z')), '2026-01-01T00:00:00+07:00');
  assert.equal(formatVietnamTime(new Date('2025-03-14T02:05:09.04Z')), '2025-03-14T09:05:09.040+07:00');
  // Any instant from 1975 to 2100: the ISO text of the instant moved by seven hours.
  fc.assert(
    fc.property(fc.integer({ min: 171_331_200_000, max: 4_102_444_800_000 }), (ms) => {
      const iso = new Date(ms + 7 * 3_600_000).toISOString();
      const expected = `${iso.endsWith('.000Z') ? iso.slice(0, 19) : iso.slice(0, 23)}+07:00`;
      assert.equal(formatVietnamTime(new Date(ms)), expected);
    }),
    { numRuns: 5000 },
  );
});
