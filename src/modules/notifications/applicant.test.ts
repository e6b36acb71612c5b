import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, loginAs, type TestApp } from '../../../test/harness';
import { loadConfig } from '../../config';
import { AppError } from '../../shared/errors';
import { notifyApplicant } from './applicant';
import { dispatchOutbox, outboxGateway, smtpMailer, type Mailer } from './dispatcher';
import { lookupUrl } from './messages';
import type { MessageSettings } from './settings';
import { APPLICANT_ID_NUMBER, insertDossier } from './test-fixtures';
import { startSmtpReceiver, type SmtpReceiver } from './test-smtp';

const SETTINGS: MessageSettings = {
  publicBaseUrl: 'https://motcua.quangninh.gov.vn',
  applicantPhoneChannels: ['sms'],
  reminderWindowWorkingDays: 1,
};
const CODE = '000.20.01.H40-260213-0007';
const LOOKUP = `https://motcua.quangninh.gov.vn/tra-cuu/${CODE}`;

let t: TestApp;
let smtp: SmtpReceiver;
let mailer: Mailer;
before(async () => {
  t = await createTestApp();
  smtp = await startSmtpReceiver();
  mailer = smtpMailer(smtp.url, 'Một cửa Quảng Ninh <no-reply@motcua.test>');
});
after(async () => {
  mailer.close();
  await smtp.close();
  await t.close();
});

const dispatch = () => dispatchOutbox(t.db, { mailer, gateway: outboxGateway, maxAttempts: 5 });
const outboxOf = (dossierId: number) =>
  t.db.selectFrom('outbox_messages').selectAll().where('dossier_id', '=', dossierId).orderBy('id').execute();

test('a receipt reaches the applicant by email over SMTP, in Vietnamese with the code, and by SMS', async () => {
  const id = await insertDossier(t.db, {
    code: CODE,
    dueAt: new Date('2026-02-25T17:00:00+07:00'),
    applicantEmail: 'hoa.nguyen@example.vn',
    applicantPhone: '0912345678',
  });
  await t.db.transaction().execute((tx) => notifyApplicant(tx, { dossierId: id, event: 'received' }, SETTINGS));
  assert.deepEqual(await dispatch(), { sent: 2, retrying: 0, failed: 0, held: 0 });

  assert.equal(smtp.messages.length, 1);
  const mail = smtp.messages[0];
  assert.equal(mail.from, 'no-reply@motcua.test');
  assert.deepEqual(mail.to, ['hoa.nguyen@example.vn']);
  assert.equal(mail.subject, `[Một cửa] Hồ sơ ${CODE} đã được tiếp nhận`);
  assert.match(mail.headers.get('content-type') ?? '', /charset=utf-8/i);
  assert.equal(
    mail.text.split('\n').slice(0, 5).join('\n'),
    [
      'Kính gửi Quý ông/bà,',
      '',
      `Hồ sơ ${CODE} (Đăng ký khai sinh) đã được tiếp nhận.`,
      'Ngày hẹn trả kết quả: 25/02/2026 17:00.',
      `Tra cứu: ${LOOKUP}`,
    ].join('\n'),
  );
  assert.ok(!mail.text.includes(APPLICANT_ID_NUMBER));

  const [email, sms] = await outboxOf(id);
  assert.equal(email.status, 'sent');
  assert.equal(email.delivered_via, 'smtp');
  assert.equal(email.attempts, 1);
  assert.equal(sms.channel, 'sms');
  assert.equal(sms.recipient, '0912345678');
  assert.equal(sms.status, 'sent');
  assert.equal(sms.delivered_via, 'outbox');
  assert.equal(
    sms.body,
    `Hồ sơ ${CODE} (Đăng ký khai sinh) đã được tiếp nhận. Ngày hẹn trả kết quả: 25/02/2026 17:00. Tra cứu: ${LOOKUP}`,
  );
});

test('a supplement request mails every missing item at once', async () => {
  const id = await insertDossier(t.db, {
    code: '000.20.01.H40-260213-0008',
    dueAt: null,
    status: 'supplement_requested',
    applicantEmail: 'lan.tran@example.vn',
  });
  await t.db.transaction().execute((tx) =>
    notifyApplicant(
      tx,
      {
        dossierId: id,
        event: 'supplement_requested',
        data: {
          items: [{ name: 'Giấy chứng sinh', reason: 'bản chụp không rõ' }, { name: 'Tờ khai đăng ký khai sinh' }],
        },
      },
      SETTINGS,
    ),
  );
  await dispatch();
  const mail = smtp.messages.find((m) => m.to.includes('lan.tran@example.vn'));
  assert.ok(mail);
  assert.equal(mail.subject, '[Một cửa] Hồ sơ 000.20.01.H40-260213-0008 cần bổ sung');
  assert.ok(
    mail.text.includes(
      'Nội dung cần bổ sung:\n- Giấy chứng sinh: bản chụp không rõ\n- Tờ khai đăng ký khai sinh\nTra cứu: ',
    ),
  );
});

test('messages are queued with the change or not at all', async () => {
  const id = await insertDossier(t.db, {
    code: '000.20.01.H40-260213-0009',
    dueAt: null,
    applicantEmail: 'an.le@example.vn',
    applicantPhone: '0987654321',
  });
  await assert.rejects(
    t.db.transaction().execute(async (tx) => {
      await notifyApplicant(
        tx,
        { dossierId: id, event: 'refused', data: { reason: 'không thuộc thẩm quyền' } },
        SETTINGS,
      );
      throw new Error('the refusal failed after the notice was queued');
    }),
    /refusal failed/,
  );
  assert.deepEqual(await outboxOf(id), []);
});

test('a citizen account is told in-app too; Zalo joins SMS when configured; no address, no message', async () => {
  const withAccount = await insertDossier(t.db, {
    code: '000.20.01.H40-260213-0010',
    dueAt: new Date('2026-03-02T17:00:00+07:00'),
    applicantUser: 'congdan',
  });
  await t.db
    .transaction()
    .execute((tx) => notifyApplicant(tx, { dossierId: withAccount, event: 'result_ready' }, SETTINGS));
  assert.deepEqual(await outboxOf(withAccount), []);
  const res = await t.app.inject({ url: '/api/notifications', headers: await loginAs(t.app, 'congdan') });
  const [item] = res.json().items;
  assert.equal(item.kind, 'result_ready');
  assert.equal(item.title, 'Hồ sơ 000.20.01.H40-260213-0010 đã có kết quả');
  assert.deepEqual(item.dossierCodes, ['000.20.01.H40-260213-0010']);

  const withPhone = await insertDossier(t.db, {
    code: '000.20.01.H40-260213-0011',
    dueAt: null,
    applicantPhone: '0911222333',
  });
  await t.db
    .transaction()
    .execute((tx) =>
      notifyApplicant(
        tx,
        { dossierId: withPhone, event: 'received' },
        { ...SETTINGS, applicantPhoneChannels: ['sms', 'zalo'] },
      ),
    );
  assert.deepEqual(
    (await outboxOf(withPhone)).map((m) => [m.channel, m.recipient, m.status]),
    [
      ['sms', '0911222333', 'pending'],
      ['zalo', '0911222333', 'pending'],
    ],
  );
});

test('without settings the lookup link uses the configured public address', async () => {
  const id = await insertDossier(t.db, {
    code: '000.20.01.H40-260213-0012',
    dueAt: null,
    applicantPhone: '0900000001',
  });
  await t.db.transaction().execute((tx) => notifyApplicant(tx, { dossierId: id, event: 'received' }));
  const [sms] = await outboxOf(id);
  assert.ok(sms.body.endsWith(`Tra cứu: ${lookupUrl(loadConfig().publicBaseUrl, '000.20.01.H40-260213-0012')}`));
});

test('an unknown dossier is a 404 naming the field', async () => {
  await assert.rejects(
    notifyApplicant(t.db, { dossierId: 987654, event: 'received' }, SETTINGS),
    (err: unknown) => err instanceof AppError && err.status === 404 && err.field === 'dossierId',
  );
});
