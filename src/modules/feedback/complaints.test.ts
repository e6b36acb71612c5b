import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, loginAs, type TestApp } from '../../../test/harness';
import { BAI_CHAY, HA_LONG } from '../dossiers/test-support';
import { ok } from './test-support';

let t: TestApp;
const h: Record<string, Record<string, string>> = {};

before(async () => {
  t = await createTestApp();
  for (const u of ['admin', 'reception', 'specialist', 'leader', 'u2002.mc1', 'u2002.lanhdao'])
    h[u] = await loginAs(t.app, u);
});
after(() => t.close());

const CONTACT = { fullName: 'Trần Văn Bình', phone: '0987654321', email: 'binh.tran@example.vn' };
const PRIVATE = ['Trần Văn Bình', '0987654321', 'binh.tran@example.vn'];
const body = (extra: object = {}) => ({
  agency: HA_LONG,
  kind: 'complaint',
  title: 'Chờ lâu tại quầy một cửa',
  content: 'Tôi là Trần Văn Bình, số điện thoại 0987654321, phải chờ hơn hai giờ để nộp hồ sơ.',
  contact: CONTACT,
  ...extra,
});
const submit = (payload: object, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url: '/api/public/complaints', payload, headers });
const act = (who: string, code: string, action: string, payload: object) =>
  t.app.inject({ method: 'POST', url: `/api/complaints/${code}/${action}`, headers: h[who], payload });

async function calendarDue(from: string, days: number): Promise<string> {
  const q = `agency=${HA_LONG}&from=${encodeURIComponent(from)}&value=${days}&unit=working_days`;
  return ok(await t.app.inject({ url: `/api/calendar/deadline?${q}` })).dueAt;
}

test('a complaint from the portal needs no login, is due in 10 working days on the agency calendar, answers no contact', async () => {
  const c = ok(await submit(body()), 201);
  assert.match(c.code, /^PA-\d{6}-[0-9A-F]{6}$/);
  assert.equal(c.status, 'received');
  assert.equal(c.dueAt, await calendarDue(c.receivedAt, 10));
  assert.deepEqual(Object.keys(c).sort(), ['code', 'dueAt', 'receivedAt', 'status']);

  const noContact = await submit(body({ contact: { fullName: 'Bình' } }));
  assert.equal(noContact.statusCode, 400, noContact.body);
  assert.equal(noContact.json().error.field, 'contact.phone');
  assert.ok(noContact.json().error.messageVi.length > 0);
  const badEmail = await submit(body({ contact: { fullName: 'Bình', email: 'khong-phai-email' } }));
  assert.equal(badEmail.statusCode, 400, badEmail.body);
  assert.equal(badEmail.json().error.field, 'contact.email');
  const noAgency = await submit(body({ agency: '000.99.99.H99' }));
  assert.equal(noAgency.statusCode, 404, noAgency.body);
});

test('received → assigned → answered → published; the public sees the answer without personal data', async () => {
  const { code } = ok(await submit(body()), 201);
  // Staff of the ward see it with the contact; another ward's do not see it at all.
  const list = ok(await t.app.inject({ url: '/api/complaints', headers: h.reception }));
  assert.ok(list.items.some((i: { code: string }) => i.code === code));
  const other = ok(await t.app.inject({ url: '/api/complaints', headers: h['u2002.lanhdao'] }));
  assert.ok(!other.items.some((i: { code: string }) => i.code === code));
  const hidden = await t.app.inject({ url: `/api/complaints/${code}`, headers: h['u2002.lanhdao'] });
  assert.equal(hidden.statusCode, 404, hidden.body);
  assert.deepEqual(ok(await t.app.inject({ url: `/api/complaints/${code}`, headers: h.reception })).contact, {
    fullName: CONTACT.fullName,
    phone: CONTACT.phone,
    email: CONTACT.email,
  });

  const early = await act('specialist', code, 'answer', { answer: 'Trả lời' });
  assert.equal(early.statusCode, 403, early.body);
  const tooEarly = await act('leader', code, 'answer', { answer: 'Trả lời' });
  assert.equal(tooEarly.statusCode, 409, tooEarly.body);
  assert.equal(tooEarly.json().error.code, 'COMPLAINT_STATUS_CONFLICT');
  const notHere = await act('leader', code, 'assign', { assignee: 'u2002.mc1' });
  assert.equal(notHere.statusCode, 400, notHere.body);
  assert.equal(notHere.json().error.field, 'assignee');
  const byDesk = await act('reception', code, 'assign', { assignee: 'specialist' });
  assert.equal(byDesk.statusCode, 403, byDesk.body);

  let c = ok(await act('leader', code, 'assign', { assignee: 'specialist' }));
  assert.deepEqual([c.status, c.assignee.username], ['assigned', 'specialist']);
  const notAssignee = await act('reception', code, 'answer', { answer: 'Trả lời' });
  assert.equal(notAssignee.statusCode, 403, notAssignee.body);
  const answer = 'Bộ phận Một cửa đã bố trí thêm một quầy tiếp nhận vào buổi sáng.';
  c = ok(await act('specialist', code, 'answer', { answer }));
  assert.deepEqual([c.status, c.answer, c.answeredBy.username, c.overdue], ['answered', answer, 'specialist', false]);
  assert.equal((await t.app.inject({ url: `/api/public/complaints/${code}` })).statusCode, 404);
  // The answer goes to the sender through the outbox, in the answer's transaction.
  const sent = await t.db
    .selectFrom('outbox_messages')
    .select(['channel', 'recipient', 'body'])
    .where('body', 'like', `%${code}%`)
    .execute();
  const email = sent.find((m) => m.channel === 'email');
  assert.equal(email?.recipient, CONTACT.email);
  assert.ok(email?.body.includes(answer));
  assert.ok(sent.some((m) => m.channel !== 'email' && m.recipient === CONTACT.phone));

  const publicContent = 'Công dân phải chờ hơn hai giờ để nộp hồ sơ.';
  c = ok(await act('leader', code, 'publish', { content: publicContent }));
  assert.equal(c.status, 'published');
  assert.deepEqual(
    c.history.map((e: { action: string; actor: string | null }) => [e.action, e.actor]),
    [
      ['complaint.receive', null],
      ['complaint.assign', 'leader'],
      ['complaint.answer', 'specialist'],
      ['complaint.publish', 'leader'],
    ],
  );
  const again = await act('leader', code, 'publish', {});
  assert.equal(again.statusCode, 409, again.body);

  const one = ok(await t.app.inject({ url: `/api/public/complaints/${code}` }));
  assert.deepEqual([one.title, one.content, one.answer], ['Chờ lâu tại quầy một cửa', publicContent, answer]);
  const all = ok(await t.app.inject({ url: `/api/public/complaints?agency=${HA_LONG}` }));
  assert.ok(all.items.some((i: { code: string }) => i.code === code));
  const elsewhere = ok(await t.app.inject({ url: `/api/public/complaints?agency=${BAI_CHAY}` }));
  assert.ok(!elsewhere.items.some((i: { code: string }) => i.code === code));
  for (const secret of PRIVATE) {
    assert.ok(!JSON.stringify([one, all]).includes(secret), `published ${secret}`);
  }
  const trail = await t.db.selectFrom('audit_log').select('data').where('entity_type', '=', 'complaint').execute();
  for (const secret of PRIVATE) assert.ok(!JSON.stringify(trail).includes(secret), `audited ${secret}`);
});

test('the desk records a complaint for its own agency; the deadline follows the settings', async () => {
  const elsewhere = await t.app.inject({
    method: 'POST',
    url: '/api/complaints',
    headers: h.reception,
    payload: body({ agency: BAI_CHAY }),
  });
  assert.equal(elsewhere.statusCode, 403, elsewhere.body);
  const settings = ok(await t.app.inject({ url: '/api/feedback/settings' }));
  assert.equal(settings.complaintDeadlineDays, 10);
  const put = (headers: Record<string, string>) =>
    t.app.inject({
      method: 'PUT',
      url: '/api/feedback/settings',
      headers,
      payload: { ...settings, complaintDeadlineDays: 3 },
    });
  assert.equal((await put(h.leader)).statusCode, 403);
  ok(await put(h.admin));
  const c = ok(
    await t.app.inject({
      method: 'POST',
      url: '/api/complaints',
      headers: h.reception,
      payload: body({ kind: 'suggestion' }),
    }),
    201,
  );
  assert.equal(c.dueAt, await calendarDue(c.receivedAt, 3));
  const detail = ok(await t.app.inject({ url: `/api/complaints/${c.code}`, headers: h.leader }));
  assert.deepEqual([detail.channel, detail.kind], ['desk', 'suggestion']);
});

test('published as received, a complaint still shows none of the sender’s details, nor does the answer', async () => {
  const content =
    'Tôi là Trần Văn Bình (CCCD 022195001234, điện thoại 0987 654 321, binh.tran@example.vn), chờ hai giờ.';
  const c = ok(
    await t.app.inject({ method: 'POST', url: '/api/complaints', headers: h.reception, payload: body({ content }) }),
    201,
  );
  ok(await act('leader', c.code, 'assign', { assignee: 'specialist' }));
  ok(await act('specialist', c.code, 'answer', { answer: 'Kính gửi ông Trần Văn Bình: đã bố trí thêm quầy.' }));
  ok(await act('leader', c.code, 'publish', {}));
  const one = ok(await t.app.inject({ url: `/api/public/complaints/${c.code}` }));
  assert.deepEqual(
    [one.title, one.content, one.answer],
    [
      'Chờ lâu tại quầy một cửa',
      'Tôi là […] (CCCD […], điện thoại […], […]), chờ hai giờ.',
      'Kính gửi ông […]: đã bố trí thêm quầy.',
    ],
  );
  for (const secret of [...PRIVATE, '022195001234', '0987 654 321']) {
    assert.ok(!JSON.stringify(one).includes(secret), `published ${secret}`);
  }
  // Staff still read what the sender wrote, and what was published.
  const detail = ok(await t.app.inject({ url: `/api/complaints/${c.code}`, headers: h.leader }));
  assert.deepEqual([detail.content, detail.publicContent], [content, one.content]);
});

test('anonymous submissions are rate-limited', async () => {
  let status = 0;
  for (let i = 0; i < 8 && status !== 429; i++) status = (await submit(body())).statusCode;
  assert.equal(status, 429);
});
