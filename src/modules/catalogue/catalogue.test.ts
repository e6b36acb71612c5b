import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp } from '../../../test/harness';
import { importProcedures } from './service';
import { BAI_CHAY, fixtureCatalogue, HA_LONG, JUSTICE, LAND } from './test-fixtures';

let t: TestApp;
before(async () => {
  t = await createTestApp();
  const report = await importProcedures(t.db, fixtureCatalogue(), null);
  assert.deepEqual(report.rejected, []);
});
after(() => t.close());

async function list(query: string) {
  const res = await t.app.inject({ url: `/api/procedures?${query}` });
  assert.equal(res.statusCode, 200, res.body);
  const body = res.json() as { items: { code: string; name: string }[]; total: number };
  return { names: body.items.map((i) => i.name), codes: body.items.map((i) => i.code), total: body.total, body };
}

test('fields list code and name', async () => {
  const res = await t.app.inject({ url: '/api/fields' });
  const items = res.json().items as { code: string; name: string }[];
  assert.deepEqual(
    items.filter((f) => f.code.startsWith('TN_')),
    [
      { code: 'TN_DAT_DAI', name: 'Đất đai (thử nghiệm)', nameEn: 'Land (test)' },
      { code: 'TN_HO_TICH', name: 'Hộ tịch (thử nghiệm)', nameEn: 'Civil status (test)' },
    ],
  );
});

test('q=khai sinh lists "Đăng ký khai sinh" first among every name containing it', async () => {
  const r = await list(`field=TN_HO_TICH&q=${encodeURIComponent('khai sinh')}`);
  assert.deepEqual(r.names, [
    'Đăng ký khai sinh',
    'Đăng ký lại khai sinh',
    'Đăng ký khai sinh có yếu tố nước ngoài',
    'Đăng ký khai sinh kết hợp nhận cha, mẹ, con',
  ]);
  assert.equal(r.total, 4);
});

test('q ignores diacritics and case both ways, đ/Đ included', async () => {
  for (const q of ['dang ky ket hon', 'Đăng ký kết hôn', 'ĐĂNG KÝ KẾT HÔN', 'DANG KY KET HON', 'đang ky ket hon']) {
    const r = await list(`field=TN_HO_TICH&q=${encodeURIComponent(q)}`);
    assert.equal(r.names[0], 'Đăng ký kết hôn', q);
    assert.equal(r.total, 1, q);
  }
  for (const q of ['dinh chinh', 'Đính chính', 'ĐÍNH CHÍNH', 'đinh chinh']) {
    const r = await list(`field=TN_DAT_DAI&q=${encodeURIComponent(q)}`);
    assert.deepEqual(r.names, ['Đính chính Giấy chứng nhận đã cấp'], q);
  }
});

test('a typo still finds the procedure; the code finds it too', async () => {
  const typo = await list(`field=TN_HO_TICH&q=${encodeURIComponent('dang ki ket hon')}`);
  assert.equal(typo.names[0], 'Đăng ký kết hôn');
  const byCode = await list('q=TN.101');
  assert.deepEqual(byCode.codes.slice(0, 1), ['TN.101']);
});

test('search pages keep the ranking and the total', async () => {
  const q = `field=TN_HO_TICH&q=${encodeURIComponent('đăng ký')}`;
  const all = await list(`${q}&pageSize=100`);
  assert.equal(all.total, 6);
  const pages = [];
  for (const page of [1, 2, 3]) {
    const r = await list(`${q}&pageSize=2&page=${page}`);
    assert.equal(r.total, 6);
    pages.push(...r.codes);
  }
  assert.deepEqual(pages, all.codes);
  const beyond = await list(`${q}&pageSize=2&page=4`);
  assert.deepEqual([beyond.codes, beyond.total], [[], 6]);
});

test('listing without q pages in name order with the total', async () => {
  const first = await list('field=TN_HO_TICH&pageSize=4');
  assert.equal(first.total, 6);
  assert.deepEqual(first.names, [
    'Đăng ký kết hôn',
    'Đăng ký khai sinh',
    'Đăng ký khai sinh có yếu tố nước ngoài',
    'Đăng ký khai sinh kết hợp nhận cha, mẹ, con',
  ]);
  const second = await list('field=TN_HO_TICH&pageSize=4&page=2');
  assert.deepEqual(second.names, ['Đăng ký khai tử', 'Đăng ký lại khai sinh']);
});

test('filters by field, level and implementing agency', async () => {
  assert.deepEqual((await list('field=TN_DAT_DAI&level=province')).codes, ['TN.101', 'TN.102']);
  assert.equal((await list('field=TN_DAT_DAI&level=commune')).total, 0);
  assert.equal((await list(`field=TN_HO_TICH&agency=${HA_LONG}`)).total, 6);
  const baiChay = await list(`field=TN_HO_TICH&agency=${BAI_CHAY}`);
  assert.equal(baiChay.total, 5);
  assert.ok(!baiChay.codes.includes('TN.005'));
  assert.equal((await list(`field=TN_DAT_DAI&agency=${LAND}`)).total, 2);
  assert.equal((await list(`field=TN_DAT_DAI&agency=${JUSTICE}`)).total, 0);
});

test('unknown filter codes and bad paging are 400 naming the parameter', async () => {
  for (const [query, field] of [
    ['agency=999.99.99.H99', 'agency'],
    ['field=KHONG_CO', 'field'],
    ['level=hamlet', 'level'],
    ['pageSize=101', 'querystring.pageSize'],
    ['page=0', 'querystring.page'],
    ['at=2026-02-30', 'querystring.at'],
  ]) {
    const res = await t.app.inject({ url: `/api/procedures?${query}` });
    assert.equal(res.statusCode, 400, query);
    assert.equal(res.json().error.field, field, query);
  }
});

test("list items carry api.md's shape plus the reduced and effective deadlines", async () => {
  const r = await list(`field=TN_HO_TICH&q=${encodeURIComponent('Đăng ký kết hôn')}`);
  assert.deepEqual(r.body, {
    items: [
      {
        code: 'TN.005',
        name: 'Đăng ký kết hôn',
        field: { code: 'TN_HO_TICH', name: 'Hộ tịch (thử nghiệm)' },
        level: 'commune',
        deadline: { value: 3, unit: 'working_days' },
        reducedDeadline: { value: 2, unit: 'working_days' },
        fees: [{ name: 'Lệ phí', amount: 8000 }],
        channels: ['direct', 'online'],
        onlineLevel: 'full',
        effectiveDeadline: { value: 2, unit: 'working_days' },
      },
    ],
    total: 1,
    page: 1,
    pageSize: 20,
  });
});

test('the full procedure has components, fees, named units, liên thông steps, budget and decision', async () => {
  const res = await t.app.inject({ url: '/api/procedures/TN.101' });
  assert.equal(res.statusCode, 200);
  const p = res.json();
  assert.equal(p.name, 'Đăng ký đất đai, tài sản gắn liền với đất lần đầu');
  assert.deepEqual(p.agencies, [{ code: LAND, name: 'Sở Nông nghiệp và Môi trường' }]);
  assert.equal(p.allAgenciesOfLevel, false);
  assert.deepEqual(p.fees, [{ name: 'Lệ phí cấp giấy chứng nhận', amount: 100000, note: 'Theo Nghị quyết HĐND tỉnh' }]);
  const { id, ...component } = p.components[1];
  assert.equal(typeof id, 'number');
  assert.deepEqual(component, {
    name: 'Giấy tờ chứng minh nơi cư trú',
    originals: 0,
    copies: 1,
    required: false,
    template: null,
    templateFile: null,
  });
  assert.deepEqual(p.legalBasis, ['Luật Hộ tịch số 60/2014/QH13']);
  assert.equal(p.clockOnResume, 'resume');
  assert.deepEqual(
    p.process.steps.map((s: { unit: { name: string }; agency: { code: string } | null }) => [
      s.unit.name,
      s.agency?.code ?? null,
    ]),
    [
      ['Bộ phận tiếp nhận và trả kết quả tại Trung tâm Phục vụ hành chính công', null],
      ['Văn phòng Đăng ký đất đai', null],
      ['Phòng Kinh tế, Hạ tầng và Đô thị', HA_LONG],
      ['Ban Giám đốc Sở', null],
      ['Bộ phận tiếp nhận và trả kết quả tại Trung tâm Phục vụ hành chính công', null],
    ],
  );
  assert.deepEqual(p.process.steps[2], {
    seq: 3,
    name: 'Xác nhận hiện trạng tại phường',
    unit: { code: 'KT', name: 'Phòng Kinh tế, Hạ tầng và Đô thị' },
    role: 'specialist',
    roleName: 'Chuyên viên xử lý',
    agency: { code: HA_LONG, name: 'UBND phường Hạ Long' },
    duration: { value: 2, unit: 'working_days' },
  });
  assert.deepEqual([p.process.totalHours, p.process.budgetHours], [72, 80]);
  assert.deepEqual(p.decision, {
    number: '100/QĐ-UBND',
    date: '2025-06-20',
    type: 'new',
    effectiveFrom: '2025-07-01',
    effectiveTo: null,
  });
});

test('a procedure of every commune lists each commune-level agency', async () => {
  const p = (await t.app.inject({ url: '/api/procedures/TN.004' })).json();
  assert.equal(p.allAgenciesOfLevel, true);
  assert.ok(p.agencies.some((a: { code: string }) => a.code === BAI_CHAY));
  assert.ok(p.agencies.every((a: { code: string }) => a.code.startsWith('000.20.')));
});

test('an unknown code is 404; a day before the first version is 404 too', async () => {
  const unknown = await t.app.inject({ url: '/api/procedures/KHONG.CO' });
  assert.equal(unknown.statusCode, 404);
  assert.equal(unknown.json().error.code, 'NOT_FOUND');
  assert.equal((await t.app.inject({ url: '/api/procedures/KHONG.CO/versions' })).statusCode, 404);
  const early = await t.app.inject({ url: '/api/procedures/TN.004?at=2025-06-30' });
  assert.equal(early.statusCode, 404);
  assert.match(early.json().error.messageVi, /2025-06-30/);
});
