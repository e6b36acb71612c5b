import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatDate, formatDateTime, parseDate, parseTime, todayIso, vnInstant, weekdayOf } from './datetime';

test('instants are shown in Vietnam time whatever the zone of the instant', () => {
  assert.equal(formatDateTime('2025-04-29T10:00:00Z'), '17:00 29/04/2025');
  assert.equal(formatDateTime('2025-12-31T17:30:00Z'), '00:30 01/01/2026');
  assert.equal(todayIso(new Date('2025-12-31T17:30:00Z')), '2026-01-01');
});

test('plain API dates become dd/mm/yyyy without a time-zone shift', () => {
  assert.equal(formatDate('2025-09-02'), '02/09/2025');
});

test('typed dates and times are parsed strictly', () => {
  assert.equal(parseDate('25/04/2025'), '2025-04-25');
  assert.equal(parseDate('5/1/2030'), '2030-01-05');
  assert.equal(parseDate('29/02/2025'), null);
  assert.equal(parseDate('2025-04-25'), null);
  assert.equal(parseTime('8:05'), '08:05');
  assert.equal(parseTime('24:00'), null);
  assert.equal(vnInstant('2025-04-25', '08:00'), '2025-04-25T08:00:00+07:00');
});

test('weekdays of plain dates', () => {
  assert.equal(weekdayOf('2025-04-26'), 6);
  assert.equal(weekdayOf('2030-01-05'), 6);
});
