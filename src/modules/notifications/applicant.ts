import type { Insertable } from 'kysely';
import { z } from 'zod';
import type { Executor } from '../../db/database';
import { notFound } from '../../shared/errors';
import { applicantMessage, ratingUrl } from './messages';
import type { ApplicantEvent } from './rules';
import { environmentSettings, type MessageSettings } from './settings';
import * as store from './store';

type DossierForMessage = NonNullable<Awaited<ReturnType<typeof store.findDossierForMessage>>>;
import type { NotificationTable, OutboxMessageTable } from './tables';

/** What callers may tell about the event: a reason (refusal, apology) and the items to supplement. */
const eventDetails = z.object({
  reason: z.string().trim().min(1).max(2000).optional(),
  items: z
    .array(z.object({ name: z.string().trim().min(1).max(500), reason: z.string().trim().max(1000).optional() }))
    .max(100)
    .optional(),
  /** A returned result's one-time rating token (feedback module): the message carries its link. */
  ratingToken: z.string().min(16).max(200).optional(),
});

export type ApplicantNotice = {
  dossierId: number;
  /** The dossier as the caller has just written it, when it has it: saves reading it again. */
  dossier?: DossierForMessage;
  event: ApplicantEvent;
  /** `reason?: string`, `items?: { name, reason? }[]`, `ratingToken?: string`; other keys are ignored. */
  data?: Record<string, unknown>;
};

/**
 * Tells the applicant about an event of their dossier: queues an email (if they gave an address)
 * and a phone message per configured channel (if they gave a phone) in the outbox, and, for a
 * citizen account, an in-app notification. Call it inside the transaction of the change, after the
 * dossier row is updated (an apology reads the new appointment from `due_at`): the messages commit
 * with it or not at all, and the dispatcher sends them after the commit.
 */
export async function notifyApplicant(
  tx: Executor,
  input: ApplicantNotice,
  settings: MessageSettings = environmentSettings(),
): Promise<void> {
  const { messages, notifications } = await applicantNotices(tx, [input], settings);
  await store.enqueueMessages(tx, messages);
  await store.insertNotifications(tx, notifications);
}

/** The outbox messages and in-app notifications that tell applicants of these events (`notifyApplicant`). */
export async function applicantNotices(
  tx: Executor,
  inputs: readonly ApplicantNotice[],
  settings: MessageSettings = environmentSettings(),
) {
  const messages: Insertable<OutboxMessageTable>[] = [];
  const notifications: Insertable<NotificationTable>[] = [];
  const now = new Date();
  for (const input of inputs) {
    const details = eventDetails.parse(input.data ?? {});
    const d = input.dossier ?? (await store.findDossierForMessage(tx, input.dossierId));
    if (!d) throw notFound('Dossier', 'hồ sơ', 'dossierId');
    const { ratingToken, ...rest } = details;
    const m = applicantMessage(
      input.event,
      { code: d.code, procedureName: d.procedure_name, dueAt: d.due_at, ruleSet: d.rule_set },
      { ...rest, ...(ratingToken ? { ratingUrl: ratingUrl(settings.publicBaseUrl, ratingToken) } : {}) },
      settings.publicBaseUrl,
    );
    if (d.applicant_email?.trim()) {
      messages.push({
        channel: 'email',
        recipient: d.applicant_email.trim(),
        subject: m.subject,
        body: m.email,
        dossier_id: d.id,
        next_attempt_at: now,
      });
    }
    if (d.applicant_phone?.trim()) {
      for (const channel of settings.applicantPhoneChannels) {
        messages.push({
          channel,
          recipient: d.applicant_phone.trim(),
          subject: null,
          body: m.sms,
          dossier_id: d.id,
          next_attempt_at: now,
        });
      }
    }
    if (d.applicant_user_id !== null) {
      notifications.push({
        user_id: d.applicant_user_id,
        kind: input.event,
        title: m.title,
        title_en: m.titleEn,
        body: m.vi,
        body_en: m.en,
        dossier_codes: [d.code],
      });
    }
  }
  return { messages, notifications };
}
