import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { createTestApp, loginAs, type TestApp } from '../../../test/harness';
import { BIRTH, COMMUNE, FOREST, getJson, importNdjson, ndjson, vn, type Line } from './test-fixtures';

let t: TestApp;
let admin: Record<string, string>;
const query = `from=2018-01-01&to=2018-03-31&agency=${COMMUNE}`;

before(async () => {
  t = await createTestApp();
  admin = await loginAs(t.app, 'admin');
  const line = (i: number, procedure: string, extra: Line): Line => ({
    externalId: `X-${i}`,
    agency: COMMUNE,
    procedure,
    channel: i % 2 ? 'online' : 'direct',
    receivedAt: vn('2018-02-05', '09:00'),
    ...extra,
  });
  const lines = [
    // Birth registrations: two resolved on the appointment day, one late, one still open and overdue.
    line(1, BIRTH, { dueAt: vn('2018-02-05', '16:00'), resolvedAt: vn('2018-02-05', '11:00') }),
    line(2, BIRTH, { dueAt: vn('2018-02-05', '16:00'), resolvedAt: vn('2018-02-05', '15:00') }),
    line(3, BIRTH, { dueAt: vn('2018-02-05', '16:00'), resolvedAt: vn('2018-02-07', '15:00') }),
    line(4, BIRTH, { dueAt: vn('2018-02-05', '16:00') }),
    // Forestry: received Friday 29/12/2017, due Wednesday 3/1 (1/1 is a holiday), resolved early on the 2nd.
    line(5, FOREST, { receivedAt: vn('2017-12-29', '09:00'), resolvedAt: vn('2018-01-02', '09:00') }),
  ];
  assert.equal((await importNdjson(t.app, admin, ndjson(lines))).json().imported, 5);
});
after(() => t.close());

const HEADERS = [
  'Tổng số',
  'Trực tuyến',
  'Trực tiếp, dịch vụ bưu chính',
  'Từ kỳ trước chuyển qua',
  'Tổng số',
  'Trả trước hạn',
  'Trả đúng thời hạn',
  'Trả quá hạn',
  'Tổng số',
  'Chưa đến hạn',
  'Quá hạn',
];

test('the XLSX export is Biểu II.06a/VPCP/KSTT: title, merged two-row headers, a row per field, totals', async () => {
  const res = await t.app.inject({ url: `/api/reports/summary.xlsx?${query}`, headers: admin });
  assert.equal(res.statusCode, 200, res.body);
  assert.equal(res.headers['content-type'], 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
  assert.deepEqual(
    wb.worksheets.map((w) => w.name),
    ['Biểu II.06a'],
  );
  const ws = wb.worksheets[0];
  const text = (row: number) => (ws.getRow(row).values as unknown[]).slice(1);
  assert.equal(ws.getCell('A1').value, 'Biểu số II.06a/VPCP/KSTT');
  assert.equal(ws.getCell('A2').value, 'TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH');
  assert.equal(ws.getCell('A3').value, 'Kỳ báo cáo: từ ngày 01/01/2018 đến ngày 31/03/2018');
  assert.equal(ws.getCell('A4').value, 'Cơ quan báo cáo: UBND xã Quảng La');
  assert.equal(ws.getCell('A6').value, 'STT');
  assert.equal(ws.getCell('B6').value, 'Lĩnh vực giải quyết');
  assert.equal(ws.getCell('C6').value, 'Số hồ sơ nhận giải quyết');
  assert.equal(ws.getCell('G6').value, 'Số hồ sơ đã giải quyết');
  assert.equal(ws.getCell('K6').value, 'Số hồ sơ đang giải quyết');
  // A merged range answers its master cell's value everywhere in it.
  for (const [cell, master] of [
    ['A7', 'A6'],
    ['B7', 'B6'],
    ['F6', 'C6'],
    ['J6', 'G6'],
    ['M6', 'K6'],
  ]) {
    assert.equal(ws.getCell(cell).master.address, master, cell);
  }
  assert.deepEqual(text(7).slice(2), HEADERS);
  assert.deepEqual(
    text(8),
    Array.from({ length: 13 }, (_, i) => `(${i + 1})`),
  );
  assert.deepEqual(text(9), [1, 'Hộ tịch', 4, 2, 2, 0, 3, 0, 2, 1, 1, 0, 1]);
  assert.deepEqual(text(10), [2, 'Lâm nghiệp', 1, 0, 0, 1, 1, 1, 0, 0, 0, 0, 0]);
  assert.deepEqual(text(11).slice(1), ['Tổng cộng', 5, 2, 2, 1, 4, 1, 2, 1, 1, 0, 1]);
  assert.equal(ws.rowCount, 11);
});

test('the CSV export has a byte order mark, Vietnamese headers, the same rows and the totals', async () => {
  const res = await t.app.inject({ url: `/api/reports/summary.csv?${query}&groupBy=procedure`, headers: admin });
  assert.equal(res.statusCode, 200, res.body);
  assert.equal(res.headers['content-type'], 'text/csv; charset=utf-8');
  assert.deepEqual([...res.rawPayload.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  const lines = res.body.replace(/^\uFEFF/, '').split('\r\n');
  assert.equal(
    lines[0],
    [
      'STT',
      'Thủ tục hành chính',
      ...HEADERS.map(
        (h, i) =>
          `${i < 4 ? 'Số hồ sơ nhận giải quyết' : i < 8 ? 'Số hồ sơ đã giải quyết' : 'Số hồ sơ đang giải quyết'}: ${h}`,
      ),
    ]
      .map((h) => (h.includes(',') ? `"${h}"` : h))
      .join(','),
  );
  const summary = await getJson(t.app, admin, `/api/reports/summary?${query}&groupBy=procedure`);
  assert.deepEqual(lines.slice(1), [
    `1,${summary.rows[0].group.name},4,2,2,0,3,0,2,1,1,0,1`,
    `2,${summary.rows[1].group.name},1,0,0,1,1,1,0,0,0,0,0`,
    ',Tổng cộng,5,2,2,1,4,1,2,1,1,0,1',
    '',
  ]);
});
