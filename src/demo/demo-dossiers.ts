import type { Db } from '../db/database';
import { addDays } from '../modules/calendar/dates';
import { isWorkingDay } from '../modules/calendar/rules';
import { loadWorkCalendar } from '../modules/calendar/service';
import { vietnamDay } from '../modules/dossiers/rules';
import { generateDossiers, type GenerateReport } from './generator/service';
import type { Pinned } from './generator/plan';
import { seedDemoComplaints, workingDayBefore } from './demo-complaints';

const HA_LONG = '000.20.01.H40';

/**
 * The demo's dossiers: the generator's year up to now (with the ratings of the returned ones), plus a few at UBND phường Hạ Long held by the
 * demo accounts now — `specialist` (Văn hóa - Xã hội) and `leader` (unit and agency leader) — some
 * overdue, some due soon, so their inboxes open on real work; and complaints in every status at Hạ Long
 * and the provincial service center (demo-complaints.ts).
 */
export async function seedDemoDossiers(db: Db, now: Date, count: number): Promise<GenerateReport> {
  const agency = await db.selectFrom('agencies').select('id').where('code', '=', HA_LONG).executeTakeFirstOrThrow();
  const users = await db
    .selectFrom('users')
    .select(['id', 'username'])
    .where('username', 'in', ['specialist'])
    .execute();
  const specialist = users.find((u) => u.username === 'specialist')!.id;
  const cal = await loadWorkCalendar(db, agency.id);
  const before = (k: number, hour: number) => workingDayBefore((d) => isWorkingDay(cal, d), now, k, hour);
  const pin = (procedureCode: string, receivedAt: Date, stopAtSeq: number, assignee?: number): Pinned => ({
    agencyId: agency.id,
    procedureCode,
    receivedAt,
    stopAtSeq,
    assignee,
  });
  // 1.004873 and 1.001022: desk → VHXH specialist (1 working day) → VHXH unit leader → UBND leader → desk.
  // A dossier reaches step 4 only after the earlier steps' working time, so its receipt lies two working
  // days back: from one day back it could not be there yet before office hours (the seed test failed at 05:00).
  const pinned = [
    pin('1.004873', before(3, 9), 2, specialist),
    pin('1.001022', before(1, 15), 2, specialist),
    pin('1.004884', before(1, 8), 2, specialist),
    pin('1.004873', before(2, 8), 3),
    pin('1.001022', before(4, 10), 4),
    pin('1.004859', before(2, 9), 4),
  ];
  const today = vietnamDay(now);
  const report = await generateDossiers(db, {
    count,
    from: addDays(today, -364),
    to: today,
    asOf: now,
    seed: 2026,
    pinned,
  });
  await seedDemoComplaints(db, now);
  return report;
}
