import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, loginAs, type TestApp } from '../../../test/harness';
import { formatVietnamTime } from '../calendar/rules';
import { authenticate } from '../identity/service';
import { intakeDossier, type IntakeInput } from './intake-service';
import { vietnamDay } from './rules';
import {
  APPLICANT,
  BIRTH,
  CERTIFY,
  ELSEWHERE,
  HA_LONG,
  BAI_CHAY,
  importTestCatalogue,
  newKey,
  postDossier,
} from './test-support';

let t: TestApp;
let reception: Record<string, string>;
let citizen: Record<string, string>;
let components: Record<string, number[]>;

before(async () => {
  t = await createTestApp();
  components = await importTestCatalogue(t.db);
  reception = await loginAs(t.app, 'reception');
  citizen = await loginAs(t.app, 'congdan');
});
after(() => t.close());

const complete = () => [
  { componentId: components[BIRTH][0], originals: 1 },
  { componentId: components[BIRTH][1], originals: 1 },
];
const desk = (over: Record<string, unknown> = {}) => ({
  procedure: BIRTH,
  agency: HA_LONG,
  channel: 'direct',
  applicant: APPLICANT,
  components: complete(),
  ...over,
});
const countDossiers = async () =>
  (
    await t.db
      .selectFrom('dossiers')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
  ).n;
const yymmdd = (d: Date) => vietnamDay(d).slice(2).replaceAll('-', '');

test('a complete desk intake is accepted at once with the calendar’s appointment and a receipt', async () => {
  const res = await postDossier(t.app, reception, desk());
  assert.equal(res.statusCode, 201, res.body);
  const d = res.json();
  assert.equal(d.status, 'in_progress');
  assert.equal(d.version, 1);
  assert.equal(d.channel, 'direct');
  assert.equal(d.ruleSet, 'nd118_2025');
  assert.equal(d.receivedAt, d.acceptedAt);
  assert.equal(d.code, `${HA_LONG}-${yymmdd(new Date(d.receivedAt))}-0001`);
  const deadline = await t.app.inject({
    url: `/api/calendar/deadline?agency=${HA_LONG}&from=${encodeURIComponent(d.acceptedAt)}&value=2&unit=working_days`,
  });
  assert.equal(d.dueAt, deadline.json().dueAt);
  assert.equal(d.originalDueAt, d.dueAt);
  assert.equal(d.feeTotal, 13000);
  assert.equal(d.currentStepSeq, 1);
  assert.equal(d.holder.user.fullName, 'Trần Thị Thu Hà');
  assert.equal(d.holder.unit.code, 'MC');
  assert.deepEqual(
    d.components.map((c: { name: string; originals: number }) => [c.name, c.originals]),
    [
      ['Tờ khai đăng ký khai sinh', 1],
      ['Giấy chứng sinh', 1],
      ['Văn bản ủy quyền', 0],
    ],
  );
  assert.equal(d.receipt.form, '01');
  assert.equal(d.receipt.code, d.code);
  assert.equal(d.receipt.dueAt, d.dueAt);
  assert.equal(d.receipt.receivingOfficer.fullName, 'Trần Thị Thu Hà');
  assert.equal(d.receipt.applicant.idNumber, APPLICANT.idNumber);
  assert.deepEqual(d.receipt.components, [
    { name: 'Tờ khai đăng ký khai sinh', originals: 1, copies: 0 },
    { name: 'Giấy chứng sinh', originals: 1, copies: 0 },
  ]);
  const second = await postDossier(t.app, reception, desk({ channel: 'postal' }));
  assert.equal(second.json().code, `${HA_LONG}-${yymmdd(new Date(second.json().receivedAt))}-0002`);
});

test('the appointment, code and rule set follow the time of receipt', async () => {
  const session = await authenticate(t.db, reception.authorization.slice('Bearer '.length));
  const input: IntakeInput = {
    procedure: BIRTH,
    agency: HA_LONG,
    channel: 'direct',
    applicant: { kind: 'person', ...APPLICANT },
    components: complete().map((c) => ({ ...c, copies: 0, files: [] })),
    files: [],
  };
  // Friday before Tết 2026, before the cut-off: the two working days are after the holiday.
  const beforeTet = await intakeDossier(
    t.db,
    session!.principal,
    input,
    newKey(),
    new Date('2026-02-13T09:00:00+07:00'),
  );
  assert.equal(beforeTet.dossier.code, `${HA_LONG}-260213-0001`);
  assert.equal(beforeTet.dossier.dueAt, '2026-02-24T17:00:00+07:00');
  assert.equal(beforeTet.dossier.ruleSet, 'nd118_2025');
  const lastDayOf61 = await intakeDossier(
    t.db,
    session!.principal,
    input,
    newKey(),
    new Date('2025-06-30T10:00:00+07:00'),
  );
  assert.equal(lastDayOf61.dossier.code, `${HA_LONG}-250630-0001`);
  assert.equal(lastDayOf61.dossier.ruleSet, 'nd61_2018');
  assert.equal(formatVietnamTime(new Date(lastDayOf61.dossier.receivedAt!)), '2025-06-30T10:00:00+07:00');
});

test('an online submission waits for the desk check at the receiving agency’s desk', async () => {
  const res = await postDossier(t.app, citizen, desk({ channel: 'online', components: [] }));
  assert.equal(res.statusCode, 201, res.body);
  const d = res.json();
  assert.deepEqual(
    [d.status, d.acceptedAt, d.dueAt, d.receipt, d.currentStepSeq],
    ['submitted', null, null, null, null],
  );
  assert.equal(d.holder.name, 'Trung tâm Phục vụ hành chính công (Bộ phận Một cửa) - UBND phường Hạ Long');
  assert.equal(d.holder.user, null);
});

test('the same key and body give one dossier; the same key with another body is a 409', async () => {
  const key = newKey();
  const before = await countDossiers();
  const first = await postDossier(t.app, reception, desk(), key);
  const again = await postDossier(t.app, reception, desk(), key);
  assert.equal(first.statusCode, 201);
  assert.equal(again.statusCode, 201);
  assert.equal(again.headers['idempotent-replayed'], 'true');
  assert.equal(first.headers['idempotent-replayed'], undefined);
  assert.deepEqual(again.json(), first.json());
  assert.equal(await countDossiers(), before + 1);
  const other = await postDossier(t.app, reception, desk({ channel: 'postal' }), key);
  assert.equal(other.statusCode, 409);
  assert.equal(other.json().error.code, 'IDEMPOTENCY_KEY_REUSED');
  // Keys belong to their caller: the citizen's request with the same key is another request.
  const citizens = await postDossier(t.app, citizen, desk({ channel: 'online' }), key);
  assert.equal(citizens.statusCode, 201);
  assert.notEqual(citizens.json().code, first.json().code);
  const none = await t.app.inject({ method: 'POST', url: '/api/dossiers', headers: reception, payload: desk() });
  assert.equal(none.statusCode, 400);
  assert.equal(none.json().error.field, 'headers.idempotency-key');
});

test('an incomplete desk intake is refused with every missing component, and nothing is written', async () => {
  const before = await countDossiers();
  const counters = await t.db.selectFrom('dossier_counters').selectAll().execute();
  const res = await postDossier(
    t.app,
    reception,
    desk({ components: [{ componentId: components[BIRTH][1], copies: 1 }] }),
  );
  assert.equal(res.statusCode, 400);
  const e = res.json().error;
  assert.equal(e.code, 'COMPONENTS_MISSING');
  assert.equal(e.messageVi, 'Hồ sơ chưa đủ thành phần, còn thiếu: Tờ khai đăng ký khai sinh; Giấy chứng sinh');
  assert.deepEqual(
    e.details.missing.map((m: { name: string; received: object }) => [m.name, m.received]),
    [
      ['Tờ khai đăng ký khai sinh', { originals: 0, copies: 0 }],
      ['Giấy chứng sinh', { originals: 0, copies: 1 }],
    ],
  );
  assert.equal(await countDossiers(), before);
  assert.deepEqual(await t.db.selectFrom('dossier_counters').selectAll().execute(), counters);
});

test('bad input is a 400 naming the field', async () => {
  const cases: [Record<string, unknown>, string, string][] = [
    [{ applicant: { ...APPLICANT, idNumber: '003195001234' } }, 'VALIDATION_ERROR', 'applicant.idNumber'],
    [{ applicant: { ...APPLICANT, phone: '0612345678' } }, 'VALIDATION_ERROR', 'applicant.phone'],
    [{ applicant: { ...APPLICANT, email: 'not-an-email' } }, 'VALIDATION_ERROR', 'applicant.email'],
    [
      { applicant: { ...APPLICANT, kind: 'organisation', idNumber: '0100109107' } },
      'VALIDATION_ERROR',
      'applicant.idNumber',
    ],
    [{ agency: '000.99.99.H40' }, 'VALIDATION_ERROR', 'agency'],
    [{ procedure: 'X.404' }, 'PROCEDURE_NOT_IN_FORCE', 'procedure'],
    [{ procedure: ELSEWHERE, components: [] }, 'PROCEDURE_NOT_IMPLEMENTED', 'agency'],
    [{ components: [{ componentId: 999999, originals: 1 }] }, 'VALIDATION_ERROR', 'components.0.componentId'],
    [{ channel: 'fax' }, 'VALIDATION_ERROR', 'channel'],
  ];
  for (const [over, code, field] of cases) {
    const res = await postDossier(t.app, reception, desk(over));
    assert.equal(res.statusCode, 400, JSON.stringify(over));
    assert.deepEqual([res.json().error.code, res.json().error.field], [code, field], JSON.stringify(over));
  }
  const online = await postDossier(t.app, citizen, desk({ procedure: CERTIFY, channel: 'online', components: [] }));
  assert.deepEqual([online.statusCode, online.json().error.code], [400, 'CHANNEL_NOT_ALLOWED']);
});

test('an organisation applies with its tax code, a branch with the suffix', async () => {
  const res = await postDossier(
    t.app,
    reception,
    desk({ applicant: { kind: 'organisation', fullName: 'Công ty TNHH Hạ Long Xanh', idNumber: '0100109106-001' } }),
  );
  assert.equal(res.statusCode, 201, res.body);
  assert.deepEqual(res.json().receipt.applicant, {
    kind: 'organisation',
    fullName: 'Công ty TNHH Hạ Long Xanh',
    idNumber: '0100109106-001',
    phone: null,
    email: null,
    address: null,
  });
});

test('desk intake needs reception over the agency; online intake needs a citizen account', async () => {
  const citizenAtDesk = await postDossier(t.app, citizen, desk());
  assert.equal(citizenAtDesk.statusCode, 403);
  const receptionOnline = await postDossier(t.app, reception, desk({ channel: 'online' }));
  assert.equal(receptionOnline.statusCode, 403);
  const otherWard = await postDossier(
    t.app,
    reception,
    desk({ procedure: ELSEWHERE, agency: BAI_CHAY, components: [] }),
  );
  assert.equal(otherWard.statusCode, 403);
  const specialist = await postDossier(t.app, await loginAs(t.app, 'specialist'), desk());
  assert.equal(specialist.statusCode, 403);
  const anonymous = await t.app.inject({
    method: 'POST',
    url: '/api/dossiers',
    headers: { 'idempotency-key': newKey() },
    payload: desk(),
  });
  assert.equal(anonymous.statusCode, 401);
});
