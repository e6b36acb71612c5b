import type { Db } from '../../db/database';
import type { DeadlineUnit } from '../calendar/rules';
import { computeDueAt } from '../calendar/service';
import type { Principal } from '../identity/rules';
import { notifyApplicant } from '../notifications/applicant';
import { loadDetail } from './detail-store';
import type { FileRef } from './file-store';
import type { DossierAction } from './lifecycle';
import {
  checkComponentIds,
  checkSupplementItems,
  requireComplete,
  type ComponentCount,
  type SupplementItemInput,
} from './rules';
import * as store from './store';
import { recordTransition, withDossierAction, type ActionContext } from './transitions';
import { detailView, receiptForm, refusalForm, supplementForm } from './views';

type Base = { version: number; comment?: string | null; files?: number[] };

const staged = (ids: readonly number[] | undefined): FileRef[] => (ids ?? []).map((id) => ({ id, componentId: null }));

async function act(
  db: Db,
  principal: Principal,
  code: string,
  action: DossierAction,
  expectedVersion: number,
  work: (ctx: ActionContext) => Promise<void>,
) {
  const id = await withDossierAction(db, principal, code, action, expectedVersion, async (ctx) => {
    await work(ctx);
    return ctx.dossier.id;
  });
  return loadDetail(db, await store.findDossierById(db, id));
}

/**
 * Desk check passed (tiếp nhận): the appointment runs from now with the version's deadline on the
 * receiving agency's calendar. An incomplete dossier cannot be accepted. Answers the receipt (Mẫu 01).
 */
export async function acceptDossier(db: Db, principal: Principal, code: string, input: Base, now = new Date()) {
  const detail = await act(db, principal, code, 'accept', input.version, async ({ tx, dossier: d, actor }) => {
    const { requirements, counts } = await store.loadComponents(tx, d.id);
    requireComplete(requirements, counts);
    const dueAt = await computeDueAt(tx, {
      agencyId: d.agency_id,
      from: now,
      value: d.deadline_value,
      unit: d.deadline_unit as DeadlineUnit,
    });
    const holder = { agencyId: d.agency_id, unitId: actor.unitId ?? d.holder_unit_id, userId: actor.userId };
    await recordTransition(
      tx,
      d,
      input.version,
      { action: 'accept', at: now, actor, holder, dueAt, stepSeq: d.first_step_seq },
      { comment: input.comment, files: staged(input.files) },
    );
    await notifyApplicant(tx, { dossierId: d.id, event: 'received' });
  });
  return receiptForm(detail);
}

/** The desk asks, once and fully, for what is missing or wrong (Mẫu 02). */
export async function requestSupplement(
  db: Db,
  principal: Principal,
  code: string,
  input: Base & { items: SupplementItemInput[] },
  now = new Date(),
) {
  const detail = await act(db, principal, code, 'request_supplement', input.version, async ({ tx, dossier, actor }) => {
    const { requirements, counts } = await store.loadComponents(tx, dossier.id);
    const items = checkSupplementItems(requirements, counts, input.items);
    await recordTransition(
      tx,
      dossier,
      input.version,
      { action: 'request_supplement', at: now, actor },
      { comment: input.comment, data: { items }, files: staged(input.files) },
    );
    await notifyApplicant(tx, { dossierId: dossier.id, event: 'supplement_requested', data: { items } });
  });
  return supplementForm(detail);
}

/** The applicant (or the desk on their behalf) hands in the supplement: back to the desk check. */
export async function resubmitDossier(
  db: Db,
  principal: Principal,
  code: string,
  input: Base & { components?: (ComponentCount & { files?: number[] })[] },
  now = new Date(),
) {
  const detail = await act(db, principal, code, 'resubmit', input.version, async ({ tx, dossier, actor }) => {
    const counts = input.components ?? [];
    const { requirements } = await store.loadComponents(tx, dossier.id);
    checkComponentIds(requirements, counts);
    await store.setComponentCounts(tx, dossier.id, counts);
    const files = [
      ...counts.flatMap((c) => (c.files ?? []).map((id) => ({ id, componentId: c.componentId }))),
      ...staged(input.files),
    ];
    const changed = counts.map(({ componentId, originals, copies }) => ({ componentId, originals, copies }));
    await recordTransition(
      tx,
      dossier,
      input.version,
      { action: 'resubmit', at: now, actor },
      { comment: input.comment, data: { components: changed }, files },
    );
  });
  return detailView(detail);
}

/** Refused at the desk with its reason (Mẫu 03): final, never counted as received. */
export async function refuseDossier(
  db: Db,
  principal: Principal,
  code: string,
  input: Omit<Base, 'comment'> & { reason: string },
  now = new Date(),
) {
  const detail = await act(db, principal, code, 'refuse', input.version, async ({ tx, dossier, actor }) => {
    await recordTransition(
      tx,
      dossier,
      input.version,
      { action: 'refuse', at: now, actor },
      { comment: input.reason, files: staged(input.files) },
    );
    await notifyApplicant(tx, { dossierId: dossier.id, event: 'refused', data: { reason: input.reason } });
  });
  return refusalForm(detail);
}

/** Withdrawn at the applicant's request, with its reason: final. */
export async function withdrawDossier(
  db: Db,
  principal: Principal,
  code: string,
  input: Omit<Base, 'comment'> & { reason: string },
  now = new Date(),
) {
  const detail = await act(db, principal, code, 'withdraw', input.version, async ({ tx, dossier, actor }) => {
    await recordTransition(
      tx,
      dossier,
      input.version,
      { action: 'withdraw', at: now, actor },
      { comment: input.reason, files: staged(input.files) },
    );
  });
  return detailView(detail);
}
