import type { Db, Executor } from '../../db/database';
import { ProcessCache } from '../../shared/process-cache';
import type { WorkCalendar } from './work-calendar';

/**
 * Agencies' calendars held in the process for the intake's hot path (docs/performance.md): a calendar
 * changes when an administrator sets a day or office hours, or an agency moves in the tree, while every
 * intake reads one (3 statements) for its appointment and its steps' due times.
 *
 * Staleness: a stale holiday moves legal appointments (Decree 61/2018, art. 19 counts working days),
 * so the bound matters. Within this process there is none once a write commits: every calendar and
 * agency write calls `calendarChanged` during its transaction and again after it ends, so a calendar
 * read meanwhile is dropped too. Across processes (several app servers on one database) a write shows
 * after at most the cache's TTL (10 s); an intake in another process within those seconds gets the old appointment.
 */
let generation = 0;
const calendars = new ProcessCache<number | null, WorkCalendar>(() => generation);
/** Transactions whose calendar reads may come from their database's process cache (`shareCalendars`). */
const sharing = new WeakMap<Executor, Db>();

/** A calendar or agency write happened in this process. Call it during the write's transaction and after it ends. */
export function calendarChanged(): void {
  generation++;
}

/** How many calendar and agency writes this process has seen (for caches of what depends on them). */
export const calendarGeneration = (): number => generation;

/**
 * Lets `tx` read calendars from `db`'s process cache (misses are read through `tx`, on its connection).
 * A calendar write through `tx` stops the sharing, so the transaction then sees its own writes.
 */
export function shareCalendars(tx: Executor, db: Db): void {
  sharing.set(tx, db);
}

export function stopSharing(tx: Executor): void {
  sharing.delete(tx);
}

/** The cached calendar of `agencyId` if `tx` shares a process cache, else undefined (the caller reads it). */
export function cachedCalendar(
  tx: Executor,
  agencyId: number | null,
  read: () => Promise<WorkCalendar>,
): Promise<WorkCalendar> | undefined {
  const db = sharing.get(tx);
  return db && processCalendar(db, agencyId, read);
}

/** The calendar of `agencyId` from `db`'s process cache; `read` on a miss. */
export function processCalendar(
  db: Db,
  agencyId: number | null,
  read: () => Promise<WorkCalendar>,
): Promise<WorkCalendar> {
  return calendars.get(db, agencyId, read);
}
