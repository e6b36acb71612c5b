import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nameTrigrams, queryTrigrams, sharedTrigrams, trigramsOf, wordSimilarity } from './search-index';

const close = (a: number, b: number) => assert.ok(Math.abs(a - b) < 1e-6, `${a} ≈ ${b}`);

test("trigrams are pg_trgm's: each word padded with two spaces before and one after", () => {
  assert.deepEqual(trigramsOf('ab c'), ['  a', ' ab', 'ab ', '  c', ' c ']);
});

test("similarity and word similarity equal pg_trgm's documented example ('word' in 'two words')", () => {
  const name = nameTrigrams('two words');
  const q = queryTrigrams('word');
  const shared = sharedTrigrams(q, name);
  close(shared / (q.size + new Set(name).size - shared), 0.36363637); // similarity('word', 'two words')
  close(wordSimilarity(q, name, shared), 0.8); // word_similarity('word', 'two words')
});

test('a typo still reaches the word-similarity threshold; an unrelated query does not', () => {
  const name = nameTrigrams('dang ky khai sinh');
  const typo = queryTrigrams('khai sinhh');
  close(wordSimilarity(typo, name, sharedTrigrams(typo, name)), 0.8181818); // PostgreSQL 15's word_similarity
  const other = queryTrigrams('xay dung');
  assert.ok(wordSimilarity(other, name, sharedTrigrams(other, name)) < 0.6);
});
