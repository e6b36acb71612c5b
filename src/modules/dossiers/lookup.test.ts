import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, loginAs, type TestApp } from '../../../test/harness';
import { foldVietnamese } from '../../shared/text';
import { authenticate } from '../identity/service';
import { intakeDossier } from './intake-service';
import { APPLICANT, BIRTH, HA_LONG, importTestCatalogue, newKey, postDossier } from './test-support';
import { vietnamDay } from './rules';
import { findPublic } from './detail-store';

let t: TestApp;
let reception: Record<string, string>;
let citizen: Record<string, string>;
let direct: string;
let online: string;
let other: string;
let components: { componentId: number; originals: number; copies: number; files: number[] }[];

const OTHER_APPLICANT = {
  fullName: 'Đặng Quốc Việt',
  idNumber: '001088004321',
  phone: '0203 3812 345',
  email: 'viet.dang@example.vn',
  address: 'Tổ 3 khu 5, phường Hạ Long',
};

before(async () => {
  t = await createTestApp();
  const [form, proof] = (await importTestCatalogue(t.db))[BIRTH];
  components = [form, proof].map((componentId) => ({ componentId, originals: 1, copies: 0, files: [] }));
  reception = await loginAs(t.app, 'reception');
  citizen = await loginAs(t.app, 'congdan');
  const body = (channel: string, applicant: object) => ({
    procedure: BIRTH,
    agency: HA_LONG,
    channel,
    applicant,
    components: [
      { componentId: form, originals: 1 },
      { componentId: proof, originals: 1 },
    ],
  });
  direct = (await postDossier(t.app, reception, body('direct', APPLICANT))).json().code;
  online = (await postDossier(t.app, citizen, body('online', APPLICANT))).json().code;
  other = (await postDossier(t.app, reception, body('direct', OTHER_APPLICANT))).json().code;
});
after(() => t.close());

test('the public lookup answers status, dates and holder, and no personal data at all', async () => {
  const res = await t.app.inject({ url: `/api/public/dossiers/${direct}` });
  assert.equal(res.statusCode, 200);
  const body = res.json();
  assert.deepEqual(Object.keys(body), ['code', 'procedure', 'status', 'receivedAt', 'dueAt', 'resolvedAt', 'holder']);
  const staff = (await t.app.inject({ url: `/api/dossiers/${direct}`, headers: reception })).json();
  assert.deepEqual(body, {
    code: direct,
    procedure: 'Đăng ký khai sinh (kiểm thử)',
    status: 'in_progress',
    receivedAt: staff.receivedAt,
    dueAt: staff.dueAt,
    resolvedAt: null,
    holder: 'Trung tâm Phục vụ hành chính công (Bộ phận Một cửa) - UBND phường Hạ Long',
  });
  const text = res.body.toLowerCase();
  for (const secret of [
    APPLICANT.idNumber,
    APPLICANT.fullName,
    foldVietnamese(APPLICANT.fullName),
    'lan',
    APPLICANT.phone,
    APPLICANT.email,
    APPLICANT.address,
    'lê thánh tông',
    'trần thị thu hà',
  ]) {
    assert.equal(text.includes(secret.toLowerCase()), false, secret);
  }
  const unknown = await t.app.inject({ url: `/api/public/dossiers/${HA_LONG}-000101-0001` });
  assert.equal(unknown.statusCode, 404);
});

test('lookups asked at the same moment (one query) each get their own dossier, or none', async () => {
  const unknown = `${HA_LONG}-000101-0001`;
  const odd = `${direct}","{NULL}\\`; // array syntax in a code is only text
  const rows = await Promise.all([direct, online, unknown, direct, odd].map((code) => findPublic(t.db, code)));
  assert.deepEqual(
    rows.map((r) => r && [r.code, r.status]),
    [[direct, 'in_progress'], [online, 'submitted'], undefined, [direct, 'in_progress'], undefined],
  );
});

test('a dossier is seen by staff in scope and by the citizen who filed it, nobody else', async () => {
  const status = async (code: string, username: string) =>
    (await t.app.inject({ url: `/api/dossiers/${code}`, headers: await loginAs(t.app, username) })).statusCode;
  assert.equal(await status(direct, 'reception'), 200);
  assert.equal(await status(direct, 'specialist'), 200);
  assert.equal(await status(direct, 'thanhtra'), 200); // inspector of the province
  assert.equal(await status(direct, 'u2002.mc1'), 403); // another ward's desk
  assert.equal(await status(direct, 'congdan'), 403); // filed at the desk, not by this account
  assert.equal(await status(online, 'congdan'), 200);
  const d = (await t.app.inject({ url: `/api/dossiers/${online}`, headers: citizen })).json();
  assert.deepEqual(d.applicant, {
    kind: 'person',
    fullName: APPLICANT.fullName,
    idNumber: APPLICANT.idNumber,
    phone: APPLICANT.phone,
    email: APPLICANT.email,
    address: APPLICANT.address,
  });
  assert.equal(d.history.length, 1);
  assert.equal((await t.app.inject({ url: `/api/dossiers/${online}` })).statusCode, 401);
});

test('search by name without diacritics, exact ID number, code, procedure, status and dates, paged', async () => {
  const codes = async (query: string, headers = reception) => {
    const res = await t.app.inject({ url: `/api/dossiers?${query}`, headers });
    assert.equal(res.statusCode, 200, res.body);
    return res
      .json()
      .items.map((i: { code: string }) => i.code)
      .sort();
  };
  const all = [direct, online, other].sort();
  assert.deepEqual(await codes('name=nguyen%20thi%20lan'), [direct, online].sort());
  assert.deepEqual(await codes('name=D%E1%BA%B7ng%20qu%E1%BB%91c'), [other]); // "Đặng quốc"
  assert.deepEqual(await codes('name=viet'), [other]);
  assert.deepEqual(await codes('name=%25'), []);
  assert.deepEqual(await codes(`idNumber=${OTHER_APPLICANT.idNumber}`), [other]);
  assert.deepEqual(await codes('idNumber=00108800432'), []);
  assert.deepEqual(await codes(`code=${direct}`), [direct]);
  assert.deepEqual(await codes(`code=${HA_LONG}-`), all);
  assert.deepEqual(await codes(`procedure=${BIRTH}`), all);
  assert.deepEqual(await codes('status=submitted'), [online]);
  const today = vietnamDay(new Date());
  assert.deepEqual(await codes(`from=${today}&to=${today}`), all);
  assert.deepEqual(await codes('from=2020-01-01&to=2020-12-31'), []);
  const reversed = await t.app.inject({ url: '/api/dossiers?from=2026-03-01&to=2026-02-01', headers: reception });
  assert.deepEqual([reversed.statusCode, reversed.json().error.field], [400, 'to']);
  const page = await t.app.inject({ url: '/api/dossiers?pageSize=2&page=2&order=asc', headers: reception });
  assert.deepEqual([page.json().total, page.json().items.length, page.json().page], [3, 1, 2]);
  assert.deepEqual(await codes('', await loginAs(t.app, 'u2002.mc1')), []);
  assert.deepEqual(await codes('', citizen), [online]);
});

test('the date range is of Vietnam days of receipt, both ends included', async () => {
  const principal = (await authenticate(t.db, reception.authorization.slice('Bearer '.length)))!.principal;
  const receiveAt = async (iso: string) =>
    (
      await intakeDossier(
        t.db,
        principal,
        {
          procedure: BIRTH,
          agency: HA_LONG,
          channel: 'direct',
          applicant: { kind: 'person', ...APPLICANT },
          components,
          files: [],
        },
        newKey(),
        new Date(iso),
      )
    ).dossier.code;
  // 23:30 and 00:30 in Vietnam are 16:30 and 17:30 UTC of the same UTC day.
  const friday = await receiveAt('2026-03-06T23:30:00+07:00');
  const saturday = await receiveAt('2026-03-07T00:30:00+07:00');
  const monday = await receiveAt('2026-03-09T08:00:00+07:00');
  const codes = async (range: string) => {
    const res = await t.app.inject({ url: `/api/dossiers?${range}&pageSize=100`, headers: reception });
    assert.equal(res.statusCode, 200, res.body);
    return res
      .json()
      .items.map((i: { code: string }) => i.code)
      .sort();
  };
  assert.deepEqual(await codes('from=2026-03-06&to=2026-03-06'), [friday]);
  assert.deepEqual(await codes('from=2026-03-07&to=2026-03-07'), [saturday]);
  assert.deepEqual(await codes('from=2026-03-06&to=2026-03-09'), [friday, saturday, monday].sort());
  assert.deepEqual(await codes('from=2026-03-08&to=2026-03-09'), [monday]);
  assert.deepEqual(await codes('to=2026-03-05&from=2026-03-01'), []);
  assert.deepEqual(await codes('from=2026-03-07&to=2026-03-09&name=nguyen%20thi%20lan'), [saturday, monday].sort());
});

test('the public lookup is rate limited; the limit is told with the refusal, not with every answer', async () => {
  const first = await t.app.inject({ url: `/api/public/dossiers/${online}` });
  assert.equal(first.statusCode, 200);
  assert.equal(first.headers['x-ratelimit-remaining'], undefined);
  let last = 0;
  for (let i = 0; i < 61 && last !== 429; i++) {
    last = (await t.app.inject({ url: `/api/public/dossiers/${online}` })).statusCode;
  }
  assert.equal(last, 429);
  const res = await t.app.inject({ url: `/api/public/dossiers/${online}` });
  assert.equal(res.json().error.code, 'RATE_LIMITED');
  assert.equal(res.headers['x-ratelimit-limit'], '60');
  assert.ok(Number(res.headers['retry-after']) > 0, 'the refusal says when to try again');
});
