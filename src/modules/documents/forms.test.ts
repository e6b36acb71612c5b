import { test } from 'node:test';
import assert from 'node:assert/strict';
import { receiptDocument, refusalDocument, supplementDocument, type ReceiptData } from './desk-forms';
import { PAGE_MARGINS, lookupQr, type FormFrame } from './layout';
import { docTexts, footerText, qrPayloads } from './test-support';

const CODE = '000.20.01.H40-260213-0001';
const BASE = 'https://motcua.quangninh.gov.vn';
const FRAME: FormFrame = {
  kind: 'receipt',
  ruleSet: 'nd118_2025',
  code: CODE,
  issuer: ['UBND tỉnh Quảng Ninh', 'UBND phường Hạ Long', 'Bộ phận Một cửa'],
  place: 'Hạ Long',
  issuedAt: '2026-02-13T09:00:00+07:00',
  publicBaseUrl: `${BASE}/`,
};
const desk = { code: 'MC', name: 'Bộ phận Một cửa' };
const RECEIPT: ReceiptData = {
  form: '01',
  ruleSet: 'nd118_2025',
  code: CODE,
  agency: { code: '000.20.01.H40', name: 'UBND phường Hạ Long', address: null },
  procedure: { code: '1.001193', name: 'Đăng ký khai sinh' },
  applicant: {
    kind: 'person',
    fullName: 'Nguyễn Thị Lan',
    idNumber: '022195001234',
    phone: '0912345678',
    email: null,
    address: 'Số 5 phố Lê Thánh Tông, phường Hạ Long',
  },
  channel: 'direct',
  components: [
    { name: 'Tờ khai đăng ký khai sinh', originals: 1, copies: 0 },
    { name: 'Giấy chứng sinh', originals: 1, copies: 2 },
  ],
  fees: [{ name: 'Lệ phí đăng ký khai sinh', amount: 8000, note: null }],
  feeTotal: 8000,
  receivedAt: '2026-02-13T09:00:00+07:00',
  acceptedAt: '2026-02-13T09:00:00+07:00',
  dueAt: '2026-02-25T17:00:00+07:00',
  receivingOfficer: { fullName: 'Trần Thị Thu Hà', role: 'Cán bộ tiếp nhận', unit: desk },
};

test('the QR code opens the public lookup of the dossier', () => {
  assert.deepEqual(lookupQr(`${BASE}/`, CODE), { qr: `${BASE}/tra-cuu/${CODE}`, fit: 80, eccLevel: 'M' });
  assert.deepEqual(qrPayloads(receiptDocument(FRAME, RECEIPT)), [`${BASE}/tra-cuu/${CODE}`]);
});

test('a form is A4 with the margins of official documents, in Tinos 13 pt', () => {
  const doc = receiptDocument(FRAME, RECEIPT);
  assert.equal(doc.pageSize, 'A4');
  // left 30, top 20, right 15, bottom 20 mm
  assert.deepEqual(
    PAGE_MARGINS.map((pt) => Math.round((pt * 25.4) / 72)),
    [30, 20, 15, 20],
  );
  assert.equal(doc.pageMargins, PAGE_MARGINS);
  assert.deepEqual(doc.defaultStyle, { font: 'Tinos', fontSize: 13, lineHeight: 1.1 });
  assert.equal(doc.info.title, `GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ — ${CODE}`);
});

test('Mẫu 01 prints the header, the dossier, its components, fees, times and both signers', () => {
  const texts = docTexts(receiptDocument(FRAME, RECEIPT));
  assert.deepEqual(texts.slice(0, 9), [
    'UBND TỈNH QUẢNG NINH',
    'UBND PHƯỜNG HẠ LONG',
    'BỘ PHẬN MỘT CỬA',
    'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    'Độc lập - Tự do - Hạnh phúc',
    'Hạ Long, ngày 13 tháng 02 năm 2026',
    'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ',
    `Mã hồ sơ: ${CODE}`,
    'Bộ phận tiếp nhận và trả kết quả: Bộ phận Một cửa - UBND phường Hạ Long',
  ]);
  for (const line of [
    'Tiếp nhận hồ sơ của: Nguyễn Thị Lan',
    'Số định danh cá nhân: 022195001234',
    'Email: …',
    'Nội dung yêu cầu giải quyết: Đăng ký khai sinh (mã thủ tục 1.001193)',
    'Hình thức nộp hồ sơ: Trực tiếp tại Bộ phận Một cửa',
    'Giấy chứng sinh',
    '3. Phí, lệ phí: 8.000 đồng, gồm:',
    '- Lệ phí đăng ký khai sinh: 8.000 đồng',
    '4. Thời gian nhận hồ sơ: hồi 09 giờ 00 phút, ngày 13/02/2026',
    '5. Thời gian trả kết quả giải quyết hồ sơ: hồi 17 giờ 00 phút, ngày 25/02/2026',
  ]) {
    assert.ok(texts.includes(line), line);
  }
  assert.deepEqual(texts.slice(-8), [
    'NGƯỜI NỘP HỒ SƠ',
    '(Ký và ghi rõ họ tên)',
    'Nguyễn Thị Lan',
    'NGƯỜI TIẾP NHẬN HỒ SƠ',
    '(Ký và ghi rõ họ tên)',
    'Trần Thị Thu Hà',
    'Quét mã để tra cứu hồ sơ',
    `${BASE}/tra-cuu/${CODE}`,
  ]);
});

test('a free procedure says so; the footer numbers the form and its pages', () => {
  const doc = receiptDocument(FRAME, { ...RECEIPT, fees: [], feeTotal: 0 });
  assert.ok(docTexts(doc).includes('3. Phí, lệ phí: Không thu phí, lệ phí'));
  const basis = 'Ban hành kèm theo Thông tư số 03/2025/TT-VPCP (Nghị định số 118/2025/NĐ-CP)';
  assert.deepEqual(doc.footer(1, 1), {
    text: `Mẫu số 01 — ${basis}`,
    italics: true,
    fontSize: 9,
    margin: [PAGE_MARGINS[0], 24, PAGE_MARGINS[2], 0],
  });
  assert.equal(footerText(doc, 2, 3), `Mẫu số 01 — ${basis} · Trang 2/3`);
});

const officer = RECEIPT.receivingOfficer;
const header = (({ ruleSet, code, agency, procedure, applicant }) => ({ ruleSet, code, agency, procedure, applicant }))(
  RECEIPT,
);

test('Mẫu 02 lists every item to supplement with its reason, addressed to an organisation as such', () => {
  const doc = supplementDocument(
    { ...FRAME, kind: 'supplement-request' },
    {
      form: '02',
      ...header,
      applicant: {
        ...header.applicant,
        kind: 'organisation',
        fullName: 'Công ty TNHH Hạ Long Xanh',
        idNumber: '5701234567',
      },
      items: [
        { componentId: 7, name: 'Tờ khai đăng ký khai sinh', reason: 'Ghi sai ngày sinh của trẻ' },
        { componentId: null, name: 'Giấy xác nhận cư trú', reason: 'Cần để xác định nơi đăng ký' },
      ],
      comment: null,
      requestedAt: '2026-02-13T10:15:00+07:00',
      officer,
    },
  );
  const texts = docTexts(doc);
  assert.equal(texts[6], 'PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ');
  for (const line of [
    'Hồ sơ của: Công ty TNHH Hạ Long Xanh',
    'Mã số thuế: 5701234567',
    'Yêu cầu Quý cơ quan, tổ chức hoàn thiện hồ sơ gồm những nội dung sau:',
    '1. Tờ khai đăng ký khai sinh: Ghi sai ngày sinh của trẻ',
    '2. Giấy xác nhận cư trú: Cần để xác định nơi đăng ký',
    'NGƯỜI HƯỚNG DẪN',
  ]) {
    assert.ok(texts.includes(line), line);
  }
  assert.ok(!texts.some((s) => s.startsWith('Ghi chú')));
  assert.equal(
    footerText(doc, 1, 1),
    'Mẫu số 02 — Ban hành kèm theo Thông tư số 03/2025/TT-VPCP (Nghị định số 118/2025/NĐ-CP)',
  );
});

test('Mẫu 03 gives the reason and the decree of the dossier’s rule set', () => {
  const doc = refusalDocument(
    { ...FRAME, kind: 'refusal', ruleSet: 'nd61_2018' },
    { form: '03', ...header, ruleSet: 'nd61_2018', reason: 'Hồ sơ giả mạo', refusedAt: null, officer },
  );
  const texts = docTexts(doc);
  assert.equal(texts[6], 'PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ');
  assert.ok(texts.some((s) => s.startsWith('Căn cứ quy định tại Nghị định số 61/2018/NĐ-CP của Chính phủ')));
  assert.ok(texts.includes('Hồ sơ giả mạo'));
  assert.equal(footerText(doc, 1, 1), 'Mẫu số 03 — Ban hành kèm theo Thông tư số 01/2018/TT-VPCP');
});
