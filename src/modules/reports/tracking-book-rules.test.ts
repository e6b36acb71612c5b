import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bookNotes, bookRow, bookFormLine, bookSheetName } from './tracking-book';
import type { BookDossier, BookEvent } from './tracking-book-store';

const at = (s: string) => new Date(s);
const dossier = (extra: Partial<BookDossier> = {}): BookDossier => ({
  id: 1,
  code: '000.20.01.H40-260302-0001',
  procedure_name: 'Đăng ký khai sinh',
  applicant_name: 'Trần Văn Bình',
  applicant_address: 'Tổ 5, khu 3',
  applicant_phone: null,
  rule_set: 'nd61_2018',
  status: 'in_progress',
  outcome: null,
  received_at: at('2026-03-02T08:00:00+07:00'),
  due_at: at('2026-03-02T14:00:00+07:00'),
  original_due_at: at('2026-03-02T14:00:00+07:00'),
  resolved_at: null,
  returned_at: null,
  ...extra,
});
const event = (action: string, time: string): BookEvent => ({ dossier_id: 1, action, at: at(time) });

test('the form of each rule set: Mẫu 06 of Circular 01/2018, Mẫu 07 of Circular 03/2025', () => {
  assert.equal(bookFormLine('nd61_2018'), 'Mẫu số 06 — Ban hành kèm theo Thông tư số 01/2018/TT-VPCP');
  assert.equal(bookSheetName('nd118_2025'), 'Mẫu 07 (TT 03-2025)');
});

test('an apology keeps the receipt appointment in its column and notes the new one', () => {
  const d = dossier({ due_at: at('2026-03-04T17:00:00+07:00') });
  const row = bookRow(3, d, [event('apologize', '2026-03-02T13:00:00+07:00')], 'UBND phường Hạ Long');
  assert.equal(row[8], '02/03/2026 14:00');
  assert.equal(row[12], 'Xin lỗi, hẹn lại ngày trả kết quả: 04/03/2026 17:00 (hẹn ban đầu 02/03/2026 14:00)');
  assert.equal(row[5], 'Tổ 5, khu 3', 'no phone: the address alone');
});

test('the note of an apology under Decree 118/2025 says the time was extended', () => {
  const d = dossier({ rule_set: 'nd118_2025', due_at: at('2026-03-04T17:00:00+07:00') });
  const row = bookRow(3, d, [event('apologize', '2026-03-02T13:00:00+07:00')], 'UBND phường Hạ Long');
  assert.equal(
    row[12],
    'Xin lỗi, đề nghị gia hạn thời gian giải quyết: 04/03/2026 17:00 (hẹn ban đầu 02/03/2026 14:00)',
  );
});

test('the hand-over is the first forward; the notes list supplements, withdrawal, refusal and rejection', () => {
  const events = [
    event('request_supplement', '2026-03-02T08:05:00+07:00'),
    event('forward', '2026-03-02T09:00:00+07:00'),
    event('forward', '2026-03-02T10:00:00+07:00'),
  ];
  assert.equal(bookRow(1, dossier(), events, 'X')[9], '02/03/2026 09:00');
  assert.equal(
    bookNotes(dossier({ status: 'withdrawn' }), events),
    'Yêu cầu bổ sung hồ sơ; Rút hồ sơ theo đề nghị của cá nhân, tổ chức',
  );
  assert.equal(bookNotes(dossier({ status: 'refused' }), []), 'Từ chối tiếp nhận');
  assert.equal(bookNotes(dossier({ status: 'returned', outcome: 'rejected' }), []), 'Từ chối giải quyết');
  assert.equal(bookNotes(dossier(), []), '');
});
