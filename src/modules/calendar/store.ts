import type { Executor } from '../../db/database';
import { storedOfficeHours } from './schema';
import type { WorkCalendar } from './rules';
import { calendarChanged, stopSharing } from './cache';

export type AgencyRef = { id: number; code: string; path: string };

export function findAgencyByCode(db: Executor, code: string): Promise<AgencyRef | undefined> {
  return db.selectFrom('agencies').select(['id', 'code', 'path']).where('code', '=', code).executeTakeFirst();
}

export function findAgencyById(db: Executor, id: number): Promise<AgencyRef | undefined> {
  return db.selectFrom('agencies').select(['id', 'code', 'path']).where('id', '=', id).executeTakeFirst();
}

/** Paths of the top agencies (no parent): the national calendar belongs to whoever administers all of them. */
export async function rootAgencyPaths(db: Executor): Promise<string[]> {
  const rows = await db.selectFrom('agencies').select('path').where('parent_id', 'is', null).execute();
  return rows.map((r) => r.path);
}

export type DayRow = {
  id: number;
  agencyId: number | null;
  agencyCode: string | null;
  date: string;
  working: boolean;
  name: string;
  nameEn: string | null;
  decision: string | null;
};

function dayQuery(db: Executor) {
  return db
    .selectFrom('calendar_days as d')
    .leftJoin('agencies as a', 'a.id', 'd.agency_id')
    .select([
      'd.id',
      'd.agency_id as agencyId',
      'a.code as agencyCode',
      'd.date',
      'd.working',
      'd.name',
      'd.name_en as nameEn',
      'd.decision',
    ]);
}

/** National days and the days of the given agencies (an agency and its ancestors). */
export function daysFor(db: Executor, agencyIds: number[]): Promise<DayRow[]> {
  return dayQuery(db)
    .where((eb) =>
      agencyIds.length > 0
        ? eb.or([eb('d.agency_id', 'is', null), eb('d.agency_id', 'in', agencyIds)])
        : eb('d.agency_id', 'is', null),
    )
    .orderBy('d.date')
    .execute();
}

export function findDay(db: Executor, agencyId: number | null, date: string): Promise<DayRow | undefined> {
  return dayQuery(db)
    .where('d.date', '=', date)
    .where((eb) => (agencyId === null ? eb('d.agency_id', 'is', null) : eb('d.agency_id', '=', agencyId)))
    .executeTakeFirst();
}

export type DayInput = { working: boolean; name: string; nameEn: string | null; decision: string | null };

/** Inserts or replaces the day; concurrent writers of the same day end with one row. */
export async function upsertDay(db: Executor, agencyId: number | null, date: string, day: DayInput): Promise<void> {
  forget(db);
  const values = { working: day.working, name: day.name, name_en: day.nameEn, decision: day.decision };
  await db
    .insertInto('calendar_days')
    .values({ agency_id: agencyId, date, ...values })
    .onConflict((oc) => oc.columns(['agency_id', 'date']).doUpdateSet({ ...values, updated_at: new Date() }))
    .execute();
}

export async function deleteDay(db: Executor, id: number): Promise<void> {
  forget(db);
  await db.deleteFrom('calendar_days').where('id', '=', id).execute();
}

export type OfficeHoursText = { start: string; end: string }[];
export type SettingsRow = { agencyId: number; officeHours: OfficeHoursText; cutoff: string };

export async function settingsFor(db: Executor, agencyIds: number[]): Promise<SettingsRow[]> {
  if (agencyIds.length === 0) return [];
  const rows = await db
    .selectFrom('calendar_settings')
    .select(['agency_id', 'office_hours', 'cutoff'])
    .where('agency_id', 'in', agencyIds)
    .execute();
  return rows.map((r) => ({
    agencyId: r.agency_id,
    officeHours: storedOfficeHours.parse(r.office_hours),
    cutoff: r.cutoff,
  }));
}

export async function upsertSettings(
  db: Executor,
  agencyId: number,
  settings: { officeHours: OfficeHoursText; cutoff: string },
): Promise<void> {
  forget(db);
  const values = { office_hours: JSON.stringify(settings.officeHours), cutoff: settings.cutoff };
  await db
    .insertInto('calendar_settings')
    .values({ agency_id: agencyId, ...values })
    .onConflict((oc) => oc.column('agency_id').doUpdateSet({ ...values, updated_at: new Date() }))
    .execute();
}

/** A calendar write through `db`: its transaction's reads and the process cache forget what they read. */
function forget(db: Executor): void {
  memos.delete(db);
  stopSharing(db);
  calendarChanged();
}

/** Calendars already read in a transaction (see `loadWorkCalendar`); every write above forgets them. */
const memos = new WeakMap<Executor, Map<number | null, Promise<WorkCalendar>>>();
export function transactionMemo(tx: Executor): Map<number | null, Promise<WorkCalendar>> {
  let memo = memos.get(tx);
  if (!memo) memos.set(tx, (memo = new Map()));
  return memo;
}
