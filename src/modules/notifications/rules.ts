import { instantAt, localDayAndTime, minutesOfHm } from '../calendar/dates';
import { officeCloses } from '../calendar/deadline';
import { isWorkingDay, nextWorkingDay, type WorkCalendar } from '../calendar/rules';
import type { DossierStatus } from '../dossiers/lifecycle';

/** The key of the daily reminder job in `scheduled_runs`. */
export const REMINDER_JOB = 'daily_reminders';

/**
 * Dossiers whose appointment runs while they wait on the administration. A supplement request
 * hands the dossier to the applicant (the clock restarts or pauses), so it is not reminded.
 */
export const REMINDED_STATUSES: readonly DossierStatus[] = ['submitted', 'in_progress', 'rejection_proposed'];

export const CHANNELS = ['email', 'sms', 'zalo'] as const;
export type Channel = (typeof CHANNELS)[number];
export type PhoneChannel = Exclude<Channel, 'email'>;

export const APPLICANT_EVENTS = [
  'received',
  'supplement_requested',
  'apology',
  'result_ready',
  'refused',
  'returned',
] as const;
export type ApplicantEvent = (typeof APPLICANT_EVENTS)[number];

export const NOTIFICATION_KINDS = ['due_soon', 'overdue', ...APPLICANT_EVENTS] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** Whether the daily reminders are due at `now`: a working day, at or after `reminderTime` ('HH:MM', Vietnam). */
export function reminderDue(cal: WorkCalendar, now: Date, reminderTime: string): { day: string; due: boolean } {
  const { date, ms } = localDayAndTime(now);
  return { day: date, due: isWorkingDay(cal, date) && ms >= minutesOfHm(reminderTime) * 60_000 };
}

/**
 * The end of the reminder window: the close of office hours on the `days`-th working day after
 * `today` (0: the close of `today`). Dossiers due by it are reminded, the overdue ones included.
 */
export function reminderWindowEnd(cal: WorkCalendar, today: string, days: number): Date {
  let d = today;
  for (let n = 0; n < days; n++) d = nextWorkingDay(cal, d);
  return instantAt(d, officeCloses(cal));
}

export type ReminderDossier = { id: number; code: string; procedureName: string; dueAt: Date; unitName: string | null };
/** A dossier an officer holds, already within that officer's window. */
export type HeldDossier = ReminderDossier & { holderUserId: number };
/** An overdue dossier of a unit, once per leader of the unit. */
export type UnitOverdueDossier = ReminderDossier & { leaderUserId: number };

export type Digest = { userId: number; kind: 'due_soon' | 'overdue'; dossiers: ReminderDossier[] };

const byDueThenCode = (a: ReminderDossier, b: ReminderDossier) =>
  a.dueAt.getTime() - b.dueAt.getTime() || a.code.localeCompare(b.code);

function groupBy<T>(items: readonly T[], key: (item: T) => number): Map<number, T[]> {
  const groups = new Map<number, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/**
 * One digest per officer of the dossiers they hold and one per unit leader of their units' overdue
 * dossiers, ordered by appointment. Each dossier appears once per recipient: a leader who holds an
 * overdue dossier of their unit finds it in their own list only.
 */
export function planReminders(held: readonly HeldDossier[], unitOverdue: readonly UnitOverdueDossier[]): Digest[] {
  const digests: Digest[] = [];
  const heldIds = new Map<number, Set<number>>();
  for (const [userId, dossiers] of groupBy(held, (d) => d.holderUserId)) {
    heldIds.set(userId, new Set(dossiers.map((d) => d.id)));
    digests.push({ userId, kind: 'due_soon', dossiers: uniqueById(dossiers).sort(byDueThenCode) });
  }
  for (const [userId, dossiers] of groupBy(unitOverdue, (d) => d.leaderUserId)) {
    const own = heldIds.get(userId);
    const rest = uniqueById(dossiers.filter((d) => !own?.has(d.id)));
    if (rest.length > 0) digests.push({ userId, kind: 'overdue', dossiers: rest.sort(byDueThenCode) });
  }
  return digests.sort((a, b) => a.userId - b.userId || a.kind.localeCompare(b.kind));
}

function uniqueById<T extends { id: number }>(items: readonly T[]): T[] {
  const seen = new Set<number>();
  return items.filter((d) => !seen.has(d.id) && seen.add(d.id));
}

export type ReminderSummary = { officers: number; leaders: number; dossiers: number };

/** Officers and leaders reminded, and the distinct dossiers they were reminded of. */
export function summarise(digests: readonly Digest[]): ReminderSummary {
  return {
    officers: digests.filter((d) => d.kind === 'due_soon').length,
    leaders: digests.filter((d) => d.kind === 'overdue').length,
    dossiers: new Set(digests.flatMap((d) => d.dossiers.map((x) => x.id))).size,
  };
}

const MINUTE_MS = 60_000;
const MAX_RETRY_DELAY_MS = 6 * 60 * MINUTE_MS;
/** How long a claimed message stays leased to its dispatcher before another may retry it. */
export const SEND_LEASE_MS = 15 * MINUTE_MS;

/** Exponential backoff after the `attempts`-th failed attempt: 1, 2, 4 … minutes, at most 6 hours. */
export function retryDelayMs(attempts: number): number {
  return Math.min(MINUTE_MS * 2 ** Math.max(0, attempts - 1), MAX_RETRY_DELAY_MS);
}

export type SendOutcome = { ok: true; via: string; reference: string | null } | { ok: false; error: string };

export type MessageUpdate =
  | { status: 'sent'; deliveredVia: string; reference: string | null }
  | { status: 'pending'; error: string; nextAttemptAt: Date }
  | { status: 'failed'; error: string };

/** What a send attempt makes of a message that has now had `attempts` attempts. */
export function afterAttempt(outcome: SendOutcome, attempts: number, maxAttempts: number, now: Date): MessageUpdate {
  if (outcome.ok) return { status: 'sent', deliveredVia: outcome.via, reference: outcome.reference };
  const error = outcome.error.slice(0, 500);
  if (attempts >= maxAttempts) return { status: 'failed', error };
  return { status: 'pending', error, nextAttemptAt: new Date(now.getTime() + retryDelayMs(attempts)) };
}
