import type { Db, Tx } from '../../db/database';
import { AppError, conflict, invalid } from '../../shared/errors';
import { foldVietnamese } from '../../shared/text';
import type { DeadlineUnit } from '../calendar/rules';
import { shareCalendars } from '../calendar/cache';
import { computeDueAt } from '../calendar/service';
import { findVersionInForceCached, implementsVersion, type ProcedureVersionDetail } from '../catalogue/service';
import type { Principal } from '../identity/rules';
import { notifyApplicant } from '../notifications/applicant';
import { readProcess } from '../workflow/process';
import { loadDetail, newDossierDetail, unitNames, type DossierDetail } from './detail-store';
import { applyTransition, transitionFor, type Actor, type Channel, type DossierEvent } from './lifecycle';
import {
  actorFor,
  checkApplicant,
  checkComponentIds,
  dossierCode,
  requestHash,
  requireComplete,
  ruleSetAt,
  vietnamDay,
  type ApplicantInput,
  type ComponentRequirement,
} from './rules';
import * as store from './store';
import { appendEvent } from './transitions';
import { intakeView } from './views';

export type IntakeInput = {
  procedure: string;
  agency: string;
  channel: Channel;
  applicant: ApplicantInput;
  components: { componentId: number; originals: number; copies: number; files: number[] }[];
  files: number[];
  comment?: string | null;
};

export type IntakeResult = { replayed: boolean; dossier: ReturnType<typeof intakeView> };

async function versionFor(
  db: Db,
  tx: Tx,
  input: IntakeInput,
  agencyId: number,
  now: Date,
): Promise<ProcedureVersionDetail> {
  const version = await findVersionInForceCached(db, tx, input.procedure, now);
  if (!version) {
    throw new AppError(
      'PROCEDURE_NOT_IN_FORCE',
      400,
      `Không có thủ tục mã ${input.procedure} đang có hiệu lực`,
      `No procedure with code ${input.procedure} is in force`,
      'procedure',
    );
  }
  if (!(await implementsVersion(tx, version.versionId, agencyId))) {
    throw new AppError(
      'PROCEDURE_NOT_IMPLEMENTED',
      400,
      `Cơ quan ${input.agency} không thực hiện thủ tục "${version.name}"`,
      `Agency ${input.agency} does not handle the procedure "${version.name}"`,
      'agency',
    );
  }
  if (!version.channels.includes(input.channel)) {
    throw new AppError(
      'CHANNEL_NOT_ALLOWED',
      400,
      `Thủ tục "${version.name}" không nhận hồ sơ qua kênh này`,
      `The procedure "${version.name}" does not take dossiers by ${input.channel}`,
      'channel',
    );
  }
  return version;
}

/** The first event: an online submission waits for the desk check; a desk intake is accepted at once. */
async function firstEvent(
  tx: Tx,
  actor: Actor,
  agencyId: number,
  version: ProcedureVersionDetail,
  channel: Channel,
  now: Date,
): Promise<DossierEvent> {
  const desk = await store.deskUnitOf(tx, agencyId);
  if (channel === 'online') {
    return { action: 'submit', at: now, actor, holder: { agencyId, unitId: desk, userId: null } };
  }
  const { value, unit } = version.effectiveDeadline;
  const dueAt = await computeDueAt(tx, { agencyId, from: now, value, unit: unit as DeadlineUnit });
  return {
    action: 'receive',
    at: now,
    actor,
    holder: { agencyId, unitId: actor.unitId ?? desk, userId: actor.userId },
    dueAt,
    stepSeq: version.steps[0]?.seq ?? null,
  };
}

async function createDossier(
  db: Db,
  tx: Tx,
  principal: Principal,
  input: IntakeInput,
  now: Date,
): Promise<DossierDetail> {
  const agency = await store.findAgencyByCode(tx, input.agency);
  if (!agency) throw invalid('agency', `Không có cơ quan mã ${input.agency}`, `No agency with code ${input.agency}`);
  const online = input.channel === 'online';
  const actor = actorFor(principal, transitionFor(null, online ? 'submit' : 'receive'), {
    agencyPath: agency.path,
    applicantUserId: principal.userId,
  });
  const version = await versionFor(db, tx, input, agency.id, now);
  const applicant = checkApplicant(input.applicant, now);
  const requirements: ComponentRequirement[] = version.components.map((c) => ({
    componentId: c.id,
    name: c.name,
    required: c.required,
    originals: c.originals,
    copies: c.copies,
  }));
  checkComponentIds(requirements, input.components);
  if (!online) requireComplete(requirements, input.components);

  const event = await firstEvent(tx, actor, agency.id, version, input.channel, now);
  const state = applyTransition(null, event);
  // Every read before the daily counter: its row lock serialises the desk's intakes until the commit.
  const process = online ? undefined : await readProcess(tx, version.versionId, agency.id);
  const units = await unitNames(tx, [state.holderUnitId, actor.unitId]);
  const day = vietnamDay(now);
  const code = dossierCode(agency.code, day, await store.nextSequence(tx, agency.id, day));
  const dossier = await store.insertDossier(tx, {
    code,
    agency_id: agency.id,
    procedure_id: version.procedureId,
    procedure_version_id: version.versionId,
    procedure_code: version.code,
    procedure_name: version.name,
    field_code: version.fieldCode,
    channel: input.channel,
    rule_set: ruleSetAt(now),
    deadline_value: version.effectiveDeadline.value,
    deadline_unit: version.effectiveDeadline.unit,
    clock_on_resume: version.clockOnResume,
    first_step_seq: version.steps[0]?.seq ?? null,
    applicant_kind: applicant.kind,
    applicant_name: applicant.fullName,
    applicant_name_folded: foldVietnamese(applicant.fullName),
    applicant_id_number: applicant.idNumber,
    applicant_phone: applicant.phone,
    applicant_email: applicant.email,
    applicant_address: applicant.address,
    applicant_user_id: online ? principal.userId : null,
    fees: JSON.stringify(version.fees),
    fee_total: version.fees.reduce((sum, f) => sum + f.amount, 0),
    received_at: now,
    ...store.stateColumns(state),
  });
  const id = dossier.id;
  const components = await store.insertComponents(tx, id, requirements, input.components);
  const files = [
    ...input.components.flatMap((c) => c.files.map((f) => ({ id: f, componentId: c.componentId }))),
    ...input.files.map((f) => ({ id: f, componentId: null })),
  ];
  const eventRow = await appendEvent(tx, { id, code, agencyId: agency.id, row: dossier, process }, null, state, event, {
    comment: input.comment ?? null,
    data: { channel: input.channel },
    files,
  });
  // A desk intake is a receipt; an online submission is acknowledged when the desk accepts it.
  if (!online) await notifyApplicant(tx, { dossierId: id, dossier, event: 'received' });
  return newDossierDetail(
    tx,
    { dossier, agency, components, event: eventRow, hasFiles: files.length > 0 },
    new Map([[principal.userId, principal.fullName]]),
    units,
  );
}

/**
 * Receives a dossier (api.md `POST /api/dossiers`). The idempotency key is claimed first in the same
 * transaction: a retry with the same key and body gets the same dossier, another body a 409, and of
 * concurrent requests with one key only one creates a dossier while the others wait and read it.
 */
export async function intakeDossier(
  db: Db,
  principal: Principal,
  input: IntakeInput,
  idempotencyKey: string,
  now = new Date(),
): Promise<IntakeResult> {
  const hash = requestHash(input);
  const result = await db.transaction().execute(async (tx) => {
    shareCalendars(tx, db); // the appointment and the steps' due times use the process's calendars
    if (!(await store.claimIdempotencyKey(tx, principal.userId, idempotencyKey, hash))) {
      const existing = await store.findIdempotencyKey(tx, principal.userId, idempotencyKey);
      if (existing.request_hash !== hash) {
        throw conflict(
          'IDEMPOTENCY_KEY_REUSED',
          'Khóa Idempotency-Key đã được dùng cho một yêu cầu khác',
          'This Idempotency-Key was already used with a different request body',
          'Idempotency-Key',
        );
      }
      return { id: existing.dossier_id!, replayed: true as const };
    }
    const detail = await createDossier(db, tx, principal, input, now);
    await store.bindIdempotencyKey(tx, principal.userId, idempotencyKey, detail.dossier.id);
    return { detail, replayed: false as const };
  });
  // A new dossier is answered from the rows its transaction wrote; a replay reads the stored one.
  const detail = result.replayed ? await loadDetail(db, await store.findDossierById(db, result.id)) : result.detail;
  return { replayed: result.replayed, dossier: intakeView(detail) };
}
