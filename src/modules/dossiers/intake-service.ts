import type { Insertable, Selectable } from 'kysely';
import type { Db, Executor } from '../../db/database';
import { auditRow } from '../../shared/audit';
import { AppError, conflict, invalid } from '../../shared/errors';
import { GroupCommit, groupPerOwner, type Outcome } from '../../shared/group-commit';
import { foldVietnamese } from '../../shared/text';
import { shareCalendars } from '../calendar/cache';
import { dueAt, type DeadlineUnit } from '../calendar/rules';
import { findVersionInForceCached, type ProcedureVersionDetail } from '../catalogue/service';
import type { Principal } from '../identity/rules';
import { applicantNotices } from '../notifications/applicant';
import { openingSteps } from '../workflow/process';
import { loadDetail, newDossierDetail, type DossierDetail } from './detail-store';
import { attachFiles, type FileRef } from './file-store';
import { intakeReads, type IntakeReads } from './intake-cache';
import { intakeNumbers } from './intake-numbers';
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
import type { AuditLogTable } from '../identity/tables';
import type { NotificationTable, OutboxMessageTable } from '../notifications/tables';
import type { DossierStepTable } from '../workflow/tables';
import type { DossierComponentTable, DossierEventRow, DossierEventTable, DossierTable } from './tables';
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
  tx: Executor,
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
  return {
    action: 'receive',
    at: now,
    actor,
    holder: { agencyId, unitId: actor.unitId ?? desk, userId: actor.userId },
    dueAt: dueAt(await reads.calendar(agencyId), now, value, unit as DeadlineUnit),
    stepSeq: version.steps[0]?.seq ?? null,
  };
}

type Agency = NonNullable<Awaited<ReturnType<IntakeReads['agency']>>>;

/** One request of a batch of intakes (group commit). */
type IntakeRequest = { principal: Principal; input: IntakeInput; key: string; hash: string; now: Date };

/** A checked intake: the rows its dossier is written as, built by the same functions as every transition's. */
type PlannedIntake = {
  request: IntakeRequest;
  agency: Agency;
  event: DossierEvent;
  units: Awaited<ReturnType<IntakeReads['unitNames']>>;
  files: FileRef[];
  rows: {
    dossier: Insertable<DossierTable> & { id: number };
    components: Insertable<DossierComponentTable>[];
    event: Insertable<DossierEventTable>;
    steps: Insertable<DossierStepTable>[];
    audit: Insertable<AuditLogTable>;
    messages: Insertable<OutboxMessageTable>[];
    notifications: Insertable<NotificationTable>[];
  };
};

/**
 * Checks a request and builds the rows of its dossier, numbered `code` with the id `id`; nothing is
 * written yet. Reads that miss the process caches go through `tx`.
 */
async function planIntake(
  db: Db,
  tx: Executor,
  reads: IntakeReads,
  request: IntakeRequest,
  agency: Agency,
  claim: { code: string; id: number },
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

  const event = await firstEvent(reads, actor, agency.id, version, input.channel, now);
  const state = applyTransition(null, event);
  const { id, code } = claim;
  const dossier = {
    id,
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
  };
  const entry: EventEntry = {
    d: { id, code, agencyId: agency.id },
    before: null,
    after: state,
    event,
    extras: { comment: input.comment ?? null, data: { channel: input.channel } },
  };
  const process = online ? undefined : await reads.process(version.versionId, agency.id);
  // A desk intake is a receipt; an online submission is acknowledged when the desk accepts it.
  const notices = online
    ? { messages: [], notifications: [] }
    : await applicantNotices(tx, [{ dossierId: id, event: 'received', dossier: { ...dossier, due_at: state.dueAt } }]);
  return {
    request,
    agency,
    event,
    units: await reads.unitNames([state.holderUnitId, actor.unitId]),
    files: [
      ...input.components.flatMap((c) => c.files.map((f) => ({ id: f, componentId: c.componentId }))),
      ...input.files.map((f) => ({ id: f, componentId: null })),
    ],
    rows: {
      dossier,
      components: store.componentRows(id, requirements, input.components),
      event: store.eventRow(id, null, state, event, {
        comment: input.comment ?? null,
        data: { channel: input.channel },
      }),
      steps: await openingSteps(tx, { ...dossier, accepted_at: state.acceptedAt, due_at: state.dueAt }, process),
      audit: auditRow(eventAudit(entry)),
      ...notices,
    },
  };
}

/**
 * Writes the planned dossiers and all that comes with them in one statement (`store.insertNewDossiers`;
 * with `counters`, the statement also takes their keys and numbers). Returns them as stored, in order.
 */
function writeIntakes(db: Executor, plans: readonly PlannedIntake[], counters?: readonly store.CounterAdvance[]) {
  return store.insertNewDossiers(
    db,
    {
      dossiers: plans.map((p) => p.rows.dossier),
      components: plans.flatMap((p) => p.rows.components),
      events: plans.map((p) => p.rows.event),
      steps: plans.flatMap((p) => p.rows.steps),
      audit: plans.map((p) => p.rows.audit),
      messages: plans.flatMap((p) => p.rows.messages),
      notifications: plans.flatMap((p) => p.rows.notifications),
      keys: plans.map((p) => {
        const { principal, key, hash } = p.request;
        return { userId: principal.userId, key, hash, dossierId: p.rows.dossier.id };
      }),
    },
    counters,
  );
}

/** The detail a new dossier is answered with, from the rows its statement wrote. */
function writtenDetail(
  db: Executor,
  p: PlannedIntake,
  written: Awaited<ReturnType<typeof writeIntakes>>[number],
): Promise<DossierDetail> {
  const { dossier, eventId } = written;
  return newDossierDetail(
    db,
    {
      dossier,
      agency: p.agency,
      components: p.rows.components as Selectable<DossierComponentTable>[],
      event: { ...p.rows.event, id: eventId, data: JSON.parse(p.rows.event.data as string) } as DossierEventRow,
      hasFiles: p.files.length > 0,
    },
    new Map([[p.request.principal.userId, p.request.principal.fullName]]),
    p.units,
  );
}

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
 * A batch claiming first, in one transaction: the way every request can take (a first intake of the
 * day at an agency, a replay, files to attach, a batch whose one statement failed). Once the agencies
 * are known, the idempotency keys are claimed and the agencies' daily numbers taken in one statement,
 * before anything is checked or written: a retry with the same key and body gets the same dossier,
 * another body a 409, and of concurrent requests with one key only one creates a dossier while the
 * others wait and read it. The reads after it come from the process caches (intake-cache.ts), so the
 * counters' locks are held for the writes only. A request that fails its checks throws
 * `RequestFailed`, which rolls the batch back.
 */
async function claimingBatch(db: Db, requests: readonly IntakeRequest[]): Promise<Outcome<IntakeResult>[]> {
  const outcomes: Outcome<IntakeResult>[] = [];
  const replays: { index: number; id: number }[] = [];
  const counters: { agencyId: number; day: string; seq: number }[] = [];
  const details = await db.transaction().execute(async (tx) => {
    shareCalendars(tx, db); // the steps' due times use the process's calendars
    const reads = intakeReads(db, tx);
    const known: { index: number; agency: Agency; day: string }[] = [];
    for (const [index, r] of requests.entries()) {
      const agency = await reads.agency(r.input.agency);
      if (agency) known.push({ index, agency, day: vietnamDay(r.now) });
      else outcomes[index] = { ok: false, error: unknownAgency(r.input.agency) };
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
        const code = dossierCode(agency.code, day, claim.seq);
        plans.push(await planIntake(db, tx, reads, r, agency, { code, id: claim.dossierId }));
        planned.push(index);
        counters.push({ agencyId: agency.id, day, seq: claim.seq });
      } catch (e) {
        throw new RequestFailed(index, e);
      }
    }
    if (plans.length === 0) return [];
    const written = await writeIntakes(tx, plans);
    const details: { index: number; detail: DossierDetail }[] = [];
    for (const [i, p] of plans.entries()) {
      const { files } = p;
      try {
        await attachFiles(tx, {
          files,
          uploadedBy: p.event.actor.userId,
          dossierId: written[i].dossier.id,
          eventId: written[i].eventId,
        });
      } catch (e) {
        throw new RequestFailed(planned[i], e);
      }
      details.push({ index: planned[i], detail: await writtenDetail(tx, p, written[i]) });
    }
    return details;
  });
  const numbers = intakeNumbers(db);
  for (const c of counters) numbers.reached(c.agencyId, c.day, c.seq);
  for (const { index, detail } of details)
    outcomes[index] = { ok: true, value: { replayed: false, dossier: intakeView(detail) } };
  // A new dossier is answered from the rows its transaction wrote; a replay reads the stored one.
  for (const { index, id } of replays) {
    const detail = await loadDetail(db, await store.findDossierById(db, id));
    outcomes[index] = { ok: true, value: { replayed: true, dossier: intakeView(detail) } };
  }
  return outcomes;
}

const unknownAgency = (code: string) => invalid('agency', `Không có cơ quan mã ${code}`, `No agency with code ${code}`);

/**
 * The usual batch in ONE statement, with no transaction around it (docs/performance.md, "One statement
 * per batch"): when this process knows where the agencies' counters stand today, the batch numbers its
 * dossiers itself, from dossier ids taken ahead, and writes them with their keys and the counters' new
 * values; the statement fails as a whole if a key or a number was taken meanwhile. Answers what it
 * could; undefined for a request that must claim first: one with files to attach, of an agency not
 * yet numbered here today, one that failed its checks (it may be a replay, which the claim answers),
 * or all of them when the statement failed.
 */
async function oneStatementBatch(
  db: Db,
  requests: readonly IntakeRequest[],
): Promise<(Outcome<IntakeResult> | undefined)[]> {
  const outcomes: (Outcome<IntakeResult> | undefined)[] = requests.map(() => undefined);
  const numbers = intakeNumbers(db);
  const reads = intakeReads(db, db);
  const fit: { index: number; agency: Agency; day: string }[] = [];
  for (const [index, r] of requests.entries()) {
    const { input } = r;
    if (input.files.length > 0 || input.components.some((c) => c.files.length > 0)) continue;
    const agency = await reads.agency(input.agency);
    const day = vietnamDay(r.now);
    if (agency && numbers.last(agency.id, day) !== undefined) fit.push({ index, agency, day });
  }
  if (fit.length === 0) return outcomes;
  const ids = await numbers.ids(fit.length);
  const counters = new Map<string, store.CounterAdvance>();
  const plans: PlannedIntake[] = [];
  const planned: number[] = [];
  for (const [i, { index, agency, day }] of fit.entries()) {
    const counter = counters.get(`${agency.id}/${day}`) ?? {
      agencyId: agency.id,
      day,
      last: numbers.last(agency.id, day)!,
      taken: 0,
    };
    const code = dossierCode(agency.code, day, counter.last + counter.taken + 1);
    try {
      plans.push(await planIntake(db, db, reads, requests[index], agency, { code, id: ids[i] }));
    } catch {
      continue; // the claim answers it: it may be a replay of a request that passed its checks then
    }
    planned.push(index);
    counter.taken++;
    counters.set(`${agency.id}/${day}`, counter);
  }
  if (plans.length === 0) return outcomes;
  let written: Awaited<ReturnType<typeof writeIntakes>>;
  try {
    written = await writeIntakes(db, plans, [...counters.values()]);
  } catch {
    // Nothing was written; a wrong guess, a replay or another failure: the claim sorts them out.
    for (const c of counters.values()) numbers.missed(c.agencyId, c.day);
    return outcomes;
  }
  for (const c of counters.values()) numbers.guessed(c.agencyId, c.day, c.last + c.taken);
  for (const [i, p] of plans.entries()) {
    const detail = await writtenDetail(db, p, written[i]);
    outcomes[planned[i]] = { ok: true, value: { replayed: false, dossier: intakeView(detail) } };
  }
  return outcomes;
}

/**
 * Runs a batch and answers every request of it: in one statement where it can, the rest claiming
 * first. There, a request that fails its checks gets its error and the others run again without it;
 * any other failure (a deadlock, say) runs each request alone. A key sent twice in one batch runs
 * again after it, as the replay it is.
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
      (await claimingBatch(db, batch)).forEach((o, j) => (outcomes[indexes[j]] = o));
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
  const quick = await oneStatementBatch(
    db,
    first.map((i) => requests[i]),
  );
  const rest: number[] = [];
  quick.forEach((o, j) => (o ? (outcomes[first[j]] = o) : rest.push(first[j])));
  await settle(rest);
  const repeated = again.map((i) => requests[i]);
  if (repeated.length > 0) (await settleIntakes(db, repeated)).forEach((o, j) => (outcomes[again[j]] = o));
  return outcomes;
}

/** Concurrent intakes of one database handle, committed together (docs/performance.md, "Group commit"). */
const intakes = groupPerOwner(
  (db: Db) =>
    new GroupCommit((requests: IntakeRequest[]) => settleIntakes(db, requests), { maxBatch: 64, maxInFlight: 1 }),
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
