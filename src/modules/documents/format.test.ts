import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clockAndDay, dong, issuerLines, placeAndDate, placeName, shortTime, twoDigits } from './format';
import type { AppError } from '../../shared/errors';
import { footerLine, ruleSetForms } from './rule-sets';

test('the date line pads days below 10 and the months 1 and 2 only (Decree 30/2020)', () => {
  assert.equal(placeAndDate('Hạ Long', '2026-02-13T09:00:00+07:00'), 'Hạ Long, ngày 13 tháng 02 năm 2026');
  assert.equal(placeAndDate('Hạ Long', '2026-01-05T08:00:00+07:00'), 'Hạ Long, ngày 05 tháng 01 năm 2026');
  assert.equal(placeAndDate('Quảng Ninh', '2025-06-30T10:00:00+07:00'), 'Quảng Ninh, ngày 30 tháng 6 năm 2025');
  assert.equal(placeAndDate('Bãi Cháy', '2026-11-03T16:45:00+07:00'), 'Bãi Cháy, ngày 03 tháng 11 năm 2026');
  assert.equal(placeAndDate('Hạ Long', null), 'Hạ Long, ngày … tháng … năm …');
});

test('times print as the forms write them, read from the +07:00 time without conversion', () => {
  assert.equal(clockAndDay('2026-02-25T17:00:00+07:00'), 'hồi 17 giờ 00 phút, ngày 25/02/2026');
  assert.equal(clockAndDay('2026-02-01T00:05:00.250+07:00'), 'hồi 00 giờ 05 phút, ngày 01/02/2026');
  assert.equal(clockAndDay(null), '…');
  assert.equal(shortTime('2026-03-09T07:30:00+07:00'), '09/03/2026 07:30');
  assert.throws(() => clockAndDay('2026-02-25T10:00:00Z'), /not a Vietnam time/);
});

test('amounts in đồng with dots between thousands; counts with two digits', () => {
  assert.deepEqual(
    [dong(0), dong(8000), dong(13000), dong(1250000)],
    ['0 đồng', '8.000 đồng', '13.000 đồng', '1.250.000 đồng'],
  );
  assert.deepEqual([twoDigits(1), twoDigits(12)], ['01', '12']);
});

test('the place is the locality of the nearest people’s committee up the tree', () => {
  const ward = ['UBND tỉnh Quảng Ninh', 'UBND phường Hạ Long'];
  assert.equal(placeName(ward), 'Hạ Long');
  assert.equal(placeName(['UBND tỉnh Quảng Ninh', 'Sở Tư pháp']), 'Quảng Ninh');
  assert.equal(placeName(['UBND thành phố Hà Nội', 'Ủy ban nhân dân phường Ba Đình']), 'Ba Đình');
  assert.equal(placeName(['UBND Thành phố Hồ Chí Minh', 'UBND phường 1']), 'Phường 1');
  assert.equal(placeName(['UBND tỉnh Quảng Ninh', 'UBND đặc khu Vân Đồn']), 'Vân Đồn');
  assert.equal(placeName(['Trung tâm Phục vụ hành chính công']), 'Trung tâm Phục vụ hành chính công');
});

test('the issuer block: the superior agency, the agency, the unit issuing the form', () => {
  const chain = ['UBND tỉnh Quảng Ninh', 'UBND phường Hạ Long'];
  assert.deepEqual(issuerLines(chain, 'Bộ phận Một cửa'), [
    'UBND tỉnh Quảng Ninh',
    'UBND phường Hạ Long',
    'Bộ phận Một cửa',
  ]);
  assert.deepEqual(issuerLines(['UBND tỉnh Quảng Ninh'], null), ['UBND tỉnh Quảng Ninh']);
  assert.deepEqual(issuerLines(['Chính phủ', 'UBND tỉnh Quảng Ninh', 'Sở Tư pháp'], null), [
    'UBND tỉnh Quảng Ninh',
    'Sở Tư pháp',
  ]);
});

test('each rule set numbers and cites its forms', () => {
  assert.equal(footerLine('nd61_2018', 'receipt'), 'Mẫu số 01 — Ban hành kèm theo Thông tư số 01/2018/TT-VPCP');
  assert.equal(
    footerLine('nd118_2025', 'control-sheet'),
    'Mẫu số 06 — Ban hành kèm theo Thông tư số 03/2025/TT-VPCP (Nghị định số 118/2025/NĐ-CP)',
  );
  assert.equal(ruleSetForms('nd61_2018').forms.receipt?.title, 'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ');
  assert.throws(() => ruleSetForms('nd43_2011'), /unknown rule set nd43_2011/);
});

const numbered = (ruleSet: string) =>
  Object.entries(ruleSetForms(ruleSet).forms).map(([kind, f]) => `${f.number} ${kind} ${f.title}`);

test('Circular 01/2018 has five dossier forms; Circular 03/2025 six, with the stop notice as Mẫu 05', () => {
  assert.deepEqual(numbered('nd61_2018'), [
    '01 receipt GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ',
    '02 supplement-request PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ',
    '03 refusal PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ',
    '04 apology PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ',
    '05 control-sheet PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ',
  ]);
  assert.deepEqual(numbered('nd118_2025'), [
    '01 receipt GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ',
    '02 supplement-request PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ',
    '03 refusal PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ',
    '04 apology VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT',
    '05 stop-notice THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ',
    '06 control-sheet PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ',
  ]);
  assert.throws(
    () => footerLine('nd61_2018', 'stop-notice'),
    (e: AppError) =>
      e.status === 409 &&
      e.field === 'form' &&
      e.messageVi ===
        'Hồ sơ tiếp nhận theo Nghị định số 61/2018/NĐ-CP của Chính phủ (sửa đổi, bổ sung bởi Nghị định số 107/2021/NĐ-CP) ' +
          'không có thông báo dừng giải quyết hồ sơ (Mẫu số 05 của Thông tư số 03/2025/TT-VPCP)',
  );
});
