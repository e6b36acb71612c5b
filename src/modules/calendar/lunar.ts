/**
 * The Vietnamese lunisolar calendar (âm lịch), computed with Hồ Ngọc Đức's published algorithm
 * ("Thuật toán tính âm lịch", after Jean Meeus, Astronomical Algorithms): a lunar month starts on
 * the local day of a new moon, month 11 holds the winter solstice, and a leap month is the first
 * month without a major solar term. Everything depends on the time zone, which is why Vietnam
 * (UTC+7) and China (UTC+8) disagree in some years (Tết 2007, 2030). Days are Julian day numbers.
 */

export const VIETNAM_TIME_ZONE = 7;

export type LunarDate = { day: number; month: number; year: number; leap: boolean };

const SYNODIC_MONTH = 29.530588853;
/** Julian day of the new moon of 1 January 1900, the origin of the new-moon index k. */
const K_ORIGIN = 2415021.076998695;
const DR = Math.PI / 180;
/** Julian day number of 1970-01-01. */
const UNIX_EPOCH_JDN = 2440588;

const int = Math.floor;

/** Julian day number of a proleptic Gregorian date. */
export function jdnOf(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / 86_400_000 + UNIX_EPOCH_JDN;
}

/** The Gregorian date of a Julian day number. */
export function dateOfJdn(jdn: number): { year: number; month: number; day: number } {
  const d = new Date((jdn - UNIX_EPOCH_JDN) * 86_400_000);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** Julian day (fractional, UT) of the k-th new moon after 1 January 1900. */
function newMoon(k: number): number {
  const T = k / 1236.85;
  const T2 = T * T;
  const T3 = T2 * T;
  let jd1 = 2415020.75933 + 29.53058868 * k + 0.0001178 * T2 - 0.000000155 * T3;
  jd1 += 0.00033 * Math.sin((166.56 + 132.87 * T - 0.009173 * T2) * DR);
  const M = 359.2242 + 29.10535608 * k - 0.0000333 * T2 - 0.00000347 * T3;
  const Mpr = 306.0253 + 385.81691806 * k + 0.0107306 * T2 + 0.00001236 * T3;
  const F = 21.2964 + 390.67050646 * k - 0.0016528 * T2 - 0.00000239 * T3;
  let c1 = (0.1734 - 0.000393 * T) * Math.sin(M * DR) + 0.0021 * Math.sin(2 * DR * M);
  c1 = c1 - 0.4068 * Math.sin(Mpr * DR) + 0.0161 * Math.sin(DR * 2 * Mpr);
  c1 = c1 - 0.0004 * Math.sin(DR * 3 * Mpr);
  c1 = c1 + 0.0104 * Math.sin(DR * 2 * F) - 0.0051 * Math.sin(DR * (M + Mpr));
  c1 = c1 - 0.0074 * Math.sin(DR * (M - Mpr)) + 0.0004 * Math.sin(DR * (2 * F + M));
  c1 = c1 - 0.0004 * Math.sin(DR * (2 * F - M)) - 0.0006 * Math.sin(DR * (2 * F + Mpr));
  c1 = c1 + 0.001 * Math.sin(DR * (2 * F - Mpr)) + 0.0005 * Math.sin(DR * (2 * Mpr + M));
  const deltaT =
    T < -11
      ? 0.001 + 0.000839 * T + 0.0002261 * T2 - 0.00000845 * T3 - 0.000000081 * T * T3
      : -0.000278 + 0.000265 * T + 0.000262 * T2;
  return jd1 + c1 - deltaT;
}

/** Sun's apparent longitude in radians, 0..2π, at Julian day `jd` (UT). */
function sunLongitude(jd: number): number {
  const T = (jd - 2451545.0) / 36525;
  const T2 = T * T;
  const M = 357.5291 + 35999.0503 * T - 0.0001559 * T2 - 0.00000048 * T * T2;
  const L0 = 280.46645 + 36000.76983 * T + 0.0003032 * T2;
  let dl = (1.9146 - 0.004817 * T - 0.000014 * T2) * Math.sin(DR * M);
  dl = dl + (0.019993 - 0.000101 * T) * Math.sin(DR * 2 * M) + 0.00029 * Math.sin(DR * 3 * M);
  const l = (L0 + dl) * DR;
  return l - Math.PI * 2 * int(l / (Math.PI * 2));
}

/** The local day (Julian day number) on which the k-th new moon falls. */
function newMoonDay(k: number, timeZone: number): number {
  return int(newMoon(k) + 0.5 + timeZone / 24);
}

/** Which of the 12 sectors of 30° the sun is in at the start of local day `jdn`. */
function sunSector(jdn: number, timeZone: number): number {
  return int((sunLongitude(jdn - 0.5 - timeZone / 24) / Math.PI) * 6);
}

/** First day of lunar month 11 (the month holding the winter solstice) of Gregorian year `year`. */
function lunarMonth11(year: number, timeZone: number): number {
  const off = jdnOf(year, 12, 31) - 2415021;
  const k = int(off / SYNODIC_MONTH);
  const nm = newMoonDay(k, timeZone);
  return sunSector(nm, timeZone) >= 9 ? newMoonDay(k - 1, timeZone) : nm;
}

/** Index (after month 11 starting at `a11`) of the leap month: the first month without a major term. */
function leapMonthOffset(a11: number, timeZone: number): number {
  const k = int((a11 - K_ORIGIN) / SYNODIC_MONTH + 0.5);
  let i = 1;
  let arc = sunSector(newMoonDay(k + i, timeZone), timeZone);
  let last: number;
  do {
    last = arc;
    i++;
    arc = sunSector(newMoonDay(k + i, timeZone), timeZone);
  } while (arc !== last && i < 14);
  return i - 1;
}

/** The lunar date of a Gregorian date. */
export function solarToLunar(year: number, month: number, day: number, timeZone = VIETNAM_TIME_ZONE): LunarDate {
  const jdn = jdnOf(year, month, day);
  // The mean-phase estimate of k can be one month ahead when a new moon falls minutes after local
  // midnight (e.g. 7/5/2054): step back until the month starts on or before the day.
  let k = int((jdn - K_ORIGIN) / SYNODIC_MONTH) + 1;
  while (newMoonDay(k, timeZone) > jdn) k--;
  const monthStart = newMoonDay(k, timeZone);
  let a11 = lunarMonth11(year, timeZone);
  let b11 = a11;
  let lunarYear: number;
  if (a11 >= monthStart) {
    lunarYear = year;
    a11 = lunarMonth11(year - 1, timeZone);
  } else {
    lunarYear = year + 1;
    b11 = lunarMonth11(year + 1, timeZone);
  }
  const diff = int((monthStart - a11) / 29);
  let lunarMonth = diff + 11;
  let leap = false;
  if (b11 - a11 > 365) {
    const leapDiff = leapMonthOffset(a11, timeZone);
    if (diff >= leapDiff) {
      lunarMonth = diff + 10;
      leap = diff === leapDiff;
    }
  }
  if (lunarMonth > 12) lunarMonth -= 12;
  if (lunarMonth >= 11 && diff < 4) lunarYear -= 1;
  return { day: jdn - monthStart + 1, month: lunarMonth, year: lunarYear, leap };
}

/**
 * The Julian day number of a lunar date (the regular month when `leap` is false), or null when
 * `leap` is asked for a month that is not leap in that year.
 */
export function lunarToJdn(lunar: LunarDate, timeZone = VIETNAM_TIME_ZONE): number | null {
  const { day, month, year, leap } = lunar;
  const a11 = lunarMonth11(month < 11 ? year - 1 : year, timeZone);
  const b11 = lunarMonth11(month < 11 ? year : year + 1, timeZone);
  const k = int(0.5 + (a11 - K_ORIGIN) / SYNODIC_MONTH);
  let off = month - 11;
  if (off < 0) off += 12;
  if (b11 - a11 > 365) {
    const leapOff = leapMonthOffset(a11, timeZone);
    let leapMonth = leapOff - 2;
    if (leapMonth < 0) leapMonth += 12;
    if (leap && month !== leapMonth) return null;
    if (leap || off >= leapOff) off += 1;
  } else if (leap) {
    return null;
  }
  return newMoonDay(k + off, timeZone) + day - 1;
}
