import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, loginAs, type TestApp } from '../../../test/harness';

const HA_LONG = '000.20.01.H40';
const BAI_CHAY = '000.20.02.H40';

let t: TestApp;
let admin: Record<string, string>;
let haLongAdmin: Record<string, string>;
let inspector: Record<string, string>;
before(async () => {
  t = await createTestApp({ config: { loginMaxFailures: 3 } });
  admin = await loginAs(t.app, 'admin');
  haLongAdmin = await loginAs(t.app, 'u2001.quantri');
  inspector = await loginAs(t.app, 'thanhtra');
});
after(() => t.close());

async function idOf(username: string): Promise<number> {
  const row = await t.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow();
  return row.id;
}

async function unitId(agency: string, code: string): Promise<number> {
  const row = await t.db
    .selectFrom('units as u')
    .innerJoin('agencies as a', 'a.id', 'u.agency_id')
    .select('u.id')
    .where('a.code', '=', agency)
    .where('u.code', '=', code)
    .executeTakeFirstOrThrow();
  return row.id;
}

async function usernames(headers: Record<string, string>, query: string): Promise<string[]> {
  const res = await t.app.inject({ url: `/api/admin/users?${query}`, headers });
  assert.equal(res.statusCode, 200, res.body);
  return res.json().items.map((u: { username: string }) => u.username);
}

const newUser = (username: string, roles: object[]) => ({
  username,
  fullName: 'Ngô Thị Hồng Nhung',
  password: 'KhoiTao2026',
  email: 'nhung.nt@halong.quangninh.gov.vn',
  phone: '0912 345 678',
  roles,
});

test('a ward administrator lists exactly its own ward’s users, with their personal data', async () => {
  const res = await t.app.inject({ url: '/api/admin/users?pageSize=200', headers: haLongAdmin });
  const body = res.json();
  assert.equal(body.total, 15);
  assert.equal(
    body.items.every((u: { roles: { agency: string }[] }) => u.roles.every((r) => r.agency === HA_LONG)),
    true,
  );
  const reception = body.items.find((u: { username: string }) => u.username === 'reception');
  assert.deepEqual(reception, {
    id: await idOf('reception'),
    username: 'reception',
    fullName: 'Trần Thị Thu Hà',
    active: true,
    locked: false,
    roles: [
      {
        id: reception.roles[0].id,
        role: 'reception',
        roleName: 'Cán bộ tiếp nhận',
        roleNameEn: 'Reception officer',
        agency: HA_LONG,
        agencyName: 'UBND phường Hạ Long',
        unitId: await unitId(HA_LONG, 'MC'),
        unit: 'MC',
      },
    ],
    canManage: true,
    email: null,
    phone: null,
  });
});

test('user filters: agency subtree, unit, role, and a search that ignores diacritics', async () => {
  assert.deepEqual(await usernames(haLongAdmin, `role=specialist&agency=${HA_LONG}`), [
    'specialist',
    'u2001.kt1',
    'u2001.kt2',
    'u2001.vhxh1',
    'u2001.vhxh2',
    'u2001.vp1',
    'u2001.vp2',
  ]);
  assert.deepEqual(await usernames(haLongAdmin, `unit=${await unitId(HA_LONG, 'VHXH')}`), [
    'leader',
    'specialist',
    'u2001.vhxh1',
    'u2001.vhxh2',
    'u2001.vhxhlead',
  ]);
  assert.deepEqual(await usernames(admin, `q=${encodeURIComponent('thi thu ha')}`), ['reception']);
  assert.deepEqual(await usernames(admin, `q=${encodeURIComponent('TRẦN THỊ THU HÀ')}`), ['reception']);
  assert.deepEqual(await usernames(admin, 'q=u2002.mc'), ['u2002.mc1']);
  assert.deepEqual(await usernames(haLongAdmin, 'q=u2002.mc'), []);
  assert.deepEqual(await usernames(admin, 'q=%25'), []);
  const page = await t.app.inject({ url: `/api/admin/users?agency=${BAI_CHAY}&pageSize=5&page=3`, headers: admin });
  assert.deepEqual([page.json().total, page.json().items.length], [12, 2]);
});

test('a ward administrator cannot list, read or change another ward’s users', async () => {
  const other = await idOf('u2002.mc1');
  const list = await t.app.inject({ url: `/api/admin/users?agency=${BAI_CHAY}`, headers: haLongAdmin });
  const byUnit = await t.app.inject({
    url: `/api/admin/users?unit=${await unitId(BAI_CHAY, 'MC')}`,
    headers: haLongAdmin,
  });
  const read = await t.app.inject({ url: `/api/admin/users/${other}`, headers: haLongAdmin });
  const edit = await t.app.inject({
    method: 'PATCH',
    url: `/api/admin/users/${other}`,
    headers: haLongAdmin,
    payload: { active: false },
  });
  const reset = await t.app.inject({
    method: 'PUT',
    url: `/api/admin/users/${other}/password`,
    headers: haLongAdmin,
    payload: { password: 'ChiemQuyen2026' },
  });
  const unlock = await t.app.inject({ method: 'POST', url: `/api/admin/users/${other}/unlock`, headers: haLongAdmin });
  assert.deepEqual(
    [list, byUnit, read, edit, reset, unlock].map((r) => r.statusCode),
    [403, 403, 404, 404, 404, 404],
  );
  await loginAs(t.app, 'u2002.mc1');
});

test('the inspector reads users without personal data and changes nothing', async () => {
  const one = await t.app.inject({ url: `/api/admin/users/${await idOf('u2002.mc1')}`, headers: inspector });
  assert.equal(one.statusCode, 200);
  assert.equal('phone' in one.json() || 'email' in one.json(), false);
  assert.equal(one.json().canManage, false);
  const id = await idOf('u2003.mc1');
  const changes = [
    {
      method: 'POST' as const,
      url: '/api/admin/users',
      payload: newUser('thanhtra.tao', [{ role: 'specialist', agency: BAI_CHAY }]),
    },
    { method: 'PATCH' as const, url: `/api/admin/users/${id}`, payload: { fullName: 'Tên Khác' } },
    { method: 'PUT' as const, url: `/api/admin/users/${id}/password`, payload: { password: 'MatKhau2026' } },
    { method: 'POST' as const, url: `/api/admin/users/${id}/unlock` },
    { method: 'POST' as const, url: `/api/admin/users/${id}/roles`, payload: { role: 'specialist', agency: BAI_CHAY } },
    { method: 'DELETE' as const, url: `/api/admin/users/${id}/roles/1` },
  ];
  for (const c of changes) {
    assert.equal((await t.app.inject({ ...c, headers: inspector })).statusCode, 403, `${c.method} ${c.url}`);
  }
});

test('a ward administrator creates a user who can log in; the audit trail holds no password or phone', async () => {
  const mc = await unitId(HA_LONG, 'MC');
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/admin/users',
    headers: haLongAdmin,
    payload: newUser('  NT.Nhung ', [{ role: 'reception', agency: HA_LONG, unitId: mc }]),
  });
  assert.equal(res.statusCode, 201, res.body);
  const user = res.json();
  assert.deepEqual(
    [user.username, user.fullName, user.email, user.phone, user.roles.map((r: { unit: string }) => r.unit)],
    ['nt.nhung', 'Ngô Thị Hồng Nhung', 'nhung.nt@halong.quangninh.gov.vn', '0912345678', ['MC']],
  );
  await loginAs(t.app, 'nt.nhung', 'KhoiTao2026');
  const trail = await t.db
    .selectFrom('audit_log')
    .select(['action', 'data'])
    .where('entity_type', '=', 'user')
    .where('entity_id', '=', String(user.id))
    .where('action', '=', 'user.create')
    .executeTakeFirstOrThrow();
  assert.deepEqual(trail.data, { username: 'nt.nhung', roles: [{ role: 'reception', agency: HA_LONG }] });
  const all = JSON.stringify(await t.db.selectFrom('audit_log').select('data').execute());
  assert.equal(/0912345678|KhoiTao2026|nhung\.nt@/.test(all), false);
});

test('user input is validated field by field; a taken username is a 409', async () => {
  const own = [{ role: 'specialist', agency: HA_LONG }];
  const cases: [object, string][] = [
    [{ ...newUser('nv.moi', own), password: 'ngan1' }, 'password'],
    [{ ...newUser('nv.moi', own), password: 'chichucaikhongso' }, 'password'],
    [{ ...newUser('nv.moi', own), email: 'khong-phai-email' }, 'email'],
    [{ ...newUser('nv.moi', own), phone: '09123' }, 'phone'],
    [newUser('nv mới', own), 'username'],
    [newUser('nv.moi', []), 'roles'],
    [newUser('nv.moi', [{ role: 'chairman', agency: HA_LONG }]), 'roles.0.role'],
    [newUser('nv.moi', [...own, { role: 'specialist', agency: '000.99.99.H40' }]), 'roles.1.agency'],
    [
      newUser('nv.moi', [{ role: 'reception', agency: HA_LONG, unitId: await unitId(BAI_CHAY, 'MC') }]),
      'roles.0.unitId',
    ],
  ];
  for (const [payload, field] of cases) {
    const res = await t.app.inject({ method: 'POST', url: '/api/admin/users', headers: haLongAdmin, payload });
    assert.equal(res.statusCode, 400, field);
    assert.equal(res.json().error.field, field);
  }
  const taken = await t.app.inject({
    method: 'POST',
    url: '/api/admin/users',
    headers: haLongAdmin,
    payload: newUser('Reception', own),
  });
  assert.equal(taken.statusCode, 409);
  assert.deepEqual([taken.json().error.code, taken.json().error.field], ['USERNAME_TAKEN', 'username']);
  const none = await t.db.selectFrom('users').select('id').where('username', '=', 'nv.moi').execute();
  assert.deepEqual(none, []);
});

test('edit a user; deactivating ends their sessions; nobody deactivates themselves', async () => {
  const id = await idOf('u2001.kt2');
  const session = await loginAs(t.app, 'u2001.kt2');
  const res = await t.app.inject({
    method: 'PATCH',
    url: `/api/admin/users/${id}`,
    headers: haLongAdmin,
    payload: { fullName: 'Bùi  Minh   Khánh', email: 'khanh.bm@halong.gov.vn', phone: '0203.3825.222', active: false },
  });
  assert.equal(res.statusCode, 200);
  assert.deepEqual(
    [res.json().fullName, res.json().email, res.json().phone, res.json().active],
    ['Bùi Minh Khánh', 'khanh.bm@halong.gov.vn', '02033825222', false],
  );
  assert.equal((await t.app.inject({ url: '/api/auth/me', headers: session })).statusCode, 401);
  const cleared = await t.app.inject({
    method: 'PATCH',
    url: `/api/admin/users/${id}`,
    headers: haLongAdmin,
    payload: { email: null },
  });
  assert.equal(cleared.json().email, null);
  const bad = await t.app.inject({
    method: 'PATCH',
    url: `/api/admin/users/${id}`,
    headers: haLongAdmin,
    payload: { email: 'a@' },
  });
  assert.deepEqual([bad.statusCode, bad.json().error.field], [400, 'email']);
  const self = await t.app.inject({
    method: 'PATCH',
    url: `/api/admin/users/${await idOf('u2001.quantri')}`,
    headers: haLongAdmin,
    payload: { active: false },
  });
  assert.deepEqual([self.statusCode, self.json().error.code], [409, 'OWN_ACCOUNT']);
  const trail = await t.db
    .selectFrom('audit_log')
    .select('data')
    .where('action', '=', 'user.update')
    .where('entity_id', '=', String(id))
    .orderBy('id')
    .execute();
  assert.deepEqual(
    trail.map((r) => r.data),
    [{ fields: ['active', 'email', 'fullName', 'phone'], active: false }, { fields: ['email'] }],
  );
});

test('an administrator resets a password: the old one and every session stop working', async () => {
  const id = await idOf('u2001.vp2');
  const session = await loginAs(t.app, 'u2001.vp2');
  const weak = await t.app.inject({
    method: 'PUT',
    url: `/api/admin/users/${id}/password`,
    headers: haLongAdmin,
    payload: { password: 'abc' },
  });
  assert.deepEqual([weak.statusCode, weak.json().error.field], [400, 'password']);
  const ok = await t.app.inject({
    method: 'PUT',
    url: `/api/admin/users/${id}/password`,
    headers: haLongAdmin,
    payload: { password: 'DatLai2026' },
  });
  assert.equal(ok.statusCode, 204);
  assert.equal((await t.app.inject({ url: '/api/auth/me', headers: session })).statusCode, 401);
  await assert.rejects(loginAs(t.app, 'u2001.vp2'));
  await loginAs(t.app, 'u2001.vp2', 'DatLai2026');
});

test('unlock clears the lock left by failed logins', async () => {
  const login = (password: string) =>
    t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'u2001.vp1', password } });
  for (let i = 0; i < 3; i++) assert.equal((await login('sai-mat-khau')).statusCode, 401);
  assert.equal((await login('demo1234')).statusCode, 423);
  const id = await idOf('u2001.vp1');
  assert.equal((await t.app.inject({ url: `/api/admin/users/${id}`, headers: haLongAdmin })).json().locked, true);
  const res = await t.app.inject({ method: 'POST', url: `/api/admin/users/${id}/unlock`, headers: haLongAdmin });
  assert.equal(res.statusCode, 204);
  assert.equal((await login('demo1234')).statusCode, 200);
});
