import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ANNOUNCED_DAYS } from './demo-data';
import {
  addWorkingDays,
  addWorkingHours,
  addWorkingMinutes,
  dueAt,
  explainDueAt,
  formatVietnamTime,
  isWorkingDay,
  workCalendar,
  workingMinutesBetween,
  type CalendarOverride,
} from './rules';

/** The national calendar as announced for 2025–2026, default office hours. */
const vietnam = workCalendar({ overrides: ANNOUNCED_DAYS });
const at = (s: string) => new Date(s);
const iso = formatVietnamTime;
const dayOff = (date: string): CalendarOverride => ({
  date,
  working: false,
  name: 'Nghỉ',
  nameEn: null,
  decision: null,
  agencyCode: null,
});

test('a dossier received on the Friday before Tết 2026 is due after the holiday week', () => {
  const due = addWorkingDays(vietnam, at('2026-02-13T09:00+07:00'), 3);
  assert.equal(iso(due), '2026-02-25T17:00:00+07:00');
});

test('Tết 2025 as announced: Monday 27/1 off, Monday 3/2 worked', () => {
  assert.equal(isWorkingDay(vietnam, '2025-01-27'), false);
  assert.equal(isWorkingDay(vietnam, '2025-02-03'), true);
  // Thursday 23/1: Friday 24/1 is the 1st working day, Monday 3/2 the 2nd.
  assert.equal(iso(addWorkingDays(vietnam, at('2025-01-23T10:00+07:00'), 2)), '2025-02-03T17:00:00+07:00');
  // By the law alone Monday 27/1 would be worked and 3/2 off.
  assert.equal(iso(addWorkingDays(workCalendar(), at('2025-01-23T10:00+07:00'), 2)), '2025-01-27T17:00:00+07:00');
  assert.equal(iso(addWorkingDays(workCalendar(), at('2025-01-23T10:00+07:00'), 3)), '2025-02-04T17:00:00+07:00');
});

test('30/4–1/5/2025: the make-up Saturday 26/4 counts, 30/4 to 4/5 do not', () => {
  const friday = at('2025-04-25T09:00+07:00');
  assert.equal(iso(addWorkingDays(vietnam, friday, 1)), '2025-04-26T17:00:00+07:00');
  assert.equal(iso(addWorkingDays(vietnam, friday, 3)), '2025-04-29T17:00:00+07:00');
  assert.equal(iso(addWorkingDays(vietnam, friday, 4)), '2025-05-05T17:00:00+07:00');
  // Received on the make-up Saturday itself: it is a working day, so it counts as the day of receipt.
  assert.equal(iso(addWorkingDays(vietnam, at('2025-04-26T08:00+07:00'), 1)), '2025-04-28T17:00:00+07:00');
});

test('Quốc khánh 2025: 30/8 to 2/9 off', () => {
  assert.equal(iso(addWorkingDays(vietnam, at('2025-08-29T09:00+07:00'), 1)), '2025-09-03T17:00:00+07:00');
});

test('after the cut-off the receipt counts from the next working day; exactly at 15:00 it does not', () => {
  assert.equal(iso(addWorkingDays(vietnam, at('2025-10-14T15:00+07:00'), 1)), '2025-10-15T17:00:00+07:00');
  assert.equal(iso(addWorkingDays(vietnam, at('2025-10-14T15:00:01+07:00'), 1)), '2025-10-16T17:00:00+07:00');
  // Friday after the cut-off: counts as received Monday, due Tuesday.
  assert.equal(iso(addWorkingDays(vietnam, at('2025-10-17T16:30+07:00'), 1)), '2025-10-21T17:00:00+07:00');
  const late = workCalendar({ cutoffMinute: 16 * 60 + 30 });
  assert.equal(iso(addWorkingDays(late, at('2025-10-14T16:00+07:00'), 1)), '2025-10-15T17:00:00+07:00');
});

test('a receipt on a weekend counts from Monday; the instant is read in Vietnam time', () => {
  assert.equal(iso(addWorkingDays(vietnam, at('2025-10-18T10:00+07:00'), 1)), '2025-10-21T17:00:00+07:00');
  // 2025-10-17T20:00Z is Saturday 03:00 in Vietnam.
  assert.equal(iso(addWorkingDays(vietnam, at('2025-10-17T20:00Z'), 1)), '2025-10-21T17:00:00+07:00');
  // 2025-10-19T23:00Z is Monday 06:00 in Vietnam, before opening: Monday is the day of receipt.
  assert.equal(iso(addWorkingDays(vietnam, at('2025-10-19T23:00Z'), 1)), '2025-10-21T17:00:00+07:00');
});

test('working hours skip the lunch break and the weekend', () => {
  assert.equal(iso(addWorkingHours(vietnam, at('2025-10-13T10:30+07:00'), 2)), '2025-10-13T14:30:00+07:00');
  assert.equal(iso(addWorkingHours(vietnam, at('2025-10-13T10:30+07:00'), 1)), '2025-10-13T11:30:00+07:00');
  assert.equal(iso(addWorkingHours(vietnam, at('2025-10-17T14:00+07:00'), 4)), '2025-10-20T08:30:00+07:00');
  assert.equal(iso(addWorkingHours(vietnam, at('2025-10-13T12:00+07:00'), 1)), '2025-10-13T14:30:00+07:00');
  assert.equal(iso(addWorkingMinutes(vietnam, at('2025-10-13T11:00:30+07:00'), 45)), '2025-10-13T13:45:30+07:00');
});

test('a working-hours deadline starts the next working morning when received after the cut-off', () => {
  assert.equal(iso(dueAt(vietnam, at('2025-10-17T16:00+07:00'), 2, 'working_hours')), '2025-10-20T09:30:00+07:00');
  assert.equal(iso(dueAt(vietnam, at('2025-10-17T14:00+07:00'), 2, 'working_hours')), '2025-10-17T16:00:00+07:00');
  assert.equal(iso(dueAt(vietnam, at('2025-10-18T09:00+07:00'), 8, 'working_hours')), '2025-10-21T08:00:00+07:00');
});

test('office minutes between two instants, for resuming a paused clock', () => {
  assert.equal(workingMinutesBetween(vietnam, at('2025-10-13T10:30+07:00'), at('2025-10-13T14:30+07:00')), 120);
  assert.equal(workingMinutesBetween(vietnam, at('2025-10-17T14:00+07:00'), at('2025-10-20T08:30+07:00')), 240);
  assert.equal(workingMinutesBetween(vietnam, at('2025-10-13T10:30+07:00'), at('2025-10-13T10:30:59+07:00')), 0);
  assert.equal(workingMinutesBetween(vietnam, at('2025-10-14T10:00+07:00'), at('2025-10-13T10:00+07:00')), 0);
  // A full working day is 7.5 office hours.
  assert.equal(workingMinutesBetween(vietnam, at('2025-10-13T00:00+07:00'), at('2025-10-14T00:00+07:00')), 450);
});

test('an added day off moves the deadline; a make-up Saturday brings it back', () => {
  const from = at('2025-10-15T09:00+07:00');
  assert.equal(iso(addWorkingDays(vietnam, from, 2)), '2025-10-17T17:00:00+07:00');
  const withDayOff = workCalendar({ overrides: [...ANNOUNCED_DAYS, dayOff('2025-10-16')] });
  assert.equal(iso(addWorkingDays(withDayOff, from, 2)), '2025-10-20T17:00:00+07:00');
  const withMakeUp = workCalendar({
    overrides: [...ANNOUNCED_DAYS, dayOff('2025-10-16'), { ...dayOff('2025-10-18'), working: true }],
  });
  assert.equal(iso(addWorkingDays(withMakeUp, from, 2)), '2025-10-18T17:00:00+07:00');
});

test('agency office hours: the appointment is the close of that agency’s office day', () => {
  const saturdayDesk = workCalendar({
    officeHours: [
      { start: 8 * 60, end: 12 * 60 },
      { start: 13 * 60, end: 17 * 60 + 30 },
    ],
    cutoffMinute: 16 * 60,
  });
  assert.equal(iso(addWorkingDays(saturdayDesk, at('2025-10-13T15:30+07:00'), 1)), '2025-10-14T17:30:00+07:00');
  assert.throws(() => workCalendar({ officeHours: [] }), RangeError);
  assert.throws(() => addWorkingDays(vietnam, at('2025-10-13T09:00+07:00'), 1.5), RangeError);
});

test('the explanation lists the moved receipt, the counted days and each skipped day with its reason', () => {
  const e = explainDueAt(vietnam, at('2025-01-24T16:00+07:00'), 2, 'working_days');
  assert.equal(iso(e.dueAt), '2025-02-05T17:00:00+07:00');
  assert.deepEqual(e.receipt, {
    date: '2025-01-24',
    countedDate: '2025-02-03',
    moved: true,
    reason: {
      vi: 'Nhận lúc 16:00, sau giờ tiếp nhận 15:00; tính là nhận vào ngày làm việc tiếp theo, Thứ Hai 03/02/2025',
      en: 'Received at 16:00, after the 15:00 cut-off; counted as received on the next working day, Monday 03/02/2025',
    },
  });
  assert.deepEqual(e.counted, [
    { date: '2025-02-04', ordinal: 1 },
    { date: '2025-02-05', ordinal: 2 },
  ]);
  assert.deepEqual(
    e.skipped.map((s) => [s.date, s.source]),
    [
      ['2025-01-25', 'weekend'],
      ['2025-01-26', 'weekend'],
      ['2025-01-27', 'announcement'],
      ['2025-01-28', 'statutory'],
      ['2025-01-29', 'statutory'],
      ['2025-01-30', 'statutory'],
      ['2025-01-31', 'statutory'],
      ['2025-02-01', 'statutory'],
      ['2025-02-02', 'weekend'],
    ],
  );
  assert.equal(
    e.skipped[2].reason.vi,
    'Thứ Hai 27/01/2025: Nghỉ Tết Nguyên đán Ất Tỵ (28 tháng Chạp) (theo Công văn 8726/VPCP-KGVX ngày 26/11/2024 của Văn phòng Chính phủ)',
  );
  assert.equal(e.skipped[0].reason.en, 'Saturday 25/01/2025: weekly rest day');
  assert.equal(
    e.summary.vi,
    'Nhận hồ sơ lúc 16:00 Thứ Sáu 24/01/2025. Thời hạn 2 ngày làm việc, không tính ngày nhận; bỏ qua 9 ngày nghỉ. Hẹn trả kết quả lúc 17:00 Thứ Tư 05/02/2025.',
  );
});
