import type { Insertable } from 'kysely';
import type { Executor, Tx } from '../../db/database';
import { AppError } from '../../shared/errors';
import { nearestSettings, pathIds, type WorkCalendar } from '../calendar/rules';
import { loadWorkCalendar } from '../calendar/service';
import type { Holder } from '../dossiers/lifecycle';
import type { DossierRow } from '../dossiers/tables';
import { resolutionTimeliness } from '../reports/rules';
import {
  durationMinutes,
  endOfRun,
  leastLoaded,
  planDueTimes,
  resumedStepDueAt,
  stepDueAt,
  type Calendars,
  type ClockOnResume,
  type Step,
  type StepRole,
} from './rules';
import * as store from './store';
import type { DossierStepTable } from './tables';

/**
 * The walk of a dossier through its steps inside one transaction: the plan opened at acceptance,
 * completing and starting steps, re-planning the steps ahead, and the hand-overs between agencies.
 * The services record the dossier event; this keeps `dossier_steps` and `dossier_transfers` with it.
 */

export async function loadCalendars(db: Executor, agencyIds: readonly number[]): Promise<Calendars> {
  const calendars = new Map<number, WorkCalendar>();
  for (const id of new Set(agencyIds)) calendars.set(id, await loadWorkCalendar(db, id));
  return (id) => {
    const cal = calendars.get(id);
    if (!cal) throw new Error(`calendar of agency ${id} not loaded`);
    return cal;
  };
}

/** What opening a version's process at an agency reads: its steps, their agencies' units and calendars. */
export type ProcessDefinition = {
  defs: Awaited<ReturnType<typeof store.versionSteps>>;
  units: Awaited<ReturnType<typeof store.unitsOf>>;
  calendars: Calendars;
};

/**
 * Reads what `openingSteps` needs; an intake takes it from the process cache (dossiers/intake-cache.ts),
 * so that the agency's daily counter, locked from the intake's first statement, waits on no read.
 */
export async function readProcess(tx: Executor, versionId: number, agencyId: number): Promise<ProcessDefinition> {
  const defs = await store.versionSteps(tx, versionId);
  if (defs.length === 0) return { defs, units: [], calendars: await loadCalendars(tx, []) };
  const agencyIds = [...new Set(defs.map((s) => s.agency_id ?? agencyId))];
  const units = await store.unitsOf(tx, agencyIds);
  return { defs, units, calendars: await loadCalendars(tx, agencyIds) };
}

/**
 * The internal process a dossier the desk has just accepted opens with (the caller inserts it): one
 * row per step of its procedure version, on the agency that processes it (liên thông steps name theirs).
 * The first step, the desk's reception, started with the acceptance and is held by the receiving
 * officer, who forwards it; the others are planned one after another, each capped by the appointment.
 */
export async function openingSteps(
  tx: Executor,
  d: Pick<DossierRow, 'id' | 'agency_id' | 'procedure_version_id' | 'accepted_at' | 'due_at' | 'holder_user_id'>,
  read?: ProcessDefinition,
): Promise<Insertable<DossierStepTable>[]> {
  if (d.accepted_at === null || d.due_at === null) return [];
  const { defs, units, calendars } = read ?? (await readProcess(tx, d.procedure_version_id, d.agency_id));
  if (defs.length === 0) return [];
  const steps = defs.map((s) => {
    const agencyId = s.agency_id ?? d.agency_id;
    const unit = units.find((u) => u.agency_id === agencyId && u.code === s.unit_code);
    if (!unit) {
      throw new AppError(
        'STEP_UNIT_MISSING',
        409,
        `Bước ${s.seq} của quy trình nêu đơn vị ${s.unit_code} không có tại cơ quan xử lý`,
        `Step ${s.seq} of the process names unit ${s.unit_code}, which its agency does not have`,
      );
    }
    return {
      ...s,
      agencyId,
      unitId: unit.id,
      minutes: durationMinutes({ value: s.duration_value, unit: s.duration_unit }),
    };
  });
  const dues = planDueTimes(steps, d.accepted_at, d.due_at, calendars);
  return steps.map((s, i) => ({
    dossier_id: d.id,
    seq: s.seq,
    name: s.name,
    agency_id: s.agencyId,
    unit_id: s.unitId,
    role: s.role,
    duration_value: s.duration_value,
    duration_unit: s.duration_unit,
    assignee_user_id: i === 0 ? d.holder_user_id : null,
    started_at: i === 0 ? d.accepted_at : null,
    due_at: dues[i],
    visits: i === 0 ? 1 : 0,
  }));
}

export type Walk = {
  tx: Tx;
  dossier: DossierRow;
  rows: store.StepRow[];
  steps: Step[];
  calendars: Calendars;
  now: Date;
  /** The dossier's appointment: no step is due after it. */
  cap: Date;
};

const toStep = (r: store.StepRow): Step => ({
  seq: r.seq,
  name: r.name,
  agencyId: r.agency_id,
  agencyPath: r.agency_path,
  unitId: r.unit_id,
  role: r.role as StepRole,
  minutes: durationMinutes({ value: r.duration_value, unit: r.duration_unit }),
  assigneeUserId: r.assignee_user_id,
  startedAt: r.started_at,
  dueAt: r.due_at,
  completedAt: r.completed_at,
});

const noProcess = () =>
  new AppError(
    'NO_CURRENT_STEP',
    409,
    'Hồ sơ không có bước xử lý hiện tại trong quy trình nội bộ',
    'The dossier is at no step of an internal process',
  );

/** The step a dossier is at, read outside an action (to show who may take it over). */
export async function currentStep(db: Executor, d: DossierRow): Promise<Step> {
  const current = (await store.loadSteps(db, d.id)).map(toStep).find((s) => s.seq === d.current_step_seq);
  if (!current) throw noProcess();
  return current;
}

/** The steps of an accepted dossier and its current one. */
export async function loadWalk(tx: Tx, d: DossierRow, now: Date): Promise<Walk & { current: Step }> {
  const rows = await store.loadSteps(tx, d.id);
  const steps = rows.map(toStep);
  const current = steps.find((s) => s.seq === d.current_step_seq);
  if (!current || d.due_at === null) throw noProcess();
  const calendars = await loadCalendars(
    tx,
    steps.map((s) => s.agencyId),
  );
  return { tx, dossier: d, rows, steps, calendars, now, cap: d.due_at, current };
}

/**
 * Completes a step now. Early / on time / late of a step, or of an agency's part, against its due
 * time is `resolutionTimeliness`, the one classification of the system (reports module).
 */
export async function completeStep(w: Walk, step: Step, by: number): Promise<string> {
  const timeliness = resolutionTimeliness(w.now, step.dueAt);
  await store.updateStep(w.tx, w.dossier.id, step.seq, { completed_at: w.now, completed_by: by, timeliness });
  return timeliness;
}

/** Plans the steps after `from` one after another from `start`; returns the due time of each. */
export async function replanAfter(w: Walk, from: Step, start: Date): Promise<Map<number, Date>> {
  const ahead = w.steps.filter((s) => s.seq > from.seq);
  const dues = planDueTimes(ahead, start, w.cap, w.calendars);
  const planned = new Map<number, Date>([[from.seq, start]]);
  for (const [i, s] of ahead.entries()) {
    planned.set(s.seq, dues[i]);
    await store.updateStep(w.tx, w.dossier.id, s.seq, { due_at: dues[i] });
  }
  return planned;
}

/**
 * Restarts or resumes the clock of the current step after a supplement handed in now (`w.cap` is the
 * new appointment), plans the steps ahead, and moves the due time of the liên thông part in progress
 * the same way. Returns the step's new due time.
 */
export async function resumeClock(w: Walk, current: Step, policy: ClockOnResume, pausedAt: Date): Promise<Date> {
  const cal = w.calendars(current.agencyId);
  const due = resumedStepDueAt(cal, policy, pausedAt, w.now, current, w.cap);
  await store.updateStep(
    w.tx,
    w.dossier.id,
    current.seq,
    policy === 'restart' ? { due_at: due, started_at: w.now } : { due_at: due },
  );
  const planned = await replanAfter(w, current, due);
  const open = await store.openTransfer(w.tx, w.dossier.id);
  if (open) {
    const partDue =
      policy === 'restart'
        ? planned.get(endOfRun(w.steps, current).seq)!
        : resumedStepDueAt(
            w.calendars(open.to_agency_id),
            policy,
            pausedAt,
            w.now,
            { dueAt: open.due_at, minutes: 0 },
            w.cap,
          );
    await store.updateTransfer(w.tx, open.id, { due_at: partDue });
  }
  return due;
}

/** Closes the liên thông part in progress, if any, with its own on-time result. */
export async function closePart(w: Walk): Promise<void> {
  const open = await store.openTransfer(w.tx, w.dossier.id);
  if (!open) return;
  await store.updateTransfer(w.tx, open.id, {
    completed_at: w.now,
    timeliness: resolutionTimeliness(w.now, open.due_at),
  });
}

/** Whether specialist steps of an agency go to the least-loaded officer at once (nearest setting up the tree). */
async function autoAssigns(tx: Tx, agencyPath: string): Promise<boolean> {
  const ids = pathIds(agencyPath);
  return nearestSettings(ids, await store.settingsOf(tx, ids))?.autoAssign ?? false;
}

/** Who a starting step goes to: back to its officer, to the least-loaded one when configured, or to its unit. */
async function assigneeFor(w: Walk, target: Step): Promise<{ id: number; fullName: string; auto: boolean } | null> {
  if (target.role !== 'specialist') return null;
  const row = w.rows.find((r) => r.seq === target.seq)!;
  if (row.assignee_user_id !== null) return { id: row.assignee_user_id, fullName: row.assignee_name!, auto: false };
  if (!(await autoAssigns(w.tx, target.agencyPath))) return null;
  const found = await store.candidates(w.tx, target.unitId, 'specialist');
  const id = leastLoaded(found.map((c) => ({ userId: c.userId, load: c.load ?? 0 })));
  const chosen = found.find((c) => c.userId === id);
  return chosen ? { id: chosen.userId, fullName: chosen.fullName, auto: true } : null;
}

export type Move = { holder: Holder; stepSeq: number; data: Record<string, unknown> };

/**
 * Moves the dossier from `current` to `target`: completes `current` (or, sending back, sets the steps
 * from `target` on as not done), starts `target` with its due time, plans the steps ahead, and when
 * the agency changes records the hand-over (liên thông) with the receiving agency's share of the time.
 */
export async function moveTo(w: Walk, current: Step, target: Step, by: number, how: 'complete' | 'send_back') {
  const data: Record<string, unknown> = {};
  if (how === 'complete') {
    data.completedStep = current.seq;
    data.timeliness = await completeStep(w, current, by);
  } else {
    data.fromStep = current.seq;
    for (const s of w.steps.filter((x) => x.seq > target.seq && x.seq <= current.seq)) {
      await store.updateStep(w.tx, w.dossier.id, s.seq, {
        started_at: null,
        completed_at: null,
        completed_by: null,
        timeliness: null,
      });
    }
  }
  const assignee = await assigneeFor(w, target);
  const due = stepDueAt(w.calendars(target.agencyId), w.now, target.minutes, w.cap);
  const row = w.rows.find((r) => r.seq === target.seq)!;
  await store.updateStep(w.tx, w.dossier.id, target.seq, {
    started_at: w.now,
    due_at: due,
    completed_at: null,
    completed_by: null,
    timeliness: null,
    assignee_user_id: assignee?.id ?? null,
    visits: row.visits + 1,
  });
  const planned = await replanAfter(w, target, due);
  const to = {
    agency: { code: row.agency_code, name: row.agency_name },
    unit: { code: row.unit_code, name: row.unit_name },
    officer: assignee ? { id: assignee.id, fullName: assignee.fullName } : null,
  };
  Object.assign(data, { step: { seq: target.seq, name: target.name }, stepDueAt: due, to });
  if (assignee?.auto) data.autoAssigned = true;
  if (current.agencyId !== target.agencyId) {
    const partDueAt = planned.get(endOfRun(w.steps, target).seq)!;
    await closePart(w);
    await store.insertTransfer(w.tx, {
      dossier_id: w.dossier.id,
      event_seq: w.dossier.version + 1,
      from_agency_id: current.agencyId,
      to_agency_id: target.agencyId,
      from_step_seq: current.seq,
      to_step_seq: target.seq,
      sent_at: w.now,
      sent_by: by,
      due_at: partDueAt,
    });
    const from = w.rows.find((r) => r.seq === current.seq)!;
    data.transfer = { from: { code: from.agency_code, name: from.agency_name }, to: to.agency };
    data.partDueAt = partDueAt;
  }
  const holder = { agencyId: target.agencyId, unitId: target.unitId, userId: assignee?.id ?? null };
  return { holder, stepSeq: target.seq, data } satisfies Move;
}
