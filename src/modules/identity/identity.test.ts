import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, loginAs, type TestApp } from '../../../test/harness';
import { hashToken, SESSION_CACHE_MS } from './service';

let t: TestApp;
before(async () => {
  t = await createTestApp({ config: { loginMaxFailures: 3, loginLockMinutes: 15 } });
});
after(() => t.close());

test('healthz answers ok once the database is migrated', async () => {
  const res = await t.app.inject({ url: '/healthz' });
  assert.equal(res.statusCode, 200);
  assert.deepEqual(res.json(), { status: 'ok' });
});

test('login returns a token, the roles and an httpOnly session cookie', async () => {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username: 'reception', password: 'demo1234' },
  });
  assert.equal(res.statusCode, 200);
  const body = res.json();
  assert.ok(body.token.length >= 40);
  assert.equal(body.user.username, 'reception');
  assert.deepEqual(
    body.user.roles.map((r: { role: string }) => r.role),
    ['reception'],
  );
  const cookie = res.cookies.find((c) => c.name === 'motcua_session');
  assert.ok(cookie?.httpOnly);
  const me = await t.app.inject({ url: '/api/auth/me', headers: { authorization: `Bearer ${body.token}` } });
  assert.equal(me.json().user.fullName, 'Trần Thị Thu Hà');
});

test('wrong password gives 401 in both languages; unknown user the same', async () => {
  for (const username of ['specialist', 'nobody']) {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username, password: 'wrong' },
    });
    assert.equal(res.statusCode, 401);
    assert.equal(res.json().error.code, 'INVALID_CREDENTIALS');
    assert.match(res.json().error.messageVi, /mật khẩu/);
  }
});

test('repeated failures lock the account even for the right password', async () => {
  for (let i = 0; i < 3; i++) {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'thanhtra', password: 'bad' },
    });
    assert.equal(res.statusCode, 401);
  }
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username: 'thanhtra', password: 'demo1234' },
  });
  assert.equal(res.statusCode, 423);
  assert.equal(res.json().error.code, 'ACCOUNT_LOCKED');
});

test('bad login input is a 400 naming the field', async () => {
  const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin' } });
  assert.equal(res.statusCode, 400);
  assert.equal(res.json().error.code, 'VALIDATION_ERROR');
  assert.equal(res.json().error.field, 'password');
});

test('a cookie session needs the CSRF token to change state; a bearer token does not', async () => {
  const login = await t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username: 'leader', password: 'demo1234' },
  });
  const cookie = `motcua_session=${login.json().token}`;
  const without = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie } });
  assert.equal(without.statusCode, 403);
  assert.equal(without.json().error.code, 'CSRF_TOKEN_INVALID');
  const me = await t.app.inject({ url: '/api/auth/me', headers: { cookie } });
  const withToken = await t.app.inject({
    method: 'POST',
    url: '/api/auth/logout',
    headers: { cookie, 'x-csrf-token': me.json().csrfToken },
  });
  assert.equal(withToken.statusCode, 204);
  const after = await t.app.inject({ url: '/api/auth/me', headers: { cookie } });
  assert.equal(after.statusCode, 401);
});

test('password change ends other sessions and the old password stops working', async () => {
  const first = await loginAs(t.app, 'congdan');
  const second = await loginAs(t.app, 'congdan');
  const weak = await t.app.inject({
    method: 'POST',
    url: '/api/auth/password',
    headers: first,
    payload: { currentPassword: 'demo1234', newPassword: 'short' },
  });
  assert.equal(weak.statusCode, 400);
  assert.equal(weak.json().error.field, 'newPassword');
  const ok = await t.app.inject({
    method: 'POST',
    url: '/api/auth/password',
    headers: first,
    payload: { currentPassword: 'demo1234', newPassword: 'MatKhau2026' },
  });
  assert.equal(ok.statusCode, 204);
  assert.equal((await t.app.inject({ url: '/api/auth/me', headers: second })).statusCode, 401);
  assert.equal((await t.app.inject({ url: '/api/auth/me', headers: first })).statusCode, 200);
  await assert.rejects(loginAs(t.app, 'congdan'));
  await loginAs(t.app, 'congdan', 'MatKhau2026');
});

test('the audit trail refuses UPDATE and DELETE', async () => {
  const { sql } = await import('kysely');
  await assert.rejects(sql`UPDATE audit_log SET action = 'x'`.execute(t.db), /append-only/);
  await assert.rejects(sql`DELETE FROM audit_log`.execute(t.db), /append-only/);
  const n = await t.db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  assert.ok(n.n > 0);
});

test('unknown routes answer 404 in the error shape', async () => {
  const res = await t.app.inject({ url: '/api/nothing-here' });
  assert.equal(res.statusCode, 404);
  assert.equal(res.json().error.code, 'NOT_FOUND');
});

test('a session ended by another process stops working within the session cache time; a logout here at once', async () => {
  const me = (token: string) => t.app.inject({ url: '/api/auth/me', headers: { authorization: `Bearer ${token}` } });
  const login = async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'specialist', password: 'demo1234' },
    });
    assert.equal(res.statusCode, 200, res.body);
    return res.json().token as string;
  };
  const elsewhere = await login();
  assert.equal((await me(elsewhere)).statusCode, 200);
  // Another app process (or the CLI) deletes the row: this process may answer from its cache a moment.
  await t.db.deleteFrom('sessions').where('token_hash', '=', hashToken(elsewhere)).execute();
  await new Promise((resolve) => setTimeout(resolve, SESSION_CACHE_MS + 50));
  assert.equal((await me(elsewhere)).statusCode, 401);

  const here = await login();
  assert.equal((await me(here)).statusCode, 200);
  const out = await t.app.inject({
    method: 'POST',
    url: '/api/auth/logout',
    headers: { authorization: `Bearer ${here}` },
  });
  assert.equal(out.statusCode, 204, out.body);
  assert.equal((await me(here)).statusCode, 401);
});
