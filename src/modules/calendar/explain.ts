import { addDays, formatDateVi, hmOfMinutes, localDayAndTime, weekdayName } from './dates';
import { countedReceipt, dueAt, hoursClockStart, officeMsWithin, type DeadlineUnit } from './deadline';
import { dayStatus, isWorkingDay, type DaySource, type WorkCalendar } from './work-calendar';

/**
 * Why a deadline falls when it does, day by day, so an officer or a citizen can check it against
 * a paper calendar: how the receipt was counted, the days counted and the days skipped.
 */
export type Text = { vi: string; en: string };

export type SkippedDay = {
  date: string;
  source: DaySource;
  reason: Text;
  decision: string | null;
  agencyCode: string | null;
};

export type CountedDay = {
  date: string;
  /** 1 for the first working day counted, … */
  ordinal: number;
  /** Office minutes counted that day (working hours only). */
  minutes?: number;
};

export type Explanation = {
  unit: DeadlineUnit;
  value: number;
  receivedAt: Date;
  receipt: { date: string; countedDate: string; moved: boolean; reason: Text | null };
  counted: CountedDay[];
  skipped: SkippedDay[];
  dueAt: Date;
  summary: Text;
};

const MINUTE_MS = 60_000;
const hm = (ms: number) => hmOfMinutes(Math.floor(ms / MINUTE_MS));

function dayLabel(date: string): Text {
  const w = weekdayName(date);
  return { vi: `${w.vi} ${formatDateVi(date)}`, en: `${w.en} ${formatDateVi(date)}` };
}

function dayReason(cal: WorkCalendar, date: string): Text {
  const s = dayStatus(cal, date);
  const by = s.decision ? { vi: ` (theo ${s.decision})`, en: ` (per ${s.decision})` } : { vi: '', en: '' };
  const label = dayLabel(date);
  if (s.source === 'weekend') return { vi: `${label.vi}: nghỉ hằng tuần`, en: `${label.en}: weekly rest day` };
  return { vi: `${label.vi}: ${s.name}${by.vi}`, en: `${label.en}: ${s.nameEn}${by.en}` };
}

function receiptReason(cal: WorkCalendar, receivedAt: Date): Text | null {
  const r = countedReceipt(cal, receivedAt);
  const next = dayLabel(r.countedDate);
  if (r.moved === 'non_working_day') {
    const why = dayReason(cal, r.date);
    return {
      vi: `Nhận vào ngày nghỉ (${why.vi}); tính là nhận vào ngày làm việc tiếp theo, ${next.vi}`,
      en: `Received on a non-working day (${why.en}); counted as received on the next working day, ${next.en}`,
    };
  }
  if (r.moved === 'after_cutoff') {
    const at = hm(localDayAndTime(receivedAt).ms);
    const cutoff = hmOfMinutes(cal.cutoffMinute);
    return {
      vi: `Nhận lúc ${at}, sau giờ tiếp nhận ${cutoff}; tính là nhận vào ngày làm việc tiếp theo, ${next.vi}`,
      en: `Received at ${at}, after the ${cutoff} cut-off; counted as received on the next working day, ${next.en}`,
    };
  }
  return null;
}

function countedDays(cal: WorkCalendar, receivedAt: Date, value: number, unit: DeadlineUnit, due: Date): CountedDay[] {
  const counted: CountedDay[] = [];
  if (unit === 'working_days') {
    let d = countedReceipt(cal, receivedAt).countedDate;
    while (counted.length < value) {
      d = addDays(d, 1);
      if (isWorkingDay(cal, d)) counted.push({ date: d, ordinal: counted.length + 1 });
    }
    return counted;
  }
  const start = localDayAndTime(hoursClockStart(cal, receivedAt));
  const end = localDayAndTime(due);
  for (let d = start.date; d <= end.date; d = addDays(d, 1)) {
    if (!isWorkingDay(cal, d)) continue;
    const ms = officeMsWithin(cal, d === start.date ? start.ms : 0, d === end.date ? end.ms : Number.POSITIVE_INFINITY);
    if (ms > 0) counted.push({ date: d, ordinal: counted.length + 1, minutes: ms / MINUTE_MS });
  }
  return counted;
}

function summary(receivedAt: Date, value: number, unit: DeadlineUnit, skipped: number, due: Date): Text {
  const r = localDayAndTime(receivedAt);
  const d = localDayAndTime(due);
  const rl = dayLabel(r.date);
  const dl = dayLabel(d.date);
  const term: Text =
    unit === 'working_days'
      ? {
          vi: `${value} ngày làm việc, không tính ngày nhận`,
          en: `${value} working days, not counting the day of receipt`,
        }
      : { vi: `${value} giờ làm việc`, en: `${value} working hours` };
  return {
    vi: `Nhận hồ sơ lúc ${hm(r.ms)} ${rl.vi}. Thời hạn ${term.vi}; bỏ qua ${skipped} ngày nghỉ. Hẹn trả kết quả lúc ${hm(d.ms)} ${dl.vi}.`,
    en: `Received at ${hm(r.ms)} on ${rl.en}. Deadline ${term.en}; ${skipped} non-working days skipped. Result due at ${hm(d.ms)} on ${dl.en}.`,
  };
}

/** The appointment of `dueAt` with its explanation, in Vietnamese and English. */
export function explainDueAt(cal: WorkCalendar, receivedAt: Date, value: number, unit: DeadlineUnit): Explanation {
  const due = dueAt(cal, receivedAt, value, unit);
  const r = countedReceipt(cal, receivedAt);
  const dueDate = localDayAndTime(due).date;
  const skipped: SkippedDay[] = [];
  for (let d = addDays(r.date, 1); d < dueDate; d = addDays(d, 1)) {
    if (isWorkingDay(cal, d)) continue;
    const s = dayStatus(cal, d);
    skipped.push({
      date: d,
      source: s.source,
      reason: dayReason(cal, d),
      decision: s.decision,
      agencyCode: s.agencyCode,
    });
  }
  const reason = receiptReason(cal, receivedAt);
  return {
    unit,
    value,
    receivedAt,
    receipt: { date: r.date, countedDate: r.countedDate, moved: r.moved !== null, reason },
    counted: countedDays(cal, receivedAt, value, unit, due),
    skipped,
    dueAt: due,
    summary: summary(receivedAt, value, unit, skipped.length, due),
  };
}
