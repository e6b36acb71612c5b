import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp } from '../../../test/harness';
import { loadConfig } from '../../config';
import { notifyApplicant } from './applicant';
import {
  NO_SMTP,
  dispatchOutbox,
  outboxGateway,
  smtpMailer,
  type DispatchDeps,
  type Mailer,
  type MessageGateway,
} from './dispatcher';
import type { MessageSettings } from './settings';
import * as store from './store';
import { insertDossier } from './test-fixtures';
import { freePort, startSmtpReceiver } from './test-smtp';

const SETTINGS: MessageSettings = {
  publicBaseUrl: 'https://motcua.test',
  applicantPhoneChannels: ['sms'],
  reminderWindowWorkingDays: 1,
};
const FROM = 'Một cửa <no-reply@motcua.test>';

let t: TestApp;
let seq = 100;
const mailers: Mailer[] = [];
before(async () => {
  t = await createTestApp();
});
after(async () => {
  for (const m of mailers) m.close();
  await t.close();
});

function mailerAt(url: string): Mailer {
  const m = smtpMailer(url, FROM);
  mailers.push(m);
  return m;
}

const plus = (d: Date, seconds: number) => new Date(d.getTime() + seconds * 1000);

/** A dossier whose receipt has been queued for its applicant. */
async function queuedReceipt(contact: { email?: string; phone?: string }): Promise<number> {
  const id = await insertDossier(t.db, {
    code: `000.20.01.H40-260310-0${seq++}`,
    dueAt: new Date('2026-03-12T17:00:00+07:00'),
    applicantEmail: contact.email ?? null,
    applicantPhone: contact.phone ?? null,
  });
  await t.db.transaction().execute((tx) => notifyApplicant(tx, { dossierId: id, event: 'received' }, SETTINGS));
  return id;
}

const messagesOf = (dossierId: number) =>
  t.db.selectFrom('outbox_messages').selectAll().where('dossier_id', '=', dossierId).orderBy('id').execute();

test('while the SMTP server is down the email is retried with backoff, and sent once it is up', async () => {
  const port = await freePort();
  const deps: DispatchDeps = { mailer: mailerAt(`smtp://127.0.0.1:${port}`), gateway: outboxGateway, maxAttempts: 5 };
  const id = await queuedReceipt({ email: 'binh.vu@example.vn' });
  const now = new Date();

  assert.deepEqual(await dispatchOutbox(t.db, deps, now), { sent: 0, retrying: 1, failed: 0, held: 0 });
  let [m] = await messagesOf(id);
  assert.equal(m.status, 'pending');
  assert.equal(m.attempts, 1);
  assert.match(m.last_error ?? '', /ECONNREFUSED/);
  assert.equal(m.next_attempt_at.getTime(), plus(now, 60).getTime());

  // Not yet due again: left alone.
  assert.deepEqual(await dispatchOutbox(t.db, deps, plus(now, 30)), { sent: 0, retrying: 0, failed: 0, held: 0 });

  const smtp = await startSmtpReceiver(port);
  try {
    assert.deepEqual(await dispatchOutbox(t.db, deps, plus(now, 61)), { sent: 1, retrying: 0, failed: 0, held: 0 });
    assert.deepEqual(
      smtp.messages.map((x) => [x.to, x.subject]),
      [[['binh.vu@example.vn'], m.subject]],
    );
  } finally {
    await smtp.close();
  }
  [m] = await messagesOf(id);
  assert.equal(m.status, 'sent');
  assert.equal(m.attempts, 2);
  assert.equal(m.last_error, null);
  assert.equal(m.sent_at?.getTime(), plus(now, 61).getTime());
});

test('without SMTP emails are held with a clear reason while SMS go; a configured server sends them', async () => {
  const id = await queuedReceipt({ email: 'cuong.dang@example.vn', phone: '0912000111' });
  const noMail: DispatchDeps = { mailer: null, gateway: outboxGateway, maxAttempts: 5 };
  assert.deepEqual(await dispatchOutbox(t.db, noMail), { sent: 1, retrying: 0, failed: 0, held: 1 });
  let [email, sms] = await messagesOf(id);
  assert.equal(email.status, 'held');
  assert.equal(email.last_error, NO_SMTP);
  assert.equal(email.attempts, 0);
  assert.equal(sms.status, 'sent');
  // Held, not lost: a later dispatch without SMTP leaves it held and does not count it again.
  assert.deepEqual(await dispatchOutbox(t.db, noMail), { sent: 0, retrying: 0, failed: 0, held: 0 });

  const smtp = await startSmtpReceiver();
  try {
    const deps: DispatchDeps = { mailer: mailerAt(smtp.url), gateway: outboxGateway, maxAttempts: 5 };
    assert.deepEqual(await dispatchOutbox(t.db, deps), { sent: 1, retrying: 0, failed: 0, held: 0 });
    assert.deepEqual(
      smtp.messages.map((x) => x.to),
      [['cuong.dang@example.vn']],
    );
  } finally {
    await smtp.close();
  }
  [email, sms] = await messagesOf(id);
  assert.equal(email.status, 'sent');
  assert.equal(email.last_error, null);
});

test('a province gateway receives the SMS; one that keeps failing gives up after the last attempt', async () => {
  const sent: { channel: string; to: string; body: string }[] = [];
  const province: MessageGateway = {
    name: 'quangninh-sms',
    send: async (m) => {
      sent.push(m);
      return { reference: `SMS-${sent.length}` };
    },
  };
  const ok = await queuedReceipt({ phone: '0913000222' });
  await dispatchOutbox(t.db, { mailer: null, gateway: province, maxAttempts: 3 });
  const [delivered] = await messagesOf(ok);
  assert.deepEqual(
    [delivered.status, delivered.delivered_via, delivered.provider_reference],
    ['sent', 'quangninh-sms', 'SMS-1'],
  );
  assert.deepEqual(sent, [{ channel: 'sms', to: '0913000222', body: delivered.body }]);

  const down: MessageGateway = {
    name: 'down',
    send: async () => {
      throw new Error('gateway unavailable');
    },
  };
  const failing = await queuedReceipt({ phone: '0913000333' });
  const deps: DispatchDeps = { mailer: null, gateway: down, maxAttempts: 2 };
  const now = new Date();
  assert.deepEqual(await dispatchOutbox(t.db, deps, now), { sent: 0, retrying: 1, failed: 0, held: 0 });
  assert.deepEqual(await dispatchOutbox(t.db, deps, plus(now, 60)), { sent: 0, retrying: 0, failed: 1, held: 0 });
  const [gaveUp] = await messagesOf(failing);
  assert.deepEqual([gaveUp.status, gaveUp.attempts, gaveUp.last_error], ['failed', 2, 'gateway unavailable']);
  const audit = await t.db
    .selectFrom('audit_log')
    .select(['data'])
    .where('action', '=', 'notifications.outbox.failed')
    .where('entity_id', '=', String(gaveUp.id))
    .execute();
  assert.deepEqual(
    audit.map((a) => a.data),
    [{ channel: 'sms', attempts: 2, dossierId: failing }],
  );
  // Given up for good: no further attempt.
  assert.deepEqual(await dispatchOutbox(t.db, deps, plus(now, 86_400)), { sent: 0, retrying: 0, failed: 0, held: 0 });
});

test('two dispatchers running at once send every message exactly once', async () => {
  const smtp = await startSmtpReceiver();
  try {
    const recipients = Array.from({ length: 25 }, (_, i) => `can.bo${i}@example.vn`);
    const now = new Date();
    await store.enqueueMessages(
      t.db,
      recipients.map((r) => ({
        channel: 'email',
        recipient: r,
        subject: 'Thử gửi song song',
        body: 'Nội dung',
        dossier_id: null,
        next_attempt_at: now,
      })),
    );
    const deps = (): DispatchDeps => ({ mailer: mailerAt(smtp.url), gateway: outboxGateway, maxAttempts: 5 });
    const [a, b] = await Promise.all([dispatchOutbox(t.db, deps(), now), dispatchOutbox(t.db, deps(), now)]);
    assert.equal(a.sent + b.sent, 25);
    assert.deepEqual(smtp.messages.flatMap((m) => m.to).sort(), [...recipients].sort());
  } finally {
    await smtp.close();
  }
});

test('a message whose dispatcher died is sent again once its lease expires, not before', async () => {
  const smtp = await startSmtpReceiver();
  try {
    const now = new Date();
    const row = (recipient: string, leaseUntil: Date) => ({
      channel: 'email',
      recipient,
      subject: 'Nhắc việc',
      body: 'Nội dung',
      dossier_id: null,
      status: 'sending',
      attempts: 1,
      next_attempt_at: leaseUntil,
    });
    await store.enqueueMessages(t.db, [
      row('expired@example.vn', plus(now, -1)),
      row('leased@example.vn', plus(now, 600)),
    ]);
    const deps: DispatchDeps = { mailer: mailerAt(smtp.url), gateway: outboxGateway, maxAttempts: 5 };
    assert.deepEqual(await dispatchOutbox(t.db, deps, now), { sent: 1, retrying: 0, failed: 0, held: 0 });
    assert.deepEqual(
      smtp.messages.map((m) => m.to),
      [['expired@example.vn']],
    );
  } finally {
    await smtp.close();
  }
});

test(
  'a message locked by another dispatcher is skipped, not waited for',
  { skip: loadConfig().databaseUrl ? false : 'PGlite has a single connection: no second transaction to hold a lock' },
  async () => {
    const id = await queuedReceipt({ phone: '0913000444' });
    const [m] = await messagesOf(id);
    await t.db.transaction().execute(async (tx) => {
      await tx.selectFrom('outbox_messages').select('id').where('id', '=', m.id).forUpdate().execute();
      const result = await dispatchOutbox(t.db, { mailer: null, gateway: outboxGateway, maxAttempts: 5 });
      assert.equal(result.sent, 0);
    });
    assert.deepEqual(await dispatchOutbox(t.db, { mailer: null, gateway: outboxGateway, maxAttempts: 5 }), {
      sent: 1,
      retrying: 0,
      failed: 0,
      held: 0,
    });
  },
);
