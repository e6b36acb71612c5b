import assert from 'node:assert/strict';
import type { InjectOptions } from 'fastify';
import type { TestApp } from './harness';
import type { FeedbackFixture } from './scope-fixtures-feedback';
import type { WorkflowFixture } from './scope-fixtures-workflow';

/** What test/scope.test.ts aims each route at: one ward's own data, prepared the same way in every ward. */
export type Ward = {
  code: string;
  /** Its one-stop desk unit. */
  unitId: number;
  /** Its desk receptionist (u20xx.mc1), the user the user-administration routes act on. */
  userId: number;
  username: string;
  /** An extra role of that user that an administrator may revoke. */
  extraGrantId: number;
  /** A calendar day set for the ward that an administrator may remove. */
  dayOff: string;
  /** Procedures only this ward implements: one to receive dossiers and amend, one to abolish. */
  procedure: string;
  abolishable: string;
  /** Dossiers of the ward, each in the state its route needs, with the version to send. */
  dossiers: Record<'received' | 'toAccept' | 'toSupplement' | 'toRefuse' | 'toWithdraw' | 'toResubmit', Dossier>;
  /** A file attached to the received dossier. */
  fileId: number;
  /** A notification of the ward's administrator (u20xx.quantri). */
  notificationId: number;
  /** Dossiers at each point of the internal process (scope-fixtures-workflow.ts). */
  workflow: WorkflowFixture;
  /** A returned dossier and complaints (scope-fixtures-feedback.ts). */
  feedback: FeedbackFixture;
};

export type Dossier = { code: string; version: number };

export type Logins = { province: Record<string, string>; citizen: Record<string, string> };

const STEPS = [
  { name: 'Tiếp nhận hồ sơ', unit: 'MC', role: 'reception', duration: { value: 4, unit: 'working_hours' } },
  { name: 'Thẩm định, trình ký', unit: 'VHXH', role: 'specialist', duration: { value: 2, unit: 'working_days' } },
];

export const SCOPE_FIELD = { code: 'PHAM_VI', name: 'Phạm vi (kiểm thử)' };

/** A procedure in docs/catalogue-format.md form, implemented by one agency, taking dossiers on every channel. */
export function procedureEntry(code: string, agency: string, name = `Thủ tục kiểm thử ${code}`) {
  return {
    code,
    name,
    field: SCOPE_FIELD.code,
    level: 'commune',
    agencies: [agency],
    deadline: { value: 3, unit: 'working_days' },
    // Optional, so that intakes need not bring it; its template file is the target of the template routes.
    components: [{ name: 'Tờ khai theo mẫu', originals: 1, copies: 0, required: false, template: 'Mẫu 01' }],
    channels: ['direct', 'postal', 'online'],
    onlineLevel: 'full',
    process: STEPS,
    decision: { number: '15/QĐ-UBND', date: '2024-12-20', type: 'new', effectiveFrom: '2025-01-01' },
  };
}

const APPLICANT = { fullName: 'Vũ Thị Thanh Hương', idNumber: '022190004321', address: 'Phường Hạ Long' };
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

async function call(t: TestApp, headers: Record<string, string>, opts: InjectOptions, status: number) {
  const res = await t.app.inject({ ...opts, headers: { ...headers, ...(opts.headers as object) } });
  assert.equal(res.statusCode, status, `${opts.method ?? 'GET'} ${opts.url}: ${res.body}`);
  return res.json();
}

let keys = 0;
async function intake(t: TestApp, headers: Record<string, string>, body: object): Promise<Dossier> {
  const d = await call(
    t,
    headers,
    { method: 'POST', url: '/api/dossiers', headers: { 'idempotency-key': `scope-${++keys}` }, payload: body },
    201,
  );
  return { code: d.code, version: d.version };
}

async function uploadPdf(t: TestApp, headers: Record<string, string>): Promise<number> {
  const boundary = '----scope-boundary';
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="to-khai.pdf"\r\nContent-Type: application/pdf\r\n\r\n`;
  const file = await call(
    t,
    headers,
    {
      method: 'POST',
      url: '/api/dossier-files',
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: Buffer.concat([Buffer.from(head), PDF, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    },
    201,
  );
  return file.id;
}

/**
 * Prepares a ward through the API: its procedures (by the province administrator), an extra role and a
 * day off, and dossiers received at its desk or submitted online by the demo citizen.
 */
export async function prepareWard(t: TestApp, code: string, logins: Logins, reception: Record<string, string>) {
  const username = `u${code.slice(4, 6)}${code.slice(7, 9)}.mc1`;
  const ids = await t.db
    .selectFrom('users as u')
    .innerJoin('user_roles as r', 'r.user_id', 'u.id')
    .select(['u.id as userId', 'r.unit_id as unitId'])
    .where('u.username', '=', username)
    .executeTakeFirstOrThrow();
  const { province, citizen } = logins;
  const extra = await call(
    t,
    province,
    { method: 'POST', url: `/api/admin/users/${ids.userId}/roles`, payload: { role: 'specialist', agency: code } },
    201,
  );
  const dayOff = '2031-05-05';
  const day = { working: false, name: 'Ngày nghỉ địa phương' };
  await call(t, province, { method: 'PUT', url: `/api/calendar/days/${dayOff}?agency=${code}`, payload: day }, 200);
  const procedure = `PV.${code.slice(7, 9)}1`;
  const abolishable = `PV.${code.slice(7, 9)}2`;
  const catalogue = {
    fields: [SCOPE_FIELD],
    procedures: [procedureEntry(procedure, code), procedureEntry(abolishable, code)],
  };
  const report = await call(t, province, { method: 'POST', url: '/api/procedures/import', payload: catalogue }, 200);
  assert.deepEqual(report.rejected, []);

  const fileId = await uploadPdf(t, reception);
  const dossier = { procedure, agency: code, applicant: APPLICANT };
  const received = await intake(t, reception, { ...dossier, channel: 'direct', files: [fileId] });
  const online = () => intake(t, citizen, { ...dossier, channel: 'online' });
  const [toAccept, toSupplement, toRefuse, toWithdraw, submitted] = [
    await online(),
    await online(),
    await online(),
    await online(),
    await online(),
  ];
  const supplement = { version: submitted.version, items: [{ name: 'Tờ khai', reason: 'Thiếu chữ ký' }] };
  const url = `/api/dossiers/${submitted.code}`;
  await call(t, reception, { method: 'POST', url: `${url}/request-supplement`, payload: supplement }, 200);
  const toResubmit = { code: submitted.code, version: (await call(t, reception, { url }, 200)).version };
  // Notifications come from the daily jobs, not from an API: one is written for the ward's administrator.
  const admin = await t.db
    .selectFrom('users')
    .select('id')
    .where('username', '=', username.replace('.mc1', '.quantri'))
    .executeTakeFirstOrThrow();
  const notification = await t.db
    .insertInto('notifications')
    .values({
      user_id: admin.id,
      kind: 'due_soon',
      title: 'Hồ sơ sắp đến hạn',
      title_en: 'Dossier due soon',
      body: `Hồ sơ ${received.code} đến hạn trong 1 ngày làm việc`,
      body_en: `Dossier ${received.code} is due within 1 working day`,
      dossier_codes: [received.code],
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return {
    code,
    unitId: ids.unitId!,
    userId: ids.userId,
    username,
    extraGrantId: extra.id,
    dayOff,
    procedure,
    abolishable,
    dossiers: { received, toAccept, toSupplement, toRefuse, toWithdraw, toResubmit },
    fileId,
    notificationId: notification.id,
  } satisfies Omit<Ward, 'workflow' | 'feedback'>;
}
