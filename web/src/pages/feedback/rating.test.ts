import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ratingToSend } from './rating';

test('the rating form sends reasons only when not satisfied, and asks for what is missing', () => {
  assert.deepEqual(ratingToSend(null, [], ''), { problem: 'level' });
  // Reasons ticked before switching back to "satisfied" are not sent.
  assert.deepEqual(ratingToSend('satisfied', ['late'], '  '), {
    input: { level: 'satisfied', reasons: [], comment: null },
  });
  assert.deepEqual(ratingToSend('not_satisfied', [], 'Chậm'), { problem: 'reason' });
  assert.deepEqual(ratingToSend('not_satisfied', ['other'], ' '), { problem: 'comment' });
  assert.deepEqual(ratingToSend('not_satisfied', ['late', 'other'], ' Phải chờ lâu '), {
    input: { level: 'not_satisfied', reasons: ['late', 'other'], comment: 'Phải chờ lâu' },
  });
});
