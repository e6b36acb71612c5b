import type { Db, Tx } from '../../db/database';
import { invalid } from '../../shared/errors';
import type { DeadlineUnit } from '../calendar/rules';
import { loadWorkCalendar } from '../calendar/service';
import { ACTION_NAMES, transitionFor, type DossierStatus } from '../dossiers/lifecycle';
import {
  checkComponentIds,
  checkSupplementItems,
  type ComponentCount,
  type SupplementItemInput,
} from '../dossiers/rules';
import * as dossierStore from '../dossiers/store';
import type { DossierRow } from '../dossiers/tables';
import { recordTransition, withDossierAction, withLockedDossier } from '../dossiers/transitions';
import type { Principal } from '../identity/rules';
import { notifyApplicant } from '../notifications/applicant';
import { loadWalk, replanAfter, resumeClock } from './process';
import {
  apologyActor,
  checkNewAppointment,
  requireStepRole,
  resumedAppointments,
  stepActor,
  type ClockOnResume,
} from './rules';
import { onCurrentStep, staged, type ActionInput } from './service';
import * as store from './store';
import { dossierWithProcess } from './views';

/**
 * The clock rules of domain.md: a supplement requested after acceptance stops the clock, the
 * resubmission restarts it in full or resumes it (per procedure); an apology (Mẫu 04) sets a new
 * appointment and keeps the original one for statistics.
 */

/** The holder (specialist or desk) asks, once and fully, for what is missing: the clock stops (Mẫu 02). */
export async function pauseForSupplement(
  db: Db,
  principal: Principal,
  code: string,
  input: ActionInput & { items: SupplementItemInput[] },
  now = new Date(),
) {
  return onCurrentStep(db, principal, code, 'pause', input.version, now, async (c) => {
    requireStepRole(c.current, c.transition.roles, ACTION_NAMES.pause);
    const actor = stepActor(principal, c.current);
    const { requirements, counts } = await dossierStore.loadComponents(c.tx, c.dossier.id);
    const items = checkSupplementItems(requirements, counts, input.items);
    await recordTransition(
      c.tx,
      c.dossier,
      input.version,
      { action: 'pause', at: now, actor },
      {
        comment: input.comment,
        data: { items, step: { seq: c.current.seq, name: c.current.name } },
        files: staged(input.files),
      },
    );
    await notifyApplicant(c.tx, {
      dossierId: c.dossier.id,
      event: 'supplement_requested',
      data: { items: items.map((i) => ({ name: i.name, reason: i.reason })) },
    });
  });
}

/**
 * The applicant (or the receiving desk for them) hands in the supplement: the dossier goes on at the
 * step it stopped at, its appointment restarted in full or resumed as the procedure says, and the
 * applicant is told the appointment.
 */
export async function resumeAfterSupplement(
  db: Db,
  principal: Principal,
  code: string,
  input: ActionInput & { components?: (ComponentCount & { files?: number[] })[] },
  now = new Date(),
) {
  const id = await withDossierAction(
    db,
    principal,
    code,
    'resume',
    input.version,
    async ({ tx, dossier: d, actor }) => {
      const counts = input.components ?? [];
      const { requirements } = await dossierStore.loadComponents(tx, d.id);
      checkComponentIds(requirements, counts);
      await dossierStore.setComponentCounts(tx, d.id, counts);
      const pausedAt = await store.eventAt(tx, d.id, d.version);
      const policy = d.clock_on_resume as ClockOnResume;
      const deadline = { value: d.deadline_value, unit: d.deadline_unit as DeadlineUnit };
      const cal = await loadWorkCalendar(tx, d.agency_id);
      const appointments = resumedAppointments(cal, policy, deadline, pausedAt, now, {
        dueAt: d.due_at!,
        originalDueAt: d.original_due_at!,
      });
      const { current, ...walk } = await loadWalk(tx, d, now);
      const stepDueAt = await resumeClock({ ...walk, cap: appointments.dueAt }, current, policy, pausedAt);
      const files = [
        ...counts.flatMap((c) => (c.files ?? []).map((f) => ({ id: f, componentId: c.componentId }))),
        ...staged(input.files),
      ];
      await recordTransition(
        tx,
        d,
        input.version,
        { action: 'resume', at: now, actor, ...appointments },
        {
          comment: input.comment,
          data: {
            step: { seq: current.seq, name: current.name },
            clock: policy,
            pausedAt,
            previousDueAt: d.due_at,
            stepDueAt,
            components: counts.map(({ componentId, originals, copies }) => ({ componentId, originals, copies })),
          },
          files,
        },
      );
      await notifyApplicant(tx, { dossierId: d.id, event: 'received' });
      return d.id;
    },
  );
  return dossierWithProcess(db, id);
}

/** The unit at fault: of the receiving agency or one holding a step (default: the one holding the dossier). */
async function faultUnit(
  tx: Tx,
  d: DossierRow,
  agencyIds: readonly number[],
  input: { agency?: string; unit: string },
) {
  const agency = input.agency
    ? await dossierStore.findAgencyByCode(tx, input.agency)
    : await dossierStore.findAgencyById(tx, d.holder_agency_id);
  if (!agency || (agency.id !== d.agency_id && !agencyIds.includes(agency.id))) {
    throw invalid(
      'faultUnit.agency',
      'Cơ quan có lỗi phải là cơ quan tiếp nhận hoặc cơ quan tham gia giải quyết hồ sơ',
      'The agency at fault must be the receiving agency or one processing a step of the dossier',
    );
  }
  const unit = await store.findUnit(tx, agency.id, input.unit);
  if (!unit) throw invalid('faultUnit.unit', `Cơ quan không có đơn vị mã ${input.unit}`, `No unit ${input.unit} there`);
  return { agency: { code: agency.code, name: agency.name }, unit: { code: unit.code, name: unit.name } };
}

export type ApologyInput = {
  version: number;
  reason: string;
  newDueAt: Date;
  faultUnit: { agency?: string; unit: string };
  files?: number[];
};

/**
 * Mẫu 04, phiếu xin lỗi và hẹn lại ngày trả kết quả: a new appointment later than the one in force on
 * a working day of the receiving agency, the reason and the unit at fault. `due_at` moves,
 * `original_due_at` stays: statistics judge against the original. The applicant is told.
 */
export async function apologize(db: Db, principal: Principal, code: string, input: ApologyInput, now = new Date()) {
  const id = await withLockedDossier(db, principal, code, input.version, async (tx, d) => {
    transitionFor(d.status as DossierStatus, 'apologize');
    const agency = await dossierStore.findAgencyById(tx, d.agency_id);
    const holder = await dossierStore.findAgencyById(tx, d.holder_agency_id);
    const actor = apologyActor(principal, { holderAgencyPath: holder.path, agencyPath: agency.path });
    checkNewAppointment(await loadWorkCalendar(tx, d.agency_id), d.due_at!, input.newDueAt);
    const { current, ...walk } = await loadWalk(tx, d, now);
    const fault = await faultUnit(
      tx,
      d,
      walk.steps.map((s) => s.agencyId),
      input.faultUnit,
    );
    const from = current.dueAt.getTime() > now.getTime() ? current.dueAt : now;
    await replanAfter({ ...walk, cap: input.newDueAt }, current, from);
    await recordTransition(
      tx,
      d,
      input.version,
      { action: 'apologize', at: now, actor, dueAt: input.newDueAt },
      { comment: input.reason, data: { previousDueAt: d.due_at, faultUnit: fault }, files: staged(input.files) },
    );
    await notifyApplicant(tx, { dossierId: d.id, event: 'apology', data: { reason: input.reason } });
    return d.id;
  });
  return dossierWithProcess(db, id);
}
