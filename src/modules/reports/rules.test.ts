import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { AppError } from '../../shared/errors';
import { addDays, lastDayOfMonth } from '../calendar/dates';
import { importStatus, versionForReceipt, type ImportVersion } from './import-rules';
import {
  ZERO,
  classifyOpen,
  classifyResolution,
  countsByGroup,
  flowSources,
  periodOf,
  standingAtEnd,
  summaryOf,
  metricSources,
  metricValue,
  METRICS,
  type Metric,
} from './rules';
import type { ImportLine } from './schema';

const at = (s: string) => new Date(s);

test('a resolution is early before the appointment day, on time on that day to its end, late after', () => {
  const due = at('2025-03-14T17:00:00+07:00');
  assert.equal(classifyResolution(at('2025-03-13T16:59:00+07:00'), due), 'early');
  assert.equal(classifyResolution(at('2025-03-14T08:00:00+07:00'), due), 'onTime');
  assert.equal(classifyResolution(at('2025-03-14T23:59:59+07:00'), due), 'onTime');
  assert.equal(classifyResolution(at('2025-03-15T00:00:00+07:00'), due), 'late');
  // 16:30 UTC on the 14th is already the 15th in Vietnam: the days compare in Vietnam, not in UTC.
  assert.equal(classifyResolution(at('2025-03-14T17:30:00Z'), due), 'late');
  // A deadline in working hours: due at 10:30, resolved at 15:00 the same day is still on time.
  assert.equal(classifyResolution(at('2025-03-14T15:00:00+07:00'), at('2025-03-14T10:30:00+07:00')), 'onTime');
});

test('an open dossier is overdue at the end of a period once its appointment day is over', () => {
  const end = periodOf('2025-03-01', '2025-03-14').end;
  assert.equal(classifyOpen(at('2025-03-14T17:00:00+07:00'), end), 'overdue');
  assert.equal(classifyOpen(at('2025-03-15T08:00:00+07:00'), end), 'withinDeadline');
  assert.equal(classifyOpen(null, end), 'withinDeadline');
});

test('judged at the same instant, an open dossier is overdue exactly when resolving it then would be late', () => {
  const instant = fc.integer({ min: Date.UTC(2010, 0, 1), max: Date.UTC(2040, 0, 1) }).map((ms) => new Date(ms));
  fc.assert(
    fc.property(instant, instant, (due, now) => {
      assert.equal(classifyOpen(due, now) === 'overdue', classifyResolution(now, due) === 'late');
    }),
  );
});

test('a period runs from 00:00 of from to the end of to, Vietnam time; bad dates are 400 naming the field', () => {
  const p = periodOf('2015-01-01', '2015-12-31');
  assert.equal(p.start.toISOString(), '2014-12-31T17:00:00.000Z');
  assert.equal(p.end.toISOString(), '2015-12-31T17:00:00.000Z');
  assert.throws(
    () => periodOf('2015-02-30', '2015-03-01'),
    (e: AppError) => e.status === 400 && e.field === 'from',
  );
  assert.throws(
    () => periodOf('2015-03-02', '2015-03-01'),
    (e: AppError) => e.status === 400 && e.field === 'to',
  );
});

test('the summary adds up its parts; the on-time rate is null when nothing was resolved', () => {
  const s = summaryOf({ ...ZERO, carriedOver: 2, online: 3, direct: 4, postal: 1, early: 3, onTime: 4, late: 1 });
  assert.deepEqual(s, {
    received: { carriedOver: 2, online: 3, direct: 4, postal: 1, total: 10 },
    resolved: { early: 3, onTime: 4, late: 1, total: 8 },
    inProgress: { withinDeadline: 0, overdue: 0, total: 0 },
    withdrawn: 0,
    refused: 0,
    onTimeRate: 7 / 8,
  });
  assert.equal(summaryOf(ZERO).onTimeRate, null);
  assert.deepEqual(
    METRICS.map((m) => metricValue(s, m)),
    [2, 3, 4, 1, 10, 3, 4, 1, 8, 0, 0, 0, 0, 0],
  );
});

test('flows and backlogs land in their groups', () => {
  const groups = countsByGroup(
    [
      { key: 'A', metric: 'received', channel: 'online', n: 2 },
      { key: 'A', metric: 'resolved_on_time', channel: 'direct', n: 1 },
      { key: null, metric: 'refused', channel: 'online', n: 4 },
    ],
    [{ key: 'B', total: 3 }],
    [{ key: 'A', total: 5, overdue: 2 }],
  );
  assert.deepEqual(groups.get('A'), { ...ZERO, online: 2, onTime: 1, withinDeadline: 3, overdue: 2 });
  assert.deepEqual(groups.get('B'), { ...ZERO, carriedOver: 3 });
  assert.deepEqual(groups.get(null), { ...ZERO, refused: 4 });
});

test('a listed dossier shows where it stood at the end of the period', () => {
  const end = periodOf('2025-01-01', '2025-01-31').end;
  const base = { acceptedAt: at('2025-01-02T08:00:00+07:00'), resolvedAt: null, withdrawnAt: null };
  const due = at('2025-01-10T17:00:00+07:00');
  assert.equal(standingAtEnd({ ...base, originalDueAt: due }, end), 'overdue');
  assert.equal(standingAtEnd({ ...base, originalDueAt: at('2025-02-03T17:00:00+07:00') }, end), 'withinDeadline');
  assert.equal(
    standingAtEnd({ ...base, resolvedAt: at('2025-01-09T10:00:00+07:00'), originalDueAt: due }, end),
    'early',
  );
  // Resolved after the period: still open (and overdue) at its end.
  assert.equal(
    standingAtEnd({ ...base, resolvedAt: at('2025-02-05T10:00:00+07:00'), originalDueAt: due }, end),
    'overdue',
  );
  assert.equal(standingAtEnd({ ...base, withdrawnAt: at('2025-01-05T10:00:00+07:00'), originalDueAt: due }, end), null);
  assert.equal(standingAtEnd({ ...base, acceptedAt: null, originalDueAt: null }, end), null);
});

const line = (l: Partial<ImportLine>): ImportLine => ({
  externalId: 'X1',
  agency: 'A',
  procedure: 'P',
  channel: 'direct',
  receivedAt: at('2018-01-02T08:00:00+07:00'),
  ...l,
});
const fails = (l: Partial<ImportLine>, field: string) =>
  assert.throws(
    () => importStatus(line(l)),
    (e: AppError) => e.status === 400 && e.field === field,
  );

test('an imported status follows the times: withdrawn, returned, resolved, else in progress', () => {
  const t = (h: number) => at(`2018-01-0${h}T09:00:00+07:00`);
  assert.equal(importStatus(line({})), 'in_progress');
  assert.equal(importStatus(line({ status: 'supplement_requested' })), 'supplement_requested');
  assert.equal(importStatus(line({ resolvedAt: t(3) })), 'resolved');
  assert.equal(importStatus(line({ resolvedAt: t(3), returnedAt: t(4) })), 'returned');
  assert.equal(importStatus(line({ withdrawnAt: t(3), status: 'withdrawn' })), 'withdrawn');
  fails({ resolvedAt: t(3), withdrawnAt: t(4) }, 'withdrawnAt');
  fails({ returnedAt: t(4) }, 'resolvedAt');
  fails({ resolvedAt: at('2018-01-01T09:00:00+07:00') }, 'resolvedAt');
  fails({ resolvedAt: t(4), returnedAt: t(3) }, 'returnedAt');
  fails({ dueAt: at('2017-12-29T17:00:00+07:00') }, 'dueAt');
  fails({ resolvedAt: t(3), status: 'in_progress' }, 'status');
});

const version = (seq: number, effectiveFrom: string, decisionType = 'new'): ImportVersion => ({
  id: seq,
  procedureId: 1,
  seq,
  effectiveFrom,
  decisionType,
  name: `v${seq}`,
  fieldCode: 'F',
  deadline: { value: 3, unit: 'working_days' },
  clockOnResume: 'restart',
});

test('an import follows the version in force at receipt, the first one for older records, none once abolished', () => {
  const versions = [version(1, '2025-07-01'), version(2, '2026-01-01', 'amended')];
  assert.equal(versionForReceipt(versions, at('2015-06-01T09:00:00+07:00'))?.seq, 1);
  assert.equal(versionForReceipt(versions, at('2025-12-31T23:00:00+07:00'))?.seq, 1);
  assert.equal(versionForReceipt(versions, at('2025-12-31T17:30:00Z'))?.seq, 2);
  const abolished = [...versions, version(3, '2027-01-01', 'abolished')];
  assert.equal(versionForReceipt(abolished, at('2027-03-01T09:00:00+07:00')), null);
});

test('a period still running ends now: an open dossier due later today is within its deadline', () => {
  const now = new Date('2026-11-26T01:30:00+07:00');
  const today = periodOf('2026-11-01', '2026-11-26', now);
  assert.equal(today.end.toISOString(), now.toISOString());
  assert.equal(classifyOpen(new Date('2026-11-26T11:30:00+07:00'), today.end), 'withinDeadline');
  assert.equal(classifyOpen(new Date('2026-11-25T17:00:00+07:00'), today.end), 'overdue');
  const past = periodOf('2026-10-01', '2026-10-31', now);
  assert.equal(past.end.toISOString(), new Date('2026-11-01T00:00:00+07:00').toISOString());
});

test('flows sum whole months from the roll-up and the days around them from the daily rows, each day once', () => {
  assert.deepEqual(flowSources('2025-01-15', '2025-03-10'), {
    months: { first: '2025-02-01', last: '2025-02-01' },
    days: [
      { from: '2025-01-15', to: '2025-01-31' },
      { from: '2025-03-01', to: '2025-03-10' },
    ],
  });
  assert.deepEqual(flowSources('2025-01-01', '2025-12-31'), {
    months: { first: '2025-01-01', last: '2025-12-01' },
    days: [],
  });
  assert.deepEqual(flowSources('2024-02-03', '2024-02-27'), {
    months: null,
    days: [{ from: '2024-02-03', to: '2024-02-27' }],
  });
  // Any period of up to 15 months starting in 2023–2024: each of its days exactly once.
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 730 }), fc.integer({ min: 0, max: 460 }), (start, length) => {
      const from = addDays('2023-01-01', start);
      const to = addDays(from, length);
      const { months, days } = flowSources(from, to);
      const covered = days.flatMap((r) => daysBetween(r.from, r.to));
      for (let m = months?.first; months && m && m <= months.last; m = addDays(lastDayOfMonth(m.slice(0, 7)), 1)) {
        assert.equal(m.slice(8), '01');
        covered.push(...daysBetween(m, lastDayOfMonth(m.slice(0, 7))));
      }
      assert.deepEqual(covered.sort(), daysBetween(from, to));
    }),
  );
});

function daysBetween(from: string, to: string): string[] {
  const out = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}

/** Arbitrary rows of the three sources of a summary, for one group. */
const sources = fc.record({
  flows: fc.array(
    fc.record({
      key: fc.constant('A'),
      metric: fc.constantFrom(
        'received',
        'resolved_early',
        'resolved_on_time',
        'resolved_late',
        'withdrawn',
        'refused',
      ),
      channel: fc.constantFrom('online', 'direct', 'postal'),
      n: fc.integer({ min: 1, max: 50 }),
    }),
  ),
  start: fc.array(fc.record({ key: fc.constant('A'), total: fc.integer({ min: 1, max: 50 }) }), { maxLength: 2 }),
  end: fc.array(
    fc
      .integer({ min: 1, max: 50 })
      .chain((total) =>
        fc.record({ key: fc.constant('A'), total: fc.constant(total), overdue: fc.integer({ min: 0, max: total }) }),
      ),
    { maxLength: 2 },
  ),
});
type Sources = {
  flows: Parameters<typeof countsByGroup>[0];
  start: { key: string; total: number }[];
  end: { key: string; total: number; overdue: number }[];
};
const valueOf = (metric: Metric, x: Sources) =>
  metricValue(summaryOf(countsByGroup(x.flows, x.start, x.end).get('A') ?? ZERO), metric);

test('property: a metric read from only the sources it is made of has the summary’s value', () => {
  fc.assert(
    fc.property(sources, fc.constantFrom(...METRICS), (x, metric) => {
      const need = metricSources(metric);
      const only = {
        flows: need.flows ? x.flows : [],
        start: need.openAtStart ? x.start : [],
        end: need.openAtEnd ? x.end : [],
      };
      assert.equal(valueOf(metric, only), valueOf(metric, x));
    }),
  );
});

test('each source a metric names counts: leaving it out changes the number', () => {
  const x: Sources = {
    flows: [
      { key: 'A', metric: 'received', channel: 'online', n: 1 },
      { key: 'A', metric: 'received', channel: 'direct', n: 1 },
      { key: 'A', metric: 'received', channel: 'postal', n: 1 },
      { key: 'A', metric: 'resolved_early', channel: 'direct', n: 1 },
      { key: 'A', metric: 'resolved_on_time', channel: 'direct', n: 1 },
      { key: 'A', metric: 'resolved_late', channel: 'direct', n: 1 },
      { key: 'A', metric: 'withdrawn', channel: 'direct', n: 1 },
      { key: 'A', metric: 'refused', channel: 'direct', n: 1 },
    ],
    start: [{ key: 'A', total: 1 }],
    end: [{ key: 'A', total: 2, overdue: 1 }],
  };
  for (const metric of METRICS) {
    const need = metricSources(metric);
    if (need.flows) assert.notEqual(valueOf(metric, { ...x, flows: [] }), valueOf(metric, x), metric);
    if (need.openAtStart) assert.notEqual(valueOf(metric, { ...x, start: [] }), valueOf(metric, x), metric);
    if (need.openAtEnd) assert.notEqual(valueOf(metric, { ...x, end: [] }), valueOf(metric, x), metric);
  }
});
