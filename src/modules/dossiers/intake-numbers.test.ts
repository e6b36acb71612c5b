import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Db } from '../../db/database';
import { IntakeNumbers } from './intake-numbers';

// The counters' bookkeeping needs no database; only `ids` reads one.
const numbers = () => new IntakeNumbers(null as unknown as Db);
const T0 = Date.UTC(2026, 10, 26, 2);

test('a counter is known once a commit reached it, and only ever moves up', () => {
  const n = numbers();
  assert.equal(n.last(1, '2026-11-26', T0), undefined);
  n.reached(1, '2026-11-26', 7);
  n.reached(1, '2026-11-26', 5); // a transaction that committed earlier, answered later
  assert.equal(n.last(1, '2026-11-26', T0), 7);
  assert.equal(n.last(2, '2026-11-26', T0), undefined);
  assert.equal(n.last(1, '2026-11-27', T0), undefined, 'counters are per day');
});

test('the two newest days are kept; an older one is neither kept nor learned', () => {
  const n = numbers();
  n.reached(1, '2026-11-25', 3);
  n.reached(1, '2026-11-26', 4);
  n.reached(1, '2026-11-27', 5);
  assert.equal(n.last(1, '2026-11-25', T0), undefined);
  assert.deepEqual([n.last(1, '2026-11-26', T0), n.last(1, '2026-11-27', T0)], [4, 5]);
  n.reached(1, '2026-11-24', 9);
  assert.equal(n.last(1, '2026-11-24', T0), undefined);
});

test('after a wrong guess the agency claims first for 1 s, doubling with each in a row up to a minute', () => {
  const n = numbers();
  const day = '2026-11-26';
  const waits: number[] = [];
  let now = T0;
  for (let miss = 0; miss < 9; miss++) {
    n.reached(1, day, 10 + miss);
    n.missed(1, day, now);
    let wait = 0;
    while (n.last(1, day, now + wait) === undefined) {
      wait += 250;
      n.reached(1, day, 10 + miss); // the claim that follows tells the counter again
      assert.ok(wait <= 120_000, 'the agency must be guessed again');
    }
    waits.push(wait);
    now += wait;
  }
  assert.deepEqual(waits, [1000, 2000, 4000, 8000, 16000, 32000, 60000, 60000, 60000]);
  assert.equal(n.last(2, day, now), undefined, 'other agencies are not held back, only unknown');
  n.reached(2, day, 1);
  assert.equal(n.last(2, day, now), 1);
  n.guessed(1, day, 30);
  n.missed(1, day, now);
  assert.equal(n.last(1, day, now + 1000), undefined);
  n.reached(1, day, 31);
  assert.equal(n.last(1, day, now + 1000), 31, 'a right guess starts the waits over');
});
