import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { createTestApp, loginAs, type TestApp } from '../../../test/harness';
import { importProcedures, importProceduresTx, importProceduresXlsx } from './service';
import { XLSX_TYPE } from './routes';
import { entry, FIELDS, HA_LONG } from './test-fixtures';

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(() => t.close());

const versionCount = async () =>
  (
    await t.db
      .selectFrom('procedure_versions')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
  ).n;
const detail = async (code: string, at = '') => (await t.app.inject({ url: `/api/procedures/${code}${at}` })).json();

test('a JSON import lands the good entries and reports each bad one with its index, code and field', async () => {
  const long = entry('IM.003', 'Thủ tục quá hạn', {
    deadline: { value: 1, unit: 'working_days' },
    reducedDeadline: null,
  });
  const report = await importProcedures(
    t.db,
    {
      fields: [...FIELDS, { code: 'TN_X', name: '' }],
      procedures: [
        entry('IM.001', 'Xác nhận tình trạng hôn nhân'),
        entry('IM.002', 'Đăng ký giám hộ', { agencies: [HA_LONG] }),
        long,
        entry('IM.004', 'Thủ tục sai lĩnh vực', { field: 'KHONG_CO' }),
        { ...entry('IM.005', 'x'), name: undefined },
      ],
    },
    null,
  );
  assert.deepEqual(
    { ...report, rejected: report.rejected.map((r) => [r.index, r.code, r.errorCode, r.field, r.sheet, r.row]) },
    {
      fields: { created: 2, updated: 0, unchanged: 0 },
      created: 2,
      versioned: 0,
      abolished: 0,
      unchanged: 0,
      rejected: [
        [2, 'TN_X', 'VALIDATION_ERROR', 'fields.2.name', null, null],
        [2, 'IM.003', 'PROCESS_EXCEEDS_DEADLINE', 'procedures.2.process', null, null],
        [3, 'IM.004', 'VALIDATION_ERROR', 'procedures.3.field', null, null],
        [4, 'IM.005', 'VALIDATION_ERROR', 'procedures.4.name', null, null],
      ],
    },
  );
  assert.equal(report.rejected[1].messageVi.startsWith('Tổng thời gian các bước quy trình (16 giờ làm việc)'), true);
  assert.equal((await detail('IM.001')).name, 'Xác nhận tình trạng hôn nhân');
  assert.equal((await t.app.inject({ url: '/api/procedures/IM.003' })).statusCode, 404);
});

test('importing again changes nothing; changed content needs an amending decision', async () => {
  const versions = await versionCount();
  const again = await importProcedures(
    t.db,
    { fields: FIELDS, procedures: [entry('IM.001', 'Xác nhận tình trạng hôn nhân')] },
    null,
  );
  assert.deepEqual([again.fields.unchanged, again.unchanged, again.created, again.rejected.length], [2, 1, 0, 0]);
  assert.equal(await versionCount(), versions);

  const changed = entry('IM.001', 'Cấp giấy xác nhận tình trạng hôn nhân');
  const asNew = await importProcedures(t.db, { procedures: [changed] }, null);
  assert.deepEqual(
    asNew.rejected.map((r) => [r.errorCode, r.field]),
    [['PROCEDURE_EXISTS', 'procedures.0.code']],
  );
  const decision = { number: '500/QĐ-UBND', date: '2099-02-20', type: 'amended', effectiveFrom: '2099-03-01' };
  const amended = await importProcedures(t.db, { procedures: [{ ...changed, decision }] }, null);
  assert.deepEqual([amended.versioned, amended.rejected.length], [1, 0]);
  assert.equal((await detail('IM.001', '?at=2099-03-01')).name, 'Cấp giấy xác nhận tình trạng hôn nhân');
  assert.equal((await detail('IM.001')).name, 'Xác nhận tình trạng hôn nhân');
  const sameAgain = await importProcedures(t.db, { procedures: [{ ...changed, decision }] }, null);
  assert.equal(sameAgain.unchanged, 1);
  assert.equal(await versionCount(), versions + 1);
});

test('abolition entries need only code and decision; twice is once, unknown codes are reported', async () => {
  const abolish = (code: string) => ({
    code,
    decision: { number: '600/QĐ-UBND', date: '2099-05-01', type: 'abolished', effectiveFrom: '2099-06-01' },
  });
  const report = await importProcedures(
    t.db,
    { procedures: [abolish('IM.002'), abolish('IM.002'), abolish('IM.999')] },
    null,
  );
  assert.deepEqual([report.abolished, report.unchanged], [1, 1]);
  assert.deepEqual(
    report.rejected.map((r) => [r.index, r.code, r.errorCode, r.field]),
    [[2, 'IM.999', 'NOT_FOUND', 'procedures.2.code']],
  );
  assert.equal((await t.app.inject({ url: '/api/procedures/IM.002?at=2099-06-01' })).statusCode, 404);
});

test('a document without a procedures list is refused as a whole', async () => {
  await assert.rejects(importProcedures(t.db, { fields: [] }, null), { code: 'VALIDATION_ERROR', field: 'procedures' });
  await assert.rejects(importProcedures(t.db, 'not json', null), { status: 400 });
});

test('inside a transaction a rejected entry writes nothing and the good ones commit with it', async () => {
  const report = await t.db
    .transaction()
    .execute((tx) =>
      importProceduresTx(
        tx,
        { procedures: [entry('IM.010', 'Thủ tục trong giao dịch'), entry('IM.011', 'Sai cấp', { level: 'x' })] },
        null,
      ),
    );
  assert.deepEqual([report.created, report.rejected.map((r) => r.field)], [1, ['procedures.1.level']]);
  assert.equal((await detail('IM.010')).version, 1);
  assert.equal((await t.app.inject({ url: '/api/procedures/IM.011' })).statusCode, 404);
});

/** A workbook in the layout of docs/catalogue-format.md, Vietnamese labels and all. */
async function workbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = (name: string, rows: unknown[][]) => wb.addWorksheet(name).addRows(rows);
  sheet('Lĩnh vực', [
    ['Mã lĩnh vực', 'Tên lĩnh vực', 'Tên tiếng Anh'],
    ['TN_CHUNG_THUC', 'Chứng thực (thử nghiệm)', 'Certification (test)'],
  ]);
  const head = ['Mã thủ tục', 'Tên thủ tục', 'Mã lĩnh vực', 'Cấp thực hiện', 'Cơ quan thực hiện', 'Kết quả thực hiện'];
  const tail = [
    'Thời hạn giải quyết',
    'Thời hạn rút ngắn',
    'Căn cứ pháp lý',
    'Cách thức thực hiện',
    'Mức độ trực tuyến',
  ];
  const decision = ['Số quyết định', 'Ngày quyết định', 'Loại quyết định', 'Ngày có hiệu lực', 'Khi bổ sung hồ sơ'];
  sheet('Thủ tục', [
    [...head, ...tail, ...decision],
    [
      'XL.001',
      'Chứng thực bản sao từ bản chính',
      'TN_CHUNG_THUC',
      'Cấp xã',
      `${HA_LONG}`,
      'Bản sao được chứng thực',
      '1 ngày làm việc',
      '4 giờ làm việc',
      'Nghị định số 23/2015/NĐ-CP\nThông tư số 01/2020/TT-BTP',
      'Trực tiếp; Trực tuyến',
      'Một phần',
      '700/QĐ-UBND',
      new Date(Date.UTC(2025, 5, 20)),
      'Mới',
      '01/07/2025',
      'Tính tiếp',
    ],
    ['XL.002', 'Chứng thực chữ ký', 'TN_CHUNG_THUC', 'commune', '', null, '2 giờ', null, null, 'direct', 'none'],
    ['XL.003', 'Chứng thực hợp đồng', 'TN_CHUNG_THUC', 'Cấp xã', '', null, 2, null, null, 'Trực tiếp', 'Không'],
  ]);
  for (const row of [3, 4]) {
    wb.getWorksheet('Thủ tục')!.getRow(row).getCell(12).value = '701/QĐ-UBND';
    wb.getWorksheet('Thủ tục')!.getRow(row).getCell(13).value = '2025-06-20';
    wb.getWorksheet('Thủ tục')!.getRow(row).getCell(14).value = 'new';
    wb.getWorksheet('Thủ tục')!.getRow(row).getCell(15).value = new Date(Date.UTC(2025, 6, 1));
  }
  sheet('Thành phần hồ sơ', [
    ['Mã thủ tục', 'Tên thành phần hồ sơ', 'Số bản chính', 'Số bản sao', 'Bắt buộc', 'Mẫu đơn, tờ khai'],
    ['XL.001', 'Bản chính giấy tờ', 1, 0, 'Có', null],
    ['XL.001', 'Bản sao cần chứng thực', 0, '2', 'Không', null],
    ['XL.003', 'Dự thảo hợp đồng', 'một', 0, 'Có', null],
  ]);
  sheet('Phí lệ phí', [
    ['Mã thủ tục', 'Tên phí, lệ phí', 'Mức thu (đồng)', 'Ghi chú'],
    ['XL.001', 'Lệ phí chứng thực bản sao', '2.000 đồng', 'Mỗi trang'],
    ['XL.999', 'Phí của thủ tục không có', 1000, null],
  ]);
  sheet('Quy trình', [
    ['Mã thủ tục', 'Tên bước', 'Đơn vị', 'Vai trò', 'Cơ quan liên thông', 'Thời gian'],
    ['XL.001', 'Tiếp nhận', 'MC', 'Cán bộ tiếp nhận', null, '1 giờ làm việc'],
    ['XL.001', 'Chứng thực, ký', 'LD', 'Lãnh đạo cơ quan', null, '2 giờ làm việc'],
    ['XL.002', 'Tiếp nhận và chứng thực', 'MC', 'reception', null, '2 giờ'],
    ['XL.003', 'Tiếp nhận', 'MC', 'Người gác cổng', null, '2 giờ'],
  ]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

test('an XLSX import reads the labelled sheets, lands the good rows and reports bad ones by sheet and row', async () => {
  const report = await importProceduresXlsx(t.db, await workbook(), null);
  assert.deepEqual([report.fields.created, report.created], [1, 2]);
  assert.deepEqual(
    report.rejected.map((r) => [r.index, r.code, r.sheet, r.row, r.field]),
    [
      [2, 'XL.003', 'Thành phần hồ sơ', 4, 'procedures.2.components.0.originals'],
      [null, 'XL.999', 'Phí lệ phí', 3, 'code'],
    ],
  );
  const p = await detail('XL.001');
  assert.deepEqual(
    {
      level: p.level,
      agencies: p.agencies.map((a: { code: string }) => a.code),
      deadline: p.deadline,
      reducedDeadline: p.reducedDeadline,
      legalBasis: p.legalBasis,
      channels: p.channels,
      onlineLevel: p.onlineLevel,
      clockOnResume: p.clockOnResume,
      decision: p.decision,
      components: p.components.map((c: { copies: number; required: boolean }) => [c.copies, c.required]),
      fees: p.fees,
      steps: p.process.steps.map((s: { unit: { code: string }; role: string; duration: object }) => [
        s.unit.code,
        s.role,
        s.duration,
      ]),
    },
    {
      level: 'commune',
      agencies: [HA_LONG],
      deadline: { value: 1, unit: 'working_days' },
      reducedDeadline: { value: 4, unit: 'working_hours' },
      legalBasis: ['Nghị định số 23/2015/NĐ-CP', 'Thông tư số 01/2020/TT-BTP'],
      channels: ['direct', 'online'],
      onlineLevel: 'partial',
      clockOnResume: 'resume',
      decision: {
        number: '700/QĐ-UBND',
        date: '2025-06-20',
        type: 'new',
        effectiveFrom: '2025-07-01',
        effectiveTo: null,
      },
      components: [
        [0, true],
        [2, false],
      ],
      fees: [{ name: 'Lệ phí chứng thực bản sao', amount: 2000, note: 'Mỗi trang' }],
      steps: [
        ['MC', 'reception', { value: 1, unit: 'working_hours' }],
        ['LD', 'agency_leader', { value: 2, unit: 'working_hours' }],
      ],
    },
  );
  const signature = await detail('XL.002');
  assert.deepEqual([signature.deadline, signature.allAgenciesOfLevel], [{ value: 2, unit: 'working_hours' }, true]);
});

test('the import endpoint takes JSON or the raw workbook and refuses what is not a workbook', async () => {
  const admin = await loginAs(t.app, 'admin');
  const json = await t.app.inject({
    method: 'POST',
    url: '/api/procedures/import',
    headers: admin,
    payload: { procedures: [entry('IM.020', 'Thủ tục nhập qua API')] },
  });
  assert.deepEqual([json.statusCode, json.json().created], [200, 1]);
  const xlsx = await t.app.inject({
    method: 'POST',
    url: '/api/procedures/import',
    headers: { ...admin, 'content-type': XLSX_TYPE },
    payload: await workbook(),
  });
  assert.equal(xlsx.statusCode, 200, xlsx.body);
  assert.deepEqual([xlsx.json().fields.unchanged, xlsx.json().unchanged, xlsx.json().rejected.length], [1, 2, 2]);
  const broken = await t.app.inject({
    method: 'POST',
    url: '/api/procedures/import',
    headers: { ...admin, 'content-type': XLSX_TYPE },
    payload: Buffer.from('not a workbook'),
  });
  assert.deepEqual([broken.statusCode, broken.json().error.code], [400, 'XLSX_INVALID']);
  const empty = new ExcelJS.Workbook();
  empty.addWorksheet('Trang 1');
  const noSheet = await t.app.inject({
    method: 'POST',
    url: '/api/procedures/import',
    headers: { ...admin, 'content-type': XLSX_TYPE },
    payload: Buffer.from(await empty.xlsx.writeBuffer()),
  });
  assert.deepEqual([noSheet.statusCode, noSheet.json().error.messageVi], [400, 'Thiếu sheet "Thủ tục"']);
});

test('an agency administrator importing sees out-of-scope entries and new fields rejected', async () => {
  const ward = await loginAs(t.app, 'u2001.quantri');
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/procedures/import',
    headers: ward,
    payload: {
      fields: [{ code: 'TN_MOI', name: 'Lĩnh vực mới' }],
      procedures: [entry('IM.030', 'Thủ tục của phường', { agencies: [HA_LONG] }), entry('IM.031', 'Thủ tục mọi xã')],
    },
  });
  const report = res.json();
  assert.equal(report.created, 1);
  assert.deepEqual(
    report.rejected.map((r: { field: string; errorCode: string }) => [r.field, r.errorCode]),
    [
      ['fields.0', 'FORBIDDEN'],
      ['procedures.1', 'FORBIDDEN'],
    ],
  );
});
