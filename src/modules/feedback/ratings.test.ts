import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { createTestApp, loginAs, type TestApp } from '../../../test/harness';
import * as m0013 from '../../db/migrations/0013_ratings_returned_by';
import { loggedPath } from '../../shared/logger';
import { HA_LONG } from '../dossiers/test-support';
import { ok, prepare, walk, type Users } from './test-support';

let t: TestApp;
let ctx: { users: Users; components: number[] };

before(async () => {
  t = await createTestApp();
  ctx = await prepare(t);
});
after(() => t.close());

/** The rating token in the message queued for the applicant when the result was returned. */
async function tokenSentFor(code: string): Promise<string> {
  const messages = await t.db
    .selectFrom('outbox_messages as m')
    .innerJoin('dossiers as d', 'd.id', 'm.dossier_id')
    .select(['m.channel', 'm.body'])
    .where('d.code', '=', code)
    .where('m.body', 'like', '%/danh-gia/%')
    .execute();
  assert.deepEqual(messages.map((m) => m.channel).sort(), ['email', 'sms']);
  const match = /\/danh-gia\/([A-Za-z0-9_-]+)/.exec(messages[0].body);
  assert.ok(match, messages[0].body);
  return match[1];
}

const rate = (token: string, payload: object) =>
  t.app.inject({ method: 'POST', url: `/api/public/ratings/${token}`, payload });

test('the returned result brings a one-time link: stored hashed, shows no personal data, rates once', async () => {
  const code = (await walk(t, ctx, 'returned')).code;
  const token = await tokenSentFor(code);
  const link = await t.db.selectFrom('rating_links').selectAll().executeTakeFirstOrThrow();
  assert.equal(link.token_hash, createHash('sha256').update(token).digest('hex'));
  assert.notEqual(link.token_hash, token);

  const info = ok(await t.app.inject({ url: `/api/public/ratings/${token}` }));
  assert.equal(info.dossier.code, code);
  assert.equal(info.rated, false);
  assert.ok(info.reasons.some((r: { code: string }) => r.code === 'late'));
  for (const secret of ['022195001234', '0912345678', 'lan.nguyen@example.vn', 'Nguyễn Thị Lan']) {
    assert.ok(!JSON.stringify(info).includes(secret), `the link page shows ${secret}`);
  }

  const bad = await rate(token, { level: 'not_satisfied', reasons: [] });
  assert.equal(bad.statusCode, 400, bad.body);
  assert.equal(bad.json().error.field, 'reasons');
  assert.match(bad.json().error.messageVi, /lý do/);
  const rated = ok(await rate(token, { level: 'not_satisfied', reasons: ['late', 'many_trips'] }), 201);
  assert.deepEqual([rated.dossier, rated.level, rated.channel], [code, 'not_satisfied', 'link']);

  const again = await rate(token, { level: 'very_satisfied' });
  assert.equal(again.statusCode, 409, again.body);
  assert.equal(again.json().error.code, 'RATING_EXISTS');
  assert.match(again.json().error.messageVi, /đã được đánh giá/);
  assert.equal(ok(await t.app.inject({ url: `/api/public/ratings/${token}` })).rated, true);
  const unknown = await t.app.inject({ url: `/api/public/ratings/${'x'.repeat(32)}` });
  assert.equal(unknown.statusCode, 404, unknown.body);
});

test('one rating per dossier across channels: the database refuses a second one', async () => {
  // Returned by the desk's second officer, rated at the kiosk the receptionist signed in.
  const code = (await walk(t, ctx, 'returned', { returner: 'u2001.mc1' })).code;
  const kiosk = ctx.users.reception.headers;
  ok(
    await t.app.inject({
      method: 'POST',
      url: `/api/kiosk/${HA_LONG}/ratings`,
      headers: kiosk,
      payload: { code, level: 'satisfied' },
    }),
    201,
  );
  const token = await tokenSentFor(code);
  const res = await rate(token, { level: 'very_satisfied' });
  assert.equal(res.statusCode, 409, res.body);
  assert.equal(res.json().error.code, 'RATING_EXISTS');
  const d = await t.db.selectFrom('dossiers').select('id').where('code', '=', code).executeTakeFirstOrThrow();
  await assert.rejects(
    t.db
      .insertInto('ratings')
      .values({
        dossier_id: d.id,
        agency_id: 1,
        procedure_code: 'x',
        level: 'satisfied',
        channel: 'portal',
        rated_at: new Date(),
      })
      .execute(),
    /ratings_one_per_dossier/,
  );
});

test('the kiosk lists results just returned at its desk, by code and procedure only, and rates them', async () => {
  const resolved = (await walk(t, ctx, 'resolved')).code;
  const returned = (await walk(t, ctx, 'returned')).code;
  const kiosk = ctx.users.reception.headers;
  const list = ok(await t.app.inject({ url: `/api/kiosk/${HA_LONG}/returns`, headers: kiosk }));
  const codes = list.items.map((i: { code: string }) => i.code);
  assert.ok(codes.includes(returned));
  assert.ok(!codes.includes(resolved), 'a result not returned yet is not on the kiosk');
  assert.deepEqual(Object.keys(list.items[0]).sort(), ['code', 'procedure', 'returnedAt']);
  assert.ok(!JSON.stringify(list).includes('022195001234'));

  const notReturned = await t.app.inject({
    method: 'POST',
    url: `/api/kiosk/${HA_LONG}/ratings`,
    headers: kiosk,
    payload: { code: resolved, level: 'satisfied' },
  });
  assert.equal(notReturned.statusCode, 409, notReturned.body);
  assert.equal(notReturned.json().error.code, 'DOSSIER_NOT_RETURNED');

  ok(
    await t.app.inject({
      method: 'POST',
      url: `/api/kiosk/${HA_LONG}/ratings`,
      headers: kiosk,
      payload: { code: returned, level: 'very_satisfied' },
    }),
    201,
  );
  const after = ok(await t.app.inject({ url: `/api/kiosk/${HA_LONG}/returns`, headers: kiosk }));
  assert.ok(!after.items.some((i: { code: string }) => i.code === returned), 'a rated dossier leaves the kiosk');

  // Another ward's desk has no kiosk over Hạ Long.
  const other = await loginAs(t.app, 'u2002.mc1');
  const res = await t.app.inject({ url: `/api/kiosk/${HA_LONG}/returns`, headers: other });
  assert.equal(res.statusCode, 403, res.body);
});

test('the applicant rates an online dossier on the portal; nobody else can', async () => {
  const code = (await walk(t, ctx, 'returned', { online: true })).code;
  const post = (headers: Record<string, string>) =>
    t.app.inject({
      method: 'POST',
      url: `/api/dossiers/${code}/rating`,
      headers,
      payload: { level: 'not_satisfied', reasons: ['other'] },
    });
  const noText = await post(ctx.users.congdan.headers);
  assert.equal(noText.statusCode, 400, noText.body);
  assert.equal(noText.json().error.field, 'comment');
  const desk = await post(ctx.users.reception.headers);
  assert.equal(desk.statusCode, 403, desk.body);
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/dossiers/${code}/rating`,
    headers: ctx.users.congdan.headers,
    payload: { level: 'satisfied' },
  });
  assert.deepEqual(ok(res, 201).channel, 'portal');
  // The portal's form lists the same reasons the server accepts.
  const reasons = ok(await t.app.inject({ url: '/api/public/rating-reasons' })).items;
  assert.deepEqual(reasons.length, 8);
  assert.deepEqual(reasons[0], { code: 'late', vi: 'Trả kết quả trễ hẹn', en: 'The result came later than promised' });
});

test('results per officer, unit, agency and procedure count the ratings of the period in scope', async () => {
  const headers = ctx.users['u2001.lanhdao'].headers;
  const q = (extra: string) =>
    t.app.inject({ url: `/api/feedback/ratings?from=2020-01-01&to=2099-12-31&agency=${HA_LONG}${extra}`, headers });
  const total = ok(await q(''));
  // Earlier tests: not satisfied (link), satisfied (kiosk), very satisfied (kiosk), satisfied (portal).
  assert.deepEqual(
    [total.verySatisfied, total.satisfied, total.notSatisfied, total.total, total.satisfactionRate],
    [1, 2, 1, 4, 0.75],
  );
  type Row = { group: { code: string; name: string }; total: number; satisfactionRate: number | null };
  const rows = (res: { rows: Row[] }) => res.rows.map((r) => [r.group.code, r.group.name, r.total, r.satisfactionRate]);
  // A rating counts for the officer who returned the result (whoever signed in the kiosk), in their
  // unit: the desk (MC), not the leaders' unit (LD) that made the results ready and still holds them.
  assert.deepEqual(rows(ok(await q('&groupBy=officer'))), [
    ['reception', 'Trần Thị Thu Hà', 3, 2 / 3],
    ['u2001.mc1', ctx.users['u2001.mc1'].principal.fullName, 1, 1],
  ]);
  assert.deepEqual(rows(ok(await q('&groupBy=unit'))), [
    ['MC', 'Trung tâm Phục vụ hành chính công (Bộ phận Một cửa)', 4, 0.75],
  ]);
  const byProcedure = ok(await q('&groupBy=procedure'));
  assert.deepEqual(byProcedure.rows.length, 1);
  const byAgency = ok(await q('&groupBy=agency'));
  assert.deepEqual(
    byAgency.rows.map((r: { group: { code: string }; total: number }) => [r.group.code, r.total]),
    [[HA_LONG, 4]],
  );
  const none = ok(
    await t.app.inject({
      url: `/api/feedback/ratings?from=2020-01-01&to=2020-12-31&agency=${HA_LONG}`,
      headers,
    }),
  );
  assert.equal(none.total, 0);
  assert.equal(none.satisfactionRate, null);
  const other = await loginAs(t.app, 'u2002.lanhdao');
  const refused = await t.app.inject({
    url: `/api/feedback/ratings?from=2020-01-01&to=2099-12-31&agency=${HA_LONG}`,
    headers: other,
  });
  assert.equal(refused.statusCode, 403, refused.body);
});

test('migration 0013 attributes the ratings recorded before it to the officer who returned the result', async () => {
  const attribution = () =>
    t.db
      .selectFrom('ratings as r')
      .innerJoin('dossiers as d', 'd.id', 'r.dossier_id')
      .leftJoin('users as o', 'o.id', 'r.officer_id')
      .leftJoin('units as n', 'n.id', 'r.unit_id')
      .select(['d.code', 'o.username', 'n.code as unit'])
      .orderBy('d.code')
      .execute();
  const now = await attribution();
  assert.deepEqual(now.map((r) => [r.username, r.unit]).sort(), [
    ['reception', 'MC'],
    ['reception', 'MC'],
    ['reception', 'MC'],
    ['u2001.mc1', 'MC'],
  ]);
  // As recorded before: the holder (no officer after the leaders' step, the leaders' unit).
  await sql`UPDATE ratings r SET unit_id = d.holder_unit_id, officer_id = d.holder_user_id
    FROM dossiers d WHERE d.id = r.dossier_id`.execute(t.db);
  assert.deepEqual(
    (await attribution()).map((r) => [r.username, r.unit]),
    now.map(() => [null, 'LD']),
  );
  await m0013.up(t.db as unknown as Kysely<unknown>);
  assert.deepEqual(await attribution(), now);
});

test('logs show a rating link without its token', () => {
  assert.equal(loggedPath('/api/public/ratings/AbC-123_xyz?x=1'), '/api/public/ratings/[token]');
  assert.equal(loggedPath('/danh-gia/AbC-123_xyz'), '/danh-gia/[token]');
  assert.equal(
    loggedPath('/api/public/dossiers/000.20.01.H40-250314-0007'),
    '/api/public/dossiers/000.20.01.H40-250314-0007',
  );
});
