import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, loginAs, type TestApp } from '../../../test/harness';
import { APPLICANT, BAI_CHAY, HA_LONG } from '../dossiers/test-support';
import { ok, prepare, walk, type Users } from './test-support';

/**
 * The rated dossiers behind the ratings numbers of the dashboard (issue 6: every number clicks through
 * to its dossiers): for each level and scope the list holds exactly the ratings the results count.
 */

let t: TestApp;
let ctx: { users: Users; components: number[] };
const codes = { verySatisfied: '', satisfied: '', notSatisfied: '', baiChay: '' };
const YEARS = 'from=2020-01-01&to=2099-12-31';

type Item = {
  code: string;
  procedure: { code: string; name: string };
  agency: { code: string; name: string };
  level: string;
  reasons: { code: string; vi: string; en: string }[];
  channel: string;
  ratedAt: string;
  unit: { code: string; name: string } | null;
  officer: { username: string; fullName: string } | null;
};
type Counts = { verySatisfied: number; satisfied: number; notSatisfied: number; total: number };

const rateAtKiosk = async (headers: Record<string, string>, agency: string, payload: object) =>
  ok(await t.app.inject({ method: 'POST', url: `/api/kiosk/${agency}/ratings`, headers, payload }), 201);

before(async () => {
  t = await createTestApp();
  ctx = await prepare(t);
  const desk = ctx.users.reception.headers;
  codes.verySatisfied = (await walk(t, ctx, 'returned')).code;
  codes.satisfied = (await walk(t, ctx, 'returned')).code;
  codes.notSatisfied = (await walk(t, ctx, 'returned')).code;
  await walk(t, ctx, 'returned'); // returned and never rated: on no list
  await rateAtKiosk(desk, HA_LONG, { code: codes.verySatisfied, level: 'very_satisfied' });
  await rateAtKiosk(desk, HA_LONG, { code: codes.satisfied, level: 'satisfied' });
  await rateAtKiosk(desk, HA_LONG, {
    code: codes.notSatisfied,
    level: 'not_satisfied',
    reasons: ['late', 'attitude'],
    comment: 'Chị Lan phải đến ba lần',
  });

  // Another ward's dossier, imported as returned ten minutes ago and rated at that ward's kiosk.
  const at = (ms: number) => new Date(Date.now() - ms).toISOString();
  const line = {
    externalId: 'RATED-BC-1',
    agency: BAI_CHAY,
    procedure: '1.001193',
    channel: 'direct',
    receivedAt: at(3 * 86_400_000),
    dueAt: at(-86_400_000),
    resolvedAt: at(3_600_000),
    returnedAt: at(600_000),
  };
  const imported = await t.app.inject({
    method: 'POST',
    url: '/api/import/dossiers',
    headers: { ...(await loginAs(t.app, 'admin')), 'content-type': 'application/x-ndjson' },
    payload: JSON.stringify(line) + '\n',
  });
  assert.deepEqual(ok(imported), { imported: 1, updated: 0, rejected: [], rejectedCount: 0 });
  const d = await t.db
    .selectFrom('dossiers as d')
    .innerJoin('agencies as a', 'a.id', 'd.agency_id')
    .select('d.code')
    .where('a.code', '=', BAI_CHAY)
    .where('d.status', '=', 'returned')
    .executeTakeFirstOrThrow();
  codes.baiChay = d.code;
  await rateAtKiosk(await loginAs(t.app, 'u2002.mc1'), BAI_CHAY, { code: d.code, level: 'satisfied' });
});
after(() => t.close());

const get = (url: string, headers: Record<string, string>) => t.app.inject({ url, headers });
const scoped = (agency: string | null) => (agency ? `${YEARS}&agency=${agency}` : YEARS);

async function list(headers: Record<string, string>, agency: string | null, level?: string) {
  const q = `${scoped(agency)}${level ? `&level=${level}` : ''}&pageSize=200`;
  return ok(await get(`/api/feedback/ratings/dossiers?${q}`, headers)) as { items: Item[]; total: number };
}

const LEVELS = [
  ['very_satisfied', 'verySatisfied'],
  ['satisfied', 'satisfied'],
  ['not_satisfied', 'notSatisfied'],
] as const;

/** For a caller and scope: every level's list, and the whole list, hold exactly what the results count. */
async function assertListsMatchCounts(headers: Record<string, string>, agency: string | null): Promise<Counts> {
  const counts = ok(await get(`/api/feedback/ratings?${scoped(agency)}`, headers)) as Counts;
  for (const [level, key] of LEVELS) {
    const l = await list(headers, agency, level);
    assert.equal(l.total, counts[key], `${agency ?? 'all'} ${level}`);
    assert.equal(l.items.length, l.total);
    assert.deepEqual([...new Set(l.items.map((i) => i.level))], l.total === 0 ? [] : [level]);
  }
  const all = await list(headers, agency);
  assert.equal(all.total, counts.total);
  assert.equal(new Set(all.items.map((i) => i.code)).size, counts.total, 'a dossier is listed once');
  return counts;
}

test('each level’s list holds as many dossiers as the ratings count, in every scope', async () => {
  const leader = ctx.users['u2001.lanhdao'].headers;
  const haLong = await assertListsMatchCounts(leader, HA_LONG);
  assert.deepEqual([haLong.verySatisfied, haLong.satisfied, haLong.notSatisfied, haLong.total], [1, 1, 1, 3]);
  await assertListsMatchCounts(leader, null);
  const admin = await loginAs(t.app, 'admin');
  const province = await assertListsMatchCounts(admin, null);
  assert.ok(province.total >= 4, 'the province counts both wards');
  const baiChay = await assertListsMatchCounts(admin, BAI_CHAY);
  assert.deepEqual([baiChay.satisfied, baiChay.total], [1, 1]);
  assert.deepEqual(
    (await list(admin, BAI_CHAY)).items.map((i) => i.code),
    [codes.baiChay],
  );
  const inspector = await loginAs(t.app, 'u2001.quantri');
  await assertListsMatchCounts(inspector, HA_LONG);

  // A period without ratings: nothing counted, nothing listed.
  const empty = ok(await get(`/api/feedback/ratings/dossiers?from=2020-01-01&to=2020-12-31`, admin));
  assert.deepEqual(empty, { items: [], total: 0 });
});

test('an item names the dossier, procedure, agency, level, reasons and the unit and officer it counts for', async () => {
  const leader = ctx.users['u2001.lanhdao'].headers;
  const { items } = await list(leader, HA_LONG, 'not_satisfied');
  assert.equal(items.length, 1);
  const [item] = items;
  assert.equal(item.code, codes.notSatisfied);
  assert.deepEqual(item.agency.code, HA_LONG);
  assert.equal(item.procedure.code, 'T.0001');
  assert.ok(item.procedure.name.length > 0);
  assert.deepEqual(
    item.reasons.map((r) => [r.code, r.vi]),
    [
      ['late', 'Trả kết quả trễ hẹn'],
      ['attitude', 'Thái độ cán bộ chưa đúng mực'],
    ],
  );
  assert.equal(item.channel, 'kiosk');
  assert.match(item.ratedAt, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?\+07:00$/);
  // The unit and officer are those the results per unit and per officer count this rating for.
  for (const groupBy of ['unit', 'officer'] as const) {
    const rows = ok(await get(`/api/feedback/ratings?${scoped(HA_LONG)}&groupBy=${groupBy}`, leader)).rows as {
      group: { code: string | null };
      notSatisfied: number;
    }[];
    const counted = rows.filter((r) => r.notSatisfied > 0).map((r) => r.group.code);
    const listed = groupBy === 'unit' ? item.unit?.code : item.officer?.username;
    assert.deepEqual(counted, [listed ?? null], groupBy);
  }
  // Nothing of the applicant: not their name, ID number, contacts, nor the comment that may name them.
  const body = JSON.stringify(await list(leader, HA_LONG));
  for (const secret of [APPLICANT.fullName, APPLICANT.idNumber, APPLICANT.phone, APPLICANT.email, 'Chị Lan']) {
    assert.ok(!body.includes(secret), `the list shows ${secret}`);
  }
});

test('the latest rating comes first and pages split the list without losing one', async () => {
  const leader = ctx.users['u2001.lanhdao'].headers;
  const page = async (n: number) =>
    ok(await get(`/api/feedback/ratings/dossiers?${scoped(HA_LONG)}&page=${n}&pageSize=2`, leader));
  const [first, second] = [await page(1), await page(2)];
  assert.deepEqual([first.total, second.total], [3, 3]);
  assert.deepEqual(
    [...first.items, ...second.items].map((i: Item) => i.code),
    [codes.notSatisfied, codes.satisfied, codes.verySatisfied],
  );
});

test('a ward user cannot list another ward’s rated dossiers; without an agency they see their own only', async () => {
  for (const user of ['u2001.quantri', 'u2001.lanhdao', 'leader']) {
    const headers = await loginAs(t.app, user);
    const res = await get(`/api/feedback/ratings/dossiers?${scoped(BAI_CHAY)}`, headers);
    assert.equal(res.statusCode, 403, `${user}: ${res.body}`);
    assert.match(res.json().error.messageVi, /không có quyền/);
    const own = await list(headers, null);
    assert.ok(!own.items.some((i) => i.code === codes.baiChay), `${user} sees Bãi Cháy's rating`);
    assert.ok(
      own.items.every((i) => i.agency.code === HA_LONG),
      user,
    );
  }
  const desk = await get(`/api/feedback/ratings/dossiers?${scoped(HA_LONG)}`, ctx.users.reception.headers);
  assert.equal(desk.statusCode, 403, 'the desk reads no results');
  const anonymous = await t.app.inject({ url: `/api/feedback/ratings/dossiers?${scoped(HA_LONG)}` });
  assert.equal(anonymous.statusCode, 401, anonymous.body);
});

test('bad input is a 400 naming the field, in Vietnamese and English', async () => {
  const admin = await loginAs(t.app, 'admin');
  for (const [q, status, field] of [
    [`${YEARS}&level=happy`, 400, 'querystring.level'],
    [`${YEARS}&pageSize=201`, 400, 'querystring.pageSize'],
    [`${YEARS}&page=0`, 400, 'querystring.page'],
    ['from=2020-01-01', 400, 'querystring.to'],
    ['from=2020-02-01&to=2020-01-01', 400, 'to'],
    [`${YEARS}&agency=000.99.99.H40`, 404, 'agency'],
  ] as const) {
    const res = await get(`/api/feedback/ratings/dossiers?${q}`, admin);
    assert.equal(res.statusCode, status, `${q}: ${res.body}`);
    const { error } = res.json();
    assert.equal(error.field, field, q);
    assert.ok(error.messageVi && error.message && error.messageVi !== error.message, q);
  }
});
