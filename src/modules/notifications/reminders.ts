import type { Insertable } from 'kysely';
import type { Db } from '../../db/database';
import { audit } from '../../shared/audit';
import { localDayAndTime } from '../calendar/dates';
import { isWorkingDay } from '../calendar/rules';
import { loadWorkCalendar } from '../calendar/service';
import { digestMessage } from './messages';
import {
  REMINDED_STATUSES,
  REMINDER_JOB,
  planReminders,
  reminderWindowEnd,
  summarise,
  type ReminderSummary,
} from './rules';
import { environmentSettings, type MessageSettings } from './settings';
import * as store from './store';
import type { OutboxMessageTable } from './tables';

export type ReminderResult = { ran: boolean } & ReminderSummary;

const NOT_RUN: ReminderResult = { ran: false, officers: 0, leaders: 0, dossiers: 0 };

/**
 * The daily reminders for the Vietnam day of `now` (domain.md: officers of dossiers due within the
 * window, unit leaders of overdue ones), in-app and by email. Runs only on a working day of the
 * national calendar, and at most once a day: the run claims its day in `scheduled_runs` in the same
 * transaction as the notifications it writes, so a crash before the commit leaves the day to the
 * next attempt and a committed run is never repeated, whichever process or restart tries again.
 */
export async function runDailyReminders(
  db: Db,
  now: Date,
  settings: MessageSettings = environmentSettings(),
): Promise<ReminderResult> {
  const today = localDayAndTime(now).date;
  if (!isWorkingDay(await loadWorkCalendar(db, null), today)) return NOT_RUN;
  return db.transaction().execute(async (tx) => {
    if (!(await store.claimRun(tx, REMINDER_JOB, today, now))) return NOT_RUN;
    // Each officer's window follows the calendar of the agency holding the dossier (its days off).
    const windows = [];
    for (const agencyId of await store.agenciesWithHeldDossiers(tx, REMINDED_STATUSES)) {
      const cal = await loadWorkCalendar(tx, agencyId);
      windows.push({ agencyId, before: reminderWindowEnd(cal, today, settings.reminderWindowWorkingDays) });
    }
    const digests = planReminders(
      await store.heldDossiersDue(tx, REMINDED_STATUSES, windows),
      await store.unitOverdueDossiers(tx, REMINDED_STATUSES, now),
    );
    const emails = await store.emailsOf(
      tx,
      digests.map((d) => d.userId),
    );
    const notifications = [];
    const messages: Insertable<OutboxMessageTable>[] = [];
    for (const digest of digests) {
      const m = digestMessage(digest, today, now, settings.publicBaseUrl);
      notifications.push({
        user_id: digest.userId,
        kind: digest.kind,
        title: m.title,
        title_en: m.titleEn,
        body: m.body,
        body_en: m.bodyEn,
        dossier_codes: digest.dossiers.map((d) => d.code),
        created_at: now,
      });
      const email = emails.get(digest.userId);
      if (email) {
        messages.push({
          channel: 'email',
          recipient: email,
          subject: `[Một cửa] ${m.title}`,
          body: m.email,
          dossier_id: null,
          next_attempt_at: now,
        });
      }
    }
    await store.insertNotifications(tx, notifications);
    await store.enqueueMessages(tx, messages);
    const summary = summarise(digests);
    await store.setRunSummary(tx, REMINDER_JOB, today, summary);
    await audit.record(tx, {
      actorUserId: null,
      action: 'notifications.reminders.run',
      entityType: 'scheduled_run',
      entityId: `${REMINDER_JOB}/${today}`,
      data: { day: today, ...summary, emails: messages.length },
    });
    return { ran: true, ...summary };
  });
}
