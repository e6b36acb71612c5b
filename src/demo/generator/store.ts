import { sql } from 'kysely';
import type { Tx } from '../../db/database';
import { dossierCode, ruleSetAt, vietnamDay } from '../../modules/dossiers/rules';
import { takeSequences } from '../../modules/reports/import-store';
import { resolutionTimeliness } from '../../modules/reports/rules';
import { foldVietnamese } from '../../shared/text';
import type { DossierEvent } from '../../modules/dossiers/lifecycle';
import type { PlannedDossier } from './plan';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** Codes from the agency's daily sequence of the receipt day (the counter live intake uses), in order of receipt. */
export async function codesFor(tx: Tx, plans: PlannedDossier[]): Promise<string[]> {
  const keyOf = (p: PlannedDossier) => `${p.agency.id}/${vietnamDay(p.receivedAt)}`;
  const counts = new Map<string, number>();
  for (const p of plans) counts.set(keyOf(p), (counts.get(keyOf(p)) ?? 0) + 1);
  const wanted = [...counts].map(([key, count]) => {
    const [agencyId, day] = key.split('/');
    return { agencyId: Number(agencyId), day, count };
  });
  const last = await takeSequences(tx, wanted);
  const next = new Map([...counts].map(([key, count]) => [key, last.get(key)! - count + 1]));
  return plans.map((p) => {
    const key = keyOf(p);
    const seq = next.get(key)!;
    next.set(key, seq + 1);
    return dossierCode(p.agency.code, vietnamDay(p.receivedAt), seq);
  });
}

/** A dossier's row; `id` null lets the INSERT path take it from the sequence (COPY takes the ids first). */
export function dossierRecord(p: PlannedDossier, code: string, id: number | null) {
  const s = p.state;
  const fees = p.version.fees;
  return {
    id,
    code,
    agency_id: p.agency.id,
    procedure_id: p.version.procedureId,
    procedure_version_id: p.version.id,
    procedure_code: p.procedure.code,
    procedure_name: p.version.name,
    field_code: p.version.fieldCode,
    channel: p.channel,
    rule_set: ruleSetAt(p.receivedAt),
    deadline_value: p.version.deadline.value,
    deadline_unit: p.version.deadline.unit,
    clock_on_resume: p.version.clockOnResume,
    first_step_seq: p.version.steps[0]?.seq ?? null,
    applicant_kind: 'person',
    applicant_name: p.applicant.fullName,
    applicant_name_folded: foldVietnamese(p.applicant.fullName),
    applicant_id_number: p.applicant.idNumber,
    applicant_phone: p.applicant.phone,
    applicant_user_id: p.applicantUserId,
    fees,
    fee_total: fees.reduce((sum, f) => sum + f.amount, 0),
    status: s.status,
    version: s.version,
    received_at: iso(p.receivedAt),
    accepted_at: iso(s.acceptedAt),
    due_at: iso(s.dueAt),
    original_due_at: iso(s.originalDueAt),
    resolved_at: iso(s.resolvedAt),
    returned_at: iso(s.returnedAt),
    withdrawn_at: iso(s.withdrawnAt),
    refused_at: iso(s.refusedAt),
    outcome: s.outcome,
    current_step_seq: s.currentStepSeq,
    holder_agency_id: s.holderAgencyId,
    holder_unit_id: s.holderUnitId,
    holder_user_id: s.holderUserId,
    resolution_timeliness: s.resolvedAt && s.originalDueAt ? resolutionTimeliness(s.resolvedAt, s.originalDueAt) : null,
  };
}

/** One statement for the dossiers of a batch (the statistics trigger runs once for all of them). */
async function insertDossiers(tx: Tx, records: ReturnType<typeof dossierRecord>[]): Promise<Map<string, number>> {
  const { rows } = await sql<{ id: number; code: string }>`
    INSERT INTO dossiers (code, agency_id, procedure_id, procedure_version_id, procedure_code, procedure_name,
      field_code, channel, rule_set, deadline_value, deadline_unit, clock_on_resume, first_step_seq, applicant_kind,
      applicant_name, applicant_name_folded, applicant_id_number, applicant_phone, applicant_user_id, fees, fee_total,
      status, version, received_at, accepted_at, due_at, original_due_at, resolved_at, returned_at, withdrawn_at,
      refused_at, outcome, current_step_seq, holder_agency_id, holder_unit_id, holder_user_id, resolution_timeliness)
    SELECT code, agency_id, procedure_id, procedure_version_id, procedure_code, procedure_name, field_code, channel,
      rule_set, deadline_value, deadline_unit, clock_on_resume, first_step_seq, applicant_kind, applicant_name,
      applicant_name_folded, applicant_id_number, applicant_phone, applicant_user_id, fees, fee_total, status, version,
      received_at, accepted_at, due_at, original_due_at, resolved_at, returned_at, withdrawn_at, refused_at, outcome,
      current_step_seq, holder_agency_id, holder_unit_id, holder_user_id, resolution_timeliness
    FROM jsonb_to_recordset(${JSON.stringify(records)}::jsonb) AS r(code text, agency_id int, procedure_id int,
      procedure_version_id int, procedure_code text, procedure_name text, field_code text, channel text, rule_set text,
      deadline_value int, deadline_unit text, clock_on_resume text, first_step_seq int, applicant_kind text,
      applicant_name text, applicant_name_folded text, applicant_id_number text, applicant_phone text,
      applicant_user_id int, fees jsonb, fee_total bigint, status text, version int, received_at timestamptz,
      accepted_at timestamptz, due_at timestamptz, original_due_at timestamptz, resolved_at timestamptz,
      returned_at timestamptz, withdrawn_at timestamptz, refused_at timestamptz, outcome text, current_step_seq int,
      holder_agency_id int, holder_unit_id int, holder_user_id int, resolution_timeliness text)
    RETURNING id, code`.execute(tx);
  return new Map(rows.map((r) => [r.code, r.id]));
}

/** The columns of an event; what else it carries (an appointment, a step) is kept in `data` for replay. */
const EVENT_FIELDS_IN_COLUMNS = new Set(['action', 'at', 'actor', 'holder']);

/**
 * The history as `insertEvent` writes it: each event with the status before and after it and the holder
 * it left, as planning replayed them (plan.ts `record`).
 */
export function eventRecords(p: PlannedDossier, dossierId: number) {
  return p.events.map((e) => {
    const event = e.event;
    const extended: Record<string, unknown> = { ...e.data };
    for (const key in event) if (!EVENT_FIELDS_IN_COLUMNS.has(key)) extended[key] = event[key as keyof DossierEvent];
    return {
      dossier_id: dossierId,
      seq: e.seq,
      action: event.action,
      from_status: e.before,
      to_status: e.after,
      at: event.at.toISOString(),
      actor_user_id: event.actor.userId,
      actor_role: event.actor.role,
      actor_unit_id: event.actor.unitId,
      actor_agency_id: event.actor.agencyId,
      holder_agency_id: e.holderAgencyId,
      holder_unit_id: e.holderUnitId,
      holder_user_id: e.holderUserId,
      data: extended,
    };
  });
}

async function insertEvents(tx: Tx, records: ReturnType<typeof eventRecords>): Promise<void> {
  await sql`
    INSERT INTO dossier_events (dossier_id, seq, action, from_status, to_status, at, actor_user_id, actor_role,
      actor_unit_id, actor_agency_id, holder_agency_id, holder_unit_id, holder_user_id, data)
    SELECT dossier_id, seq, action, from_status, to_status, at, actor_user_id, actor_role, actor_unit_id,
      actor_agency_id, holder_agency_id, holder_unit_id, holder_user_id, data
    FROM jsonb_to_recordset(${JSON.stringify(records)}::jsonb) AS r(dossier_id int, seq int, action text,
      from_status text, to_status text, at timestamptz, actor_user_id int, actor_role text, actor_unit_id int,
      actor_agency_id int, holder_agency_id int, holder_unit_id int, holder_user_id int, data jsonb)`.execute(tx);
}

/** The internal process of the dossiers still in progress, as `openProcess` and the moves leave it. */
export function stepRecords(plans: PlannedDossier[], ids: number[]) {
  return plans.flatMap((p, i) =>
    (p.steps ?? []).map((s) => ({
      dossier_id: ids[i],
      seq: s.seq,
      name: s.name,
      agency_id: s.agencyId,
      unit_id: s.unitId,
      role: s.role,
      duration_value: s.durationValue,
      duration_unit: s.durationUnit,
      assignee_user_id: s.assigneeUserId,
      started_at: iso(s.startedAt),
      due_at: iso(s.dueAt),
      completed_at: iso(s.completedAt),
      completed_by: s.completedBy,
      timeliness: s.timeliness,
      visits: s.startedAt ? 1 : 0,
    })),
  );
}

async function insertSteps(tx: Tx, plans: PlannedDossier[], ids: number[]) {
  const rows = stepRecords(plans, ids);
  if (rows.length === 0) return;
  await sql`
    INSERT INTO dossier_steps (dossier_id, seq, name, agency_id, unit_id, role, duration_value, duration_unit,
      assignee_user_id, started_at, due_at, completed_at, completed_by, timeliness, visits)
    SELECT * FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS r(dossier_id int, seq int, name text,
      agency_id int, unit_id int, role text, duration_value int, duration_unit text, assignee_user_id int,
      started_at timestamptz, due_at timestamptz, completed_at timestamptz, completed_by int, timeliness text,
      visits int)`.execute(tx);
}

/**
 * The ratings of the returned dossiers, attributed as the rating service does (`ratedOfficer`): to
 * the dossier's agency and procedure and to the officer who returned the result, in the unit they
 * returned it for.
 */
export function ratingRecords(plans: PlannedDossier[], ids: number[]) {
  return plans.flatMap((p, i) => {
    if (!p.rating) return [];
    const returned = p.events.findLast((e) => e.event.action === 'return')?.event.actor;
    return [
      {
        dossier_id: ids[i],
        agency_id: p.agency.id,
        procedure_code: p.procedure.code,
        unit_id: returned ? returned.unitId : p.state.holderUnitId,
        officer_id: returned ? returned.userId : p.state.holderUserId,
        level: p.rating.level,
        reasons: p.rating.reasons,
        comment: p.rating.comment,
        channel: p.rating.channel,
        rated_at: p.rating.ratedAt.toISOString(),
        rated_by: p.rating.ratedBy,
      },
    ];
  });
}

async function insertRatings(tx: Tx, plans: PlannedDossier[], ids: number[]) {
  const rows = ratingRecords(plans, ids);
  if (rows.length === 0) return;
  await sql`
    INSERT INTO ratings (dossier_id, agency_id, procedure_code, unit_id, officer_id, level, reasons, comment, channel,
      rated_at, rated_by)
    SELECT dossier_id, agency_id, procedure_code, unit_id, officer_id, level,
      ARRAY(SELECT jsonb_array_elements_text(reasons)), comment, channel, rated_at, rated_by
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS r(dossier_id int, agency_id int, procedure_code text,
      unit_id int, officer_id int, level text, reasons jsonb, comment text, channel text, rated_at timestamptz,
      rated_by int)`.execute(tx);
}

/** Writes a batch of planned dossiers with their codes, histories, open processes and ratings. */
export async function writeBatch(tx: Tx, plans: PlannedDossier[], codes: string[]): Promise<void> {
  const byCode = await insertDossiers(
    tx,
    plans.map((p, i) => dossierRecord(p, codes[i], null)),
  );
  const ids = codes.map((c) => byCode.get(c)!);
  await insertEvents(
    tx,
    plans.flatMap((p, i) => eventRecords(p, ids[i])),
  );
  await insertSteps(tx, plans, ids);
  await insertRatings(tx, plans, ids);
}
