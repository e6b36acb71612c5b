import { addDays, formatDateVi, isWeekend, weekdayName } from './dates';
import { dateOfJdn, lunarToJdn, solarToLunar } from './lunar';

/**
 * Public holidays computed from the law in force each year (ngày nghỉ lễ, tết), with the
 * compensation days for holidays on a weekend. Government announcements that move days are data
 * (calendar overrides), not code.
 */
export type HolidaySource = 'statutory' | 'compensation';
export type Holiday = { date: string; source: HolidaySource; name: string; nameEn: string };

/**
 * Which holidays the law gave in a year. Bộ luật Lao động 2019, art. 112 (from 2021): Tết 5 days,
 * Quốc khánh 2 days. Before it, Bộ luật Lao động 2012, art. 115 (from 1/5/2013, so from Tết 2014):
 * Tết 5 days, Quốc khánh 1 day; Bộ luật Lao động 1994, art. 73: Tết 4 days, with Giỗ Tổ Hùng Vương
 * added by Law 84/2007/QH11.
 */
function lawOf(year: number): { tetDays: number; nationalDays: number; hungKings: boolean } {
  if (year >= 2021) return { tetDays: 5, nationalDays: 2, hungKings: true };
  if (year >= 2014) return { tetDays: 5, nationalDays: 1, hungKings: true };
  return { tetDays: 4, nationalDays: 1, hungKings: year >= 2007 };
}

const iso = (jdn: number) => {
  const d = dateOfJdn(jdn);
  return `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
};

/** 1 tháng Giêng of the lunar year starting in Gregorian `year`, in Vietnam (UTC+7). */
export function lunarNewYear(year: number): string {
  return iso(lunarToJdn({ day: 1, month: 1, year, leap: false })!);
}

/** Giỗ Tổ Hùng Vương: 10 tháng 3 âm lịch (the regular month 3 when the year has a leap 3rd month). */
export function hungKingsDay(year: number): string {
  return iso(lunarToJdn({ day: 10, month: 3, year, leap: false })!);
}

/**
 * The day next to 2 September: the law leaves the choice to the Prime Minister each year ("02/9 và
 * 01 ngày liền kề trước hoặc sau"). By default the one that joins the longer break with the
 * weekend, 1 September on a tie — what announcements chose in 2022–2025.
 */
export function nationalDayNeighbour(year: number): string {
  const day = `${year}-09-02`;
  const breakLength = (neighbour: string) => {
    const off = (d: string) => d === day || d === neighbour || isWeekend(d);
    let length = 1;
    for (let d = addDays(day, -1); off(d); d = addDays(d, -1)) length++;
    for (let d = addDays(day, 1); off(d); d = addDays(d, 1)) length++;
    return length;
  };
  const before = `${year}-09-01`;
  const after = `${year}-09-03`;
  return breakLength(after) > breakLength(before) ? after : before;
}

function statutoryDays(year: number): Holiday[] {
  const law = lawOf(year);
  const days: Holiday[] = [
    { date: `${year}-01-01`, source: 'statutory', name: 'Tết Dương lịch', nameEn: 'New Year’s Day' },
  ];
  const tet = lunarNewYear(year);
  const eve = addDays(tet, -1);
  const [y, m, d] = eve.split('-').map(Number);
  const eveDay = solarToLunar(y, m, d).day;
  // By default the last day of the lunar year and the first days of the new one.
  days.push({
    date: eve,
    source: 'statutory',
    name: `Tết Nguyên đán (ngày ${eveDay} tháng Chạp)`,
    nameEn: `Lunar New Year (Tết), last day of the lunar year (${eveDay}th of the 12th month)`,
  });
  for (let i = 0; i < law.tetDays - 1; i++) {
    days.push({
      date: addDays(tet, i),
      source: 'statutory',
      name: `Tết Nguyên đán (mùng ${i + 1} tháng Giêng)`,
      nameEn: `Lunar New Year (Tết), day ${i + 1} of the 1st lunar month`,
    });
  }
  if (law.hungKings) {
    days.push({
      date: hungKingsDay(year),
      source: 'statutory',
      name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)',
      nameEn: 'Hung Kings Commemoration Day (10th day of the 3rd lunar month)',
    });
  }
  days.push(
    {
      date: `${year}-04-30`,
      source: 'statutory',
      name: 'Ngày Chiến thắng (30/4)',
      nameEn: 'Reunification Day (30 April)',
    },
    {
      date: `${year}-05-01`,
      source: 'statutory',
      name: 'Ngày Quốc tế lao động (1/5)',
      nameEn: 'International Labour Day (1 May)',
    },
    { date: `${year}-09-02`, source: 'statutory', name: 'Quốc khánh (2/9)', nameEn: 'National Day (2 September)' },
  );
  if (law.nationalDays === 2) {
    days.push({
      date: nationalDayNeighbour(year),
      source: 'statutory',
      name: 'Quốc khánh (ngày liền kề 2/9)',
      nameEn: 'National Day (day next to 2 September)',
    });
  }
  return days;
}

/**
 * A holiday on a Saturday or Sunday gives a day off on the next working day (Bộ luật Lao động
 * 2019, art. 111.3), after any holidays that follow it.
 */
function withCompensation(statutory: Holiday[]): Holiday[] {
  const sorted = [...statutory].sort((a, b) => a.date.localeCompare(b.date));
  const taken = new Set(sorted.map((h) => h.date));
  const result = [...sorted];
  for (const h of sorted) {
    if (!isWeekend(h.date)) continue;
    let d = addDays(h.date, 1);
    while (isWeekend(d) || taken.has(d)) d = addDays(d, 1);
    taken.add(d);
    const wd = weekdayName(h.date);
    result.push({
      date: d,
      source: 'compensation',
      name: `Nghỉ bù ${h.name}, ngày ${formatDateVi(h.date)} trùng ${wd.vi}`,
      nameEn: `Compensatory day off: ${h.nameEn} fell on ${wd.en} ${h.date}`,
    });
  }
  return result.sort((a, b) => a.date.localeCompare(b.date));
}

const memo = new Map<number, ReadonlyMap<string, Holiday>>();

/** Every holiday of a Gregorian year, statutory and compensation, by date. Memoised: the law does not change at run time. */
export function holidaysOfYear(year: number): ReadonlyMap<string, Holiday> {
  let days = memo.get(year);
  if (!days) {
    days = new Map(withCompensation(statutoryDays(year)).map((h) => [h.date, h]));
    memo.set(year, days);
  }
  return days;
}

export function holidayOn(date: string): Holiday | undefined {
  return holidaysOfYear(Number(date.slice(0, 4))).get(date);
}
