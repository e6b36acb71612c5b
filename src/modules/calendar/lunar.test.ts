import { test } from 'node:test';
import assert from 'node:assert/strict';
import { getSolarDate } from '@dqcai/vn-lunar';
import { dateOfJdn, jdnOf, lunarToJdn, solarToLunar } from './lunar';
import { hungKingsDay, lunarNewYear } from './holidays';

const iso = (jdn: number | null) => {
  assert.notEqual(jdn, null);
  const d = dateOfJdn(jdn!);
  return `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
};
const tetIn = (year: number, timeZone: number) => iso(lunarToJdn({ day: 1, month: 1, year, leap: false }, timeZone));
const hungKingsIn = (year: number, timeZone: number) =>
  iso(lunarToJdn({ day: 10, month: 3, year, leap: false }, timeZone));

test('Tết falls on the known days in Vietnam', () => {
  assert.equal(lunarNewYear(2025), '2025-01-29');
  assert.equal(lunarNewYear(2026), '2026-02-17');
  assert.equal(lunarNewYear(2024), '2024-02-10');
  assert.equal(lunarNewYear(2000), '2000-02-05');
});

test('Tết 2007 and 2030 differ between Vietnam (UTC+7) and China (UTC+8)', () => {
  assert.equal(tetIn(2007, 7), '2007-02-17');
  assert.equal(tetIn(2007, 8), '2007-02-18');
  assert.equal(tetIn(2030, 7), '2030-02-02');
  assert.equal(tetIn(2030, 8), '2030-02-03');
  assert.equal(lunarNewYear(2007), '2007-02-17');
  assert.equal(lunarNewYear(2030), '2030-02-02');
});

test('Giỗ Tổ Hùng Vương (10/3 âm lịch) on the known days, and where China would differ', () => {
  assert.equal(hungKingsDay(2025), '2025-04-07');
  assert.equal(hungKingsDay(2026), '2026-04-26');
  for (const [year, vn, cn] of [
    [2009, '2009-04-04', '2009-04-05'],
    [2037, '2037-04-24', '2037-04-25'],
    [2038, '2038-04-13', '2038-04-14'],
  ] as const) {
    assert.equal(hungKingsIn(year, 7), vn);
    assert.equal(hungKingsIn(year, 8), cn);
    assert.equal(hungKingsDay(year), vn);
  }
});

test('from 2000 to 2100, Vietnam and China differ exactly in these Tết and Giỗ Tổ dates', () => {
  const differences: string[] = [];
  for (let year = 2000; year <= 2100; year++) {
    if (tetIn(year, 7) !== tetIn(year, 8)) differences.push(`Tết ${year}`);
    if (hungKingsIn(year, 7) !== hungKingsIn(year, 8)) differences.push(`Giỗ Tổ ${year}`);
  }
  assert.deepEqual(differences, [
    'Tết 2007',
    'Giỗ Tổ 2009',
    'Tết 2030',
    'Giỗ Tổ 2037',
    'Giỗ Tổ 2038',
    'Tết 2053',
    'Giỗ Tổ 2085',
    'Giỗ Tổ 2086',
    'Giỗ Tổ 2095',
    'Giỗ Tổ 2100',
  ]);
});

test('the computed Tết and Giỗ Tổ agree with the @dqcai/vn-lunar tables for every year 2000–2100', () => {
  const fromTable = (day: number, month: number, year: number) => {
    const d = getSolarDate(day, month, year);
    return `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
  };
  for (let year = 2000; year <= 2100; year++) {
    assert.equal(lunarNewYear(year), fromTable(1, 1, year), `Tết ${year}`);
    assert.equal(hungKingsDay(year), fromTable(10, 3, year), `Giỗ Tổ ${year}`);
  }
});

test('every day 2000–2100 converts to a lunar date and back to itself', () => {
  for (let jdn = jdnOf(2000, 1, 1); jdn <= jdnOf(2100, 12, 31); jdn++) {
    const d = dateOfJdn(jdn);
    const lunar = solarToLunar(d.year, d.month, d.day);
    assert.ok(lunar.day >= 1 && lunar.day <= 30, `${iso(jdn)} → day ${lunar.day}`);
    assert.equal(lunarToJdn(lunar), jdn, `${iso(jdn)} → ${JSON.stringify(lunar)}`);
  }
});

test('leap months: 2023 has a leap 2nd month, 2025 a leap 6th; asking for a leap month that is not gives null', () => {
  assert.deepEqual(solarToLunar(2023, 3, 22), { day: 1, month: 2, year: 2023, leap: true });
  assert.deepEqual(solarToLunar(2025, 7, 25), { day: 1, month: 6, year: 2025, leap: true });
  assert.equal(lunarToJdn({ day: 1, month: 3, year: 2025, leap: true }), null);
  assert.equal(lunarToJdn({ day: 1, month: 1, year: 2026, leap: true }), null);
});

test('the last day of the lunar year before Tết 2025 was 29 tháng Chạp, before Tết 2023 it was 30', () => {
  assert.deepEqual(solarToLunar(2025, 1, 28), { day: 29, month: 12, year: 2024, leap: false });
  assert.deepEqual(solarToLunar(2023, 1, 21), { day: 30, month: 12, year: 2022, leap: false });
});
