import type { Insertable, Selectable } from 'kysely';
import type { Db, Tx } from '../../db/database';
import { auditRow } from '../../shared/audit';
import { AppError, conflict, invalid } from '../../shared/errors';
import { GroupCommit, groupPerOwner, type Outcome } from '../../shared/group-commit';
import { foldVietnamese } from '../../shared/text';
import type { DeadlineUnit } from '../calendar/rules';
import { shareCalendars } from '../calendar/cache';
import { computeDueAt } from '../calendar/service';
import { findVersionInForceCached, type ProcedureVersionDetail } from '../catalogue/service';
import type { Principal } from '../identity/rules';
import { applicantNotices } from '../notifications/applicant';
import { openingSteps, type ProcessDefinition } from '../workflow/process';
import { loadDetail, newDossierDetail, type DossierDetail } from './detail-store';
import { attachFiles, type FileRef } from './file-store';
import { intakeReads, type IntakeReads } from './intake-cache';
import {
  applyTransition,
  transitionFor,
  type Actor,
  type Channel,
  type DossierEvent,
  type DossierState,
} from './lifecycle';
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
import type { DossierComponentTable, DossierEventRow, DossierTable } from './tables';
import { eventAudit, type EventEntry } from './transitions';
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

/** One request of a batch of intakes (group commit). */
type IntakeRequest = { principal: Principal; input: IntakeInput; key: string; hash: string; now: Date };

/** A checked intake, numbered `code`, with what its rows are made of. */
type PlannedIntake = {
  request: IntakeRequest;
  agency: Agency;
  row: Insertable<DossierTable>;
  requirements: ComponentRequirement[];
  state: DossierState;
  event: DossierEvent;
  process?: ProcessDefinition;
  units: Awaited<ReturnType<IntakeReads['unitNames']>>;
  files: FileRef[];
};

/** Checks a request and builds the dossier numbered `code`, the agency's daily counter already taken. */
async function planIntake(
  db: Db,
  tx: Tx,
  reads: IntakeReads,
  request: IntakeRequest,
  agency: Agency,
  code: string,
): Promise<PlannedIntake> {
  const { principal, input, now } = request;
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
  return {
    request,
    agency,
    requirements,
    state,
    event,
    process: online ? undefined : await reads.process(version.versionId, agency.id),
    units: await reads.unitNames([state.holderUnitId, actor.unitId]),
    files: [
      ...input.components.flatMap((c) => c.files.map((f) => ({ id: f, componentId: c.componentId }))),
      ...input.files.map((f) => ({ id: f, componentId: null })),
    ],
    row: {
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
    },
  };
}

/**
 * Writes the planned dossiers, numbered and with their ids taken, and all that comes with them in one
 * statement (`store.insertNewDossiers`); their details, in order. The rows are built by the same
 * functions as every transition's (`eventRow`, `openingSteps`, `eventAudit`, `applicantNotices`).
 */
async function writeIntakes(tx: Tx, plans: readonly PlannedIntake[], ids: readonly number[]): Promise<DossierDetail[]> {
  const entries: EventEntry[] = plans.map((p, i) => ({
    d: { id: ids[i], code: p.row.code, agencyId: p.agency.id },
    before: null,
    after: p.state,
    event: p.event,
    extras: { comment: p.request.input.comment ?? null, data: { channel: p.request.input.channel }, files: p.files },
  }));
  const events = entries.map((e) =>
    store.eventRow(e.d.id, null, e.after, e.event, { comment: e.extras.comment ?? null, data: e.extras.data ?? {} }),
  );
  const steps = [];
  for (const [i, p] of plans.entries()) {
    const { acceptedAt, dueAt, holderUserId } = p.state;
    const d = { ...p.row, id: ids[i], accepted_at: acceptedAt, due_at: dueAt, holder_user_id: holderUserId };
    steps.push(...(await openingSteps(tx, d, p.process)));
  }
  const components = plans.map((p, i) => store.componentRows(ids[i], p.requirements, p.request.input.components));
  // A desk intake is a receipt; an online submission is acknowledged when the desk accepts it.
  const notices = await applicantNotices(
    tx,
    plans.flatMap((p, i) =>
      p.request.input.channel === 'online'
        ? []
        : [{ dossierId: ids[i], event: 'received' as const, dossier: messageFacts(p, ids[i]) }],
    ),
  );
  const written = await store.insertNewDossiers(tx, {
    dossiers: plans.map((p, i) => ({ ...p.row, id: ids[i] })),
    components: components.flat(),
    events,
    steps,
    audit: entries.map(eventAudit).map(auditRow),
    messages: notices.messages,
    notifications: notices.notifications,
    keys: plans.map((p, i) => ({ userId: p.request.principal.userId, key: p.request.key, dossierId: ids[i] })),
  });
  const details: DossierDetail[] = [];
  for (const [i, p] of plans.entries()) {
    const { dossier, eventId } = written[i];
    const event = { ...events[i], id: eventId, data: JSON.parse(events[i].data as string) } as DossierEventRow;
    if (p.files.length > 0)
      await attachFiles(tx, { files: p.files, uploadedBy: p.event.actor.userId, dossierId: dossier.id, eventId });
    details.push(
      await newDossierDetail(
        tx,
        {
          dossier,
          agency: p.agency,
          components: components[i] as Selectable<DossierComponentTable>[],
          event,
          hasFiles: p.files.length > 0,
        },
        new Map([[p.request.principal.userId, p.request.principal.fullName]]),
        p.units,
      ),
    );
  }
  return details;
}

/** What the applicant's receipt message says of a planned dossier. */
const messageFacts = (p: PlannedIntake, id: number) => ({
  id,
  code: p.row.code,
  procedure_name: p.row.procedure_name,
  due_at: p.state.dueAt,
  rule_set: p.row.rule_set,
  applicant_email: p.row.applicant_email ?? null,
  applicant_phone: p.row.applicant_phone ?? null,
  applicant_user_id: p.row.applicant_user_id ?? null,
  agency_id: p.row.agency_id,
});

/** A batch failed because of one of its requests: that one gets the error, the others go again. */
class RequestFailed extends Error {
  constructor(
    readonly index: number,
    override readonly cause: unknown,
  ) {
    super('an intake of the batch failed');
  }
}

const keyConflict = () =>
  conflict(
    'IDEMPOTENCY_KEY_REUSED',
    'Khóa Idempotency-Key đã được dùng cho một yêu cầu khác',
    'This Idempotency-Key was already used with a different request body',
    'Idempotency-Key',
  );

/**
 * One transaction for a batch of requests. Once the agencies are known, the idempotency keys are
 * claimed and the agencies' daily numbers taken in one statement, before anything is checked or
 * written: a retry with the same key and body gets the same dossier, another body a 409, and of
 * concurrent requests with one key only one creates a dossier while the others wait and read it. The
 * reads after it come from the process caches (intake-cache.ts), so the counters' locks are held for
 * the writes only. A request that fails its checks throws `RequestFailed`, which rolls the batch back.
 */
async function intakeBatch(db: Db, requests: readonly IntakeRequest[]): Promise<Outcome<IntakeResult>[]> {
  const outcomes: Outcome<IntakeResult>[] = [];
  const replays: { index: number; id: number }[] = [];
  const details = await db.transaction().execute(async (tx) => {
    shareCalendars(tx, db); // the appointment and the steps' due times use the process's calendars
    const reads = intakeReads(db, tx);
    const known: { index: number; agency: Agency; day: string }[] = [];
    for (const [index, r] of requests.entries()) {
      const agency = await reads.agency(r.input.agency);
      if (agency) known.push({ index, agency, day: vietnamDay(r.now) });
      else {
        const code = r.input.agency;
        outcomes[index] = {
          ok: false,
          error: invalid('agency', `Không có cơ quan mã ${code}`, `No agency with code ${code}`),
        };
      }
    }
    const claimed = await store.claimKeysAndNumbers(
      tx,
      known.map(({ index, agency, day }) => {
        const r = requests[index];
        return { userId: r.principal.userId, key: r.key, hash: r.hash, agencyId: agency.id, day };
      }),
    );
    const taken = known.filter((_, i) => claimed[i] === null).map((k) => requests[k.index]);
    const stored = await store.findIdempotencyKeys(
      tx,
      taken.map((r) => ({ userId: r.principal.userId, key: r.key })),
    );
    const plans: PlannedIntake[] = [];
    const ids: number[] = [];
    const planned: number[] = [];
    for (const [i, { index, agency, day }] of known.entries()) {
      const r = requests[index];
      const claim = claimed[i];
      if (claim === null) {
        const existing = stored.find((k) => k.user_id === r.principal.userId && k.key === r.key)!;
        if (existing.request_hash !== r.hash) outcomes[index] = { ok: false, error: keyConflict() };
        else replays.push({ index, id: existing.dossier_id! });
        continue;
      }
      try {
        plans.push(await planIntake(db, tx, reads, r, agency, dossierCode(agency.code, day, claim.seq)));
        ids.push(claim.dossierId);
        planned.push(index);
      } catch (e) {
        throw new RequestFailed(index, e);
      }
    }
    if (plans.length === 0) return [];
    return (await writeIntakes(tx, plans, ids)).map((detail, i) => ({ index: planned[i], detail }));
  });
  for (const { index, detail } of details)
    outcomes[index] = { ok: true, value: { replayed: false, dossier: intakeView(detail) } };
  // A new dossier is answered from the rows its transaction wrote; a replay reads the stored one.
  for (const { index, id } of replays) {
    const detail = await loadDetail(db, await store.findDossierById(db, id));
    outcomes[index] = { ok: true, value: { replayed: true, dossier: intakeView(detail) } };
  }
  return outcomes;
}

/**
 * Runs a batch and answers every request of it. A request that fails its checks gets its error and
 * the others run again without it; any other failure (a deadlock, say) runs each request alone. A key
 * sent twice in one batch runs again after it, as the replay it is.
 */
async function settleIntakes(db: Db, requests: readonly IntakeRequest[]): Promise<Outcome<IntakeResult>[]> {
  const seen = new Set<string>();
  const first: number[] = [];
  const again: number[] = [];
  for (const [i, r] of requests.entries()) {
    const k = `${r.principal.userId}\u0000${r.key}`;
    (seen.has(k) ? again : first).push(i);
    seen.add(k);
  }
  const outcomes: Outcome<IntakeResult>[] = [];
  const settle = async (indexes: number[]) => {
    if (indexes.length === 0) return;
    const batch = indexes.map((i) => requests[i]);
    try {
      (await intakeBatch(db, batch)).forEach((o, j) => (outcomes[indexes[j]] = o));
    } catch (e) {
      if (e instanceof RequestFailed) {
        outcomes[indexes[e.index]] = { ok: false, error: e.cause };
        await settle(indexes.filter((_, j) => j !== e.index));
      } else if (indexes.length === 1) {
        outcomes[indexes[0]] = { ok: false, error: e };
      } else {
        await Promise.all(indexes.map((i) => settle([i])));
      }
    }
  };
  await settle(first);
  if (again.length > 0)
    (
      await settleIntakes(
        db,
        again.map((i) => requests[i]),
      )
    ).forEach((o, j) => (outcomes[again[j]] = o));
  return outcomes;
}

/** Concurrent intakes of one database handle, committed together (docs/performance.md, "Group commit"). */
const intakes = groupPerOwner(
  (db) =>
    new GroupCommit((requests: IntakeRequest[]) => settleIntakes(db as Db, requests), { maxBatch: 64, maxInFlight: 1 }),
);

/** Receives a dossier (api.md `POST /api/dossiers`); the answer comes once its batch has committed. */
export function intakeDossier(
  db: Db,
  principal: Principal,
  input: IntakeInput,
  idempotencyKey: string,
  now = new Date(),
): Promise<IntakeResult> {
  return intakes(db).submit({ principal, input, key: idempotencyKey, hash: requestHash(input), now });
}
