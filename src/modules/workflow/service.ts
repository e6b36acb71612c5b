import type { Db, Tx } from '../../db/database';
import { invalid } from '../../shared/errors';
import {
  ACTION_NAMES,
  transitionFor,
  type DossierAction,
  type DossierStatus,
  type Transition,
} from '../dossiers/lifecycle';
import type { DossierRow } from '../dossiers/tables';
import { recordTransition, withDossierAction, withLockedDossier } from '../dossiers/transitions';
import type { Principal } from '../identity/rules';
import { issueRatingLink } from '../feedback/rating-service';
import { notifyApplicant } from '../notifications/applicant';
import { closePart, completeStep, loadWalk, moveTo, type Walk } from './process';
import {
  assignActor,
  decidingStep,
  nextStep,
  requireLastStep,
  requireStepRole,
  sendBackTarget,
  stepActor,
  type Step,
} from './rules';
import * as store from './store';
import { dossierWithProcess } from './views';

/**
 * The walk through the internal process: assignment, forwarding and signing, sending back, a proposed
 * rejection and its decision, the result and its return. One transaction per action, on the dossier
 * row locked at the version the caller saw: of concurrent actions on one version exactly one wins.
 */

export type ActionInput = { version: number; comment?: string | null; files?: number[] };

export const staged = (ids: readonly number[] | undefined) => (ids ?? []).map((id) => ({ id, componentId: null }));

export type StepContext = { tx: Tx; dossier: DossierRow; walk: Walk; current: Step; transition: Transition };

/** Runs an action on the dossier's current step and answers the dossier with its process. */
export async function onCurrentStep(
  db: Db,
  principal: Principal,
  code: string,
  action: DossierAction,
  version: number,
  now: Date,
  work: (ctx: StepContext) => Promise<void>,
) {
  const id = await withLockedDossier(db, principal, code, version, async (tx, dossier) => {
    const transition = transitionFor(dossier.status as DossierStatus, action);
    const { current, ...walk } = await loadWalk(tx, dossier, now);
    await work({ tx, dossier, walk, current, transition });
    return dossier.id;
  });
  return dossierWithProcess(db, id);
}

/** The unit leader assigns the current specialist step to an officer of the unit (or reassigns it). */
export async function assignStep(
  db: Db,
  principal: Principal,
  code: string,
  input: ActionInput & { assignee: number },
  now = new Date(),
) {
  return onCurrentStep(db, principal, code, 'assign', input.version, now, async ({ tx, dossier, walk, current }) => {
    const actor = assignActor(principal, current);
    const officer = (await store.candidates(tx, current.unitId, current.role)).find((c) => c.userId === input.assignee);
    if (!officer) {
      throw invalid(
        'assignee',
        'Người được phân công phải là chuyên viên đang làm việc tại đơn vị của bước này',
        'The assignee must be an active specialist of the unit of this step',
      );
    }
    if (officer.userId === current.assigneeUserId) {
      throw invalid(
        'assignee',
        'Bước này đã được phân công cho cán bộ này',
        'The step is already assigned to this officer',
      );
    }
    await store.updateStep(tx, dossier.id, current.seq, { assignee_user_id: officer.userId });
    const row = walk.rows.find((r) => r.seq === current.seq)!;
    const holder = { agencyId: current.agencyId, unitId: current.unitId, userId: officer.userId };
    const to = {
      agency: { code: row.agency_code, name: row.agency_name },
      unit: { code: row.unit_code, name: row.unit_name },
      officer: { id: officer.userId, fullName: officer.fullName },
    };
    await recordTransition(
      tx,
      dossier,
      input.version,
      { action: 'assign', at: now, actor, holder, stepSeq: current.seq },
      { comment: input.comment, data: { step: { seq: current.seq, name: current.name }, to } },
    );
  });
}

/**
 * Completes the current step and starts the next: `forward` for a desk or specialist step, `approve`
 * (ký duyệt) for a leader's. When the next step belongs to another agency the dossier goes there (liên thông).
 */
export async function advance(
  db: Db,
  principal: Principal,
  code: string,
  action: 'forward' | 'approve',
  input: ActionInput,
  now = new Date(),
) {
  return onCurrentStep(db, principal, code, action, input.version, now, async (c) => {
    requireStepRole(c.current, c.transition.roles, ACTION_NAMES[action]);
    const actor = stepActor(principal, c.current);
    const move = await moveTo(c.walk, c.current, nextStep(c.walk.steps, c.current), actor.userId, 'complete');
    await recordTransition(
      c.tx,
      c.dossier,
      input.version,
      { action, at: now, actor, holder: move.holder, stepSeq: move.stepSeq },
      { comment: input.comment, data: move.data, files: staged(input.files) },
    );
  });
}

/** The holder sends the dossier back to an earlier step, with the reason; that step starts again. */
export async function sendBack(
  db: Db,
  principal: Principal,
  code: string,
  input: Omit<ActionInput, 'comment'> & { toStep: number; reason: string },
  now = new Date(),
) {
  return onCurrentStep(db, principal, code, 'send_back', input.version, now, async (c) => {
    requireStepRole(c.current, c.transition.roles, ACTION_NAMES.send_back);
    const actor = stepActor(principal, c.current);
    const target = sendBackTarget(c.walk.steps, c.current, input.toStep);
    const move = await moveTo(c.walk, c.current, target, actor.userId, 'send_back');
    await recordTransition(
      c.tx,
      c.dossier,
      input.version,
      { action: 'send_back', at: now, actor, holder: move.holder, stepSeq: move.stepSeq },
      { comment: input.reason, data: move.data, files: staged(input.files) },
    );
  });
}

/** The specialist proposes to reject, with the reason: the dossier goes to the leader who signs. */
export async function proposeRejection(
  db: Db,
  principal: Principal,
  code: string,
  input: Omit<ActionInput, 'comment'> & { reason: string },
  now = new Date(),
) {
  return onCurrentStep(db, principal, code, 'propose_rejection', input.version, now, async (c) => {
    requireStepRole(c.current, c.transition.roles, ACTION_NAMES.propose_rejection);
    const actor = stepActor(principal, c.current);
    const move = await moveTo(c.walk, c.current, decidingStep(c.walk.steps, c.current), actor.userId, 'complete');
    await recordTransition(
      c.tx,
      c.dossier,
      input.version,
      { action: 'propose_rejection', at: now, actor, holder: move.holder, stepSeq: move.stepSeq },
      { comment: input.reason, data: move.data, files: staged(input.files) },
    );
  });
}

/**
 * Ends the process with a result at the current step: `result_ready` (approved) at the last step, or
 * `approve_rejection` by the leader deciding a proposed rejection, with its reason. The applicant is told.
 */
export async function resolve(
  db: Db,
  principal: Principal,
  code: string,
  action: 'result_ready' | 'approve_rejection',
  input: ActionInput,
  now = new Date(),
) {
  return onCurrentStep(db, principal, code, action, input.version, now, async (c) => {
    requireStepRole(c.current, c.transition.roles, ACTION_NAMES[action]);
    const actor = stepActor(principal, c.current);
    if (action === 'result_ready') requireLastStep(c.walk.steps, c.current);
    const timeliness = await completeStep(c.walk, c.current, actor.userId);
    await closePart(c.walk);
    await recordTransition(
      c.tx,
      c.dossier,
      input.version,
      { action, at: now, actor },
      {
        comment: input.comment,
        data: { completedStep: c.current.seq, timeliness },
        files: staged(input.files),
      },
    );
    await notifyApplicant(c.tx, { dossierId: c.dossier.id, event: 'result_ready' });
  });
}

/**
 * The receiving desk hands the result to the applicant: the dossier is closed. The applicant is told,
 * with a one-time link to rate the service (feedback module).
 */
export async function returnResult(db: Db, principal: Principal, code: string, input: ActionInput, now = new Date()) {
  const id = await withDossierAction(db, principal, code, 'return', input.version, async ({ tx, dossier, actor }) => {
    await recordTransition(
      tx,
      dossier,
      input.version,
      { action: 'return', at: now, actor },
      { comment: input.comment, files: staged(input.files) },
    );
    const ratingToken = await issueRatingLink(tx, dossier.id, now);
    await notifyApplicant(tx, { dossierId: dossier.id, event: 'returned', data: { ratingToken } });
    return dossier.id;
  });
  return dossierWithProcess(db, id);
}

/** The leader approves a proposed rejection: resolved, rejected, with the reason the applicant receives. */
export async function approveRejection(
  db: Db,
  principal: Principal,
  code: string,
  input: Omit<ActionInput, 'comment'> & { reason: string },
  now = new Date(),
) {
  return resolve(db, principal, code, 'approve_rejection', { ...input, comment: input.reason }, now);
}
