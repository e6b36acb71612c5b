import { AppError, forbidden, invalid } from '../../shared/errors';
import { localDayAndTime } from '../calendar/dates';
import {
  addWorkingMinutes,
  dueAt,
  isWorkingDay,
  workingMinutesBetween,
  type DeadlineUnit,
  type WorkCalendar,
} from '../calendar/rules';
import type { Actor } from '../dossiers/lifecycle';
import type { Role } from '../identity/roles';
import { pathWithin, type Principal, type RoleGrant } from '../identity/rules';

/**
 * The internal process (quy trình nội bộ), pure: step due times on the calendars of the agencies
 * holding them, who may act on a step, where a send-back or a proposed rejection goes, and how the
 * clock resumes after a supplement.
 */

export const STEP_ROLES = ['reception', 'specialist', 'unit_leader', 'agency_leader'] as const;
export type StepRole = (typeof STEP_ROLES)[number];

/** catalogue-format.md: step durations count one working day as 8 working hours. */
export const WORKING_DAY_MINUTES = 8 * 60;

export function durationMinutes(d: { value: number; unit: string }): number {
  return d.unit === 'working_days' ? d.value * WORKING_DAY_MINUTES : d.value * 60;
}

/** A step of a dossier as the rules see it. */
export type Step = {
  seq: number;
  name: string;
  agencyId: number;
  agencyPath: string;
  unitId: number;
  role: StepRole;
  minutes: number;
  assigneeUserId: number | null;
  startedAt: Date | null;
  dueAt: Date;
  completedAt: Date | null;
};

/** The calendar of each agency the steps belong to, loaded beforehand. */
export type Calendars = (agencyId: number) => WorkCalendar;

const earlier = (a: Date, b: Date) => (a.getTime() <= b.getTime() ? a : b);

/**
 * The due time of a step started at `start`: its duration in office time of its agency's calendar,
 * never after the dossier's appointment `cap`, so the last step cannot outlast the dossier.
 */
export function stepDueAt(cal: WorkCalendar, start: Date, minutes: number, cap: Date): Date {
  return earlier(addWorkingMinutes(cal, start, minutes), cap);
}

/** Planned due times of steps run one after another from `start`, each capped by the appointment. */
export function planDueTimes(
  steps: readonly { agencyId: number; minutes: number }[],
  start: Date,
  cap: Date,
  calendars: Calendars,
): Date[] {
  let t = start;
  return steps.map((s) => (t = stepDueAt(calendars(s.agencyId), t, s.minutes, cap)));
}

/** The last step of the run of consecutive steps at `from`'s agency: where that agency's part ends. */
export function endOfRun<T extends { seq: number; agencyId: number }>(steps: readonly T[], from: T): T {
  let last = from;
  for (const s of steps) {
    if (s.seq <= last.seq) continue;
    if (s.seq !== last.seq + 1 || s.agencyId !== from.agencyId) break;
    last = s;
  }
  return last;
}

function grantFor(p: Principal, role: Role, step: { agencyPath: string; unitId: number }): RoleGrant | undefined {
  return p.grants.find(
    (g) =>
      g.role === role && pathWithin(step.agencyPath, g.agencyPath) && (g.unitId === null || g.unitId === step.unitId),
  );
}

/**
 * Who may act on the current step: a specialist step is personal work, only its assigned officer acts
 * on it; a desk or leader step is its unit's, any officer holding the step's role in that unit acts.
 * Everyone else gets 403; an unassigned specialist step waits for its unit leader (409).
 */
export function stepActor(p: Principal, step: Step): Actor {
  if (!grantFor(p, step.role, step)) throw forbidden();
  if (step.role === 'specialist') {
    if (step.assigneeUserId === null) {
      throw new AppError(
        'STEP_NOT_ASSIGNED',
        409,
        `Bước "${step.name}" chưa được lãnh đạo phòng phân công`,
        `The step "${step.name}" waits for its unit leader to assign it`,
      );
    }
    if (step.assigneeUserId !== p.userId) throw forbidden();
  }
  return { userId: p.userId, role: step.role, unitId: step.unitId, agencyId: step.agencyId };
}

/** Assignment is the unit leader's, in the step's unit, and concerns specialist steps. */
export function assignActor(p: Principal, step: Step): Actor {
  if (!grantFor(p, 'unit_leader', step)) throw forbidden();
  if (step.role !== 'specialist') {
    throw new AppError(
      'STEP_NOT_ASSIGNABLE',
      409,
      `Bước "${step.name}" do cả bộ phận xử lý, không phân công cho một cán bộ`,
      `The step "${step.name}" is its unit's work and is not assigned to one officer`,
    );
  }
  return { userId: p.userId, role: 'unit_leader', unitId: step.unitId, agencyId: step.agencyId };
}

/** An action that does not fit the current step's role, e.g. "approve" on a specialist's step. */
export function requireStepRole(step: Step, roles: readonly Role[], action: { vi: string; en: string }): void {
  if (roles.includes(step.role)) return;
  throw new AppError(
    'STEP_ACTION_NOT_ALLOWED',
    409,
    `Không thể ${action.vi.toLowerCase()} ở bước "${step.name}"`,
    `Cannot "${action.en}" at the step "${step.name}"`,
    undefined,
    { step: step.seq, role: step.role },
  );
}

/** The step after the current one; the last step ends with the result (409 otherwise). */
export function nextStep(steps: readonly Step[], current: Step): Step {
  const next = steps.find((s) => s.seq === current.seq + 1);
  if (next) return next;
  throw new AppError(
    'LAST_STEP',
    409,
    `"${current.name}" là bước cuối của quy trình: hãy cập nhật kết quả giải quyết`,
    `"${current.name}" is the last step of the process: mark the result ready`,
  );
}

export function requireLastStep(steps: readonly Step[], current: Step): void {
  if (!steps.some((s) => s.seq > current.seq)) return;
  throw new AppError(
    'NOT_LAST_STEP',
    409,
    `Hồ sơ đang ở bước "${current.name}", chưa đến bước cuối của quy trình`,
    `The dossier is at "${current.name}", not at the last step of its process`,
  );
}

/** A send-back goes to an earlier step. */
export function sendBackTarget(steps: readonly Step[], current: Step, toStep: number): Step {
  const target = steps.find((s) => s.seq === toStep);
  if (target && target.seq < current.seq) return target;
  throw invalid(
    'toStep',
    `Chỉ trả lại được một bước trước bước hiện tại (1 đến ${current.seq - 1})`,
    `Only an earlier step can be sent back to (1 to ${current.seq - 1})`,
  );
}

/** A proposed rejection goes to who signs: the next agency leader step, else the next unit leader step. */
export function decidingStep(steps: readonly Step[], current: Step): Step {
  const after = steps.filter((s) => s.seq > current.seq);
  const step = after.find((s) => s.role === 'agency_leader') ?? after.find((s) => s.role === 'unit_leader');
  if (step) return step;
  throw new AppError(
    'NO_DECIDING_STEP',
    409,
    'Quy trình không còn bước lãnh đạo nào sau bước này để quyết định từ chối giải quyết',
    'No leader step follows this one in the process to decide a rejection',
  );
}

/** The least-loaded officer (fewest open steps), the lowest id among equals; null when there is none. */
export function leastLoaded(candidates: readonly { userId: number; load: number }[]): number | null {
  const sorted = [...candidates].sort((a, b) => a.load - b.load || a.userId - b.userId);
  return sorted[0]?.userId ?? null;
}

export type ClockOnResume = 'restart' | 'resume';

/** A due time moved by a stopped clock: the office time it had left at `pausedAt` now runs from `now`. */
export function shiftedDueAt(cal: WorkCalendar, pausedAt: Date, now: Date, due: Date): Date {
  return addWorkingMinutes(cal, now, workingMinutesBetween(cal, pausedAt, due));
}

/** A step's due time after a supplement: started again in full, or moved by the time paused; within the appointment. */
export function resumedStepDueAt(
  cal: WorkCalendar,
  policy: ClockOnResume,
  pausedAt: Date,
  now: Date,
  step: { dueAt: Date; minutes: number },
  cap: Date,
): Date {
  if (policy === 'restart') return stepDueAt(cal, now, step.minutes, cap);
  return earlier(shiftedDueAt(cal, pausedAt, now, step.dueAt), cap);
}

/**
 * The appointments after a supplement handed in at `now` (domain.md): restarted in full from the
 * resubmission with the receipt rules (the default), or, for a procedure configured so, moved by the
 * time the clock stood still. The original appointment follows, since the delay was the applicant's.
 */
export function resumedAppointments(
  cal: WorkCalendar,
  policy: ClockOnResume,
  deadline: { value: number; unit: DeadlineUnit },
  pausedAt: Date,
  now: Date,
  current: { dueAt: Date; originalDueAt: Date },
): { dueAt: Date; originalDueAt: Date } {
  if (policy === 'restart') {
    const due = dueAt(cal, now, deadline.value, deadline.unit);
    return { dueAt: due, originalDueAt: due };
  }
  return {
    dueAt: shiftedDueAt(cal, pausedAt, now, current.dueAt),
    originalDueAt: shiftedDueAt(cal, pausedAt, now, current.originalDueAt),
  };
}

/** Mẫu 04: the new appointment is later than the one in force, on a working day of the receiving agency. */
export function checkNewAppointment(cal: WorkCalendar, currentDue: Date, newDue: Date): void {
  if (newDue.getTime() <= currentDue.getTime()) {
    throw invalid(
      'newDueAt',
      'Ngày hẹn trả kết quả mới phải sau ngày hẹn hiện tại',
      'The new appointment must be later than the current one',
    );
  }
  if (!isWorkingDay(cal, localDayAndTime(newDue).date)) {
    throw invalid(
      'newDueAt',
      'Ngày hẹn trả kết quả mới phải là ngày làm việc',
      'The new appointment must be a working day',
    );
  }
}

/**
 * An apology is issued by the leader of the agency holding the dossier or of the receiving agency, or by
 * the receiving desk that gave the appointment (Decree 61/2018, art. 19: through the desk).
 */
export function apologyActor(p: Principal, parties: { holderAgencyPath: string; agencyPath: string }): Actor {
  const over = (role: Role, path: string) => p.grants.find((g) => g.role === role && pathWithin(path, g.agencyPath));
  const g =
    over('agency_leader', parties.holderAgencyPath) ??
    over('agency_leader', parties.agencyPath) ??
    over('reception', parties.agencyPath);
  if (!g) throw forbidden();
  return { userId: p.userId, role: g.role, unitId: g.unitId, agencyId: g.agencyId };
}

/** Inbox flags: overdue once the due time has passed; due soon within one working day of it. */
export function urgency(cal: WorkCalendar, now: Date, due: Date): { overdue: boolean; dueSoon: boolean } {
  const overdue = due.getTime() < now.getTime();
  return { overdue, dueSoon: !overdue && workingMinutesBetween(cal, now, due) <= WORKING_DAY_MINUTES };
}
