import { calendarChanged } from './cache';
import type { Tx } from '../../db/database';
import type { CalendarOverride } from './rules';

const DECISION_2025 = 'Công văn 8726/VPCP-KGVX ngày 26/11/2024 của Văn phòng Chính phủ';
const DECISION_2026_NEW_YEAR = 'Công văn 12729/VPCP-KGVX ngày 25/12/2025 của Văn phòng Chính phủ';

/**
 * The government's announced swaps for civil servants in 2025 and 2026, as national days. Only
 * where the announcement differs from the computed law (holidays.ts); the rest is already computed:
 * 2025 (Công văn 8726/VPCP-KGVX, 26/11/2024): Tết off Sat 25/1 – Sun 2/2, so Monday 27/1 is off
 *   and Monday 3/2, the computed day off for mùng 4 on a Saturday, is worked; 30/4–4/5 off with
 *   Friday 2/5 swapped for Saturday 26/4; Quốc khánh 30/8–2/9 with 1/9 (computed).
 * 2026: New Year 1/1–4/1 with Friday 2/1 swapped for Saturday 10/1 (Công văn 12729/VPCP-KGVX,
 *   25/12/2025); Tết 16/2–20/2 (computed); Giỗ Tổ on Sunday 26/4 made up on Monday 27/4 (computed).
 */
export const ANNOUNCED_DAYS: CalendarOverride[] = [
  {
    date: '2025-01-27',
    working: false,
    name: 'Nghỉ Tết Nguyên đán Ất Tỵ (28 tháng Chạp)',
    nameEn: 'Lunar New Year holiday (28th of the 12th lunar month)',
    decision: DECISION_2025,
    agencyCode: null,
  },
  {
    date: '2025-02-03',
    working: true,
    name: 'Làm việc: ngày nghỉ bù mùng 4 Tết (thứ Bảy 01/02) đã bố trí vào thứ Hai 27/01/2025',
    nameEn: 'Working day: the day off for Tết day 4 (Saturday 1/2) was given on Monday 27/1/2025',
    decision: DECISION_2025,
    agencyCode: null,
  },
  {
    date: '2025-04-26',
    working: true,
    name: 'Làm bù cho ngày nghỉ thứ Sáu 02/05/2025',
    nameEn: 'Make-up working Saturday for the day off on Friday 2/5/2025',
    decision: DECISION_2025,
    agencyCode: null,
  },
  {
    date: '2025-05-02',
    working: false,
    name: 'Nghỉ hoán đổi dịp 30/4 và 1/5 (làm bù thứ Bảy 26/04/2025)',
    nameEn: 'Swapped day off around 30/4 and 1/5 (made up on Saturday 26/4/2025)',
    decision: DECISION_2025,
    agencyCode: null,
  },
  {
    date: '2026-01-02',
    working: false,
    name: 'Nghỉ hoán đổi dịp Tết Dương lịch (làm bù thứ Bảy 10/01/2026)',
    nameEn: 'Swapped day off after New Year’s Day (made up on Saturday 10/1/2026)',
    decision: DECISION_2026_NEW_YEAR,
    agencyCode: null,
  },
  {
    date: '2026-01-10',
    working: true,
    name: 'Làm bù cho ngày nghỉ thứ Sáu 02/01/2026',
    nameEn: 'Make-up working Saturday for the day off on Friday 2/1/2026',
    decision: DECISION_2026_NEW_YEAR,
    agencyCode: null,
  },
];

/** The announced national days; office hours and cut-off stay at their defaults. */
export async function seedCalendar(tx: Tx): Promise<void> {
  calendarChanged();
  await tx
    .insertInto('calendar_days')
    .values(
      ANNOUNCED_DAYS.map((d) => ({
        agency_id: null,
        date: d.date,
        working: d.working,
        name: d.name,
        name_en: d.nameEn,
        decision: d.decision,
      })),
    )
    .execute();
}
