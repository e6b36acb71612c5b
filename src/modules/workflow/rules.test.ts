import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { workCalendar, workingMinutesBetween } from '../calendar/rules';
import type { Principal } from '../identity/rules';
import {
  apologyActor,
  assignActor,
  checkNewAppointment,
  decidingStep,
  durationMinutes,
  endOfRun,
  leastLoaded,
  planDueTimes,
  resumedAppointments,
  sendBackTarget,
  stepActor,
  urgency,
  type Step,
  type StepRole,
} from './rules';

const cal = workCalendar({ overrides: [] });
const at = (iso: string) => new Date(iso);
const iso = (d: Date) => d.toISOString();

const WARD = { id: 9, path: '/1/9/' };
const DEPT = { id: 4, path: '/1/4/' };
function step(seq: number, role: StepRole, unitId: number, agency = WARD, assignee: number | null = null): Step {
  return {
    seq,
    name: `Bước ${seq}`,
    agencyId: agency.id,
    agencyPath: agency.path,
    unitId,
    role,
    minutes: 60,
    assigneeUserId: assignee,
    startedAt: null,
    dueAt: at('2026-03-02T03:00:00Z'),
    completedAt: null,
  };
}
const LAND = [
  step(1, 'reception', 41),
  step(2, 'specialist', 42),
  step(3, 'unit_leader', 42),
  step(4, 'specialist', 61, DEPT),
  step(5, 'unit_leader', 61, DEPT),
  step(6, 'agency_leader', 45),
  step(7, 'reception', 41),
];
const principal = (userId: number, grants: [string, string, number | null][]): Principal => ({
  userId,
  username: `u${userId}`,
  fullName: `Cán bộ ${userId}`,
  grants: grants.map(([role, agencyPath, unitId]) => ({
    role: role as Principal['grants'][number]['role'],
    agencyId: Number(agencyPath.split('/')[2]),
    agencyCode: 'X',
    agencyPath,
    unitId,
  })),
});

test('durations: a working day counts 8 working hours (catalogue-format.md)', () => {
  assert.deepEqual(
    [durationMinutes({ value: 2, unit: 'working_days' }), durationMinutes({ value: 4, unit: 'working_hours' })],
    [960, 240],
  );
});

test('planned steps run one after another in office time and never past the appointment', () => {
  const steps = [
    { agencyId: 9, minutes: 240 },
    { agencyId: 9, minutes: 480 },
    { agencyId: 9, minutes: 480 },
  ];
  // Friday 13/2/2026 14:00: 3 h left that day, then Tết; the third step is capped by the appointment.
  const dues = planDueTimes(steps, at('2026-02-13T14:00:00+07:00'), at('2026-02-24T17:00:00+07:00'), () => cal);
  assert.deepEqual(dues.map(iso), ['2026-02-23T01:30:00.000Z', '2026-02-24T02:00:00.000Z', '2026-02-24T10:00:00.000Z']);
});

test('the run of a liên thông part ends at the last consecutive step of its agency', () => {
  assert.deepEqual(
    [
      endOfRun(LAND, LAND[3]).seq,
      endOfRun(LAND, LAND[4]).seq,
      endOfRun(LAND, LAND[5]).seq,
      endOfRun(LAND, LAND[0]).seq,
    ],
    [5, 5, 7, 3],
  );
});

test('only the holder acts: the assigned specialist, or anyone with a desk or leader step’s role in its unit', () => {
  const assigned = step(2, 'specialist', 42, WARD, 7);
  assert.deepEqual(stepActor(principal(7, [['specialist', '/1/9/', 42]]), assigned), {
    userId: 7,
    role: 'specialist',
    unitId: 42,
    agencyId: 9,
  });
  assert.throws(() => stepActor(principal(8, [['specialist', '/1/9/', 42]]), assigned), { code: 'FORBIDDEN' });
  assert.throws(() => stepActor(principal(7, [['specialist', '/1/9/', 43]]), assigned), { code: 'FORBIDDEN' });
  assert.throws(() => stepActor(principal(7, [['specialist', '/1/9/', 42]]), step(2, 'specialist', 42)), {
    code: 'STEP_NOT_ASSIGNED',
  });
  // A leader's step is the unit's; a grant without a unit covers its agency's subtree.
  assert.equal(stepActor(principal(5, [['agency_leader', '/1/9/', 45]]), LAND[5]).role, 'agency_leader');
  assert.equal(stepActor(principal(5, [['unit_leader', '/1/', null]]), LAND[4]).agencyId, 4);
  assert.throws(() => stepActor(principal(5, [['agency_leader', '/1/9/', 45]]), LAND[4]), { code: 'FORBIDDEN' });
  assert.equal(assignActor(principal(3, [['unit_leader', '/1/4/', 61]]), LAND[3]).role, 'unit_leader');
  assert.throws(() => assignActor(principal(3, [['unit_leader', '/1/4/', 61]]), LAND[4]), {
    code: 'STEP_NOT_ASSIGNABLE',
  });
  assert.throws(() => assignActor(principal(3, [['unit_leader', '/1/9/', 42]]), LAND[3]), { code: 'FORBIDDEN' });
});

test('a send-back goes to an earlier step; a proposed rejection to the next agency leader, else unit leader', () => {
  assert.equal(sendBackTarget(LAND, LAND[3], 2).seq, 2);
  assert.throws(() => sendBackTarget(LAND, LAND[3], 4), { field: 'toStep' });
  assert.throws(() => sendBackTarget(LAND, LAND[3], 9), { field: 'toStep' });
  assert.deepEqual([decidingStep(LAND, LAND[1]).seq, decidingStep(LAND, LAND[3]).seq], [6, 6]);
  const noSigner = [step(1, 'reception', 41), step(2, 'specialist', 42), step(3, 'unit_leader', 42)];
  assert.equal(decidingStep(noSigner, noSigner[1]).seq, 3);
  assert.throws(() => decidingStep(noSigner, noSigner[2]), { code: 'NO_DECIDING_STEP' });
});

test('auto-assignment picks the fewest open steps, the lowest id among equals', () => {
  assert.equal(
    leastLoaded([
      { userId: 12, load: 2 },
      { userId: 15, load: 1 },
      { userId: 11, load: 1 },
    ]),
    11,
  );
  assert.equal(leastLoaded([]), null);
});

test('after a supplement the clock restarts in full from the resubmission, or resumes with the time left', () => {
  const deadline = { value: 4, unit: 'working_hours' as const };
  const current = { dueAt: at('2026-03-03T14:00:00+07:00'), originalDueAt: at('2026-03-03T14:00:00+07:00') };
  const pausedAt = at('2026-03-03T09:00:00+07:00');
  // Resubmitted Thursday 16:00, after the cut-off: a restart counts from Friday's opening.
  const restarted = resumedAppointments(cal, 'restart', deadline, pausedAt, at('2026-03-05T16:00:00+07:00'), current);
  assert.deepEqual(
    [iso(restarted.dueAt), iso(restarted.originalDueAt)],
    ['2026-03-06T04:30:00.000Z', '2026-03-06T04:30:00.000Z'],
  );
  // Resumed: 3 h were left (09:00–11:30, 13:30–14:00); from 16:00 that is 1 h on Thursday, 2 h on Friday.
  const resumed = resumedAppointments(cal, 'resume', deadline, pausedAt, at('2026-03-05T16:00:00+07:00'), current);
  assert.deepEqual(
    [iso(resumed.dueAt), iso(resumed.originalDueAt)],
    ['2026-03-06T02:30:00.000Z', '2026-03-06T02:30:00.000Z'],
  );
});

test('property: a resumed clock has exactly the office time left when it stopped', () => {
  const instant = fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2026, 11, 31) }).map((ms) => new Date(ms));
  const minutes = fc.integer({ min: 0, max: 60 * 24 * 40 }).map((m) => m * 60_000);
  fc.assert(
    fc.property(instant, minutes, minutes, (pausedAt, dueIn, pausedFor) => {
      const due = new Date(pausedAt.getTime() + dueIn);
      const now = new Date(pausedAt.getTime() + pausedFor);
      const next = resumedAppointments(cal, 'resume', { value: 1, unit: 'working_days' }, pausedAt, now, {
        dueAt: due,
        originalDueAt: due,
      });
      assert.equal(workingMinutesBetween(cal, now, next.dueAt), workingMinutesBetween(cal, pausedAt, due));
      assert.ok(next.dueAt.getTime() >= now.getTime());
    }),
    { numRuns: 300 },
  );
});

test('an apology: a later appointment on a working day, by a leader of the holder or of the receiving agency, or its desk', () => {
  const due = at('2026-03-04T14:00:00+07:00');
  assert.throws(() => checkNewAppointment(cal, due, due), { field: 'newDueAt' });
  assert.throws(() => checkNewAppointment(cal, due, at('2026-03-07T10:00:00+07:00')), { field: 'newDueAt' });
  assert.doesNotThrow(() => checkNewAppointment(cal, due, at('2026-03-05T17:00:00+07:00')));
  const parties = { holderAgencyPath: '/1/4/', agencyPath: '/1/9/' };
  assert.equal(apologyActor(principal(1, [['agency_leader', '/1/4/', 70]]), parties).agencyId, 4);
  assert.equal(apologyActor(principal(1, [['reception', '/1/9/', 41]]), parties).role, 'reception');
  assert.throws(() => apologyActor(principal(1, [['reception', '/1/4/', 60]]), parties), { code: 'FORBIDDEN' });
  assert.throws(() => apologyActor(principal(1, [['specialist', '/1/9/', 42]]), parties), { code: 'FORBIDDEN' });
});

test('inbox flags: due soon within one working day, overdue once the due time has passed', () => {
  const due = at('2026-03-09T09:00:00+07:00'); // Monday
  assert.deepEqual(urgency(cal, at('2026-03-05T16:00:00+07:00'), due), { overdue: false, dueSoon: false });
  assert.deepEqual(urgency(cal, at('2026-03-06T10:00:00+07:00'), due), { overdue: false, dueSoon: true });
  assert.deepEqual(urgency(cal, at('2026-03-09T09:00:01+07:00'), due), { overdue: true, dueSoon: false });
});
