import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { addDays, dayNumber, localDayAndTime } from './dates';
import {
  addWorkingMinutes,
  dueAt,
  explainDueAt,
  isWorkingDay,
  workCalendar,
  workingMinutesBetween,
  type CalendarOverride,
  type DeadlineUnit,
  type WorkCalendar,
} from './rules';

const MINUTE = 60_000;

const receivedAt = fc
  .integer({ min: Date.UTC(2000, 0, 1) - 7 * 3_600_000, max: Date.UTC(2100, 11, 31, 16, 59) })
  .map((ms) => new Date(ms));
const unit = fc.constantFrom<DeadlineUnit>('working_days', 'working_hours');
const value = fc.integer({ min: 1, max: 365 });

/** One or two office periods anywhere in the day, and a cut-off inside them. */
const officeSettings = fc
  .record({
    start: fc.integer({ min: 5 * 60, max: 10 * 60 }),
    morning: fc.integer({ min: 60, max: 300 }),
    lunch: fc.integer({ min: 0, max: 180 }),
    afternoon: fc.integer({ min: 0, max: 300 }),
    cutoffAt: fc.double({ min: 0, max: 1, noNaN: true }),
  })
  .map(({ start, morning, lunch, afternoon, cutoffAt }) => {
    const officeHours = [{ start, end: start + morning }];
    if (afternoon > 0) officeHours.push({ start: start + morning + lunch, end: start + morning + lunch + afternoon });
    const close = officeHours[officeHours.length - 1].end;
    return { officeHours, cutoffMinute: Math.round(start + (close - start) * cutoffAt) };
  });

/** Days off and make-up days scattered over the year after the receipt. */
const overrides = fc.array(fc.record({ offset: fc.integer({ min: -3, max: 400 }), working: fc.boolean() }), {
  maxLength: 25,
});

const calendarAround = (
  received: Date,
  settings: { officeHours: { start: number; end: number }[]; cutoffMinute: number },
  days: { offset: number; working: boolean }[],
): WorkCalendar => {
  const first = localDayAndTime(received).date;
  const list: CalendarOverride[] = days.map((d) => ({
    date: addDays(first, d.offset),
    working: d.working,
    name: d.working ? 'Làm bù' : 'Nghỉ',
    nameEn: null,
    decision: null,
    agencyCode: null,
  }));
  return workCalendar({ ...settings, overrides: list });
};

const scenario = fc.record({ received: receivedAt, settings: officeSettings, days: overrides, value, unit });

test('a due time is always on a working day, inside office hours', () => {
  fc.assert(
    fc.property(scenario, (s) => {
      const cal = calendarAround(s.received, s.settings, s.days);
      const due = localDayAndTime(dueAt(cal, s.received, s.value, s.unit));
      assert.ok(isWorkingDay(cal, due.date), due.date);
      assert.ok(cal.officeHours.some((p) => due.ms > p.start * MINUTE && due.ms <= p.end * MINUTE));
      if (s.unit === 'working_days') assert.equal(due.ms, cal.officeHours[cal.officeHours.length - 1].end * MINUTE);
    }),
  );
});

test('a longer deadline is never due earlier', () => {
  fc.assert(
    fc.property(scenario, (s) => {
      const cal = calendarAround(s.received, s.settings, s.days);
      assert.ok(dueAt(cal, s.received, s.value + 1, s.unit) > dueAt(cal, s.received, s.value, s.unit));
    }),
  );
});

test('adding a day off never makes a deadline earlier', () => {
  fc.assert(
    fc.property(scenario, fc.integer({ min: -2, max: 500 }), (s, offset) => {
      const cal = calendarAround(s.received, s.settings, s.days);
      const more = calendarAround(s.received, s.settings, [...s.days, { offset, working: false }]);
      assert.ok(dueAt(more, s.received, s.value, s.unit) >= dueAt(cal, s.received, s.value, s.unit));
    }),
  );
});

test('the explanation counts exactly the deadline, skips only non-working days and accounts for every day', () => {
  fc.assert(
    fc.property(scenario, (s) => {
      const cal = calendarAround(s.received, s.settings, s.days);
      const e = explainDueAt(cal, s.received, s.value, s.unit);
      assert.equal(e.dueAt.getTime(), dueAt(cal, s.received, s.value, s.unit).getTime());
      for (const d of e.skipped) assert.equal(isWorkingDay(cal, d.date), false, d.date);
      for (const d of e.counted) assert.equal(isWorkingDay(cal, d.date), true, d.date);
      if (s.unit === 'working_days') {
        assert.equal(e.counted.length, s.value);
        const span = dayNumber(localDayAndTime(e.dueAt).date) - dayNumber(e.receipt.date);
        assert.equal(e.skipped.length + e.counted.length + (e.receipt.moved ? 1 : 0), span);
      } else {
        const minutes = e.counted.reduce((sum, d) => sum + (d.minutes ?? 0), 0);
        assert.ok(Math.abs(minutes - s.value * 60) < 1e-6, `${minutes}`);
      }
    }),
  );
});

test('office minutes between a start and the start plus m office minutes are m', () => {
  fc.assert(
    fc.property(
      receivedAt,
      officeSettings,
      overrides,
      fc.integer({ min: 1, max: 20_000 }),
      (from, settings, days, m) => {
        const cal = calendarAround(from, settings, days);
        assert.equal(workingMinutesBetween(cal, from, addWorkingMinutes(cal, from, m)), m);
      },
    ),
  );
});
