import { test } from 'node:test';
import assert from 'node:assert/strict';
import { en } from '../../i18n/en';
import { vi } from '../../i18n/vi';
import { actionName } from './HistoryTable';

const apology = { action: 'apologize', actionName: 'tên từ máy chủ' };

test('the apology is named as the dossier’s rule set names it, in both languages', () => {
  assert.equal(actionName(vi, apology, 'nd61_2018'), 'Xin lỗi, hẹn lại ngày trả kết quả');
  assert.equal(actionName(vi, apology, 'nd118_2025'), 'Xin lỗi, đề nghị gia hạn thời gian giải quyết');
  assert.equal(actionName(en, apology, 'nd118_2025'), 'Apology and extension of the time');
});

test('an action the web does not know keeps the server’s name', () => {
  assert.equal(actionName(vi, { action: 'archive', actionName: 'Lưu trữ' }, 'nd118_2025'), 'Lưu trữ');
});
