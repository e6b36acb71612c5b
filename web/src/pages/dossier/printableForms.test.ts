import { test } from 'node:test';
import assert from 'node:assert/strict';
import { printableForms } from './printableForms';

const history = (...actions: string[]) => actions.map((action) => ({ action }));

test('an online dossier waiting for the desk check has no printed form yet', () => {
  assert.deepEqual(printableForms(history('submit')), []);
});

test('a refused dossier has only its refusal; one asked to supplement first has that too', () => {
  assert.deepEqual(printableForms(history('submit', 'refuse')), ['refusal']);
  assert.deepEqual(printableForms(history('submit', 'request_supplement', 'resubmit', 'refuse')), [
    'supplement-request',
    'refusal',
  ]);
});

test('an accepted dossier has its receipt and control sheet; a pause and an apology add theirs, in form order', () => {
  assert.deepEqual(printableForms(history('receive', 'forward')), ['receipt', 'control-sheet']);
  assert.deepEqual(printableForms(history('submit', 'accept', 'apologize', 'pause', 'resume')), [
    'receipt',
    'supplement-request',
    'apology',
    'control-sheet',
  ]);
});
