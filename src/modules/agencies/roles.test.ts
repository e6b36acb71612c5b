import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, loginAs, type TestApp } from '../../../test/harness';

const PROVINCE = '000.00.00.H40';
const HA_LONG = '000.20.01.H40';
const BAI_CHAY = '000.20.02.H40';

let t: TestApp;
let admin: Record<string, string>;
let haLongAdmin: Record<string, string>;
before(async () => {
  t = await createTestApp({ config: { loginMaxFailures: 3 } });
  admin = await loginAs(t.app, 'admin');
  haLongAdmin = await loginAs(t.app, 'u2001.quantri');
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

const newUser = (username: string, roles: object[]) => ({
  username,
  fullName: 'Ngô Thị Hồng Nhung',
  password: 'KhoiTao2026',
  email: 'nhung.nt@halong.quangninh.gov.vn',
  phone: '0912 345 678',
  roles,
});

async function grant(headers: Record<string, string>, username: string, body: object) {
  return t.app.inject({
    method: 'POST',
    url: `/api/admin/users/${await idOf(username)}/roles`,
    headers,
    payload: body,
  });
}

test('escalation: a ward administrator grants nothing above or beside its ward', async () => {
  const refused = [
    { role: 'specialist', agency: BAI_CHAY },
    { role: 'agency_admin', agency: PROVINCE },
    { role: 'province_admin', agency: HA_LONG },
    { role: 'province_admin', agency: PROVINCE },
    { role: 'inspector', agency: PROVINCE },
  ];
  for (const body of refused) {
    const res = await grant(haLongAdmin, 'u2001.mc1', body);
    assert.equal(res.statusCode, 403, JSON.stringify(body));
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/admin/users',
      headers: haLongAdmin,
      payload: newUser('leo.thang', [body]),
    });
    assert.equal(created.statusCode, 403, JSON.stringify(body));
  }
  const deputy = await grant(haLongAdmin, 'u2001.mc1', { role: 'agency_admin', agency: HA_LONG });
  assert.equal(deputy.statusCode, 201);
  assert.deepEqual([deputy.json().role, deputy.json().agency, deputy.json().unitId], ['agency_admin', HA_LONG, null]);
  const again = await grant(haLongAdmin, 'u2001.mc1', { role: 'agency_admin', agency: HA_LONG });
  assert.equal(again.statusCode, 409);
  assert.equal(again.json().error.code, 'ROLE_ALREADY_GRANTED');
  const wardProvinceAdmin = await grant(admin, 'u2001.mc1', { role: 'province_admin', agency: HA_LONG });
  assert.equal(wardProvinceAdmin.statusCode, 400);
  assert.equal(wardProvinceAdmin.json().error.field, 'role');
  assert.equal((await grant(admin, 'u2001.mc1', { role: 'province_admin', agency: PROVINCE })).statusCode, 201);
  assert.equal(
    (await t.db.selectFrom('audit_log').select('id').where('action', '=', 'role.grant').execute()).length,
    2,
  );
});

test('an account that outranks the ward administrator cannot be taken over through a shared ward role', async () => {
  assert.equal((await grant(admin, 'admin', { role: 'specialist', agency: HA_LONG })).statusCode, 201);
  const id = await idOf('admin');
  const seen = await t.app.inject({ url: `/api/admin/users/${id}`, headers: haLongAdmin });
  assert.equal(seen.statusCode, 200);
  assert.deepEqual(
    [seen.json().canManage, seen.json().roles.map((r: { role: string }) => r.role)],
    [false, ['specialist']],
  );
  const reset = await t.app.inject({
    method: 'PUT',
    url: `/api/admin/users/${id}/password`,
    headers: haLongAdmin,
    payload: { password: 'ChiemQuyen2026' },
  });
  const edit = await t.app.inject({
    method: 'PATCH',
    url: `/api/admin/users/${id}`,
    headers: haLongAdmin,
    payload: { email: 'ke.gian@example.com' },
  });
  assert.deepEqual([reset.statusCode, edit.statusCode], [403, 403]);
  await loginAs(t.app, 'admin');
});

test('revoking roles: in scope only, never a user’s last role, never one’s own last administrator role', async () => {
  const id = await idOf('u2001.kt1');
  const added = await grant(haLongAdmin, 'u2001.kt1', {
    role: 'unit_leader',
    agency: HA_LONG,
    unitId: await unitId(HA_LONG, 'KT'),
  });
  assert.equal(added.statusCode, 201);
  const del = (user: number, roleId: number, headers = haLongAdmin) =>
    t.app.inject({ method: 'DELETE', url: `/api/admin/users/${user}/roles/${roleId}`, headers });
  assert.equal((await del(id, added.json().id)).statusCode, 204);
  const [last] = (await t.app.inject({ url: `/api/admin/users/${id}`, headers: haLongAdmin })).json().roles;
  const lastRes = await del(id, last.id);
  assert.deepEqual([lastRes.statusCode, lastRes.json().error.code], [409, 'LAST_ROLE']);
  const otherWardUser = await idOf('u2002.kt1');
  const [otherGrant] = (await t.app.inject({ url: `/api/admin/users/${otherWardUser}`, headers: admin })).json().roles;
  assert.equal((await del(otherWardUser, otherGrant.id)).statusCode, 404);
  assert.equal((await del(id, otherGrant.id)).statusCode, 404);
  const me = await idOf('u2001.quantri');
  assert.equal((await grant(admin, 'u2001.quantri', { role: 'specialist', agency: HA_LONG })).statusCode, 201);
  const adminRole = (await t.app.inject({ url: `/api/admin/users/${me}`, headers: haLongAdmin }))
    .json()
    .roles.find((r: { role: string }) => r.role === 'agency_admin');
  const own = await del(me, adminRole.id);
  assert.deepEqual([own.statusCode, own.json().error.code], [409, 'OWN_LAST_ADMIN_ROLE']);
  const revokes = await t.db.selectFrom('audit_log').select('data').where('action', '=', 'role.revoke').execute();
  assert.deepEqual(
    revokes.map((r) => (r.data as { role: string }).role),
    ['unit_leader'],
  );
});
