import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, loginAs, type TestApp } from '../../../test/harness';
import { DEMO_AGENCIES } from './demo-data';

const HA_LONG = '000.20.01.H40';
const BAI_CHAY = '000.20.02.H40';

let t: TestApp;
let admin: Record<string, string>;
let haLongAdmin: Record<string, string>;
let inspector: Record<string, string>;
before(async () => {
  t = await createTestApp();
  admin = await loginAs(t.app, 'admin');
  haLongAdmin = await loginAs(t.app, 'u2001.quantri');
  inspector = await loginAs(t.app, 'thanhtra');
});
after(() => t.close());

const newAgency = (code: string, parentCode: string) => ({
  code,
  name: 'Trung tâm Văn hóa - Thể thao phường',
  level: 'commune',
  kind: 'department',
  parentCode,
});

test('the public tree has the api.md shape, parents before children, siblings by code', async () => {
  const res = await t.app.inject({ url: '/api/agencies' });
  assert.equal(res.statusCode, 200);
  const items = res.json().items;
  assert.deepEqual(items[0], {
    code: '000.00.00.H40',
    name: 'UBND tỉnh Quảng Ninh',
    nameEn: 'Quang Ninh Provincial People’s Committee',
    level: 'province',
    kind: 'people_committee',
    parentCode: null,
  });
  assert.deepEqual(items[8], {
    code: HA_LONG,
    name: 'UBND phường Hạ Long',
    nameEn: 'Ha Long Ward People’s Committee',
    level: 'commune',
    kind: 'ward',
    parentCode: '000.00.00.H40',
  });
  assert.deepEqual(
    items.map((a: { code: string }) => a.code),
    DEMO_AGENCIES.map((a) => a.code),
  );
});

test('one public agency comes with its active units and no people', async () => {
  const res = await t.app.inject({ url: `/api/agencies/${BAI_CHAY}` });
  assert.equal(res.statusCode, 200);
  const body = res.json();
  assert.equal(body.name, 'UBND phường Bãi Cháy');
  assert.equal(body.address, 'Đường Hạ Long, phường Bãi Cháy');
  assert.deepEqual(body.units, [
    { code: 'KT', name: 'Phòng Kinh tế, Hạ tầng và Đô thị', kind: 'specialist' },
    { code: 'LD', name: 'Lãnh đạo UBND', kind: 'leadership' },
    { code: 'MC', name: 'Trung tâm Phục vụ hành chính công (Bộ phận Một cửa)', kind: 'desk' },
    { code: 'VHXH', name: 'Phòng Văn hóa - Xã hội', kind: 'specialist' },
    { code: 'VP', name: 'Văn phòng HĐND và UBND', kind: 'specialist' },
  ]);
  const missing = await t.app.inject({ url: '/api/agencies/999.99.99.H99' });
  assert.equal(missing.statusCode, 404);
  assert.equal(missing.json().error.code, 'NOT_FOUND');
});

test('levels are listed in their order', async () => {
  const res = await t.app.inject({ url: '/api/levels' });
  assert.deepEqual(
    res.json().items.map((l: { code: string }) => l.code),
    ['province', 'district', 'commune'],
  );
  assert.equal(res.json().items[2].name, 'Cấp xã');
});

test('a province administrator creates an agency that appears in the public tree under its parent', async () => {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/admin/agencies',
    headers: admin,
    payload: { ...newAgency('000.20.06.H40', '000.00.00.H40'), phone: '0203 3 825 111', kind: 'commune' },
  });
  assert.equal(res.statusCode, 201);
  assert.deepEqual(res.json(), {
    code: '000.20.06.H40',
    name: 'Trung tâm Văn hóa - Thể thao phường',
    nameEn: null,
    level: 'commune',
    kind: 'commune',
    parentCode: '000.00.00.H40',
    address: null,
    phone: '02033825111',
    active: true,
  });
  const codes = (await t.app.inject({ url: '/api/agencies' })).json().items.map((a: { code: string }) => a.code);
  assert.equal(codes.at(-1), '000.20.06.H40');
  const trail = await t.db
    .selectFrom('audit_log')
    .select(['action', 'data'])
    .where('entity_id', '=', '000.20.06.H40')
    .execute();
  assert.deepEqual(trail, [
    { action: 'agency.create', data: { parentCode: '000.00.00.H40', level: 'commune', kind: 'commune' } },
  ]);
});

test('agency input is validated field by field', async () => {
  const cases: [Record<string, unknown>, string][] = [
    [newAgency('20.01.H40', HA_LONG), 'code'],
    [newAgency('000.20.01.h40', HA_LONG), 'code'],
    [{ ...newAgency('000.20.01.A01', HA_LONG), phone: '12345' }, 'phone'],
    [{ ...newAgency('000.20.01.A01', HA_LONG), name: '   ' }, 'name'],
    [{ ...newAgency('000.20.01.A01', HA_LONG), kind: 'ministry' }, 'kind'],
    [{ ...newAgency('000.20.01.A01', HA_LONG), level: 'hamlet' }, 'level'],
    [newAgency('000.20.01.A01', '000.99.99.H40'), 'parentCode'],
  ];
  for (const [payload, field] of cases) {
    const res = await t.app.inject({ method: 'POST', url: '/api/admin/agencies', headers: admin, payload });
    assert.equal(res.statusCode, 400, field);
    assert.equal(res.json().error.field, field);
  }
});

test('an agency code already in use is a 409 on the code', async () => {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/admin/agencies',
    headers: admin,
    payload: newAgency(BAI_CHAY, '000.00.00.H40'),
  });
  assert.equal(res.statusCode, 409);
  assert.deepEqual([res.json().error.code, res.json().error.field], ['AGENCY_CODE_TAKEN', 'code']);
});

test('a ward administrator creates agencies under its own ward only', async () => {
  const own = await t.app.inject({
    method: 'POST',
    url: '/api/admin/agencies',
    headers: haLongAdmin,
    payload: newAgency('000.20.01.A01', HA_LONG),
  });
  assert.equal(own.statusCode, 201);
  for (const parent of [BAI_CHAY, '000.00.00.H40']) {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/admin/agencies',
      headers: haLongAdmin,
      payload: newAgency('000.20.01.A02', parent),
    });
    assert.equal(res.statusCode, 403, parent);
  }
});

test('editing an agency: its administrators change details, only the parent’s administrators close it', async () => {
  const edit = await t.app.inject({
    method: 'PATCH',
    url: `/api/admin/agencies/${HA_LONG}`,
    headers: haLongAdmin,
    payload: { address: 'Số 2 đường Nguyễn Văn Cừ', phone: '+84 203 3825 000' },
  });
  assert.equal(edit.statusCode, 200);
  assert.deepEqual([edit.json().address, edit.json().phone], ['Số 2 đường Nguyễn Văn Cừ', '+842033825000']);
  const closeOwn = await t.app.inject({
    method: 'PATCH',
    url: `/api/admin/agencies/${HA_LONG}`,
    headers: haLongAdmin,
    payload: { active: false },
  });
  assert.equal(closeOwn.statusCode, 403);
  const otherWard = await t.app.inject({
    method: 'PATCH',
    url: `/api/admin/agencies/${BAI_CHAY}`,
    headers: haLongAdmin,
    payload: { name: 'UBND phường Bãi Cháy mới' },
  });
  assert.equal(otherWard.statusCode, 403);
  const trail = await t.db
    .selectFrom('audit_log')
    .select('data')
    .where('action', '=', 'agency.update')
    .where('entity_id', '=', HA_LONG)
    .execute();
  assert.deepEqual(trail, [{ data: { fields: ['address', 'phone'] } }]);
});

test('an agency with active children cannot be closed; a closed one leaves the public tree', async () => {
  const parent = '000.20.05.H40';
  const child = '000.20.05.A01';
  const created = await t.app.inject({
    method: 'POST',
    url: '/api/admin/agencies',
    headers: admin,
    payload: newAgency(child, parent),
  });
  assert.equal(created.statusCode, 201);
  const refused = await t.app.inject({
    method: 'PATCH',
    url: `/api/admin/agencies/${parent}`,
    headers: admin,
    payload: { active: false },
  });
  assert.equal(refused.statusCode, 409);
  assert.equal(refused.json().error.code, 'AGENCY_HAS_ACTIVE_CHILDREN');
  for (const code of [child, parent]) {
    const res = await t.app.inject({
      method: 'PATCH',
      url: `/api/admin/agencies/${code}`,
      headers: admin,
      payload: { active: false },
    });
    assert.equal(res.statusCode, 200, code);
    assert.equal(res.json().active, false);
  }
  const codes = (await t.app.inject({ url: '/api/agencies' })).json().items.map((a: { code: string }) => a.code);
  assert.equal(codes.includes(parent), false);
  assert.equal((await t.app.inject({ url: `/api/agencies/${parent}` })).statusCode, 404);
  const reopen = await t.app.inject({
    method: 'PATCH',
    url: `/api/admin/agencies/${child}`,
    headers: admin,
    payload: { active: true },
  });
  assert.equal(reopen.statusCode, 409);
  assert.equal(reopen.json().error.code, 'PARENT_INACTIVE');
});

test('an empty agency patch is a 400', async () => {
  const res = await t.app.inject({
    method: 'PATCH',
    url: `/api/admin/agencies/${HA_LONG}`,
    headers: admin,
    payload: {},
  });
  assert.equal(res.statusCode, 400);
  assert.equal(res.json().error.code, 'VALIDATION_ERROR');
});

test('administration lists are scoped: a ward administrator sees its own subtree only', async () => {
  const ward = await t.app.inject({ url: '/api/admin/agencies', headers: haLongAdmin });
  assert.equal(ward.statusCode, 200);
  assert.deepEqual(
    ward.json().items.map((a: { code: string }) => a.code),
    [HA_LONG, '000.20.01.A01'],
  );
  const all = await t.app.inject({ url: '/api/admin/agencies', headers: inspector });
  assert.equal(all.json().items.length >= DEMO_AGENCIES.length, true);
  const other = await t.app.inject({ url: `/api/admin/agencies/${BAI_CHAY}`, headers: haLongAdmin });
  assert.equal(other.statusCode, 403);
  const own = await t.app.inject({ url: `/api/admin/agencies/${HA_LONG}`, headers: haLongAdmin });
  assert.equal(own.json().units.length, 5);
});
