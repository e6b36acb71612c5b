import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ProcessCache } from './process-cache';

/** A cache over a counting reader: how many reads each step made tells hits from misses. */
function counting(ttlMs = 10_000, maxEntries = Infinity) {
  let generation = 0;
  let reads = 0;
  const cache = new ProcessCache<string, number>(() => generation, ttlMs, maxEntries);
  const owner = {};
  return {
    get: (key: string, tag?: unknown, owners: object = owner) => cache.get(owners, key, async () => ++reads, tag),
    bump: () => generation++,
    reads: () => reads,
  };
}

test('a value is read once and shared, also by callers that asked while it was read', async () => {
  const c = counting();
  const [a, b] = await Promise.all([c.get('x'), c.get('x')]);
  assert.equal(a, 1);
  assert.equal(b, 1);
  assert.equal(await c.get('x'), 1);
  assert.equal(c.reads(), 1);
  assert.equal(await c.get('y'), 2, 'another key is read on its own');
});

test('a write bumping the generation, another tag or another owner reads again', async () => {
  const c = counting();
  await c.get('x', '2026-03-02');
  c.bump();
  assert.equal(await c.get('x', '2026-03-02'), 2);
  assert.equal(await c.get('x', '2026-03-03'), 3, 'one entry per key: a new tag replaces it');
  assert.equal(await c.get('x', '2026-03-03'), 3);
  assert.equal(await c.get('x', '2026-03-03', {}), 4, 'each database handle has its own entries');
});

test('an entry older than the TTL is read again', async () => {
  const c = counting(0);
  await c.get('x');
  await new Promise((r) => setTimeout(r, 2));
  assert.equal(await c.get('x'), 2);
});

test('a failed read is not kept: the next caller reads again', async () => {
  const cache = new ProcessCache<string, number>(() => 0);
  const owner = {};
  await assert.rejects(
    cache.get(owner, 'x', async () => {
      throw new Error('connection lost');
    }),
  );
  assert.equal(await cache.get(owner, 'x', async () => 7), 7);
});

test('past maxEntries the oldest entry goes; an entry read again is young again', async () => {
  const c = counting(10_000, 2);
  await c.get('a');
  await c.get('b');
  c.bump();
  await c.get('a'); // read again: now younger than b
  await c.get('c'); // b goes
  assert.equal(c.reads(), 4);
  assert.equal(await c.get('a'), 3, 'a was kept');
  assert.equal(await c.get('c'), 4, 'c was kept');
  assert.equal(await c.get('b'), 5, 'b was dropped and is read again');
});
