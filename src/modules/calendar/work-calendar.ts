import { addDays, isWeekend, weekday } from './dates';
import { holidayOn } from './holidays';

/** An office period in minutes after local midnight, e.g. 07:30–11:30 = { start: 450, end: 690 }. */
export type OfficePeriod = { start: number; end: number };

/** A day an administrator set: a day off or a make-up working day (ngày làm bù). */
export type CalendarOverride = {
  date: string;
  working: boolean;
  name: string;
  nameEn: string | null;
  /** The announcement or decision it follows, e.g. "8726/VPCP-KGVX ngày 26/11/2024". */
  decision: string | null;
  /** The agency whose subtree it applies to; null for the national calendar. */
  agencyCode: string | null;
};

/**
 * Everything a deadline needs, as plain data: the agency's office hours and cut-off, and the
 * administrator-set days. Statutory holidays are computed for any year (memoised in holidays.ts).
 */
export type WorkCalendar = {
  readonly officeHours: readonly OfficePeriod[];
  /** Minutes after midnight; a dossier received later counts from the next working day. */
  readonly cutoffMinute: number;
  /** By date; already resolved so that agency-specific beats national. */
  readonly overrides: ReadonlyMap<string, CalendarOverride>;
};

/** 07:30–11:30 and 13:30–17:00 (domain.md). */
export const DEFAULT_OFFICE_HOURS: readonly OfficePeriod[] = [
  { start: 7 * 60 + 30, end: 11 * 60 + 30 },
  { start: 13 * 60 + 30, end: 17 * 60 },
];
/** 15:00, the cut-off most procedure texts use. */
export const DEFAULT_CUTOFF_MINUTE = 15 * 60;

export type SettingsProblem = { field: string; vi: string; en: string };

/** Office periods must be ordered, not overlap, and lie within the day; the cut-off within office hours. */
export function officeHoursProblem(periods: readonly OfficePeriod[], cutoffMinute: number): SettingsProblem | null {
  if (periods.length === 0) {
    return {
      field: 'officeHours',
      vi: 'Cần ít nhất một khoảng giờ làm việc',
      en: 'At least one office period is needed',
    };
  }
  for (const [i, p] of periods.entries()) {
    if (!(p.start >= 0 && p.end <= 24 * 60 && p.start < p.end)) {
      return {
        field: `officeHours.${i}.end`,
        vi: 'Giờ kết thúc phải sau giờ bắt đầu, trong cùng một ngày',
        en: 'The end must come after the start, within the same day',
      };
    }
    if (i > 0 && p.start < periods[i - 1].end) {
      return {
        field: `officeHours.${i}.start`,
        vi: 'Các khoảng giờ làm việc phải theo thứ tự và không chồng lên nhau',
        en: 'Office periods must be in order and must not overlap',
      };
    }
  }
  if (cutoffMinute < periods[0].start || cutoffMinute > periods[periods.length - 1].end) {
    return {
      field: 'cutoff',
      vi: 'Giờ chốt tiếp nhận phải nằm trong giờ làm việc',
      en: 'The cut-off must lie within office hours',
    };
  }
  return null;
}

/**
 * Builds a calendar. `overrides` are given from the weakest to the strongest (national first, then
 * the agency's ancestors from the root down to the agency itself): a later one for the same date wins.
 */
export function workCalendar(
  input: { officeHours?: readonly OfficePeriod[]; cutoffMinute?: number; overrides?: Iterable<CalendarOverride> } = {},
): WorkCalendar {
  const officeHours = input.officeHours ?? DEFAULT_OFFICE_HOURS;
  const cutoffMinute = input.cutoffMinute ?? DEFAULT_CUTOFF_MINUTE;
  const problem = officeHoursProblem(officeHours, cutoffMinute);
  if (problem) throw new RangeError(`${problem.field}: ${problem.en}`);
  const overrides = new Map<string, CalendarOverride>();
  for (const o of input.overrides ?? []) overrides.set(o.date, o);
  return { officeHours, cutoffMinute, overrides };
}

export type DaySource = 'weekday' | 'weekend' | 'statutory' | 'compensation' | 'announcement';

/** What a day is and why, in both languages. */
export type DayStatus = {
  date: string;
  working: boolean;
  source: DaySource;
  name: string;
  nameEn: string;
  decision: string | null;
  agencyCode: string | null;
};

/** An administrator's day beats a computed holiday, which beats the Saturday/Sunday rule. */
export function dayStatus(cal: WorkCalendar, date: string): DayStatus {
  const o = cal.overrides.get(date);
  if (o) {
    return {
      date,
      working: o.working,
      source: 'announcement',
      name: o.name,
      nameEn: o.nameEn ?? o.name,
      decision: o.decision,
      agencyCode: o.agencyCode,
    };
  }
  const h = holidayOn(date);
  if (h)
    return { date, working: false, source: h.source, name: h.name, nameEn: h.nameEn, decision: null, agencyCode: null };
  if (isWeekend(date)) {
    const sunday = weekday(date) === 0;
    return {
      date,
      working: false,
      source: 'weekend',
      name: sunday ? 'Chủ nhật' : 'Thứ Bảy',
      nameEn: sunday ? 'Sunday' : 'Saturday',
      decision: null,
      agencyCode: null,
    };
  }
  return {
    date,
    working: true,
    source: 'weekday',
    name: 'Ngày làm việc',
    nameEn: 'Working day',
    decision: null,
    agencyCode: null,
  };
}

export function isWorkingDay(cal: WorkCalendar, date: string): boolean {
  const o = cal.overrides.get(date);
  if (o) return o.working;
  return !isWeekend(date) && !holidayOn(date);
}

export function nextWorkingDay(cal: WorkCalendar, date: string): string {
  let d = addDays(date, 1);
  while (!isWorkingDay(cal, d)) d = addDays(d, 1);
  return d;
}

/** Every day from `from` to `to` (inclusive) that is not an ordinary weekday or weekend: holidays and set days. */
export function specialDays(cal: WorkCalendar, from: string, to: string): DayStatus[] {
  const days: DayStatus[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) {
    const s = dayStatus(cal, d);
    if (s.source !== 'weekday' && s.source !== 'weekend') days.push(s);
  }
  return days;
}
