import type { Executor } from '../../db/database';

/** What a row of the tracking book needs of a dossier. */
export type BookDossier = {
  id: number;
  code: string;
  procedure_name: string;
  applicant_name: string;
  applicant_address: string | null;
  applicant_phone: string | null;
  rule_set: string;
  status: string;
  outcome: string | null;
  received_at: Date;
  due_at: Date | null;
  original_due_at: Date | null;
  resolved_at: Date | null;
  returned_at: Date | null;
};

/** The events the book reads: the hand-over to the deciding unit and what the notes column tells. */
export const BOOK_EVENT_ACTIONS = ['forward', 'request_supplement', 'pause', 'apologize'] as const;
export type BookEvent = { dossier_id: number; action: string; at: Date };

export type BookPeriod = { agencyId: number; start: Date; end: Date };

/** The rule sets of the dossiers the agency received in the period, in the order they first appear. */
export async function ruleSetsIn(db: Executor, p: BookPeriod): Promise<string[]> {
  const rows = await db
    .selectFrom('dossiers')
    .select(['rule_set', (eb) => eb.fn.min('received_at').as('first')])
    .where('agency_id', '=', p.agencyId)
    .where('received_at', '>=', p.start)
    .where('received_at', '<', p.end)
    .groupBy('rule_set')
    .orderBy('first')
    .execute();
  return rows.map((r) => r.rule_set);
}

/**
 * One page of the book: the dossiers of `ruleSet` received after `after` (keyset on receipt time and
 * id, so a busy ward's month is read a page at a time, never whole).
 */
export async function bookPage(
  db: Executor,
  p: BookPeriod,
  ruleSet: string,
  after: { at: Date; id: number } | null,
  limit: number,
): Promise<BookDossier[]> {
  let q = db
    .selectFrom('dossiers')
    .select([
      'id',
      'code',
      'procedure_name',
      'applicant_name',
      'applicant_address',
      'applicant_phone',
      'rule_set',
      'status',
      'outcome',
      'received_at',
      'due_at',
      'original_due_at',
      'resolved_at',
      'returned_at',
    ])
    .where('agency_id', '=', p.agencyId)
    .where('rule_set', '=', ruleSet)
    .where('received_at', '>=', p.start)
    .where('received_at', '<', p.end);
  if (after) {
    const { at, id } = after;
    q = q.where((eb) => eb.or([eb('received_at', '>', at), eb.and([eb('received_at', '=', at), eb('id', '>', id)])]));
  }
  return q.orderBy('received_at').orderBy('id').limit(limit).execute();
}

/** The book's events of the dossiers `ids`, in the order of each dossier's history. */
export async function bookEvents(db: Executor, ids: number[]): Promise<BookEvent[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('dossier_events')
    .select(['dossier_id', 'action', 'at'])
    .where('dossier_id', 'in', ids)
    .where('action', 'in', [...BOOK_EVENT_ACTIONS])
    .orderBy('dossier_id')
    .orderBy('seq')
    .execute();
}
