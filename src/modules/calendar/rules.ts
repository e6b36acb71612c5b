/**
 * The calendar's pure rules, for every module that needs a working day or a deadline: import from
 * here. No I/O: load a calendar with `loadWorkCalendar` (service.ts) and pass it in.
 */
export {
  DEFAULT_CUTOFF_MINUTE,
  DEFAULT_OFFICE_HOURS,
  dayStatus,
  isWorkingDay,
  nextWorkingDay,
  officeHoursProblem,
  specialDays,
  workCalendar,
  type CalendarOverride,
  type DaySource,
  type DayStatus,
  type OfficePeriod,
  type SettingsProblem,
  type WorkCalendar,
} from './work-calendar';
export {
  addWorkingDays,
  addWorkingHours,
  addWorkingMinutes,
  countedReceipt,
  dueAt,
  workingMinutesBetween,
  type CountedReceipt,
  type DeadlineUnit,
} from './deadline';
export { explainDueAt, type CountedDay, type Explanation, type SkippedDay, type Text } from './explain';
export { holidayOn, holidaysOfYear, hungKingsDay, lunarNewYear, type Holiday, type HolidaySource } from './holidays';
export { formatVietnamTime, isValidDate } from './dates';

/** The ids of an agency and its ancestors, root first, from its materialised path ('/1/9/' → [1, 9]). */
export function pathIds(path: string): number[] {
  return path.split('/').filter(Boolean).map(Number);
}

/** The settings that apply to an agency: its own, else its nearest ancestor's (ids root first). */
export function nearestSettings<T extends { agencyId: number }>(ids: readonly number[], rows: readonly T[]): T | null {
  for (const id of [...ids].reverse()) {
    const row = rows.find((r) => r.agencyId === id);
    if (row) return row;
  }
  return null;
}
