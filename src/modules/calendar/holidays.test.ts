import { test } from 'node:test';
import assert from 'node:assert/strict';
import { holidaysOfYear, nationalDayNeighbour } from './holidays';
import { isWeekend } from './dates';
import { ANNOUNCED_DAYS } from './demo-data';
import { dayStatus, workCalendar } from './rules';

const list = (year: number) => [...holidaysOfYear(year).values()].map((h) => `${h.date} ${h.source}`);

test('2025 under the Labour Code 2019: 11 statutory days and the day off for mùng 4 Tết on a Saturday', () => {
  assert.deepEqual(list(2025), [
    '2025-01-01 statutory',
    '2025-01-28 statutory',
    '2025-01-29 statutory',
    '2025-01-30 statutory',
    '2025-01-31 statutory',
    '2025-02-01 statutory',
    '2025-02-03 compensation',
    '2025-04-07 statutory',
    '2025-04-30 statutory',
    '2025-05-01 statutory',
    '2025-09-01 statutory',
    '2025-09-02 statutory',
  ]);
  const h = holidaysOfYear(2025);
  assert.equal(h.get('2025-01-28')!.name, 'Tết Nguyên đán (ngày 29 tháng Chạp)');
  assert.equal(h.get('2025-02-01')!.name, 'Tết Nguyên đán (mùng 4 tháng Giêng)');
  assert.equal(h.get('2025-02-03')!.name, 'Nghỉ bù Tết Nguyên đán (mùng 4 tháng Giêng), ngày 01/02/2025 trùng Thứ Bảy');
  assert.equal(h.get('2025-04-07')!.name, 'Giỗ Tổ Hùng Vương (10/3 âm lịch)');
});

test('2026: Tết Monday to Friday 16–20/2, Giỗ Tổ on Sunday 26/4 made up on Monday 27/4', () => {
  assert.deepEqual(list(2026), [
    '2026-01-01 statutory',
    '2026-02-16 statutory',
    '2026-02-17 statutory',
    '2026-02-18 statutory',
    '2026-02-19 statutory',
    '2026-02-20 statutory',
    '2026-04-26 statutory',
    '2026-04-27 compensation',
    '2026-04-30 statutory',
    '2026-05-01 statutory',
    '2026-09-01 statutory',
    '2026-09-02 statutory',
  ]);
});

test('several weekend holidays are made up one after another, after the holidays that follow them', () => {
  // 2023: Giỗ Tổ on Saturday 29/4 and 30/4 on Sunday; 1/5 is Monday.
  const h = holidaysOfYear(2023);
  assert.equal(h.get('2023-05-02')!.source, 'compensation');
  assert.match(h.get('2023-05-02')!.name, /Giỗ Tổ/);
  assert.equal(h.get('2023-05-03')!.source, 'compensation');
  assert.match(h.get('2023-05-03')!.name, /30\/4/);
  // 2/9/2023 was a Saturday: 1/9 (Friday) is the adjacent day, Monday 4/9 the day off in lieu.
  assert.equal(h.get('2023-09-01')!.source, 'statutory');
  assert.equal(h.get('2023-09-04')!.source, 'compensation');
});

test('the day next to 2/9 joins the longer break: what 2022–2025 announced, 1/9 on a tie', () => {
  assert.equal(nationalDayNeighbour(2022), '2022-09-01'); // Friday 2/9 → Thursday 1/9
  assert.equal(nationalDayNeighbour(2023), '2023-09-01'); // Saturday → Friday
  assert.equal(nationalDayNeighbour(2024), '2024-09-03'); // Monday → Tuesday 3/9
  assert.equal(nationalDayNeighbour(2025), '2025-09-01'); // Tuesday → Monday 1/9
  assert.equal(nationalDayNeighbour(2026), '2026-09-01'); // Wednesday: a tie
  assert.equal(nationalDayNeighbour(2027), '2027-09-03'); // Thursday → Friday
});

test('earlier Labour Codes: Quốc khánh one day before 2021, Tết four days and no Giỗ Tổ before 2007', () => {
  assert.equal(holidaysOfYear(2020).has('2020-09-01'), false);
  assert.equal(holidaysOfYear(2020).has('2020-09-03'), false);
  assert.equal(holidaysOfYear(2021).get('2021-09-03')?.source, 'statutory');
  const tet2014 = [...holidaysOfYear(2014).values()].filter((h) => h.name.startsWith('Tết Nguyên đán'));
  const tet2013 = [...holidaysOfYear(2013).values()].filter((h) => h.name.startsWith('Tết Nguyên đán'));
  assert.equal(tet2014.length, 5);
  assert.equal(tet2013.length, 4);
  assert.equal(
    [...holidaysOfYear(2006).values()].some((h) => h.name.startsWith('Giỗ Tổ')),
    false,
  );
  assert.equal(holidaysOfYear(2007).get('2007-04-26')?.name, 'Giỗ Tổ Hùng Vương (10/3 âm lịch)');
});

test('every compensation day 2000–2100 is a weekday that is not itself a holiday', () => {
  for (let year = 2000; year <= 2100; year++) {
    const days = [...holidaysOfYear(year).values()];
    const weekendHolidays = days.filter((h) => h.source === 'statutory' && isWeekend(h.date)).length;
    const compensations = days.filter((h) => h.source === 'compensation');
    assert.equal(compensations.length, weekendHolidays, `${year}`);
    for (const c of compensations) assert.equal(isWeekend(c.date), false, c.date);
  }
});

test('each announced day of the demo changes what the law alone gives', () => {
  const computed = workCalendar();
  for (const d of ANNOUNCED_DAYS) {
    assert.notEqual(dayStatus(computed, d.date).working, d.working, d.date);
  }
});
