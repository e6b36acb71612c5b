import { test } from 'node:test';
import assert from 'node:assert/strict';
import { GroupCommit, groupPerOwner, type Outcome } from './group-commit';

/** A batch runner the test finishes by hand, recording each batch it was given. */
function manualRunner<I>() {
  const batches: I[][] = [];
  const finish: ((outcomes: Outcome<string>[] | Error) => void)[] = [];
  const run = (items: I[]) =>
    new Promise<Outcome<string>[]>((resolve, reject) => {
      batches.push(items);
      finish.push((o) => (o instanceof Error ? reject(o) : resolve(o)));
    });
  return { batches, finish, run };
}
const ok = (value: string): Outcome<string> => ({ ok: true, value });
const settle = () => new Promise((resolve) => setImmediate(resolve));

test('a lone item runs at once; items arriving meanwhile go together in the next batch', async () => {
  const r = manualRunner<number>();
  const group = new GroupCommit(r.run, { maxBatch: 10, maxInFlight: 1 });
  const first = group.submit(1);
  assert.deepEqual(r.batches, [[1]]);
  const later = [2, 3, 4].map((i) => group.submit(i));
  assert.equal(r.batches.length, 1, 'nothing starts while the batch runs');
  r.finish[0]([ok('a')]);
  assert.equal(await first, 'a');
  await settle();
  assert.deepEqual(r.batches, [[1], [2, 3, 4]]);
  r.finish[1]([ok('b'), ok('c'), ok('d')]);
  assert.deepEqual(await Promise.all(later), ['b', 'c', 'd']);
});

test('a batch takes at most maxBatch items, and at most maxInFlight batches run at once', async () => {
  const r = manualRunner<number>();
  const group = new GroupCommit(r.run, { maxBatch: 2, maxInFlight: 2 });
  const all = [1, 2, 3, 4, 5, 6].map((i) => group.submit(i));
  assert.deepEqual(r.batches, [[1], [2]]);
  r.finish[0]([ok('1')]);
  await settle();
  assert.deepEqual(r.batches, [[1], [2], [3, 4]]);
  r.finish[1]([ok('2')]);
  await settle();
  assert.deepEqual(r.batches, [[1], [2], [3, 4], [5, 6]]);
  r.finish[2]([ok('3'), ok('4')]);
  r.finish[3]([ok('5'), ok('6')]);
  assert.deepEqual(await Promise.all(all), ['1', '2', '3', '4', '5', '6']);
});

test('an item answered with an error fails alone; a batch that throws fails its items and the queue goes on', async () => {
  const r = manualRunner<number>();
  const group = new GroupCommit(r.run, { maxBatch: 10, maxInFlight: 1 });
  const first = group.submit(1);
  const second = [2, 3].map((i) => group.submit(i));
  r.finish[0](new Error('deadlock'));
  await assert.rejects(first, /deadlock/);
  await settle();
  assert.deepEqual(r.batches[1], [2, 3]);
  const refused = new Error('refused');
  r.finish[1]([{ ok: false, error: refused }, ok('3')]);
  await assert.rejects(second[0], (e) => e === refused);
  assert.equal(await second[1], '3');
  const third = group.submit(4);
  assert.deepEqual(r.batches[2], [4]);
  r.finish[2]([ok('4')]);
  assert.equal(await third, '4');
});

test('a batch that answers the wrong number of items fails them all', async () => {
  const r = manualRunner<number>();
  const group = new GroupCommit(r.run, { maxBatch: 10, maxInFlight: 1 });
  const first = group.submit(1);
  r.finish[0]([]);
  await assert.rejects(first, /each of its items/);
});

test('each owner has its own group', () => {
  const made: object[] = [];
  const groupOf = groupPerOwner((owner) => {
    made.push(owner);
    return new GroupCommit(async (items: number[]) => items.map(() => ok('x')), { maxBatch: 1, maxInFlight: 1 });
  });
  const a = {};
  const b = {};
  assert.equal(groupOf(a), groupOf(a));
  assert.notEqual(groupOf(a), groupOf(b));
  assert.deepEqual(made, [a, b]);
});

test('gather "turn": the items of one turn of the event loop go together, and batches run side by side', async () => {
  const r = manualRunner<number>();
  const group = new GroupCommit(r.run, { maxBatch: 10, maxInFlight: Infinity, gather: 'turn' });
  const first = [1, 2, 3].map((i) => group.submit(i));
  assert.deepEqual(r.batches, [], 'nothing starts before the turn ends');
  await settle();
  assert.deepEqual(r.batches, [[1, 2, 3]]);
  const second = [4, 5].map((i) => group.submit(i));
  await settle();
  assert.deepEqual(
    r.batches,
    [
      [1, 2, 3],
      [4, 5],
    ],
    'the next turn does not wait for the running batch',
  );
  r.finish[1]([ok('4'), ok('5')]);
  r.finish[0]([ok('1'), ok('2'), ok('3')]);
  assert.deepEqual(await Promise.all([...first, ...second]), ['1', '2', '3', '4', '5']);
});
