import type { Db, Executor } from '../../db/database';
import { audit } from '../../shared/audit';
import { requireRoleOver } from '../../shared/auth';
import { forbidden, invalid, notFound } from '../../shared/errors';
import { ADMIN_ROLES } from '../identity/roles';
import type { Principal } from '../identity/rules';
import { hmOfMinutes, minutesOfHm } from './dates';
import {
  DEFAULT_CUTOFF_MINUTE,
  DEFAULT_OFFICE_HOURS,
  dueAt,
  explainDueAt,
  nearestSettings,
  officeHoursProblem,
  pathIds,
  specialDays,
  workCalendar,
  type CalendarOverride,
  type DayStatus,
  type DeadlineUnit,
  type Explanation,
  type WorkCalendar,
} from './rules';
import { calendarChanged, cachedCalendar, processCalendar } from './cache';
import * as store from './store';

const unknownAgency = () => notFound('Agency', 'cơ quan', 'agency');

async function agencyByCode(db: Executor, code: string): Promise<store.AgencyRef> {
  const agency = await store.findAgencyByCode(db, code);
  if (!agency) throw unknownAgency();
  return agency;
}

async function calendarOf(db: Executor, agency: store.AgencyRef | null): Promise<WorkCalendar> {
  const ids = agency ? pathIds(agency.path) : [];
  const days = await store.daysFor(db, ids);
  const settings = nearestSettings(ids, await store.settingsFor(db, ids));
  // National first, then from the root down to the agency: the nearest one wins.
  const depth = (d: store.DayRow) => (d.agencyId === null ? -1 : ids.indexOf(d.agencyId));
  const overrides: CalendarOverride[] = [...days]
    .sort((a, b) => depth(a) - depth(b))
    .map((d) => ({
      date: d.date,
      working: d.working,
      name: d.name,
      nameEn: d.nameEn,
      decision: d.decision,
      agencyCode: d.agencyCode,
    }));
  return workCalendar({
    officeHours: settings?.officeHours.map((p) => ({ start: minutesOfHm(p.start), end: minutesOfHm(p.end) })),
    cutoffMinute: settings ? minutesOfHm(settings.cutoff) : undefined,
    overrides,
  });
}

/**
 * The calendar of an agency (`null`: the national calendar with default office hours): its office
 * hours or its nearest ancestor's, and the days set nationally and for it or any ancestor.
 * Load it once and call the rules for many dossiers of the same agency.
 */
export async function loadWorkCalendar(db: Executor, agencyId: number | null): Promise<WorkCalendar> {
  if (!db.isTransaction) return readWorkCalendar(db, agencyId);
  // Within one transaction an agency's calendar is read once (an intake needs it for the appointment
  // and again to plan its steps); a calendar write through the transaction forgets what it read.
  const memo = store.transactionMemo(db);
  let cal = memo.get(agencyId);
  if (!cal) {
    cal = cachedCalendar(db, agencyId, () => readWorkCalendar(db, agencyId)) ?? readWorkCalendar(db, agencyId);
    memo.set(agencyId, cal);
    cal.catch(() => memo.delete(agencyId));
  }
  return cal;
}

/** The calendar of `agencyId` from `db`'s process cache (calendar/cache.ts), read through `via` on a miss. */
export function cachedWorkCalendar(db: Db, via: Executor, agencyId: number | null): Promise<WorkCalendar> {
  return processCalendar(db, agencyId, () => readWorkCalendar(via, agencyId));
}

async function readWorkCalendar(db: Executor, agencyId: number | null): Promise<WorkCalendar> {
  if (agencyId === null) return calendarOf(db, null);
  const agency = await store.findAgencyById(db, agencyId);
  if (!agency) throw unknownAgency();
  return calendarOf(db, agency);
}

/** The appointment of one dossier; see `dueAt` in rules for the receipt and counting rules. */
export async function computeDueAt(
  db: Executor,
  input: { agencyId: number | null; from: Date; value: number; unit: DeadlineUnit },
): Promise<Date> {
  return dueAt(await loadWorkCalendar(db, input.agencyId), input.from, input.value, input.unit);
}

export async function deadlineFor(
  db: Db,
  q: { agency?: string; from: Date; value: number; unit: DeadlineUnit; explain?: boolean },
): Promise<{ dueAt: Date; explanation?: Explanation }> {
  const cal = await calendarOf(db, q.agency ? await agencyByCode(db, q.agency) : null);
  if (q.explain) {
    const explanation = explainDueAt(cal, q.from, q.value, q.unit);
    return { dueAt: explanation.dueAt, explanation };
  }
  return { dueAt: dueAt(cal, q.from, q.value, q.unit) };
}

/** Holidays and administrator-set days from `from` to `to` for an agency or the national calendar. */
export async function listDays(db: Db, q: { agency?: string; from: string; to: string }): Promise<DayStatus[]> {
  const cal = await calendarOf(db, q.agency ? await agencyByCode(db, q.agency) : null);
  return specialDays(cal, q.from, q.to);
}

/**
 * Who may set days: the national calendar needs a province administrator over every top agency;
 * an agency's days need an agency or province administrator over that agency.
 */
async function dayScope(db: Executor, principal: Principal, code?: string): Promise<store.AgencyRef | null> {
  if (!code) {
    const roots = await store.rootAgencyPaths(db);
    if (roots.length === 0) throw forbidden();
    for (const path of roots) requireRoleOver(principal, ['province_admin'], path);
    return null;
  }
  const agency = await agencyByCode(db, code);
  requireRoleOver(principal, ADMIN_ROLES, agency.path);
  return agency;
}

export type DayChange = { working: boolean; name: string; nameEn?: string; decision?: string };

/** Adds or replaces a day off or a make-up working day. */
export async function setDay(
  db: Db,
  principal: Principal,
  q: { agency?: string; date: string; day: DayChange },
): Promise<store.DayRow> {
  // calendarChanged after the commit too: a calendar read while the transaction ran is dropped (cache.ts).
  return db
    .transaction()
    .execute(async (tx) => {
      const agency = await dayScope(tx, principal, q.agency);
      const agencyId = agency?.id ?? null;
      const previous = await store.findDay(tx, agencyId, q.date);
      const day = {
        working: q.day.working,
        name: q.day.name,
        nameEn: q.day.nameEn ?? null,
        decision: q.day.decision ?? null,
      };
      await store.upsertDay(tx, agencyId, q.date, day);
      await audit.record(tx, {
        actorUserId: principal.userId,
        action: 'calendar.day.set',
        entityType: 'calendar_day',
        entityId: `${agency?.code ?? 'national'}/${q.date}`,
        agencyId,
        data: {
          date: q.date,
          ...day,
          previous: previous ? { working: previous.working, name: previous.name, decision: previous.decision } : null,
        },
      });
      return (await store.findDay(tx, agencyId, q.date))!;
    })
    .finally(calendarChanged);
}

export async function removeDay(db: Db, principal: Principal, q: { agency?: string; date: string }): Promise<void> {
  await db
    .transaction()
    .execute(async (tx) => {
      const agency = await dayScope(tx, principal, q.agency);
      const agencyId = agency?.id ?? null;
      const previous = await store.findDay(tx, agencyId, q.date);
      if (!previous) throw notFound('Calendar day', 'ngày đã đặt trong lịch', 'date');
      await store.deleteDay(tx, previous.id);
      await audit.record(tx, {
        actorUserId: principal.userId,
        action: 'calendar.day.delete',
        entityType: 'calendar_day',
        entityId: `${agency?.code ?? 'national'}/${q.date}`,
        agencyId,
        data: { date: q.date, working: previous.working, name: previous.name, decision: previous.decision },
      });
    })
    .finally(calendarChanged);
}

export type SettingsView = {
  agency: string;
  officeHours: store.OfficeHoursText;
  cutoff: string;
  source: 'own' | 'inherited' | 'default';
  inheritedFrom: string | null;
};

export async function getSettings(db: Executor, code: string): Promise<SettingsView> {
  const agency = await agencyByCode(db, code);
  const ids = pathIds(agency.path);
  const row = nearestSettings(ids, await store.settingsFor(db, ids));
  if (!row) {
    return {
      agency: agency.code,
      officeHours: DEFAULT_OFFICE_HOURS.map((p) => ({ start: hmOfMinutes(p.start), end: hmOfMinutes(p.end) })),
      cutoff: hmOfMinutes(DEFAULT_CUTOFF_MINUTE),
      source: 'default',
      inheritedFrom: null,
    };
  }
  const own = row.agencyId === agency.id;
  const from = own ? agency : await store.findAgencyById(db, row.agencyId);
  return {
    agency: agency.code,
    officeHours: row.officeHours,
    cutoff: row.cutoff,
    source: own ? 'own' : 'inherited',
    inheritedFrom: own ? null : (from?.code ?? null),
  };
}

/** Sets an agency's office hours and cut-off; its subtree inherits them unless it sets its own. */
export async function setSettings(
  db: Db,
  principal: Principal,
  code: string,
  settings: { officeHours: store.OfficeHoursText; cutoff: string },
): Promise<SettingsView> {
  // calendarChanged after the commit too: a calendar read while the transaction ran is dropped (cache.ts).
  return db
    .transaction()
    .execute(async (tx) => {
      const agency = await agencyByCode(tx, code);
      requireRoleOver(principal, ADMIN_ROLES, agency.path);
      const periods = settings.officeHours.map((p) => ({ start: minutesOfHm(p.start), end: minutesOfHm(p.end) }));
      const problem = officeHoursProblem(periods, minutesOfHm(settings.cutoff));
      if (problem) throw invalid(problem.field, problem.vi, problem.en);
      const previous = await getSettings(tx, code);
      await store.upsertSettings(tx, agency.id, settings);
      await audit.record(tx, {
        actorUserId: principal.userId,
        action: 'calendar.settings.set',
        entityType: 'calendar_settings',
        entityId: agency.code,
        agencyId: agency.id,
        data: { ...settings, previous: { officeHours: previous.officeHours, cutoff: previous.cutoff } },
      });
      return getSettings(tx, code);
    })
    .finally(calendarChanged);
}
