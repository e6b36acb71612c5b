import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, loginAs, type TestApp } from '../../../test/harness';
import * as store from './store';
import { userId } from './test-fixtures';

let t: TestApp;
let specialist: Record<string, string>;
let ids: number[];
before(async () => {
  t = await createTestApp();
  specialist = await loginAs(t.app, 'specialist');
  const me = await userId(t.db, 'specialist');
  const other = await userId(t.db, 'leader');
  const note = (user: number, n: number) => ({
    user_id: user,
    kind: 'due_soon',
    title: `Nhắc việc ${n}`,
    title_en: `Reminder ${n}`,
    body: `- 000.20.01.H40-260310-000${n} — Đăng ký khai sinh`,
    body_en: `- 000.20.01.H40-260310-000${n} — Đăng ký khai sinh`,
    dossier_codes: [`000.20.01.H40-260310-000${n}`],
    created_at: new Date(`2026-03-1${n}T00:30:00Z`),
  });
  await store.insertNotifications(t.db, [note(me, 1), note(me, 2), note(me, 3), note(other, 4)]);
  const rows = await t.db.selectFrom('notifications').select('id').orderBy('id').execute();
  ids = rows.map((r) => r.id);
});
after(() => t.close());

const get = (url: string, headers = specialist) => t.app.inject({ url, headers });
const post = (url: string, headers = specialist) => t.app.inject({ method: 'POST', url, headers });

test('a user lists their own notifications, newest first, with the badge counts', async () => {
  const res = await get('/api/notifications');
  assert.equal(res.statusCode, 200);
  const body = res.json();
  assert.deepEqual(
    body.items.map((n: { title: string }) => n.title),
    ['Nhắc việc 3', 'Nhắc việc 2', 'Nhắc việc 1'],
  );
  assert.deepEqual(body.items[0], {
    id: ids[2],
    kind: 'due_soon',
    title: 'Nhắc việc 3',
    titleEn: 'Reminder 3',
    body: '- 000.20.01.H40-260310-0003 — Đăng ký khai sinh',
    bodyEn: '- 000.20.01.H40-260310-0003 — Đăng ký khai sinh',
    dossierCodes: ['000.20.01.H40-260310-0003'],
    createdAt: '2026-03-13T07:30:00+07:00',
    readAt: null,
  });
  assert.deepEqual([body.total, body.unread, body.page, body.pageSize], [3, 3, 1, 20]);
  const paged = (await get('/api/notifications?page=2&pageSize=2')).json();
  assert.deepEqual(
    paged.items.map((n: { id: number }) => n.id),
    [ids[0]],
  );
});

test('marking one read changes the unread list and count; marking again keeps the first time', async () => {
  const first = await post(`/api/notifications/${ids[1]}/read`);
  assert.equal(first.statusCode, 200);
  assert.ok(first.json().readAt);
  const again = await post(`/api/notifications/${ids[1]}/read`);
  assert.equal(again.json().readAt, first.json().readAt);
  assert.deepEqual((await get('/api/notifications/count')).json(), { unread: 2, total: 3 });
  const unread = (await get('/api/notifications?unread=1')).json();
  assert.deepEqual(
    unread.items.map((n: { id: number }) => n.id),
    [ids[2], ids[0]],
  );
  assert.equal(unread.total, 2);
  const audit = await t.db
    .selectFrom('audit_log')
    .select('entity_id')
    .where('action', '=', 'notification.read')
    .execute();
  assert.deepEqual(
    audit.map((a) => a.entity_id),
    [String(ids[1])],
  );
});

test('someone else’s notification cannot be read or marked: it is not found', async () => {
  const res = await post(`/api/notifications/${ids[3]}/read`);
  assert.equal(res.statusCode, 404);
  assert.equal(res.json().error.code, 'NOT_FOUND');
  assert.equal(res.json().error.messageVi, 'Không tìm thấy thông báo');
  const leader = (await get('/api/notifications', await loginAs(t.app, 'leader'))).json();
  assert.deepEqual(
    leader.items.map((n: { id: number; readAt: null }) => [n.id, n.readAt]),
    [[ids[3], null]],
  );
});

test('mark all read marks only the caller’s unread ones', async () => {
  assert.deepEqual((await post('/api/notifications/read-all')).json(), { marked: 2 });
  assert.deepEqual((await post('/api/notifications/read-all')).json(), { marked: 0 });
  assert.deepEqual((await get('/api/notifications/count')).json(), { unread: 0, total: 3 });
  assert.deepEqual((await get('/api/notifications/count', await loginAs(t.app, 'leader'))).json(), {
    unread: 1,
    total: 1,
  });
});

test('bad input is a 400 naming the field; no login is a 401', async () => {
  const id = await post('/api/notifications/abc/read');
  assert.equal(id.statusCode, 400);
  assert.equal(id.json().error.field, 'params.id');
  const unread = await get('/api/notifications?unread=maybe');
  assert.equal(unread.statusCode, 400);
  assert.equal(unread.json().error.field, 'querystring.unread');
  assert.equal((await t.app.inject({ url: '/api/notifications' })).statusCode, 401);
});
