import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { LightMyRequestResponse } from 'fastify';
import { extractText, getDocumentProxy } from 'unpdf';
import { createTestApp, loginAs, type TestApp } from '../../../test/harness';
import { intakeDossier } from '../dossiers/intake-service';
import { APPLICANT, BIRTH, HA_LONG, act, importTestCatalogue } from '../dossiers/test-support';
import { authenticate } from '../identity/service';

const BASE = 'https://motcua.quangninh.gov.vn';
let t: TestApp;
let reception: Record<string, string>;
let components: number[];

before(async () => {
  t = await createTestApp({ config: { publicBaseUrl: BASE } });
  components = (await importTestCatalogue(t.db))[BIRTH];
  reception = await loginAs(t.app, 'reception');
});
after(() => t.close());

async function receivedAt(at: string): Promise<string> {
  const session = await authenticate(t.db, reception.authorization.slice('Bearer '.length));
  const counts = components.map((componentId) => ({ componentId, originals: 1, copies: 0, files: [] }));
  const input = { procedure: BIRTH, agency: HA_LONG, channel: 'direct' as const, files: [], components: counts };
  const applicant = { kind: 'person' as const, ...APPLICANT };
  return (await intakeDossier(t.db, session!.principal, { ...input, applicant }, `proc-${at}`, new Date(at))).dossier
    .code;
}

const pdf = (code: string, form: string) =>
  t.app.inject({ url: `/api/dossiers/${code}/forms/${form}.pdf`, headers: reception });

async function read(res: LightMyRequestResponse) {
  assert.equal(res.statusCode, 200, res.body);
  assert.equal(res.headers['content-type'], 'application/pdf');
  const doc = await getDocumentProxy(new Uint8Array(res.rawPayload));
  const { text } = await extractText(doc, { mergePages: true });
  return { text: text.replace(/\s+/g, ' '), size: (await doc.getPage(1)).view.slice(2) };
}

const ISSUER_AGENCY = 'UBND TỈNH QUẢNG NINH UBND PHƯỜNG HẠ LONG';
const NATIONAL = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc';
const DESK = 'Trần Thị Thu Hà Trung tâm Phục vụ hành chính công (Bộ phận Một cửa)';

function includesAll(text: string, expected: string[]) {
  for (const s of expected) assert.ok(text.includes(s), `${s} — in: ${text}`);
}

test('Mẫu 05 follows the dossier from the desk through its steps; Mẫu 04 apologises with the new appointment', async () => {
  const code = await receivedAt('2026-02-13T09:00:00+07:00');
  const opened = await read(await pdf(code, 'control-sheet'));
  assert.deepEqual(opened.size, [595.28, 841.89]);
  includesAll(opened.text, [
    `${ISSUER_AGENCY} TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG (BỘ PHẬN MỘT CỬA) ${NATIONAL} Hạ Long, ngày 13 tháng 02 năm 2026`,
    `PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ Mã hồ sơ: ${code}`,
    'Thời gian nhận hồ sơ: hồi 09 giờ 00 phút, ngày 13/02/2026',
    'Thời gian hẹn trả kết quả: hồi 17 giờ 00 phút, ngày 24/02/2026',
    `1 Tiếp nhận hồ sơ ${DESK} 13/02/2026 09:00`,
    'Mẫu số 05 — Ban hành kèm theo Thông tư số 03/2025/TT-VPCP (Nghị định số 118/2025/NĐ-CP)',
  ]);
  assert.ok(!opened.text.includes('Hẹn lại'));
  const noApology = await pdf(code, 'apology');
  assert.deepEqual(
    [noApology.statusCode, noApology.json().error.messageVi],
    [409, 'Hồ sơ chưa có phiếu xin lỗi và hẹn lại ngày trả kết quả'],
  );

  // The first step was due two working hours after receipt in February: handed on now, it is late.
  const forward = await act(t.app, reception, code, 'forward', { version: 1, comment: 'Hồ sơ đầy đủ' });
  assert.equal(forward.statusCode, 200, forward.body);
  const reason = 'Cần xác minh thông tin với nơi cư trú trước đây của người mẹ';
  const apology = await act(t.app, reception, code, 'apology', {
    version: 2,
    reason,
    newDueAt: '2026-03-06T17:00:00+07:00',
    faultUnit: { unit: 'VHXH' },
  });
  assert.equal(apology.statusCode, 200, apology.body);
  const m04 = await read(await pdf(code, 'apology'));
  includesAll(m04.text, [
    `${ISSUER_AGENCY} ${NATIONAL}`,
    `PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ Mã hồ sơ: ${code}`,
    'Kính gửi: Ông/Bà Nguyễn Thị Lan',
    'Hồ sơ của Ông/Bà được UBND phường Hạ Long tiếp nhận ngày 13 tháng 02 năm 2026.',
    'Thời hẹn trả kết quả giải quyết hồ sơ: hồi 17 giờ 00 phút, ngày 24/02/2026',
    `Lý do: ${reason}`,
    'Đơn vị để xảy ra chậm trễ: Phòng Văn hóa - Xã hội - UBND phường Hạ Long',
    'hẹn lại ngày trả kết quả: hồi 17 giờ 00 phút, ngày 06/03/2026',
    'Mẫu số 04 — Ban hành kèm theo',
  ]);
  // Recorded by the desk: the head of the agency signs by hand, the agency issues it, not the desk.
  assert.ok(m04.text.includes('THỦ TRƯỞNG CƠ QUAN (Ký, ghi rõ họ tên và đóng dấu) Mẫu số 04'), m04.text);
  assert.ok(!m04.text.includes('BỘ PHẬN MỘT CỬA'));

  const leader = await loginAs(t.app, 'leader');
  const again = await act(t.app, leader, code, 'apology', {
    version: 3,
    reason: 'Chờ kết quả xác minh',
    newDueAt: '2026-03-13T17:00:00+07:00',
    faultUnit: { unit: 'VHXH' },
  });
  assert.equal(again.statusCode, 200, again.body);
  const signed = await read(await pdf(code, 'apology'));
  includesAll(signed.text, [
    'Thời hẹn trả kết quả giải quyết hồ sơ: hồi 17 giờ 00 phút, ngày 06/03/2026',
    'hẹn lại ngày trả kết quả: hồi 17 giờ 00 phút, ngày 13/03/2026',
    'THỦ TRƯỞNG CƠ QUAN (Ký, ghi rõ họ tên và đóng dấu) Phạm Quốc Hùng',
  ]);

  const m05 = await read(await pdf(code, 'control-sheet'));
  includesAll(m05.text, [
    'Thời gian hẹn trả kết quả: hồi 17 giờ 00 phút, ngày 24/02/2026',
    'Hẹn lại ngày trả kết quả: hồi 17 giờ 00 phút, ngày 13/03/2026',
    `1 Tiếp nhận hồ sơ ${DESK} 13/02/2026 09:00`,
    `2 Chuyển bước xử lý tiếp theo. Bước 2: Thẩm định, trình ký Hồ sơ đầy đủ ${DESK} Phòng Văn hóa - Xã hội`,
    ' Quá hạn 3 Xin lỗi, hẹn lại ngày trả kết quả ',
    `4 Xin lỗi, hẹn lại ngày trả kết quả Chờ kết quả xác minh Phạm Quốc Hùng Lãnh đạo UBND`,
  ]);
});
