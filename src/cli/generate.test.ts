import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseGenerateOptions } from './generate';

const NOW = new Date('2026-11-25T10:00:00+07:00');

test('generate covers the twelve months up to now by default, or one year, with seed 1 unless told', () => {
  assert.deepEqual(parseGenerateOptions({ dossiers: '1500' }, NOW), {
    count: 1500,
    seed: 1,
    asOf: NOW,
    from: '2025-11-26',
    to: '2026-11-25',
  });
  const past = parseGenerateOptions({ dossiers: '10', year: '2024', seed: '7' }, NOW);
  assert.deepEqual([past.from, past.to, past.seed], ['2024-01-01', '2024-12-31', 7]);
  const current = parseGenerateOptions({ dossiers: '10', year: '2026' }, NOW);
  assert.deepEqual([current.from, current.to], ['2026-01-01', '2026-11-25']);
  const tuned = parseGenerateOptions({ dossiers: '10', writers: '3', batchSize: '5000' }, NOW);
  assert.deepEqual([tuned.writers, tuned.batchSize], [3, 5000]);
});

test('bad generate options are refused with the option named', () => {
  const cases: [Record<string, string>, RegExp][] = [
    [{}, /--dossiers must be a positive whole number, got ""/],
    [{ dossiers: '0' }, /--dossiers/],
    [{ dossiers: '1e6' }, /--dossiers must be a positive whole number, got "1e6"/],
    [{ dossiers: '5', seed: '-3' }, /--seed/],
    [{ dossiers: '5', year: '2027' }, /--year must be a year from 2000 to 2026, got "2027"/],
    [{ dossiers: '5', year: '24' }, /--year/],
    [{ dossiers: '5', asOf: 'yesterday' }, /--as-of/],
    [{ dossiers: '5', writers: '0' }, /--writers must be a whole number from 1 to 8, got "0"/],
    [{ dossiers: '5', writers: 'two' }, /--writers/],
    [{ dossiers: '5', batchSize: '100001' }, /--batch-size must be a whole number from 1 to 100000, got "100001"/],
  ];
  for (const [raw, message] of cases) assert.throws(() => parseGenerateOptions(raw, NOW), message);
});
