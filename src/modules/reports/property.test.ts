import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { createTestApp, loginAs, type TestApp } from '../../../test/harness';
import { addDays } from '../calendar/dates';
import {
  METRICS,
  ZERO,
  addCounts,
  classifyOpen,
  classifyResolution,
  metricValue,
  periodOf,
  summaryOf,
  TIMELINESS_COLUMN,
  type Counts,
  type Period,
  type Summary,
} from './rules';
import { NO_HOLDER } from './schema';
import type { DossierStatisticsColumns } from './tables';
import {
  CERTIFY,
  COMMUNE,
  FESTIVAL,
  MARITAL_STATUS,
  OTHER_WARD,
  PROVINCE,
  WARD,
  getJson,
  importNdjson,
  liveDossiers,
  ndjson,
  plusMinutes,
  vn,
} from './test-fixtures';

/**
 * For random dossier sets, periods and filters: received − resolved − withdrawn = in progress, the
 * summary equals a recount of the dossiers by the rules, and every number's drill-down lists exactly
 * that many dossiers. Each run re-imports some of the same external ids with new values, so the
 * aggregate's updates are exercised as much as its inserts; live dossiers are in the set too.
 */

let t: TestApp;
let admin: Record<string, string>;

before(async () => {
  t = await createTestApp();
  admin = await loginAs(t.app, 'admin');
  await liveDossiers(t.app, t.db);
});
after(() => t.close());

const BASE = '2024-01-01';
const dossier = fc.record({
  id: fc.integer({ min: 0, max: 39 }),
  // The province receives dossiers of its own too: its row must not count its wards'.
  agency: fc.constantFrom(WARD, OTHER_WARD, COMMUNE, PROVINCE),
  procedure: fc.constantFrom(MARITAL_STATUS, CERTIFY, FESTIVAL),
  channel: fc.constantFrom('direct', 'online', 'postal'),
  day: fc.integer({ min: 0, max: 150 }),
  // Midnight and whole days often: the boundaries of periods are where off-by-one errors live.
  minute: fc.oneof(fc.constant(0), fc.constant(24 * 60 - 1), fc.integer({ min: 0, max: 24 * 60 - 1 })),
  dueAfter: fc.option(fc.integer({ min: 0, max: 15 * 24 * 60 })),
  end: fc.constantFrom('open', 'resolved', 'returned', 'withdrawn'),
  closeAfter: fc.oneof(
    fc.constant(0),
    fc.integer({ min: 1, max: 40 }).map((n) => n * 24 * 60),
    fc.integer({ min: 0, max: 40 * 24 * 60 }),
  ),
});
type Generated = typeof dossier extends fc.Arbitrary<infer T> ? T : never;

function line(d: Generated) {
  const receivedAt = plusMinutes(vn(addDays(BASE, d.day), '00:00'), d.minute);
  const closedAt = plusMinutes(receivedAt, d.closeAfter);
  return {
    externalId: `P-${d.id}`,
    agency: d.agency,
    procedure: d.procedure,
    channel: d.channel,
    receivedAt,
    ...(d.dueAfter === null ? {} : { dueAt: plusMinutes(receivedAt, d.dueAfter) }),
    ...(d.end === 'withdrawn' ? { withdrawnAt: closedAt } : {}),
    ...(d.end === 'resolved' || d.end === 'returned' ? { resolvedAt: closedAt } : {}),
    ...(d.end === 'returned' ? { returnedAt: plusMinutes(closedAt, 60) } : {}),
  };
}

const today = new Date().toISOString().slice(0, 10);
/** A dossier set and a period: often starting or ending on a day some dossier starts or ends. */
const setAndDays = fc.array(dossier, { minLength: 1, maxLength: 20 }).chain((set) => {
  const near = set.flatMap((d) => [d.day, d.day + Math.floor((d.minute + d.closeAfter) / (24 * 60))]);
  return fc.tuple(
    fc.constant(set),
    fc.oneof(
      { arbitrary: fc.constantFrom(...near), weight: 3 },
      { arbitrary: fc.integer({ min: -10, max: 1100 }), weight: 1 },
    ),
    fc.oneof(
      { arbitrary: fc.constantFrom(...near.map((n) => n - 1)), weight: 3 },
      { arbitrary: fc.integer({ min: 0, max: 400 }), weight: 1 },
    ),
  );
});
const filters = fc.record({
  agency: fc.constantFrom(PROVINCE, PROVINCE, WARD, COMMUNE),
  channel: fc.option(fc.constantFrom('direct', 'online', 'postal'), { freq: 3 }),
  groupBy: fc.option(fc.constantFrom('agency', 'unit', 'field', 'procedure', 'officer', 'channel')),
});

/** The rules applied to the stored dossiers one by one: what the summary must say. */
async function recount(p: Period, agencyCode: string, channel: string | null): Promise<Summary> {
  const scope = await t.db
    .selectFrom('agencies')
    .select('path')
    .where('code', '=', agencyCode)
    .executeTakeFirstOrThrow();
  let q = t.db
    .withTables<{ dossiers: DossierStatisticsColumns }>()
    .selectFrom('dossiers as d')
    .innerJoin('agencies as a', 'a.id', 'd.agency_id')
    .selectAll('d')
    .where('a.path', 'like', `${scope.path}%`);
  if (channel) q = q.where('d.channel', '=', channel);
  let counts: Counts = ZERO;
  const inPeriod = (x: Date | null) => x !== null && x >= p.start && x < p.end;
  const openAt = (x: Date, accepted: Date, closed: Date | null) => accepted < x && (closed === null || closed >= x);
  for (const d of await q.execute()) {
    if (inPeriod(d.refused_at)) counts = addCounts(counts, { refused: 1 });
    const accepted = d.accepted_at;
    if (accepted === null) continue;
    const closed = d.resolved_at ?? d.withdrawn_at;
    if (openAt(p.start, accepted, closed)) counts = addCounts(counts, { carriedOver: 1 });
    if (inPeriod(accepted)) counts = addCounts(counts, { [d.channel as 'direct']: 1 });
    if (inPeriod(d.resolved_at)) {
      const timeliness = classifyResolution(d.resolved_at!, d.original_due_at!);
      assert.equal(d.resolution_timeliness, TIMELINESS_COLUMN[timeliness]);
      counts = addCounts(counts, { [timeliness]: 1 });
    }
    if (inPeriod(d.withdrawn_at)) counts = addCounts(counts, { withdrawn: 1 });
    if (openAt(p.end, accepted, closed)) counts = addCounts(counts, { [classifyOpen(d.original_due_at, p.end)]: 1 });
  }
  return summaryOf(counts);
}

const countsOf = (s: Summary): Counts => ({
  carriedOver: s.received.carriedOver,
  online: s.received.online,
  direct: s.received.direct,
  postal: s.received.postal,
  early: s.resolved.early,
  onTime: s.resolved.onTime,
  late: s.resolved.late,
  withinDeadline: s.inProgress.withinDeadline,
  overdue: s.inProgress.overdue,
  withdrawn: s.withdrawn,
  refused: s.refused,
});

const identity = (s: Summary) => s.received.total - s.resolved.total - s.withdrawn === s.inProgress.total;

const CLASSIFIED: Partial<Record<(typeof METRICS)[number], string>> = {
  'resolved.early': 'early',
  'resolved.onTime': 'onTime',
  'resolved.late': 'late',
  'inProgress.withinDeadline': 'withinDeadline',
  'inProgress.overdue': 'overdue',
};

type Group = { code: string | null; agency?: string };

/**
 * The filters that narrow a drill-down to one row's group, as the dashboard's table links it (web
 * GroupTable `groupFilter`). A row of an agency or of one of its units counts that agency's own
 * dossiers, so the filter leaves its subtree out. The "none" row of units or officers (every imported
 * dossier is in it) is named by `NO_HOLDER`, across the whole scope as the row counts it.
 */
function groupFilter(groupBy: string, group: Group): Record<string, string> {
  if (group.code === null) {
    assert.ok(groupBy === 'unit' || groupBy === 'officer', `a "none" row grouped by ${groupBy}`);
    return { [groupBy]: NO_HOLDER };
  }
  if (groupBy === 'agency') return { agency: group.code, agencyOnly: 'true' };
  if (groupBy === 'unit') {
    return { unit: group.code, ...(group.agency ? { agency: group.agency, agencyOnly: 'true' } : {}) };
  }
  return { [groupBy]: group.code };
}

/** Every number of `s` drills down to a list of exactly that many dossiers, classified as it says. */
async function assertDrillsDown(s: Summary, query: URLSearchParams) {
  for (const metric of METRICS) {
    const list = await getJson(t.app, admin, `/api/reports/summary/dossiers?metric=${metric}&${query}&pageSize=500`);
    assert.equal(list.total, metricValue(s, metric), `${metric} ${query}`);
    assert.equal(list.items.length, list.total, `${metric} ${query}`);
    const expected = CLASSIFIED[metric];
    if (expected) for (const d of list.items) assert.equal(d.classification, expected, `${metric} ${d.code}`);
  }
}

test('the summary balances, matches a recount by the rules, and every number, of the total and of each group, drills down to as many dossiers', async () => {
  await fc.assert(
    fc.asyncProperty(setAndDays, filters, async ([set, start, last], f) => {
      const res = await importNdjson(t.app, admin, ndjson(set.map(line)));
      assert.equal(res.statusCode, 200, res.body);
      assert.deepEqual(res.json().rejected, []);
      const from = addDays(BASE, start);
      // Half the periods end today, so the live dossiers are in them.
      const to = start % 2 === 0 ? [from, addDays(BASE, last)].sort()[1] : [from, today].sort()[1];
      const query = new URLSearchParams({ from, to, agency: f.agency, ...(f.channel ? { channel: f.channel } : {}) });
      const grouped = f.groupBy ? `&groupBy=${f.groupBy}` : '';
      const s = await getJson(t.app, admin, `/api/reports/summary?${query}${grouped}`);
      const { rows, ...total } = s as Summary & { rows?: Summary[] };
      assert.ok(identity(total), JSON.stringify(total));
      assert.deepEqual(total, await recount(periodOf(from, to), f.agency, f.channel));
      if (rows) {
        for (const r of rows) assert.ok(identity(r), JSON.stringify(r));
        assert.deepEqual(summaryOf(rows.map(countsOf).reduce(addCounts, ZERO)), total);
      }
      await assertDrillsDown(total, query);
      // A row's numbers drill down too, with its group's filter added (as the dashboard links them).
      for (const r of (rows ?? []) as (Summary & { group: Group })[]) {
        const extra = groupFilter(f.groupBy!, r.group);
        await assertDrillsDown(r, new URLSearchParams({ ...Object.fromEntries(query), ...extra }));
      }
    }),
    { numRuns: 30 },
  );
});
