import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, loginAs, type TestApp } from '../../../test/harness';
import { APPLICANT, BIRTH, HA_LONG, act, importTestCatalogue, postDossier } from './test-support';

let t: TestApp;
let reception: Record<string, string>;
let citizen: Record<string, string>;
let form: number;
let proof: number;

before(async () => {
  t = await createTestApp();
  [form, proof] = (await importTestCatalogue(t.db))[BIRTH];
  reception = await loginAs(t.app, 'reception');
  citizen = await loginAs(t.app, 'congdan');
});
after(() => t.close());

async function submitOnline(components: Record<string, unknown>[] = []) {
  const res = await postDossier(t.app, citizen, {
    procedure: BIRTH,
    agency: HA_LONG,
    channel: 'online',
    applicant: APPLICANT,
    components,
  });
  assert.equal(res.statusCode, 201, res.body);
  return res.json().code as string;
}

const get = (code: string, headers = reception) => t.app.inject({ url: `/api/dossiers/${code}`, headers });

test('the desk queue lists online dossiers waiting at the agency, oldest first', async () => {
  const first = await submitOnline();
  const second = await submitOnline();
  const res = await t.app.inject({
    url: `/api/dossiers?status=submitted&agency=${HA_LONG}&order=asc`,
    headers: reception,
  });
  assert.equal(res.statusCode, 200);
  const codes = res.json().items.map((i: { code: string }) => i.code);
  assert.deepEqual(codes.slice(-2), [first, second]);
  assert.equal(res.json().items.at(-1).applicantName, APPLICANT.fullName);
  const otherDesk = await t.app.inject({
    url: `/api/dossiers?status=submitted&agency=${HA_LONG}`,
    headers: await loginAs(t.app, 'u2002.mc1'),
  });
  assert.deepEqual(otherDesk.json(), { items: [], total: 0, page: 1, pageSize: 20 });
});

test('desk check: incomplete → supplement request (Mẫu 02) → resubmitted → accepted with a receipt (Mẫu 01)', async () => {
  const code = await submitOnline([{ componentId: form, originals: 1 }]);
  const early = await act(t.app, reception, code, 'accept', { version: 1 });
  assert.equal(early.statusCode, 400);
  assert.equal(early.json().error.code, 'COMPONENTS_MISSING');

  const partial = await act(t.app, reception, code, 'request-supplement', {
    version: 1,
    items: [{ componentId: form, reason: 'Ghi sai ngày sinh' }],
  });
  assert.equal(partial.statusCode, 400);
  assert.equal(partial.json().error.code, 'SUPPLEMENT_INCOMPLETE');

  const request = await act(t.app, reception, code, 'request-supplement', {
    version: 1,
    items: [
      { componentId: form, reason: 'Ghi sai ngày sinh của trẻ' },
      { componentId: proof, reason: 'Chưa nộp giấy chứng sinh' },
      { name: 'Giấy xác nhận cư trú', reason: 'Cần để xác định nơi đăng ký' },
    ],
    comment: 'Đề nghị bổ sung trong 5 ngày',
  });
  assert.equal(request.statusCode, 200, request.body);
  const m02 = request.json();
  assert.equal(m02.form, '02');
  assert.equal(m02.code, code);
  assert.deepEqual(m02.items, [
    { componentId: form, name: 'Tờ khai đăng ký khai sinh', reason: 'Ghi sai ngày sinh của trẻ' },
    { componentId: proof, name: 'Giấy chứng sinh', reason: 'Chưa nộp giấy chứng sinh' },
    { componentId: null, name: 'Giấy xác nhận cư trú', reason: 'Cần để xác định nơi đăng ký' },
  ]);
  assert.equal(m02.officer.fullName, 'Trần Thị Thu Hà');
  assert.equal((await get(code)).json().status, 'supplement_requested');

  const resubmit = await act(t.app, citizen, code, 'resubmit', {
    version: 2,
    components: [
      { componentId: form, originals: 1 },
      { componentId: proof, originals: 1 },
    ],
  });
  assert.equal(resubmit.statusCode, 200, resubmit.body);
  assert.equal(resubmit.json().status, 'submitted');

  const accept = await act(t.app, reception, code, 'accept', { version: 3, comment: 'Hồ sơ đầy đủ' });
  assert.equal(accept.statusCode, 200, accept.body);
  const m01 = accept.json();
  assert.equal(m01.form, '01');
  assert.equal(m01.receivingOfficer.fullName, 'Trần Thị Thu Hà');
  assert.equal(m01.receivingOfficer.unit.code, 'MC');
  assert.deepEqual(m01.fees, [
    { name: 'Lệ phí đăng ký khai sinh', amount: 8000, note: null },
    { name: 'Phí cấp bản sao trích lục', amount: 5000, note: 'Mỗi bản' },
  ]);
  const deadline = await t.app.inject({
    url: `/api/calendar/deadline?agency=${HA_LONG}&from=${encodeURIComponent(m01.acceptedAt)}&value=2&unit=working_days`,
  });
  assert.equal(m01.dueAt, deadline.json().dueAt);

  const d = (await get(code)).json();
  assert.deepEqual([d.status, d.version, d.dueAt, d.acceptedAt], ['in_progress', 4, m01.dueAt, m01.acceptedAt]);
  assert.deepEqual(
    d.history.map((h: { action: string; fromStatus: string; toStatus: string; actor: { fullName: string } }) => [
      h.action,
      h.fromStatus,
      h.toStatus,
      h.actor.fullName,
    ]),
    [
      ['submit', null, 'submitted', 'Hoàng Văn An'],
      ['request_supplement', 'submitted', 'supplement_requested', 'Trần Thị Thu Hà'],
      ['resubmit', 'supplement_requested', 'submitted', 'Hoàng Văn An'],
      ['accept', 'submitted', 'in_progress', 'Trần Thị Thu Hà'],
    ],
  );
  assert.equal(d.history[3].comment, 'Hồ sơ đầy đủ');
  assert.deepEqual(d.history[3].data, { dueAt: m01.dueAt, stepSeq: 1 });
  const receipt = await t.app.inject({ url: `/api/dossiers/${code}/forms/receipt`, headers: citizen });
  assert.deepEqual(receipt.json(), m01);
});

test('a stale version is a 409 carrying the current state', async () => {
  const code = await submitOnline();
  await act(t.app, reception, code, 'refuse', { version: 1, reason: 'Hồ sơ không thuộc thẩm quyền' });
  const stale = await act(t.app, citizen, code, 'withdraw', { version: 1, reason: 'Không cần nữa' });
  assert.equal(stale.statusCode, 409);
  assert.equal(stale.json().error.code, 'DOSSIER_VERSION_CONFLICT');
  assert.deepEqual(stale.json().error.details, { status: 'refused', version: 2 });
});

test('refusal (Mẫu 03) is final: later actions are refused by the state machine', async () => {
  const code = await submitOnline();
  const refuse = await act(t.app, reception, code, 'refuse', { version: 1, reason: 'Thủ tục không thuộc thẩm quyền' });
  assert.equal(refuse.statusCode, 200, refuse.body);
  assert.deepEqual([refuse.json().form, refuse.json().reason], ['03', 'Thủ tục không thuộc thẩm quyền']);
  const withdraw = await act(t.app, citizen, code, 'withdraw', { version: 2, reason: 'Không cần nữa' });
  assert.equal(withdraw.statusCode, 409);
  assert.equal(withdraw.json().error.code, 'TRANSITION_NOT_ALLOWED');
  assert.equal(withdraw.json().error.messageVi, 'Không thể rút hồ sơ khi hồ sơ ở trạng thái "Từ chối tiếp nhận"');
  const d = (await get(code)).json();
  assert.deepEqual([d.status, d.version, d.refusedAt !== null], ['refused', 2, true]);
  const noReceipt = await t.app.inject({ url: `/api/dossiers/${code}/forms/receipt`, headers: reception });
  assert.equal(noReceipt.statusCode, 409);
  assert.equal(noReceipt.json().error.code, 'FORM_NOT_AVAILABLE');
});

test('the applicant withdraws an accepted dossier with a reason; the appointment stays for the record', async () => {
  const code = await submitOnline([
    { componentId: form, originals: 1 },
    { componentId: proof, originals: 1 },
  ]);
  const accepted = await act(t.app, reception, code, 'accept', { version: 1 });
  const noReason = await act(t.app, citizen, code, 'withdraw', { version: 2 });
  assert.equal(noReason.statusCode, 400);
  assert.equal(noReason.json().error.field, 'reason');
  const res = await act(t.app, citizen, code, 'withdraw', { version: 2, reason: 'Gia đình đăng ký ở nơi khác' });
  assert.equal(res.statusCode, 200, res.body);
  const d = res.json();
  assert.deepEqual([d.status, d.version, d.dueAt], ['withdrawn', 3, accepted.json().dueAt]);
  assert.equal(d.history[2].comment, 'Gia đình đăng ký ở nơi khác');
  assert.equal(d.history[2].actor.role, 'citizen');
});

test('only the receiving agency’s desk decides, and only the applicant (or the desk) withdraws', async () => {
  const code = await submitOnline();
  const citizenAccepts = await act(t.app, citizen, code, 'accept', { version: 1 });
  assert.equal(citizenAccepts.statusCode, 403);
  const otherDesk = await act(t.app, await loginAs(t.app, 'u2002.mc1'), code, 'accept', { version: 1 });
  assert.equal(otherDesk.statusCode, 403);
  const specialist = await act(t.app, await loginAs(t.app, 'specialist'), code, 'withdraw', {
    version: 1,
    reason: 'x',
  });
  assert.equal(specialist.statusCode, 403);
  const deskWithdraws = await act(t.app, reception, code, 'withdraw', {
    version: 1,
    reason: 'Công dân có đơn xin rút hồ sơ',
  });
  assert.equal(deskWithdraws.statusCode, 200);
  assert.equal(deskWithdraws.json().history[1].actor.role, 'reception');
  const unknown = await act(t.app, reception, `${HA_LONG}-991231-9999`, 'accept', { version: 1 });
  assert.equal(unknown.statusCode, 404);
});

test('the applicant hears of each desk outcome by email and SMS; an online submission only once accepted', async () => {
  const subjects = (code: string) =>
    t.db
      .selectFrom('outbox_messages')
      .innerJoin('dossiers', 'dossiers.id', 'outbox_messages.dossier_id')
      .select(['outbox_messages.channel', 'outbox_messages.subject', 'outbox_messages.body'])
      .where('dossiers.code', '=', code)
      .orderBy('outbox_messages.id')
      .execute();
  const waiting = await submitOnline();
  assert.deepEqual(await subjects(waiting), []);

  const request = await act(t.app, reception, waiting, 'request-supplement', {
    version: 1,
    items: [
      { componentId: form, reason: 'Chưa nộp tờ khai' },
      { componentId: proof, reason: 'Chưa nộp giấy chứng sinh' },
    ],
  });
  assert.equal(request.statusCode, 200, request.body);
  const asked = await subjects(waiting);
  assert.deepEqual(
    asked.map((m) => m.channel),
    ['email', 'sms'],
  );
  assert.match(asked[0].subject ?? '', new RegExp(`Hồ sơ ${waiting.replace(/\./g, '\\.')}`));
  assert.match(asked[0].body, /giấy chứng sinh/);

  const accepted = await submitOnline([
    { componentId: form, originals: 1 },
    { componentId: proof, originals: 1 },
  ]);
  assert.equal((await act(t.app, reception, accepted, 'accept', { version: 1 })).statusCode, 200);
  const receipt = await subjects(accepted);
  assert.equal(receipt.length, 2);
  assert.match(receipt[0].subject ?? '', /đã được tiếp nhận/);

  const refused = await submitOnline();
  const refusal = await act(t.app, reception, refused, 'refuse', { version: 1, reason: 'Không thuộc thẩm quyền' });
  assert.equal(refusal.statusCode, 200, refusal.body);
  const [refusalMail] = await subjects(refused);
  assert.match(refusalMail.body, /Không thuộc thẩm quyền/);

  const atDesk = await postDossier(t.app, reception, {
    procedure: BIRTH,
    agency: HA_LONG,
    channel: 'direct',
    applicant: APPLICANT,
    components: [
      { componentId: form, originals: 1 },
      { componentId: proof, originals: 1 },
    ],
  });
  assert.equal(atDesk.statusCode, 201, atDesk.body);
  const [deskReceipt] = await subjects(atDesk.json().code);
  assert.match(deskReceipt.subject ?? '', /đã được tiếp nhận/);
});
