import type { Insertable } from 'kysely';
import type { Db, Executor, Tx } from '../../db/database';
import { insertRows } from '../../db/insert-rows';
import type { DossierStatus } from '../dossiers/lifecycle';
import type { HeldDossier, MessageUpdate, UnitOverdueDossier } from './rules';
import type { NotificationTable, OutboxMessageRow, OutboxMessageTable } from './tables';

// In-app notifications

export async function insertNotifications(tx: Executor, rows: Insertable<NotificationTable>[]): Promise<void> {
  await insertRows(tx, 'notifications', rows);
}

export function listNotifications(
  db: Executor,
  userId: number,
  q: { unreadOnly: boolean; limit: number; offset: number },
) {
  return db
    .selectFrom('notifications')
    .selectAll()
    .where('user_id', '=', userId)
    .$if(q.unreadOnly, (qb) => qb.where('read_at', 'is', null))
    .orderBy('id', 'desc')
    .limit(q.limit)
    .offset(q.offset)
    .execute();
}

export async function countNotifications(db: Executor, userId: number): Promise<{ total: number; unread: number }> {
  const row = await db
    .selectFrom('notifications')
    .select((eb) => [
      eb.fn.countAll<number>().as('total'),
      eb.fn.count<number>('id').filterWhere('read_at', 'is', null).as('unread'),
    ])
    .where('user_id', '=', userId)
    .executeTakeFirstOrThrow();
  return { total: row.total, unread: row.unread };
}

export function findNotification(db: Executor, userId: number, id: number) {
  return db
    .selectFrom('notifications')
    .selectAll()
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .forUpdate()
    .executeTakeFirst();
}

export async function setRead(tx: Tx, id: number, at: Date): Promise<void> {
  await tx.updateTable('notifications').set({ read_at: at }).where('id', '=', id).execute();
}

/** Marks every unread notification of the user read; returns the ids it marked. */
export async function setAllRead(tx: Tx, userId: number, at: Date): Promise<number[]> {
  const rows = await tx
    .updateTable('notifications')
    .set({ read_at: at })
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}

// Outbox

export async function enqueueMessages(tx: Executor, rows: Insertable<OutboxMessageTable>[]): Promise<void> {
  await insertRows(tx, 'outbox_messages', rows);
}

/** Without an SMTP server, pending emails wait as 'held' with the reason; they go once one is configured. */
export async function holdPendingEmails(db: Executor, reason: string): Promise<number> {
  const rows = await db
    .updateTable('outbox_messages')
    .set({ status: 'held', last_error: reason })
    .where('channel', '=', 'email')
    .where('status', '=', 'pending')
    .returning('id')
    .execute();
  return rows.length;
}

/**
 * Leases up to `limit` messages due at `now` to the caller until `leaseUntil`. `SKIP LOCKED` lets
 * dispatchers in several processes claim side by side without ever taking the same row; a lease
 * that expires (its dispatcher died) makes the message claimable again.
 */
export function claimMessages(
  db: Db,
  q: { now: Date; leaseUntil: Date; limit: number; withEmail: boolean },
): Promise<OutboxMessageRow[]> {
  return db
    .updateTable('outbox_messages')
    .set((eb) => ({ status: 'sending', attempts: eb('attempts', '+', 1), next_attempt_at: q.leaseUntil }))
    .where('id', 'in', (eb) =>
      eb
        .selectFrom('outbox_messages')
        .select('id')
        .where('next_attempt_at', '<=', q.now)
        .where((w) =>
          q.withEmail
            ? w('status', 'in', ['pending', 'sending', 'held'])
            : w.and([w('status', 'in', ['pending', 'sending']), w('channel', '!=', 'email')]),
        )
        .orderBy('next_attempt_at')
        .orderBy('id')
        .limit(q.limit)
        .forUpdate()
        .skipLocked(),
    )
    .returningAll()
    .execute();
}

/**
 * Records the outcome of the attempt that claimed `m`; does nothing if the lease was lost (the
 * message was claimed again meanwhile), so a slow dispatcher never overwrites a newer attempt.
 */
export async function finishMessage(tx: Tx, m: OutboxMessageRow, u: MessageUpdate, now: Date): Promise<boolean> {
  const set =
    u.status === 'sent'
      ? {
          status: 'sent',
          sent_at: now,
          delivered_via: u.deliveredVia,
          provider_reference: u.reference,
          last_error: null,
        }
      : u.status === 'pending'
        ? { status: 'pending', last_error: u.error, next_attempt_at: u.nextAttemptAt }
        : { status: 'failed', last_error: u.error };
  const r = await tx
    .updateTable('outbox_messages')
    .set(set)
    .where('id', '=', m.id)
    .where('status', '=', 'sending')
    .where('attempts', '=', m.attempts)
    .executeTakeFirst();
  return r.numUpdatedRows > 0n;
}

// Scheduled runs

/**
 * Claims the run of `job` for `day`. Of concurrent claims the unique key lets one insert; the others
 * wait for its transaction and then find the row (no run) or, if it rolled back, insert themselves.
 */
export async function claimRun(tx: Tx, job: string, day: string, now: Date): Promise<boolean> {
  const row = await tx
    .insertInto('scheduled_runs')
    .values({ job, day, started_at: now })
    .onConflict((oc) => oc.columns(['job', 'day']).doNothing())
    .returning('job')
    .executeTakeFirst();
  return row !== undefined;
}

export async function setRunSummary(tx: Tx, job: string, day: string, summary: object): Promise<void> {
  await tx
    .updateTable('scheduled_runs')
    .set({ summary: JSON.stringify(summary) })
    .where('job', '=', job)
    .where('day', '=', day)
    .execute();
}

// Dossiers and people the reminders are about

/** The agencies holding open dossiers that an officer holds and that have an appointment. */
export async function agenciesWithHeldDossiers(db: Executor, statuses: readonly DossierStatus[]): Promise<number[]> {
  const rows = await db
    .selectFrom('dossiers')
    .select('holder_agency_id')
    .distinct()
    .where('status', 'in', statuses)
    .where('holder_user_id', 'is not', null)
    .where('due_at', 'is not', null)
    .execute();
  return rows.map((r) => r.holder_agency_id);
}

function reminderQuery(db: Executor, statuses: readonly DossierStatus[]) {
  return db
    .selectFrom('dossiers as d')
    .leftJoin('units as un', 'un.id', 'd.holder_unit_id')
    .select(['d.id', 'd.code', 'd.procedure_name as procedureName', 'd.due_at as dueAt', 'un.name as unitName'])
    .where('d.status', 'in', statuses)
    .where('d.due_at', 'is not', null)
    .$narrowType<{ dueAt: Date }>();
}

/** Open dossiers held by an active officer and due by the window end of their holding agency. */
export function heldDossiersDue(
  db: Executor,
  statuses: readonly DossierStatus[],
  windows: readonly { agencyId: number; before: Date }[],
): Promise<HeldDossier[]> {
  if (windows.length === 0) return Promise.resolve([]);
  return reminderQuery(db, statuses)
    .innerJoin('users as u', 'u.id', 'd.holder_user_id')
    .select('u.id as holderUserId')
    .where('u.active', '=', true)
    .where((eb) =>
      eb.or(windows.map((w) => eb.and([eb('d.holder_agency_id', '=', w.agencyId), eb('d.due_at', '<=', w.before)]))),
    )
    .execute();
}

/** Overdue open dossiers of each unit, once per active leader (unit_leader) of the holding unit. */
export function unitOverdueDossiers(
  db: Executor,
  statuses: readonly DossierStatus[],
  now: Date,
): Promise<UnitOverdueDossier[]> {
  return reminderQuery(db, statuses)
    .innerJoin('user_roles as r', (j) => j.onRef('r.unit_id', '=', 'd.holder_unit_id').on('r.role', '=', 'unit_leader'))
    .innerJoin('users as u', 'u.id', 'r.user_id')
    .select('u.id as leaderUserId')
    .where('u.active', '=', true)
    .where('d.due_at', '<', now)
    .execute();
}

export async function emailsOf(db: Executor, userIds: readonly number[]): Promise<Map<number, string>> {
  if (userIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('users')
    .select(['id', 'email'])
    .where('id', 'in', userIds)
    .where('email', 'is not', null)
    .where('email', '!=', '')
    .execute();
  return new Map(rows.map((r) => [r.id, r.email!]));
}

/** What a message to the applicant needs from the dossier, and nothing more. */
export function findDossierForMessage(db: Executor, id: number) {
  return db
    .selectFrom('dossiers')
    .select([
      'id',
      'code',
      'procedure_name',
      'due_at',
      'rule_set',
      'applicant_email',
      'applicant_phone',
      'applicant_user_id',
      'agency_id',
    ])
    .where('id', '=', id)
    .executeTakeFirst();
}
