import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { LightMyRequestResponse } from 'fastify';
import { extractText, getDocumentProxy } from 'unpdf';
import { createTestApp, loginAs, type TestApp } from '../../../test/harness';
import { intakeDossier } from '../dossiers/intake-service';
import { APPLICANT, BIRTH, HA_LONG, act, importTestCatalogue, postDossier } from '../dossiers/test-support';
import { authenticate } from '../identity/service';
import { clockAndDay, placeAndDate } from './format';

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

test('Decree 118/2025: Mẫu 06 follows the dossier through its steps; Mẫu 04 apologises and asks for more time', async () => {
  const code = await receivedAt('2026-02-13T09:00:00+07:00');
  const opened = await read(await pdf(code, 'control-sheet'));
  assert.deepEqual(opened.size, [595.28, 841.89]);
  includesAll(opened.text, [
    `${ISSUER_AGENCY} TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG (BỘ PHẬN MỘT CỬA) ${NATIONAL} Hạ Long, ngày 13 tháng 02 năm 2026`,
    `PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ Mã hồ sơ: ${code}`,
    'Thời gian nhận hồ sơ: hồi 09 giờ 00 phút, ngày 13/02/2026',
    'Thời gian hẹn trả kết quả: hồi 17 giờ 00 phút, ngày 24/02/2026',
    `1 Tiếp nhận hồ sơ ${DESK} 13/02/2026 09:00`,
    'Mẫu số 06 — Ban hành kèm theo Thông tư số 03/2025/TT-VPCP (Nghị định số 118/2025/NĐ-CP)',
  ]);
  assert.ok(!opened.text.includes('Gia hạn'));
  const noApology = await pdf(code, 'apology');
  assert.deepEqual(
    [noApology.statusCode, noApology.json().error.messageVi],
    [409, 'Hồ sơ chưa có văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết'],
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
    `VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT Mã hồ sơ: ${code}`,
    'Kính gửi: Ông/Bà Nguyễn Thị Lan',
    'Hồ sơ của Ông/Bà được UBND phường Hạ Long tiếp nhận ngày 13 tháng 02 năm 2026.',
    'Thời hẹn trả kết quả giải quyết hồ sơ: hồi 17 giờ 00 phút, ngày 24/02/2026',
    `Lý do: ${reason}`,
    'Đơn vị để xảy ra chậm trễ: Phòng Văn hóa - Xã hội - UBND phường Hạ Long',
    'xin lỗi Ông/Bà và đề nghị gia hạn thời gian giải quyết hồ sơ đến: hồi 17 giờ 00 phút, ngày 06/03/2026',
    'Mẫu số 04 — Ban hành kèm theo Thông tư số 03/2025/TT-VPCP (Nghị định số 118/2025/NĐ-CP)',
  ]);
  assert.ok(!m04.text.includes('PHIẾU XIN LỖI') && !m04.text.includes('hẹn lại ngày'), m04.text);
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
    'đề nghị gia hạn thời gian giải quyết hồ sơ đến: hồi 17 giờ 00 phút, ngày 13/03/2026',
    'THỦ TRƯỞNG CƠ QUAN (Ký, ghi rõ họ tên và đóng dấu) Phạm Quốc Hùng',
  ]);

  const m05 = await read(await pdf(code, 'control-sheet'));
  includesAll(m05.text, [
    'Thời gian hẹn trả kết quả: hồi 17 giờ 00 phút, ngày 24/02/2026',
    'Gia hạn thời gian giải quyết đến: hồi 17 giờ 00 phút, ngày 13/03/2026',
    `1 Tiếp nhận hồ sơ ${DESK} 13/02/2026 09:00`,
    `2 Chuyển bước xử lý tiếp theo. Bước 2: Thẩm định, trình ký Hồ sơ đầy đủ ${DESK} Phòng Văn hóa - Xã hội`,
    ' Quá hạn 3 Xin lỗi, đề nghị gia hạn thời gian giải quyết ',
    `4 Xin lỗi, đề nghị gia hạn thời gian giải quyết Chờ kết quả xác minh Phạm Quốc Hùng Lãnh đạo UBND`,
    'Mẫu số 06 — Ban hành kèm theo Thông tư số 03/2025/TT-VPCP (Nghị định số 118/2025/NĐ-CP)',
  ]);
  assert.ok(!m05.text.includes('Mẫu số 05'));
  assert.ok(!m05.text.includes('hẹn lại'), 'Decree 118/2025 extends the time; it does not set a new appointment');
});

const formData = (code: string, form: string) =>
  t.app.inject({ url: `/api/dossiers/${code}/forms/${form}`, headers: reception });

test('Decree 118/2025: Mẫu 05 tells the applicant that a withdrawn dossier is no longer processed, and why', async () => {
  const code = await receivedAt('2026-03-02T08:00:00+07:00');
  const running = await pdf(code, 'stop-notice');
  assert.deepEqual(
    [running.statusCode, running.json().error],
    [
      409,
      {
        code: 'FORM_NOT_AVAILABLE',
        message: 'The dossier has no such form yet (thông báo dừng giải quyết hồ sơ)',
        messageVi: 'Hồ sơ chưa có thông báo dừng giải quyết hồ sơ',
        field: 'form',
      },
    ],
  );

  const reason = 'Gia đình chuyển nơi cư trú, sẽ nộp hồ sơ tại nơi ở mới';
  const withdraw = await act(t.app, reception, code, 'withdraw', { version: 1, reason });
  assert.equal(withdraw.statusCode, 200, withdraw.body);
  const stoppedAt: string = withdraw.json().withdrawnAt;
  const m05 = await read(await pdf(code, 'stop-notice'));
  includesAll(m05.text, [
    `${ISSUER_AGENCY} ${NATIONAL} ${placeAndDate('Hạ Long', stoppedAt)}`,
    `THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ Mã hồ sơ: ${code}`,
    'Kính gửi: Ông/Bà Nguyễn Thị Lan',
    'Nội dung yêu cầu giải quyết: Đăng ký khai sinh (kiểm thử) (mã thủ tục T.0001)',
    'Cơ quan tiếp nhận hồ sơ: UBND phường Hạ Long',
    'Thời gian tiếp nhận hồ sơ: hồi 08 giờ 00 phút, ngày 02/03/2026',
    'Thời hẹn trả kết quả giải quyết hồ sơ: hồi 17 giờ 00 phút, ngày 04/03/2026',
    'Căn cứ quy định tại Nghị định số 118/2025/NĐ-CP của Chính phủ, UBND phường Hạ Long thông báo dừng giải quyết ' +
      `hồ sơ nêu trên kể từ ${clockAndDay(stoppedAt)}.`,
    `Lý do dừng giải quyết: Ông/Bà đề nghị rút hồ sơ — ${reason}`,
    'THỦ TRƯỞNG CƠ QUAN (Ký, ghi rõ họ tên và đóng dấu)',
    // The address of the QR code wraps in the narrow column beside the signature.
    `Quét mã để tra cứu hồ sơ ${BASE}/tra- cuu/${code}`,
    'Mẫu số 05 — Ban hành kèm theo Thông tư số 03/2025/TT-VPCP (Nghị định số 118/2025/NĐ-CP)',
  ]);
  const data = (await formData(code, 'stop-notice')).json();
  assert.deepEqual([data.form, data.reason, data.stoppedAt], ['05', reason, stoppedAt]);
  assert.equal((await formData(code, 'control-sheet')).json().form, '06');
});

test('an online dossier withdrawn before the desk received it was never processed: no stop notice', async () => {
  const citizen = await loginAs(t.app, 'congdan');
  const submitted = await postDossier(t.app, citizen, {
    procedure: BIRTH,
    agency: HA_LONG,
    channel: 'online',
    applicant: APPLICANT,
  });
  assert.equal(submitted.statusCode, 201, submitted.body);
  const code: string = submitted.json().code;
  const withdraw = await act(t.app, citizen, code, 'withdraw', { version: 1, reason: 'Nộp nhầm thủ tục' });
  assert.equal(withdraw.statusCode, 200, withdraw.body);
  const res = await t.app.inject({ url: `/api/dossiers/${code}/forms/stop-notice.pdf`, headers: citizen });
  assert.deepEqual(
    [res.statusCode, res.json().error.code, res.json().error.field],
    [409, 'FORM_NOT_AVAILABLE', 'form'],
  );
  assert.equal(
    res.json().error.messageVi,
    'Hồ sơ được rút trước khi tiếp nhận, không có thông báo dừng giải quyết hồ sơ',
  );
});

test('Decree 61/2018: a dossier received on 30 June 2025 keeps the forms of Circular 01/2018, without a stop notice', async () => {
  const code = await receivedAt('2025-06-30T10:00:00+07:00');
  const forward = await act(t.app, reception, code, 'forward', { version: 1, comment: 'Hồ sơ đầy đủ' });
  assert.equal(forward.statusCode, 200, forward.body);
  const apology = await act(t.app, reception, code, 'apology', {
    version: 2,
    reason: 'Chờ kết quả xác minh',
    newDueAt: '2025-07-10T17:00:00+07:00',
    faultUnit: { unit: 'VHXH' },
  });
  assert.equal(apology.statusCode, 200, apology.body);
  const CIRCULAR_2018 = 'Ban hành kèm theo Thông tư số 01/2018/TT-VPCP';

  const m04 = await read(await pdf(code, 'apology'));
  includesAll(m04.text, [
    `PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ Mã hồ sơ: ${code}`,
    'Thời hẹn trả kết quả giải quyết hồ sơ: hồi 17 giờ 00 phút, ngày 02/07/2025',
    'xin lỗi Ông/Bà và hẹn lại ngày trả kết quả: hồi 17 giờ 00 phút, ngày 10/07/2025',
    `Mẫu số 04 — ${CIRCULAR_2018}`,
  ]);
  const m05 = await read(await pdf(code, 'control-sheet'));
  includesAll(m05.text, [
    `PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ Mã hồ sơ: ${code}`,
    'Hẹn lại ngày trả kết quả: hồi 17 giờ 00 phút, ngày 10/07/2025',
    `Mẫu số 05 — ${CIRCULAR_2018}`,
  ]);
  const m01 = await read(await pdf(code, 'receipt'));
  includesAll(m01.text, [`GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ Mã hồ sơ: ${code}`, `Mẫu số 01 — ${CIRCULAR_2018}`]);
  for (const { text } of [m01, m04, m05]) {
    assert.ok(!/03\/2025|118\/2025|gia hạn|Gia hạn|Mẫu số 06/.test(text), text);
  }
  const numbers = await Promise.all(
    ['receipt', 'apology', 'control-sheet'].map(async (f) => (await formData(code, f)).json().form),
  );
  assert.deepEqual(numbers, ['01', '04', '05']);

  // Withdrawn, it stops like any dossier; but Circular 01/2018 has no notice of it.
  const withdraw = await act(t.app, reception, code, 'withdraw', { version: 3, reason: 'Không cần nữa' });
  assert.equal(withdraw.statusCode, 200, withdraw.body);
  for (const url of [`/api/dossiers/${code}/forms/stop-notice.pdf`, `/api/dossiers/${code}/forms/stop-notice`]) {
    const res = await t.app.inject({ url, headers: reception });
    assert.equal(res.statusCode, 409, url);
    assert.deepEqual(res.json().error, {
      code: 'FORM_NOT_IN_RULE_SET',
      message: 'A dossier received under the rule set nd61_2018 has no such form (stop-notice)',
      messageVi:
        'Hồ sơ tiếp nhận theo Nghị định số 61/2018/NĐ-CP của Chính phủ (sửa đổi, bổ sung bởi Nghị định số ' +
        '107/2021/NĐ-CP) không có thông báo dừng giải quyết hồ sơ (Mẫu số 05 của Thông tư số 03/2025/TT-VPCP)',
      field: 'form',
    });
  }
});
