import { instantAt } from '../../modules/calendar/dates';
import {
  addWorkingMinutes,
  dueAt,
  isWorkingDay,
  workingMinutesBetween,
  type DeadlineUnit,
} from '../../modules/calendar/rules';
import {
  applyTransition,
  type Actor,
  type DossierEvent,
  type DossierState,
  type DossierStatus,
  type Holder,
} from '../../modules/dossiers/lifecycle';
import { resolutionTimeliness } from '../../modules/reports/rules';
import { versionForReceipt } from '../../modules/reports/import-rules';
import { planDueTimes, stepDueAt } from '../../modules/workflow/rules';
import { applicant, type GenApplicant } from './people';
import type { Random } from './random';
import type { PlannedRating } from './ratings';
import type { GenAgency, GenProcedure, GenStep, GenUnit, GenVersion, Province } from './province';

/**
 * One generated dossier, pure: where and when it is received, the events an office would have made
 * (the same transitions the services apply, with the calendar's appointment), and the state their
 * replay gives. The store writes the state to `dossiers` and the events to `dossier_events`, so the
 * stored status is the replay of the stored history by construction. Each planned event carries the
 * columns of its history row that the replay gives (status before and after, the version it makes, the
 * holder it leaves), flat rather than the whole state: a batch keeps ~13,000 of them until it is written.
 */
export type PlannedEvent = {
  event: DossierEvent;
  data: Readonly<Record<string, unknown>>;
  before: DossierStatus | null;
  after: DossierStatus;
  seq: number;
  holderAgencyId: number;
  holderUnitId: number | null;
  holderUserId: number | null;
};
export type PlannedStep = {
  seq: number;
  name: string;
  agencyId: number;
  unitId: number;
  role: string;
  durationValue: number;
  durationUnit: string;
  assigneeUserId: number | null;
  startedAt: Date | null;
  dueAt: Date;
  completedAt: Date | null;
  completedBy: number | null;
  timeliness: string | null;
};
export type PlannedDossier = {
  agency: GenAgency;
  procedure: GenProcedure;
  version: GenVersion;
  channel: 'direct' | 'postal' | 'online';
  receivedAt: Date;
  applicant: GenApplicant;
  applicantUserId: number | null;
  events: PlannedEvent[];
  state: DossierState;
  /** The internal process of a dossier still in progress (closed ones carry their history only). */
  steps: PlannedStep[] | null;
  /** The applicant's satisfaction rating of a returned dossier, when they gave one (ratings.ts). */
  rating?: PlannedRating | null;
};

/** A dossier held at a chosen step now: the demo's inboxes. */
export type Pinned = {
  agencyId: number;
  procedureCode: string;
  receivedAt: Date;
  stopAtSeq: number;
  assignee?: number;
};

const MINUTE = 60_000;
const at = (d: Date, minutes: number) => new Date(d.getTime() + minutes * MINUTE);

/** A moment inside the agency's office hours of `day`. */
function officeMoment(a: GenAgency, day: string, rng: Random): Date {
  const periods = a.calendar.officeHours;
  const p = rng.weighted(periods, (x) => x.end - x.start);
  return instantAt(day, rng.int(p.start, p.end - 1) * MINUTE + rng.int(0, 59) * 1000);
}

const FIELD_CHANNELS: Record<string, [string, number][]> = {
  CHUNG_THUC: [
    ['direct', 0.93],
    ['online', 0.05],
    ['postal', 0.02],
  ],
  HO_TICH: [
    ['direct', 0.6],
    ['online', 0.35],
    ['postal', 0.05],
  ],
};
const OTHER_CHANNELS: [string, number][] = [
  ['direct', 0.6],
  ['online', 0.3],
  ['postal', 0.1],
];

function channelFor(v: GenVersion, working: boolean, rng: Random): PlannedDossier['channel'] {
  if (!working) return 'online';
  const mix = (FIELD_CHANNELS[v.fieldCode] ?? OTHER_CHANNELS).filter(([c]) => v.channels.includes(c));
  return (mix.length ? rng.weighted(mix, ([, w]) => w)[0] : 'direct') as PlannedDossier['channel'];
}

function officer(unit: GenUnit, role: string, rng: Random): number {
  const ids = unit.officers.get(role);
  if (!ids?.length) throw new Error(`Unit ${unit.code} (${unit.name}) has no officer with role ${role}`);
  return rng.pick(ids);
}

type Walker = { step: GenStep; agency: GenAgency; unit: GenUnit; userId: number };

/** Who holds each step of the version: specialists are personal work, other steps their unit's. */
function staffSteps(p: Province, receiving: GenAgency, v: GenVersion, rng: Random, pinned?: Pinned): Walker[] {
  return v.steps.map((step) => {
    const agency = step.agencyId === null ? receiving : p.agencies.get(step.agencyId)!;
    const unit = agency.units.get(step.unitCode);
    if (!unit) throw new Error(`Step ${step.seq} of ${v.name} names unit ${step.unitCode}, missing in ${agency.code}`);
    const chosen = pinned?.assignee !== undefined && step.seq === pinned.stopAtSeq ? pinned.assignee : undefined;
    return { step, agency, unit, userId: chosen ?? officer(unit, step.role, rng) };
  });
}

function holderOf(w: Walker): Holder {
  return { agencyId: w.agency.id, unitId: w.unit.id, userId: w.step.role === 'specialist' ? w.userId : null };
}
const actorOf = (w: Walker): Actor => ({
  userId: w.userId,
  role: w.step.role,
  unitId: w.unit.id,
  agencyId: w.agency.id,
});

type Clock = { asOf: Date; events: PlannedEvent[]; state: DossierState | null };
const NO_DATA = Object.freeze({});
/** Adds the event if it happened by `asOf`, applying it to the state (the replay); answers whether it did. */
function record(c: Clock, event: DossierEvent, data: Readonly<Record<string, unknown>> = NO_DATA): boolean {
  if (event.at > c.asOf) return false;
  const after = applyTransition(c.state, event);
  c.events.push({
    event,
    data,
    before: c.state?.status ?? null,
    after: after.status,
    seq: after.version,
    holderAgencyId: after.holderAgencyId,
    holderUnitId: after.holderUnitId,
    holderUserId: after.holderUserId,
  });
  c.state = after;
  return true;
}

/** Online: submitted, checked by the desk (sometimes a supplement first, rarely refused or withdrawn). */
function deskCheck(c: Clock, a: GenAgency, desk: Actor, citizen: Actor, receivedAt: Date, rng: Random): Date | null {
  const holder = { agencyId: a.id, unitId: a.desk!.id, userId: null };
  if (!record(c, { action: 'submit', at: receivedAt, actor: citizen, holder })) return null;
  let checked = addWorkingMinutes(a.calendar, receivedAt, rng.int(30, 600));
  const turnedAway = rng.chance(0.012) ? 'refuse' : rng.chance(0.006) ? 'withdraw' : null;
  if (turnedAway) {
    record(c, { action: turnedAway, at: checked, actor: turnedAway === 'refuse' ? desk : citizen });
    return null;
  }
  if (rng.chance(0.08)) {
    if (!record(c, { action: 'request_supplement', at: checked, actor: desk })) return null;
    const back = at(checked, rng.int(1, 6) * 24 * 60 + rng.int(0, 600));
    if (!record(c, { action: 'resubmit', at: back, actor: citizen })) return null;
    checked = addWorkingMinutes(a.calendar, back, rng.int(30, 600));
  }
  return checked;
}

type Closing = { resolveAt: Date | null; withdrawAt: Date | null };

/** Most results early, some on the appointment day, a few percent late, a few withdrawn (domain.md seeds). */
function closing(a: GenAgency, accepted: Date, due: Date, rng: Random): Closing {
  const span = Math.max(1, workingMinutesBetween(a.calendar, accepted, due));
  if (rng.chance(0.015))
    return { resolveAt: null, withdrawAt: addWorkingMinutes(a.calendar, accepted, span * rng.next()) };
  if (rng.chance(0.035))
    return { resolveAt: addWorkingMinutes(a.calendar, due, rng.int(30, 5 * 480)), withdrawAt: null };
  const share = 0.2 + 0.8 * Math.pow(rng.next(), 0.6);
  return {
    resolveAt: addWorkingMinutes(a.calendar, accepted, Math.max(1, Math.round(span * share))),
    withdrawAt: null,
  };
}

/**
 * The walk through the steps: each step handed on (forward, or approve at a leader's step) at a time
 * spread over the work until the result by the steps' shares, then the result and its return.
 */
function walk(c: Clock, walkers: Walker[], accepted: Date, end: Closing, dues: Date[], pinned: Pinned | undefined) {
  const total = walkers.reduce((s, w) => s + w.step.minutes, 0);
  const last = end.resolveAt ?? end.withdrawAt;
  const moves: Date[] = [];
  let done = 0;
  for (let i = 0; i < walkers.length - 1; i++) {
    done += walkers[i].step.minutes;
    if (pinned) {
      if (walkers[i + 1].step.seq > pinned.stopAtSeq) break;
      const from = i === 0 ? accepted : moves[i - 1];
      moves.push(addWorkingMinutes(walkers[i].agency.calendar, from, Math.ceil(walkers[i].step.minutes * 0.8)));
    } else moves.push(new Date(accepted.getTime() + ((last!.getTime() - accepted.getTime()) * done) / total));
  }
  let current = 0;
  for (const [i, t] of moves.entries()) {
    if (end.withdrawAt && t >= end.withdrawAt) break;
    const w = walkers[i];
    const next = walkers[i + 1];
    const action = w.step.role === 'unit_leader' || w.step.role === 'agency_leader' ? 'approve' : 'forward';
    const timeliness = resolutionTimeliness(t, dues[i]);
    const data = { completedStep: w.step.seq, timeliness, step: stepRef(next.step), to: unitRef(next) };
    if (!record(c, { action, at: t, actor: actorOf(w), holder: holderOf(next), stepSeq: next.step.seq }, data)) break;
    current = i + 1;
  }
  return { moves, current };
}

// The step and unit a hand-over names, made once per step and unit of the province: millions of events
// share them (they are only ever serialised).
const stepRefs = new WeakMap<GenStep, { seq: number; name: string }>();
const unitRefs = new WeakMap<
  GenUnit,
  { agency: { code: string; name: string }; unit: { code: string; name: string } }
>();
function stepRef(step: GenStep) {
  let ref = stepRefs.get(step);
  if (!ref) stepRefs.set(step, (ref = { seq: step.seq, name: step.name }));
  return ref;
}
function unitRef({ agency, unit }: Walker) {
  let ref = unitRefs.get(unit);
  if (!ref) {
    ref = { agency: { code: agency.code, name: agency.name }, unit: { code: unit.code, name: unit.name } };
    unitRefs.set(unit, ref);
  }
  return ref;
}

/** A procedure with a version in force on `day` (one abolished by then receives nothing). */
function procedureFor(p: Province, rng: Random, day: string, pinned: Pinned | undefined) {
  const noon = instantAt(day, 12 * 60 * MINUTE);
  for (let attempt = 0; attempt < 100; attempt++) {
    const procedure = pinned
      ? p.procedures.find((x) => x.code === pinned.procedureCode)
      : rng.weighted(p.procedures, procedureWeight(p));
    if (!procedure) throw new Error(`No procedure ${pinned!.procedureCode} in the catalogue`);
    const firstGuess = versionForReceipt(procedure.versions, noon);
    if (firstGuess) return { procedure, firstGuess };
    if (pinned) break;
  }
  throw new Error(`No procedure of the catalogue was in force on ${day}`);
}

/** Plans one dossier received on `day` (a Vietnam date), as things stand at `asOf`. */
export function planDossier(p: Province, rng: Random, day: string, asOf: Date, pinned?: Pinned): PlannedDossier {
  const { procedure, firstGuess } = procedureFor(p, rng, day, pinned);
  const agency = p.agencies.get(pinned?.agencyId ?? rng.weighted(procedure.agencyIds, (id) => agencyWeight(p, id)))!;
  const working = isWorkingDay(agency.calendar, day);
  const channel = pinned ? 'direct' : channelFor(firstGuess as GenVersion, working, rng);
  let receivedAt =
    pinned?.receivedAt ??
    (channel === 'online' ? instantAt(day, rng.int(6 * 60, 23 * 60) * MINUTE) : officeMoment(agency, day, rng));
  if (receivedAt > asOf) receivedAt = at(asOf, -rng.int(1, 120));
  const version = (versionForReceipt(procedure.versions, receivedAt) ?? firstGuess) as GenVersion;
  const desk = agency.desk!;
  const deskActor: Actor = {
    userId: officer(desk, 'reception', rng),
    role: 'reception',
    unitId: desk.id,
    agencyId: agency.id,
  };
  const citizen: Actor = { userId: p.citizenUserId, role: 'citizen', unitId: null, agencyId: null };
  const c: Clock = { asOf, events: [], state: null };
  const accepted = channel === 'online' ? deskCheck(c, agency, deskActor, citizen, receivedAt, rng) : receivedAt;
  let steps: PlannedStep[] | null = null;
  if (accepted) steps = accept(c, p, agency, version, accepted, deskActor, pinned, rng);
  const state = c.state!;
  const open = state.status === 'in_progress';
  return {
    agency,
    procedure,
    version,
    channel,
    receivedAt,
    applicant: applicant(rng, receivedAt.getUTCFullYear()),
    applicantUserId: channel === 'online' ? p.citizenUserId : null,
    events: c.events,
    state,
    steps: open ? steps : null,
  };
}

function accept(
  c: Clock,
  p: Province,
  agency: GenAgency,
  version: GenVersion,
  accepted: Date,
  deskActor: Actor,
  pinned: Pinned | undefined,
  rng: Random,
): PlannedStep[] | null {
  const due = dueAt(agency.calendar, accepted, version.deadline.value, version.deadline.unit as DeadlineUnit);
  const walkers = staffSteps(p, agency, version, rng, pinned);
  if (walkers.length) walkers[0].userId = deskActor.userId;
  const online = c.events.length > 0;
  const holder = { agencyId: agency.id, unitId: agency.desk!.id, userId: deskActor.userId };
  const stepSeq = walkers[0]?.step.seq ?? null;
  const event: DossierEvent = {
    action: online ? 'accept' : 'receive',
    at: accepted,
    actor: deskActor,
    holder,
    dueAt: due,
    stepSeq,
  };
  if (!record(c, event)) return null;
  if (walkers.length === 0) return null;
  const calendars = (id: number) => p.agencies.get(id)!.calendar;
  const dues = planDueTimes(
    walkers.map((w) => ({ agencyId: w.agency.id, minutes: w.step.minutes })),
    accepted,
    due,
    calendars,
  );
  const end: Closing = pinned ? { resolveAt: null, withdrawAt: null } : closing(agency, accepted, due, rng);
  const { moves, current } = walk(c, walkers, accepted, end, dues, pinned);
  if (end.withdrawAt) {
    record(c, { action: 'withdraw', at: end.withdrawAt, actor: deskActor });
  } else if (end.resolveAt && current === walkers.length - 1) {
    const last = walkers[current];
    if (record(c, { action: 'result_ready', at: end.resolveAt, actor: actorOf(last) })) {
      const returned = addWorkingMinutes(agency.calendar, end.resolveAt, rng.int(10, 2 * 480));
      record(c, { action: 'return', at: returned, actor: deskActor });
    }
  }
  return walkers.map((w, i) => {
    const started = i <= current ? (i === 0 ? accepted : moves[i - 1]) : null;
    const completed = i < current ? moves[i] : null;
    const stepDue = i === current && started ? stepDueAt(w.agency.calendar, started, w.step.minutes, due) : dues[i];
    return {
      seq: w.step.seq,
      name: w.step.name,
      agencyId: w.agency.id,
      unitId: w.unit.id,
      role: w.step.role,
      durationValue: w.step.durationValue,
      durationUnit: w.step.durationUnit,
      assigneeUserId: started && (i === 0 || w.step.role === 'specialist') ? w.userId : null,
      startedAt: started,
      dueAt: stepDue,
      completedAt: completed,
      completedBy: completed ? w.userId : null,
      timeliness: completed ? resolutionTimeliness(completed, dues[i]) : null,
    };
  });
}

/** Civil status and certification make most of a desk's work (domain.md: 1,019 of 1,050 in a commune). */
const FIELD_WEIGHTS: Record<string, number> = { HO_TICH: 40, CHUNG_THUC: 42 };
const OTHER_FIELDS_WEIGHT = 18;

const weights = new WeakMap<Province, (x: GenProcedure) => number>();

function procedureWeight(p: Province) {
  const known = weights.get(p);
  if (known) return known;
  const perField = new Map<string, number>();
  for (const x of p.procedures) perField.set(x.fieldCode, (perField.get(x.fieldCode) ?? 0) + 1);
  const others = [...perField.keys()].filter((f) => !(f in FIELD_WEIGHTS)).length || 1;
  const weight = (x: GenProcedure) =>
    (FIELD_WEIGHTS[x.fieldCode] ?? OTHER_FIELDS_WEIGHT / others) / perField.get(x.fieldCode)!;
  weights.set(p, weight);
  return weight;
}

const agencyOrders = new WeakMap<Province, number[]>();

/** Wards and communes differ in size; the first ones seeded are the biggest (Hạ Long in the demo). */
function agencyWeight(p: Province, id: number): number {
  let ids = agencyOrders.get(p);
  if (!ids) agencyOrders.set(p, (ids = [...p.agencies.keys()]));
  return 1 / (1 + ids.indexOf(id) * 0.15);
}
