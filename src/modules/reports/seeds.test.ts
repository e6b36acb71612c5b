import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, loginAs, type TestApp } from '../../../test/harness';
import { importDossierFile } from '../../cli/import-dossiers';
import type { DossierStatisticsColumns } from './tables';
import {
  BIRTH,
  CERTIFY,
  COMMUNE,
  FESTIVAL,
  FOREST,
  MARITAL_STATUS,
  WARD,
  channelOf,
  getJson,
  importNdjson,
  morning,
  ndjson,
  plusMinutes,
  vn,
  weekdays,
  writeNdjson,
  type Line,
} from './test-fixtures';

/** The two desks of domain.md "Numbers from the seeds", imported and reported on exactly. */

let t: TestApp;
let admin: Record<string, string>;

before(async () => {
  t = await createTestApp();
  admin = await loginAs(t.app, 'admin');
});
after(() => t.close());

/**
 * Phường Hạ Long in 2015: 10,205 dossiers. Every third round of the year's working days carries the old system's appointment and was
 * resolved an hour before it (on time); the others get the calendar's appointment and were resolved
 * the day they came (early); every fourth was also handed back. Five came on 31/12 and were not due yet.
 */
function ward2015() {
  const days = weekdays('2015-01-05', '2015-12-30');
  const lines: Line[] = [];
  for (let i = 0; i < 10_200; i++) {
    const receivedAt = vn(days[i % days.length], morning(i));
    const withAppointment = Math.floor(i / days.length) % 3 === 0;
    const dueAt = vn(days[i % days.length], '17:00');
    const resolvedAt = withAppointment ? plusMinutes(dueAt, -60) : plusMinutes(receivedAt, 45);
    lines.push({
      externalId: `HL2015-${i}`,
      agency: WARD,
      procedure: withAppointment ? CERTIFY : MARITAL_STATUS,
      channel: channelOf(i),
      receivedAt,
      ...(withAppointment ? { dueAt } : {}),
      resolvedAt,
      ...(i % 4 === 0 ? { returnedAt: plusMinutes(resolvedAt, 24 * 60) } : {}),
    });
  }
  for (let i = 0; i < 5; i++) {
    lines.push({
      externalId: `HL2015-open-${i}`,
      agency: WARD,
      procedure: MARITAL_STATUS,
      channel: 'direct',
      receivedAt: vn('2015-12-31', `09:0${i}`),
    });
  }
  return lines;
}

const count = (lines: Line[], p: (l: Line) => boolean) => lines.filter(p).length;
const byChannel = (lines: Line[]) => ({
  online: count(lines, (l) => l.channel === 'online'),
  direct: count(lines, (l) => l.channel === 'direct'),
  postal: count(lines, (l) => l.channel === 'postal'),
});

test('a ward in 2015: 10,205 received, 10,200 resolved on time or early, 5 not yet due — through the CLI', async () => {
  const lines = ward2015();
  const fixture = await writeNdjson(ndjson(lines));
  try {
    const report = await importDossierFile(t.db, fixture.file, null);
    assert.deepEqual(report, { imported: 10_205, updated: 0, rejected: [], rejectedCount: 0 });
  } finally {
    await fixture.remove();
  }
  const summary = await getJson(t.app, admin, `/api/reports/summary?from=2015-01-01&to=2015-12-31&agency=${WARD}`);
  const onTime = count(lines, (l) => l.dueAt !== undefined);
  assert.deepEqual(summary, {
    received: { carriedOver: 0, ...byChannel(lines), total: 10_205 },
    resolved: { early: 10_200 - onTime, onTime, late: 0, total: 10_200 },
    inProgress: { withinDeadline: 5, overdue: 0, total: 5 },
    withdrawn: 0,
    refused: 0,
    onTimeRate: 1,
  });

  // The five came on Thursday 31/12/2015: 1/1/2016 is a holiday, so two working days end on Tuesday 5/1.
  const open = await getJson(
    t.app,
    admin,
    `/api/reports/summary/dossiers?metric=inProgress.withinDeadline&from=2015-01-01&to=2015-12-31&agency=${WARD}`,
  );
  assert.equal(open.total, 5);
  assert.deepEqual(
    open.items.map((d: { dueAt: string; classification: string }) => [d.dueAt, d.classification]),
    Array(5).fill(['2016-01-05T17:00:00+07:00', 'withinDeadline']),
  );
  // The Labour Code of 2012 gave one day for Quốc khánh: received Tuesday 1/9/2015, due Friday 4/9.
  const sept = lines.find((l) => String(l.receivedAt).startsWith('2015-09-01') && l.dueAt === undefined)!;
  const row = await t.db
    .withTables<{ dossiers: DossierStatisticsColumns }>()
    .selectFrom('dossiers')
    .select('original_due_at')
    .where('external_id', '=', String(sept.externalId))
    .executeTakeFirstOrThrow();
  assert.equal(row.original_due_at!.toISOString(), new Date(vn('2015-09-04', '17:00')).toISOString());

  // In January 2016 the five are carried over.
  const january = await getJson(t.app, admin, `/api/reports/summary?from=2016-01-01&to=2016-01-31&agency=${WARD}`);
  assert.deepEqual(january.received, { carriedOver: 5, online: 0, direct: 0, postal: 0, total: 5 });
  assert.deepEqual(january.inProgress, { withinDeadline: 0, overdue: 5, total: 5 });
  assert.equal(january.onTimeRate, null);
});

/** Xã Quảng La, Q1 2018: per field, how many came and how many of them were resolved late. */
const COMMUNE_2018 = [
  { field: 'HO_TICH', procedure: BIRTH, count: 700, late: 60, hours: true },
  { field: 'CHUNG_THUC', procedure: CERTIFY, count: 319, late: 35, hours: true },
  { field: 'VAN_HOA', procedure: FESTIVAL, count: 29, late: 5, hours: false },
  { field: 'LAM_NGHIEP', procedure: FOREST, count: 3, late: 1, hours: false },
];

/**
 * Late ones carry an appointment the next day and were resolved three days after receipt; the
 * others in working hours were resolved two hours after receipt on the appointment day (on time);
 * those in working days the same day, before the calendar's appointment (early).
 */
function commune2018(): Line[] {
  const days = weekdays('2018-01-02', '2018-03-20');
  let n = 0;
  return COMMUNE_2018.flatMap((f) =>
    Array.from({ length: f.count }, (_, i) => {
      const receivedAt = vn(days[n % days.length], morning(n));
      n += 1;
      const late = i < f.late;
      const dueAt = late
        ? plusMinutes(receivedAt, 24 * 60)
        : f.hours
          ? vn(receivedAt.slice(0, 10), '16:00')
          : undefined;
      return {
        externalId: `QL2018-${f.field}-${i}`,
        agency: COMMUNE,
        procedure: f.procedure,
        channel: channelOf(n),
        receivedAt,
        ...(dueAt ? { dueAt } : {}),
        resolvedAt: plusMinutes(receivedAt, late ? 3 * 24 * 60 : f.hours ? 120 : 60),
      };
    }),
  );
}

test('a commune in Q1 2018: 1,051 dossiers by field, 950 on time — through the API', async () => {
  const lines = commune2018();
  const res = await importNdjson(t.app, admin, ndjson(lines));
  assert.equal(res.statusCode, 200, res.body);
  assert.deepEqual(res.json(), { imported: 1051, updated: 0, rejected: [], rejectedCount: 0 });

  const report = await getJson(
    t.app,
    admin,
    `/api/reports/summary?from=2018-01-01&to=2018-03-31&agency=${COMMUNE}&groupBy=field`,
  );
  const fields: { code: string; name: string }[] = (await getJson(t.app, {}, '/api/fields')).items;
  const names = new Map(fields.map((f) => [f.code, f.name]));
  const rows: { group: { code: string }; received: { total: number } }[] = report.rows;
  const byField = new Map(rows.map((r) => [r.group.code, r]));
  assert.equal(report.rows.length, 4);
  for (const f of COMMUNE_2018) {
    const onTime = f.count - f.late;
    const mine = lines.filter((l) => String(l.externalId).startsWith(`QL2018-${f.field}-`));
    assert.deepEqual(byField.get(f.field), {
      group: { code: f.field, name: names.get(f.field) },
      received: { carriedOver: 0, ...byChannel(mine), total: f.count },
      resolved: { early: f.hours ? 0 : onTime, onTime: f.hours ? onTime : 0, late: f.late, total: f.count },
      inProgress: { withinDeadline: 0, overdue: 0, total: 0 },
      withdrawn: 0,
      refused: 0,
      onTimeRate: onTime / f.count,
    });
  }
  const civilAndJudicial = ['HO_TICH', 'CHUNG_THUC'].map((c) => byField.get(c)!.received.total);
  assert.equal(civilAndJudicial[0] + civilAndJudicial[1], 1019);
  assert.deepEqual(report.received, { carriedOver: 0, ...byChannel(lines), total: 1051 });
  assert.deepEqual(report.resolved, { early: 26, onTime: 924, late: 101, total: 1051 });
  assert.equal(report.onTimeRate, 950 / 1051);
  assert.ok(report.onTimeRate > 0.9);
});
