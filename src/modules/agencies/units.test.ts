import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, loginAs, type TestApp } from '../../../test/harness';

const HA_LONG = '000.20.01.H40';
const BAI_CHAY = '000.20.02.H40';

let t: TestApp;
let haLongAdmin: Record<string, string>;
let inspector: Record<string, string>;
before(async () => {
  t = await createTestApp();
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

test('units: list, create, edit and deactivate within scope', async () => {
  const created = await t.app.inject({
    method: 'POST',
    url: `/api/admin/agencies/${HA_LONG}/units`,
    headers: haLongAdmin,
    payload: { code: 'TP', name: 'Tổ Tư pháp - Hộ tịch', kind: 'specialist' },
  });
  assert.equal(created.statusCode, 201);
  const unit = created.json();
  assert.deepEqual(
    { ...unit, id: 0 },
    {
      id: 0,
      agency: HA_LONG,
      code: 'TP',
      name: 'Tổ Tư pháp - Hộ tịch',
      kind: 'specialist',
      active: true,
    },
  );
  const duplicate = await t.app.inject({
    method: 'POST',
    url: `/api/admin/agencies/${HA_LONG}/units`,
    headers: haLongAdmin,
    payload: { code: 'TP', name: 'Tổ khác', kind: 'specialist' },
  });
  assert.equal(duplicate.statusCode, 409);
  assert.deepEqual([duplicate.json().error.code, duplicate.json().error.field], ['UNIT_CODE_TAKEN', 'code']);
  const badCode = await t.app.inject({
    method: 'POST',
    url: `/api/admin/agencies/${HA_LONG}/units`,
    headers: haLongAdmin,
    payload: { code: 'tp 2', name: 'Tổ', kind: 'specialist' },
  });
  assert.equal(badCode.statusCode, 400);
  assert.equal(badCode.json().error.field, 'code');
  const closed = await t.app.inject({
    method: 'PATCH',
    url: `/api/admin/units/${unit.id}`,
    headers: haLongAdmin,
    payload: { active: false, name: 'Tổ Tư pháp' },
  });
  assert.equal(closed.statusCode, 200);
  assert.deepEqual([closed.json().active, closed.json().name], [false, 'Tổ Tư pháp']);
  const listed = await t.app.inject({ url: `/api/admin/agencies/${HA_LONG}/units`, headers: inspector });
  assert.deepEqual(
    listed.json().items.map((u: { code: string; active: boolean }) => `${u.code}:${u.active}`),
    ['KT:true', 'LD:true', 'MC:true', 'TP:false', 'VHXH:true', 'VP:true'],
  );
  const publicUnits = (await t.app.inject({ url: `/api/agencies/${HA_LONG}` })).json().units;
  assert.equal(
    publicUnits.some((u: { code: string }) => u.code === 'TP'),
    false,
  );
});

test('a ward administrator cannot list, create or edit units of another ward', async () => {
  const baiChayUnit = await t.db
    .selectFrom('units as u')
    .innerJoin('agencies as a', 'a.id', 'u.agency_id')
    .select('u.id')
    .where('a.code', '=', BAI_CHAY)
    .where('u.code', '=', 'MC')
    .executeTakeFirstOrThrow();
  const list = await t.app.inject({ url: `/api/admin/agencies/${BAI_CHAY}/units`, headers: haLongAdmin });
  const create = await t.app.inject({
    method: 'POST',
    url: `/api/admin/agencies/${BAI_CHAY}/units`,
    headers: haLongAdmin,
    payload: { code: 'X1', name: 'Tổ X', kind: 'desk' },
  });
  const edit = await t.app.inject({
    method: 'PATCH',
    url: `/api/admin/units/${baiChayUnit.id}`,
    headers: haLongAdmin,
    payload: { active: false },
  });
  assert.deepEqual([list.statusCode, create.statusCode, edit.statusCode], [403, 403, 403]);
});

test('the inspector reads every list but changes nothing; other officers cannot even read', async () => {
  assert.equal(
    (await t.app.inject({ url: `/api/admin/agencies/${BAI_CHAY}/units`, headers: inspector })).statusCode,
    200,
  );
  const changes = [
    { method: 'POST' as const, url: '/api/admin/agencies', payload: newAgency('000.20.01.A09', HA_LONG) },
    { method: 'PATCH' as const, url: `/api/admin/agencies/${HA_LONG}`, payload: { name: 'UBND' } },
    {
      method: 'POST' as const,
      url: `/api/admin/agencies/${HA_LONG}/units`,
      payload: { code: 'Z', name: 'Z', kind: 'desk' },
    },
    { method: 'PATCH' as const, url: '/api/admin/units/1', payload: { active: false } },
  ];
  for (const c of changes) {
    const res = await t.app.inject({ ...c, headers: inspector });
    assert.equal(res.statusCode, 403, c.url);
  }
  const reception = await loginAs(t.app, 'reception');
  assert.equal((await t.app.inject({ url: '/api/admin/agencies', headers: reception })).statusCode, 403);
  assert.equal((await t.app.inject({ url: '/api/admin/agencies' })).statusCode, 401);
});
