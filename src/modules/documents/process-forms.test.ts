import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractText, getDocumentProxy } from 'unpdf';
import { refusalDocument, supplementDocument } from './desk-forms';
import type { FormFrame } from './layout';
import { renderPdf } from './pdf';
import {
  apologyDocument,
  controlSheetDocument,
  stopNoticeDocument,
  type ApologyData,
  type ControlSheetData,
  type HandOver,
  type StopNoticeData,
} from './process-forms';
import { docTexts, footerText, qrPayloads } from './test-support';

const CODE = '000.20.01.H40-260213-0001';
const WARD = { code: '000.20.01.H40', name: 'UBND phường Hạ Long' };
const DEPT = { code: '000.00.11.H40', name: 'Sở Tư pháp' };
const FRAME: FormFrame = {
  kind: 'apology',
  ruleSet: 'nd61_2018',
  code: CODE,
  issuer: ['UBND tỉnh Quảng Ninh', 'UBND phường Hạ Long'],
  place: 'Hạ Long',
  issuedAt: '2026-02-26T10:00:00+07:00',
  publicBaseUrl: 'https://motcua.quangninh.gov.vn',
};
const HEADER = {
  ruleSet: 'nd61_2018',
  code: CODE,
  agency: { ...WARD, address: null },
  procedure: { code: '1.001193', name: 'Đăng ký khai sinh' },
  applicant: {
    kind: 'organisation',
    fullName: 'Công ty TNHH Hạ Long Xanh',
    idNumber: '5701234567',
    phone: null,
    email: null,
    address: null,
  },
};
const APOLOGY: ApologyData = {
  form: '04',
  ...HEADER,
  receivedAt: '2026-02-13T09:00:00+07:00',
  originalDueAt: '2026-02-24T17:00:00+07:00',
  previousDueAt: '2026-02-24T17:00:00+07:00',
  newDueAt: '2026-03-06T17:00:00+07:00',
  reason: 'Chờ kết quả xác minh',
  faultUnit: { agency: DEPT, unit: { code: 'P1', name: 'Phòng Hành chính tư pháp' } },
  apologizedAt: '2026-02-26T10:00:00+07:00',
  officer: { fullName: 'Phạm Quốc Hùng', role: 'Lãnh đạo cơ quan', unit: { code: 'LD', name: 'Ban Giám đốc Sở' } },
};

test('Mẫu 04: the agency at fault apologises, its head signs, the new appointment stands out', () => {
  const texts = docTexts(apologyDocument(FRAME, APOLOGY));
  for (const line of [
    'Hạ Long, ngày 26 tháng 02 năm 2026',
    'PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ',
    'Kính gửi: Quý cơ quan, tổ chức Công ty TNHH Hạ Long Xanh',
    'Hồ sơ của Quý cơ quan, tổ chức được UBND phường Hạ Long tiếp nhận ngày 13 tháng 02 năm 2026.',
    'Thời hẹn trả kết quả giải quyết hồ sơ: hồi 17 giờ 00 phút, ngày 24/02/2026',
    'Lý do: Chờ kết quả xác minh',
    'Đơn vị để xảy ra chậm trễ: Phòng Hành chính tư pháp - Sở Tư pháp',
    'hồi 17 giờ 00 phút, ngày 06/03/2026',
    'Sở Tư pháp xin trân trọng cảm ơn sự hợp tác của Quý cơ quan, tổ chức./.',
  ]) {
    assert.ok(texts.includes(line), line);
  }
  assert.deepEqual(texts.slice(-3), ['THỦ TRƯỞNG CƠ QUAN', '(Ký, ghi rõ họ tên và đóng dấu)', 'Phạm Quốc Hùng']);
  const byDesk = apologyDocument(FRAME, { ...APOLOGY, officer: { ...APOLOGY.officer, role: 'Cán bộ tiếp nhận' } });
  assert.deepEqual(docTexts(byDesk).slice(-2), ['THỦ TRƯỞNG CƠ QUAN', '(Ký, ghi rõ họ tên và đóng dấu)']);
});

test('Mẫu 04 of Circular 03/2025: the same letter asks for more time instead of giving a new appointment', () => {
  const doc = apologyDocument({ ...FRAME, ruleSet: 'nd118_2025' }, { ...APOLOGY, ruleSet: 'nd118_2025' });
  const texts = docTexts(doc);
  assert.equal(texts[5], 'VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT');
  assert.ok(
    texts.includes(
      'Sự chậm trễ này đã gây phiền hà cho Quý cơ quan, tổ chức. Sở Tư pháp xin lỗi Quý cơ quan, tổ chức và ' +
        'đề nghị gia hạn thời gian giải quyết hồ sơ đến:',
    ),
    texts.join('\n'),
  );
  assert.ok(texts.includes('hồi 17 giờ 00 phút, ngày 06/03/2026'));
  assert.equal(
    footerText(doc, 1, 1),
    'Mẫu số 04 — Ban hành kèm theo Thông tư số 03/2025/TT-VPCP (Nghị định số 118/2025/NĐ-CP)',
  );
  const of2018 = docTexts(apologyDocument(FRAME, APOLOGY));
  assert.equal(of2018[5], 'PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ');
  assert.ok(of2018.some((s) => s.endsWith('xin lỗi Quý cơ quan, tổ chức và hẹn lại ngày trả kết quả:')));
});

test('Mẫu 05 of Circular 03/2025: the stop notice says since when and why, with the lookup QR code', () => {
  const frame: FormFrame = { ...FRAME, kind: 'stop-notice', ruleSet: 'nd118_2025' };
  const data: StopNoticeData = {
    form: '05',
    ...HEADER,
    ruleSet: 'nd118_2025',
    receivedAt: '2026-02-13T09:00:00+07:00',
    dueAt: '2026-02-24T17:00:00+07:00',
    stoppedAt: '2026-02-16T14:05:00+07:00',
    reason: 'Doanh nghiệp đã giải thể',
    requestedBy: {
      fullName: 'Trần Thị Thu Hà',
      role: 'Cán bộ tiếp nhận',
      unit: { code: 'MC', name: 'Bộ phận Một cửa' },
    },
  };
  const doc = stopNoticeDocument(frame, data);
  const texts = docTexts(doc);
  assert.deepEqual(texts.slice(5, 8), [
    'THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ',
    `Mã hồ sơ: ${CODE}`,
    'Kính gửi: Quý cơ quan, tổ chức Công ty TNHH Hạ Long Xanh',
  ]);
  for (const line of [
    'Mã số thuế: 5701234567',
    'Thời gian tiếp nhận hồ sơ: hồi 09 giờ 00 phút, ngày 13/02/2026',
    'Căn cứ quy định tại Nghị định số 118/2025/NĐ-CP của Chính phủ, UBND phường Hạ Long thông báo dừng giải quyết ' +
      'hồ sơ nêu trên kể từ hồi 14 giờ 05 phút, ngày 16/02/2026.',
    'Lý do dừng giải quyết: Quý cơ quan, tổ chức đề nghị rút hồ sơ — Doanh nghiệp đã giải thể',
  ]) {
    assert.ok(texts.includes(line), line);
  }
  assert.deepEqual(qrPayloads(doc), [`https://motcua.quangninh.gov.vn/tra-cuu/${CODE}`]);
  assert.equal(
    footerText(doc, 1, 1),
    'Mẫu số 05 — Ban hành kèm theo Thông tư số 03/2025/TT-VPCP (Nghị định số 118/2025/NĐ-CP)',
  );
  assert.throws(() => stopNoticeDocument({ ...frame, ruleSet: 'nd61_2018' }, { ...data, ruleSet: 'nd61_2018' }), {
    code: 'FORM_NOT_IN_RULE_SET',
  });
});

const desk = { fullName: 'Trần Thị Thu Hà', unit: { code: 'MC', name: 'Bộ phận Một cửa' }, agency: WARD };
const entry = (over: Partial<HandOver>): HandOver => ({
  actionName: 'Tiếp nhận hồ sơ',
  at: '2026-02-13T09:00:00+07:00',
  from: desk,
  to: null,
  step: null,
  timeliness: null,
  comment: null,
  ...over,
});
const SHEET: ControlSheetData = {
  form: '05',
  ...HEADER,
  receivedAt: '2026-02-13T09:00:00+07:00',
  originalDueAt: '2026-02-24T17:00:00+07:00',
  dueAt: '2026-02-24T17:00:00+07:00',
  resolvedAt: '2026-02-23T15:30:00+07:00',
  returnedAt: null,
  entries: [
    entry({}),
    entry({
      actionName: 'Chuyển bước xử lý tiếp theo',
      at: '2026-02-13T10:30:00+07:00',
      to: {
        agency: DEPT,
        unit: { code: 'P1', name: 'Phòng Hành chính tư pháp' },
        officer: { fullName: 'Lê Văn Minh' },
      },
      step: { seq: 2, name: 'Thẩm định' },
      timeliness: 'early',
    }),
  ],
};

test('Mẫu 05: one row per hand-over, the other agency named in liên thông, the step’s timeliness', () => {
  const doc = controlSheetDocument({ ...FRAME, kind: 'control-sheet' }, SHEET);
  const texts = docTexts(doc);
  const table = texts.slice(texts.indexOf('TT'));
  // Empty cells print nothing: the first row has no receiver and no timeliness.
  assert.deepEqual(table.slice(6, 19), [
    '1',
    'Tiếp nhận hồ sơ',
    'Trần Thị Thu Hà',
    'Bộ phận Một cửa',
    '13/02/2026 09:00',
    '2',
    'Chuyển bước xử lý tiếp theo. Bước 2: Thẩm định',
    'Trần Thị Thu Hà',
    'Bộ phận Một cửa',
    'Lê Văn Minh',
    'Phòng Hành chính tư pháp - Sở Tư pháp',
    '13/02/2026 10:30',
    'Trước hạn',
  ]);
  assert.ok(texts.includes('Thời gian có kết quả: hồi 15 giờ 30 phút, ngày 23/02/2026'));
  assert.ok(!texts.some((s) => s.startsWith('Hẹn lại') || s.startsWith('Thời gian trả kết quả')));
  assert.deepEqual(qrPayloads(doc), [`https://motcua.quangninh.gov.vn/tra-cuu/${CODE}`]);
  assert.equal(footerText(doc, 1, 1), 'Mẫu số 05 — Ban hành kèm theo Thông tư số 01/2018/TT-VPCP');
});

test('a long history runs over A4 pages, the table head repeated and every page numbered', async () => {
  const entries = Array.from({ length: 40 }, (_, i) => entry({ comment: `Lần chuyển thứ ${i + 1}` }));
  const doc = controlSheetDocument({ ...FRAME, kind: 'control-sheet' }, { ...SHEET, entries });
  const pdf = await getDocumentProxy(new Uint8Array(await renderPdf(doc)));
  const { text, totalPages } = await extractText(pdf);
  assert.equal(totalPages, 3);
  for (const [i, page] of text.entries()) {
    assert.deepEqual((await pdf.getPage(i + 1)).view, [0, 0, 595.28, 841.89]);
    assert.ok(page.includes('TT Nội dung Bên giao Bên nhận Thời gian Kết quả'), `page ${i + 1}: ${page}`);
    assert.ok(page.endsWith(`Mẫu số 05 — Ban hành kèm theo Thông tư số 01/2018/TT-VPCP · Trang ${i + 1}/3`), page);
  }
  assert.ok(text[2].includes('Lần chuyển thứ 40'));
});

test('Mẫu 02 to 05 each print the agency over the national header, a QR code to the lookup, and embed Tinos', async () => {
  const officer = {
    fullName: 'Trần Thị Thu Hà',
    role: 'Cán bộ tiếp nhận',
    unit: { code: 'MC', name: 'Bộ phận Một cửa' },
  };
  const at = '2026-02-13T10:15:00+07:00';
  const forms = [
    supplementDocument(
      { ...FRAME, kind: 'supplement-request' },
      {
        form: '02',
        ...HEADER,
        items: [{ componentId: null, name: 'Giấy xác nhận cư trú', reason: 'Cần để xác định nơi đăng ký' }],
        comment: null,
        requestedAt: at,
        officer,
      },
    ),
    refusalDocument(
      { ...FRAME, kind: 'refusal' },
      { form: '03', ...HEADER, reason: 'Hồ sơ giả mạo', refusedAt: at, officer },
    ),
    apologyDocument(FRAME, APOLOGY),
    controlSheetDocument({ ...FRAME, kind: 'control-sheet' }, SHEET),
  ];
  for (const doc of forms) {
    const title = doc.info.title;
    assert.deepEqual(
      docTexts(doc).slice(0, 4),
      [
        'UBND TỈNH QUẢNG NINH',
        'UBND PHƯỜNG HẠ LONG',
        'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
        'Độc lập - Tự do - Hạnh phúc',
      ],
      title,
    );
    assert.deepEqual(qrPayloads(doc), [`https://motcua.quangninh.gov.vn/tra-cuu/${CODE}`], title);
    const pdf = await renderPdf(doc);
    assert.ok(pdf.includes('/FontFile2') && pdf.includes('+Tinos-Bold'), `${title}: Tinos embedded`);
  }
});
