import type { Db, Tx } from '../../db/database';
import { AppError, conflict, invalid } from '../../shared/errors';
import { foldVietnamese } from '../../shared/text';
import type { DeadlineUnit } from '../calendar/rules';
import { shareCalendars } from '../calendar/cache';
import { computeDueAt } from '../calendar/service';
import { findVersionInForceCached, type ProcedureVersionDetail } from '../catalogue/service';
import type { Principal } from '../identity/rules';
import { notifyApplicant } from '../notifications/applicant';
import { loadDetail, newDossierDetail, type DossierDetail } from './detail-store';
import { intakeReads, type IntakeReads } from './intake-cache';
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
  reads: IntakeReads,
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
  if (!(await reads.implementsVersion(version.versionId, agencyId))) {
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
  reads: IntakeReads,
  actor: Actor,
  agencyId: number,
  version: ProcedureVersionDetail,
  channel: Channel,
  now: Date,
): Promise<DossierEvent> {
  const desk = await reads.deskUnit(agencyId);
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

type Agency = NonNullable<Awaited<ReturnType<IntakeReads['agency']>>>;

/** Checks the request and writes the dossier numbered `code`, the agency's daily counter already taken. */
async function createDossier(
  db: Db,
  tx: Tx,
  reads: IntakeReads,
  principal: Principal,
  input: IntakeInput,
  agency: Agency,
  code: string,
  now: Date,
): Promise<DossierDetail> {
  const online = input.channel === 'online';
  const actor = actorFor(principal, transitionFor(null, online ? 'submit' : 'receive'), {
    agencyPath: agency.path,
    applicantUserId: principal.userId,
  });
  const version = await versionFor(db, tx, reads, input, agency.id, now);
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

  const event = await firstEvent(tx, reads, actor, agency.id, version, input.channel, now);
  const state = applyTransition(null, event);
  const process = online ? undefined : await reads.process(version.versionId, agency.id);
  const units = await reads.unitNames([state.holderUnitId, actor.unitId]);
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
 * Receives a dossier (api.md `POST /api/dossiers`). Once the agency is known, the idempotency key is
 * claimed and the agency's daily number taken in one statement, before anything is checked or written:
 * a retry with the same key and body gets the same dossier, another body a 409, and of concurrent
 * requests with one key only one creates a dossier while the others wait and read it. The reads after
 * it come from the process caches (intake-cache.ts), so the counter's lock is held for the writes only.
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
    const reads = intakeReads(db, tx);
    const agency = await reads.agency(input.agency);
    if (!agency) throw invalid('agency', `Không có cơ quan mã ${input.agency}`, `No agency with code ${input.agency}`);
    const day = vietnamDay(now);
    const seq = await store.claimKeyAndNumber(tx, {
      userId: principal.userId,
      key: idempotencyKey,
      hash,
      agencyId: agency.id,
      day,
    });
    if (seq === null) {
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
    const code = dossierCode(agency.code, day, seq);
    const detail = await createDossier(db, tx, reads, principal, input, agency, code, now);
    await store.bindIdempotencyKey(tx, principal.userId, idempotencyKey, detail.dossier.id);
    return { detail, replayed: false as const };
  });
  // A new dossier is answered from the rows its transaction wrote; a replay reads the stored one.
  const detail = result.replayed ? await loadDetail(db, await store.findDossierById(db, result.id)) : result.detail;
  return { replayed: result.replayed, dossier: intakeView(detail) };
}
