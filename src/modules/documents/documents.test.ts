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
let citizen: Record<string, string>;
let components: number[];

before(async () => {
  t = await createTestApp({ config: { publicBaseUrl: BASE } });
  components = (await importTestCatalogue(t.db))[BIRTH];
  reception = await loginAs(t.app, 'reception');
  citizen = await loginAs(t.app, 'congdan');
});
after(() => t.close());

/** A complete desk intake at a fixed time, as the intake tests make one. */
async function receivedAt(at: string): Promise<string> {
  const session = await authenticate(t.db, reception.authorization.slice('Bearer '.length));
  const counts = components.map((componentId, i) => ({
    componentId,
    originals: 1,
    copies: i === 1 ? 2 : 0,
    files: [],
  }));
  const input = { procedure: BIRTH, agency: HA_LONG, channel: 'direct' as const, files: [], components: counts };
  const r = await intakeDossier(
    t.db,
    session!.principal,
    { ...input, applicant: { kind: 'person', ...APPLICANT } },
    `doc-${at}`,
    new Date(at),
  );
  return r.dossier.code;
}

async function submitOnline(): Promise<string> {
  const res = await postDossier(t.app, citizen, {
    procedure: BIRTH,
    agency: HA_LONG,
    channel: 'online',
    applicant: APPLICANT,
  });
  assert.equal(res.statusCode, 201, res.body);
  return res.json().code;
}

const pdf = (code: string, form: string, headers = reception) =>
  t.app.inject({ url: `/api/dossiers/${code}/forms/${form}.pdf`, headers });

/** The PDF's text (whitespace runs as one space), page count and page size. */
async function read(res: LightMyRequestResponse) {
  assert.equal(res.statusCode, 200, res.body);
  assert.equal(res.headers['content-type'], 'application/pdf');
  const doc = await getDocumentProxy(new Uint8Array(res.rawPayload));
  const { text, totalPages } = await extractText(doc, { mergePages: true });
  const page = await doc.getPage(1);
  return { text: text.replace(/\s+/g, ' '), totalPages, size: page.view.slice(2) };
}

const NATIONAL = ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc'];
const ISSUER = ['UBND TỈNH QUẢNG NINH', 'UBND PHƯỜNG HẠ LONG', 'BỘ PHẬN MỘT CỬA'];

test('Mẫu 01 of a desk intake: one A4 page in Tinos with the header, the dossier and its appointment', async () => {
  const code = await receivedAt('2026-02-13T09:00:00+07:00');
  assert.equal(code, `${HA_LONG}-260213-0001`);
  const res = await pdf(code, 'receipt');
  assert.equal(res.headers['content-disposition'], `inline; filename="${code}-receipt.pdf"`);
  assert.ok(res.rawPayload.includes('/FontFile2') && res.rawPayload.includes('+Tinos-Bold'), 'Tinos embedded');
  const { text, totalPages, size } = await read(res);
  assert.deepEqual([totalPages, size], [1, [595.28, 841.89]]);
  assert.ok(text.toLowerCase().includes('giấy tiếp nhận hồ sơ và hẹn trả kết quả'));
  for (const s of [
    ...ISSUER,
    ...NATIONAL,
    'Hạ Long, ngày 13 tháng 02 năm 2026',
    'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ',
    `Mã hồ sơ: ${code}`,
    'Tiếp nhận hồ sơ của: Nguyễn Thị Lan',
    'Nội dung yêu cầu giải quyết: Đăng ký khai sinh (kiểm thử) (mã thủ tục T.0001)',
    '1 Tờ khai đăng ký khai sinh 01 -',
    '2 Giấy chứng sinh 01 02',
    '3. Phí, lệ phí: 13.000 đồng, gồm:',
    '- Phí cấp bản sao trích lục: 5.000 đồng (Mỗi bản)',
    '4. Thời gian nhận hồ sơ: hồi 09 giờ 00 phút, ngày 13/02/2026',
    // Two working days after the Friday before Tết 2026 (intake.test.ts).
    '5. Thời gian trả kết quả giải quyết hồ sơ: hồi 17 giờ 00 phút, ngày 24/02/2026',
    'NGƯỜI NỘP HỒ SƠ (Ký và ghi rõ họ tên) Nguyễn Thị Lan',
    'NGƯỜI TIẾP NHẬN HỒ SƠ (Ký và ghi rõ họ tên) Trần Thị Thu Hà',
    `Quét mã để tra cứu hồ sơ ${BASE}/tra-cuu/${code}`,
    'Mẫu số 01 — Ban hành kèm theo Thông tư số 03/2025/TT-VPCP (Nghị định số 118/2025/NĐ-CP)',
  ]) {
    assert.ok(text.includes(s), `${s} — in: ${text}`);
  }
});

test('a dossier received under Decree 61/2018 is printed on the forms of Circular 01/2018', async () => {
  const code = await receivedAt('2025-06-30T10:00:00+07:00');
  const { text } = await read(await pdf(code, 'receipt'));
  for (const s of [
    'Hạ Long, ngày 30 tháng 6 năm 2025',
    '4. Thời gian nhận hồ sơ: hồi 10 giờ 00 phút, ngày 30/06/2025',
    '5. Thời gian trả kết quả giải quyết hồ sơ: hồi 17 giờ 00 phút, ngày 02/07/2025',
    'Mẫu số 01 — Ban hành kèm theo Thông tư số 01/2018/TT-VPCP',
  ]) {
    assert.ok(text.includes(s), `${s} — in: ${text}`);
  }
  assert.ok(!text.includes('118/2025'));
});

test('online: the applicant prints Mẫu 02 with every item, then Mẫu 01 once accepted; no other ward may', async () => {
  const code = await submitOnline();
  const early = await pdf(code, 'receipt', citizen);
  const json = await t.app.inject({ url: `/api/dossiers/${code}/forms/receipt`, headers: citizen });
  assert.deepEqual([early.statusCode, early.json()], [409, json.json()]);
  assert.equal(early.json().error.messageVi, 'Hồ sơ chưa có giấy tiếp nhận hồ sơ và hẹn trả kết quả');

  const [form, proof] = components;
  const request = await act(t.app, reception, code, 'request-supplement', {
    version: 1,
    items: [
      { componentId: form, reason: 'Ghi sai ngày sinh của trẻ' },
      { componentId: proof, reason: 'Chưa nộp giấy chứng sinh' },
      { name: 'Giấy xác nhận cư trú', reason: 'Cần để xác định nơi đăng ký' },
    ],
    comment: 'Đề nghị bổ sung trong 5 ngày làm việc',
  });
  assert.equal(request.statusCode, 200, request.body);
  const m02 = await read(await pdf(code, 'supplement-request', citizen));
  for (const s of [
    ...ISSUER,
    ...NATIONAL,
    placeAndDate('Hạ Long', request.json().requestedAt),
    'PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ',
    `Mã hồ sơ: ${code}`,
    'Hồ sơ của: Nguyễn Thị Lan',
    '1. Tờ khai đăng ký khai sinh: Ghi sai ngày sinh của trẻ',
    '2. Giấy chứng sinh: Chưa nộp giấy chứng sinh',
    '3. Giấy xác nhận cư trú: Cần để xác định nơi đăng ký',
    'Ghi chú: Đề nghị bổ sung trong 5 ngày làm việc',
    'NGƯỜI HƯỚNG DẪN (Ký và ghi rõ họ tên) Trần Thị Thu Hà',
    'Mẫu số 02 — Ban hành kèm theo Thông tư số 03/2025/TT-VPCP',
  ]) {
    assert.ok(m02.text.includes(s), `${s} — in: ${m02.text}`);
  }

  const counts = [form, proof].map((componentId) => ({ componentId, originals: 1 }));
  assert.equal((await act(t.app, citizen, code, 'resubmit', { version: 2, components: counts })).statusCode, 200);
  const accept = await act(t.app, reception, code, 'accept', { version: 3 });
  assert.equal(accept.statusCode, 200, accept.body);
  const m01 = await read(await pdf(code, 'receipt', citizen));
  for (const s of [
    'Hình thức nộp hồ sơ: Trực tuyến qua Cổng dịch vụ công',
    `5. Thời gian trả kết quả giải quyết hồ sơ: ${clockAndDay(accept.json().dueAt)}`,
  ]) {
    assert.ok(m01.text.includes(s), `${s} — in: ${m01.text}`);
  }

  const otherDesk = await pdf(code, 'receipt', await loginAs(t.app, 'u2002.mc1'));
  assert.deepEqual([otherDesk.statusCode, otherDesk.json().error.code], [403, 'FORBIDDEN']);
  const anonymous = await t.app.inject({ url: `/api/dossiers/${code}/forms/receipt.pdf` });
  assert.equal(anonymous.statusCode, 401);
});

test('Mẫu 03 gives the reason; a form the dossier does not have, or does not exist, is refused', async () => {
  const code = await submitOnline();
  const reason = 'Thủ tục không thuộc thẩm quyền giải quyết của UBND phường Hạ Long';
  const refuse = await act(t.app, reception, code, 'refuse', { version: 1, reason });
  assert.equal(refuse.statusCode, 200, refuse.body);
  const m03 = await read(await pdf(code, 'refusal', citizen));
  for (const s of [
    placeAndDate('Hạ Long', refuse.json().refusedAt),
    'PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ',
    `Mã hồ sơ: ${code}`,
    'Căn cứ quy định tại Nghị định số 118/2025/NĐ-CP của Chính phủ',
    reason,
    'NGƯỜI TIẾP NHẬN HỒ SƠ (Ký và ghi rõ họ tên) Trần Thị Thu Hà',
    'Mẫu số 03 — Ban hành kèm theo',
  ]) {
    assert.ok(m03.text.includes(s), `${s} — in: ${m03.text}`);
  }

  const accepted = await receivedAt('2026-03-02T08:00:00+07:00');
  const notRefused = await pdf(accepted, 'refusal');
  assert.equal(notRefused.statusCode, 409);
  assert.deepEqual(notRefused.json().error, {
    code: 'FORM_NOT_AVAILABLE',
    message: 'The dossier has no such form yet (phiếu từ chối tiếp nhận giải quyết hồ sơ)',
    messageVi: 'Hồ sơ chưa có phiếu từ chối tiếp nhận giải quyết hồ sơ',
    field: 'form',
  });
  const unknownForm = await pdf(accepted, 'tracking-book');
  assert.deepEqual([unknownForm.statusCode, unknownForm.json().error.field], [400, 'params.form']);
  const unknownDossier = await pdf(`${HA_LONG}-260302-0999`, 'receipt');
  assert.equal(unknownDossier.statusCode, 404);
});
