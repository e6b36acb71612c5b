import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatFileSize } from './fileSize';

test('file sizes read as KB or MB with the language’s decimal mark', () => {
  assert.equal(formatFileSize(512, 'vi'), '512 B');
  assert.equal(formatFileSize(350 * 1024, 'vi'), '350 KB');
  assert.equal(formatFileSize(1.25 * 1024 * 1024, 'vi'), '1,3 MB');
  assert.equal(formatFileSize(1.25 * 1024 * 1024, 'en'), '1.3 MB');
});
