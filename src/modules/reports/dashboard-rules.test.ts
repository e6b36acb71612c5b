import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AppError } from '../../shared/errors';
import { checkPublicPeriod, daysLate, monthsOf } from './dashboard-rules';

test('a period is sliced into the calendar months it touches, clipped to the period', () => {
  assert.deepEqual(monthsOf('2024-01-15', '2024-03-10'), [
    { month: '2024-01', from: '2024-01-15', to: '2024-01-31' },
    { month: '2024-02', from: '2024-02-01', to: '2024-02-29' },
    { month: '2024-03', from: '2024-03-01', to: '2024-03-10' },
  ]);
  assert.deepEqual(monthsOf('2025-12-31', '2026-01-01'), [
    { month: '2025-12', from: '2025-12-31', to: '2025-12-31' },
    { month: '2026-01', from: '2026-01-01', to: '2026-01-01' },
  ]);
  assert.equal(monthsOf('2025-01-01', '2025-12-31').length, 12);
});

test('a trend of more than 60 months is refused naming `to`', () => {
  assert.equal(monthsOf('2020-01-01', '2024-12-31').length, 60);
  assert.throws(
    () => monthsOf('2020-01-01', '2025-01-01'),
    (e: unknown) => e instanceof AppError && e.status === 400 && e.field === 'to',
  );
});

test('days late count Vietnam days from the appointment day to the day the period ends', () => {
  const endOf31Jan = new Date('2020-02-01T00:00:00+07:00');
  assert.equal(daysLate(new Date('2020-01-31T17:00:00+07:00'), endOf31Jan), 1);
  assert.equal(daysLate(new Date('2020-01-08T17:00:00+07:00'), endOf31Jan), 24);
  // 23:30 UTC on 7 January is 06:30 on 8 January in Vietnam.
  assert.equal(daysLate(new Date('2020-01-07T23:30:00Z'), endOf31Jan), 24);
});

test('public periods stop at five years', () => {
  checkPublicPeriod('2021-01-01', '2025-12-31');
  assert.throws(() => checkPublicPeriod('2015-01-01', '2025-12-31'), AppError);
});
