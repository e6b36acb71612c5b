import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formNumber, printableForms } from './printableForms';

const history = (...actions: string[]) => actions.map((action) => ({ action }));

test('an online dossier waiting for the desk check has no printed form yet', () => {
  assert.deepEqual(printableForms('nd118_2025', history('submit')), []);
});

test('a refused dossier has only its refusal; one asked to supplement first has that too', () => {
  assert.deepEqual(printableForms('nd118_2025', history('submit', 'refuse')), ['refusal']);
  assert.deepEqual(printableForms('nd61_2018', history('submit', 'request_supplement', 'resubmit', 'refuse')), [
    'supplement-request',
    'refusal',
  ]);
});

test('an accepted dossier has its receipt and control sheet; a pause and an apology add theirs, in form order', () => {
  assert.deepEqual(printableForms('nd118_2025', history('receive', 'forward')), ['receipt', 'control-sheet']);
  assert.deepEqual(printableForms('nd61_2018', history('submit', 'accept', 'apologize', 'pause', 'resume')), [
    'receipt',
    'supplement-request',
    'apology',
    'control-sheet',
  ]);
});

test('a received dossier of Decree 118/2025 that is withdrawn has the stop notice (Mẫu 05); one of 2018 does not', () => {
  assert.deepEqual(printableForms('nd118_2025', history('receive', 'apologize', 'withdraw')), [
    'receipt',
    'apology',
    'stop-notice',
    'control-sheet',
  ]);
  assert.deepEqual(printableForms('nd61_2018', history('receive', 'withdraw')), ['receipt', 'control-sheet']);
  // Withdrawn before the desk received it: never processed, so never stopped.
  assert.deepEqual(printableForms('nd118_2025', history('submit', 'withdraw')), []);
});

test('the control sheet is Mẫu 05 of Circular 01/2018 and Mẫu 06 of Circular 03/2025', () => {
  assert.deepEqual([formNumber('nd61_2018', 'control-sheet'), formNumber('nd118_2025', 'control-sheet')], ['05', '06']);
  assert.deepEqual([formNumber('nd118_2025', 'stop-notice'), formNumber('nd118_2025', 'apology')], ['05', '04']);
});
