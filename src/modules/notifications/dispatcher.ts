import nodemailer from 'nodemailer';
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../../db/database';
import { audit } from '../../shared/audit';
import { SEND_LEASE_MS, afterAttempt, type PhoneChannel, type SendOutcome } from './rules';
import * as store from './store';
import type { OutboxMessageRow } from './tables';

/**
 * An SMS or Zalo gateway. A province plugs its own in (a telecom brandname SMS API, Zalo ZNS); the
 * default one delivers to the outbox table itself, where the messages stay readable as sent.
 */
export interface MessageGateway {
  /** Recorded as `delivered_via` on each message it delivers. */
  readonly name: string;
  /** Resolves once the gateway has accepted the message; throws to have it retried later. */
  send(message: { channel: PhoneChannel; to: string; body: string }): Promise<{ reference: string | null }>;
}

export const outboxGateway: MessageGateway = {
  name: 'outbox',
  send: async () => ({ reference: null }),
};

export interface Mailer {
  send(message: { to: string; subject: string; text: string }): Promise<{ reference: string | null }>;
  close(): void;
}

/** Email over SMTP (`smtp://user:pass@host:port`, or `smtps://` for TLS from the start). */
export function smtpMailer(smtpUrl: string, from: string): Mailer {
  // Bounded waits: a hung server delays one message, never the dispatcher for good.
  const transport = nodemailer.createTransport(
    { url: smtpUrl, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 },
    { from },
  );
  return {
    async send(m) {
      const info = await transport.sendMail({ to: m.to, subject: m.subject, text: m.text });
      return { reference: info.messageId ?? null };
    },
    close: () => transport.close(),
  };
}

export type JobLog = Pick<FastifyBaseLogger, 'info' | 'warn' | 'error'>;

export type DispatchDeps = {
  /** null: no SMTP server configured; emails wait as 'held'. */
  mailer: Mailer | null;
  gateway: MessageGateway;
  maxAttempts: number;
  log?: JobLog;
};

/** `held`: emails newly set aside for want of an SMTP server; `failed`: given up after the last attempt. */
export type DispatchResult = { sent: number; retrying: number; failed: number; held: number };

/** Small batches, so that a batch is sent well within its lease even when a server is slow. */
const BATCH_SIZE = 10;
export const NO_SMTP = 'Chưa cấu hình máy chủ thư SMTP_URL / No SMTP server configured (SMTP_URL)';

async function attempt(m: OutboxMessageRow, deps: DispatchDeps): Promise<SendOutcome> {
  try {
    if (m.channel === 'email') {
      const r = await deps.mailer!.send({ to: m.recipient, subject: m.subject ?? '', text: m.body });
      return { ok: true, via: 'smtp', reference: r.reference };
    }
    const r = await deps.gateway.send({ channel: m.channel as PhoneChannel, to: m.recipient, body: m.body });
    return { ok: true, via: deps.gateway.name, reference: r.reference };
  } catch (err) {
    // Error texts can quote the recipient: they go to the message row, the log gets the code only.
    const code = (err as { code?: unknown; responseCode?: unknown }).code ?? null;
    deps.log?.warn({ messageId: m.id, channel: m.channel, attempts: m.attempts, code }, 'outbox message not sent');
    return { ok: false, error: err instanceof Error ? err.message : String(err) };
  }
}

/**
 * Sends the outbox messages due at `now`, after the transactions that wrote them have committed.
 * Each batch is leased with `FOR UPDATE SKIP LOCKED`, so dispatchers in several processes never
 * send one message twice; a failure is retried with backoff until `maxAttempts`, then marked failed.
 * A crash between sending and recording lets the lease expire and the message go again: delivery
 * is at least once, as with any SMTP client.
 */
export async function dispatchOutbox(db: Db, deps: DispatchDeps, now = new Date()): Promise<DispatchResult> {
  const result: DispatchResult = { sent: 0, retrying: 0, failed: 0, held: 0 };
  if (!deps.mailer) result.held = await store.holdPendingEmails(db, NO_SMTP);
  const leaseUntil = new Date(now.getTime() + SEND_LEASE_MS);
  for (;;) {
    const batch = await store.claimMessages(db, {
      now,
      leaseUntil,
      limit: BATCH_SIZE,
      withEmail: deps.mailer !== null,
    });
    for (const m of batch) {
      const update = afterAttempt(await attempt(m, deps), m.attempts, deps.maxAttempts, now);
      const recorded = await db.transaction().execute(async (tx) => {
        if (!(await store.finishMessage(tx, m, update, now))) return false;
        if (update.status === 'failed') {
          await audit.record(tx, {
            actorUserId: null,
            action: 'notifications.outbox.failed',
            entityType: 'outbox_message',
            entityId: m.id,
            data: { channel: m.channel, attempts: m.attempts, dossierId: m.dossier_id },
          });
        }
        return true;
      });
      if (recorded) result[update.status === 'sent' ? 'sent' : update.status === 'pending' ? 'retrying' : 'failed']++;
    }
    if (batch.length < BATCH_SIZE) return result;
  }
}
