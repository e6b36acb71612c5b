import { AppError } from '../../shared/errors';
import { eventActionName, formSpec, type FormKind } from '../documents/rule-sets';
import { formatVietnamTime } from '../calendar/rules';
import { ROLE_NAMES, type Role } from '../identity/roles';
import type { DossierDetail, EventDetail, NamedRef, findPublic } from './detail-store';
import { ACTION_NAMES, STATUS_NAMES, type DossierAction, type DossierStatus } from './lifecycle';

/** api.md: times are ISO 8601 with the +07:00 offset. */
export const time = (d: Date | null) => (d ? formatVietnamTime(d) : null);

/** The unit and agency holding the dossier, as the public and the forms name them. */
export function holderName(h: DossierDetail['holder']): string {
  return h.unit ? `${h.unit.name} - ${h.agency.name}` : h.agency.name;
}

/** The public lookup (api.md): exactly these keys, no personal data. */
export function publicView(d: NonNullable<Awaited<ReturnType<typeof findPublic>>>) {
  return {
    code: d.code,
    procedure: d.procedure_name,
    status: d.status,
    receivedAt: time(d.received_at),
    dueAt: time(d.due_at),
    resolvedAt: time(d.resolved_at),
    holder: d.unit_name ? `${d.unit_name} - ${d.agency_name}` : d.agency_name,
  };
}

function summaryView(x: DossierDetail) {
  const d = x.dossier;
  return {
    code: d.code,
    status: d.status,
    statusName: STATUS_NAMES[d.status as DossierStatus].vi,
    version: d.version,
    channel: d.channel,
    ruleSet: d.rule_set,
    procedure: { code: d.procedure_code, name: d.procedure_name, versionId: d.procedure_version_id },
    field: d.field_code,
    agency: { code: x.agency.code, name: x.agency.name },
    receivedAt: time(d.received_at),
    acceptedAt: time(d.accepted_at),
    dueAt: time(d.due_at),
    originalDueAt: time(d.original_due_at),
    resolvedAt: time(d.resolved_at),
    returnedAt: time(d.returned_at),
    withdrawnAt: time(d.withdrawn_at),
    refusedAt: time(d.refused_at),
    outcome: d.outcome,
    currentStepSeq: d.current_step_seq,
    holder: { ...x.holder, name: holderName(x.holder) },
  };
}

function applicantView(x: DossierDetail) {
  const d = x.dossier;
  return {
    kind: d.applicant_kind,
    fullName: d.applicant_name,
    idNumber: d.applicant_id_number,
    phone: d.applicant_phone,
    email: d.applicant_email,
    address: d.applicant_address,
  };
}

const componentsView = (x: DossierDetail) =>
  x.components.map((c) => ({
    componentId: c.component_id,
    name: c.name,
    required: c.required,
    requiredOriginals: c.required_originals,
    requiredCopies: c.required_copies,
    originals: c.originals,
    copies: c.copies,
  }));

const feesView = (x: DossierDetail) => ({ fees: x.dossier.fees, feeTotal: x.dossier.fee_total });

/** Event data keeps instants in UTC (`…At` keys); the API shows them with the +07:00 offset like every time. */
function dataView(data: Record<string, unknown>) {
  return Object.fromEntries(
    Object.entries(data).map(([k, v]) => [k, k.endsWith('At') && typeof v === 'string' ? time(new Date(v)) : v]),
  );
}

/** An event's name as the dossier's rule set says it (the apology differs between 2018 and 2025). */
const actionName = (action: string, ruleSet: string): string =>
  (eventActionName(action, ruleSet) ?? ACTION_NAMES[action as DossierAction])?.vi ?? action;

function historyItem(e: EventDetail, ruleSet: string) {
  const r = e.row;
  return {
    seq: r.seq,
    action: r.action,
    actionName: actionName(r.action, ruleSet),
    fromStatus: r.from_status,
    toStatus: r.to_status,
    at: time(r.at),
    actor: { id: r.actor_user_id, fullName: e.actorName, role: r.actor_role },
    unit: e.unit,
    agency: e.agency,
    comment: r.comment,
    data: dataView(r.data),
    files: e.files,
  };
}

/** The dossier as authorised staff and its applicant see it, with its history (the control sheet's data). */
export function detailView(x: DossierDetail) {
  return {
    ...summaryView(x),
    applicant: applicantView(x),
    components: componentsView(x),
    ...feesView(x),
    history: x.events.map((e) => historyItem(e, x.dossier.rule_set)),
  };
}

/** What an intake answers: the dossier without its history, and the receipt when accepted at once. */
export function intakeView(x: DossierDetail) {
  return {
    ...summaryView(x),
    components: componentsView(x),
    ...feesView(x),
    receipt: x.dossier.accepted_at ? receiptForm(x) : null,
  };
}

/** The last event that issued `form`; none yet is a 409 naming the form as the dossier's rule set does. */
function lastEvent(x: DossierDetail, actions: readonly DossierAction[], form: FormKind): EventDetail {
  const e = [...x.events].reverse().find((ev) => actions.includes(ev.row.action as DossierAction));
  if (e) return e;
  const name = formSpec(x.dossier.rule_set, form).title.toLocaleLowerCase('vi');
  throw new AppError(
    'FORM_NOT_AVAILABLE',
    409,
    `Hồ sơ chưa có ${name}`,
    `The dossier has no such form yet (${name})`,
    'form',
  );
}

const officerOf = (e: EventDetail) => ({
  fullName: e.actorName,
  role: ROLE_NAMES[e.row.actor_role as Role]?.vi ?? e.row.actor_role,
  unit: e.unit,
});

/** The form's number and the dossier's data every form prints; a form its rule set lacks is a 409. */
function formHeader(x: DossierDetail, form: FormKind) {
  const d = x.dossier;
  return {
    form: formSpec(d.rule_set, form).number,
    ruleSet: d.rule_set,
    code: d.code,
    agency: x.agency,
    procedure: { code: d.procedure_code, name: d.procedure_name },
    applicant: applicantView(x),
  };
}

/** Mẫu 01, giấy tiếp nhận hồ sơ và hẹn trả kết quả (Circular 01/2018/TT-VPCP). */
export function receiptForm(x: DossierDetail) {
  const e = lastEvent(x, ['receive', 'accept'], 'receipt');
  const d = x.dossier;
  return {
    ...formHeader(x, 'receipt'),
    channel: d.channel,
    components: x.components
      .filter((c) => c.originals + c.copies > 0)
      .map((c) => ({ name: c.name, originals: c.originals, copies: c.copies })),
    ...feesView(x),
    receivedAt: time(d.received_at),
    acceptedAt: time(e.row.at),
    dueAt: time(d.original_due_at),
    receivingOfficer: officerOf(e),
  };
}

/**
 * Mẫu 02, phiếu yêu cầu bổ sung, hoàn thiện hồ sơ: every item at once, each with its reason; asked at
 * the desk check or, the clock stopped, during processing.
 */
export function supplementForm(x: DossierDetail) {
  const e = lastEvent(x, ['request_supplement', 'pause'], 'supplement-request');
  return {
    ...formHeader(x, 'supplement-request'),
    items: (e.row.data as { items: unknown[] }).items,
    comment: e.row.comment,
    requestedAt: time(e.row.at),
    officer: officerOf(e),
  };
}

/** Mẫu 03, phiếu từ chối tiếp nhận giải quyết hồ sơ, with the reason. */
export function refusalForm(x: DossierDetail) {
  const e = lastEvent(x, ['refuse'], 'refusal');
  return {
    ...formHeader(x, 'refusal'),
    reason: e.row.comment,
    refusedAt: time(e.row.at),
    officer: officerOf(e),
  };
}

type ApologyData = { dueAt: string; previousDueAt: string; faultUnit: { agency: NamedRef; unit: NamedRef } };

/**
 * Mẫu 04, phiếu xin lỗi và hẹn lại ngày trả kết quả (Circular 03/2025: văn bản xin lỗi và đề nghị gia
 * hạn thời gian giải quyết): the reason, the unit at fault, the appointment
 * given before and the new one; statistics keep judging against `originalDueAt`.
 */
export function apologyForm(x: DossierDetail) {
  const e = lastEvent(x, ['apologize'], 'apology');
  const data = e.row.data as ApologyData;
  return {
    ...formHeader(x, 'apology'),
    receivedAt: time(x.dossier.received_at),
    originalDueAt: time(x.dossier.original_due_at),
    previousDueAt: time(new Date(data.previousDueAt)),
    newDueAt: time(new Date(data.dueAt)),
    reason: e.row.comment,
    faultUnit: data.faultUnit,
    apologizedAt: time(e.row.at),
    officer: officerOf(e),
  };
}

type HandOverData = { to?: unknown; step?: unknown; timeliness?: string };

/**
 * Mẫu 05 (Circular 03/2025: Mẫu 06), phiếu kiểm soát quá trình giải quyết hồ sơ: the history as hand-overs, each with who gave
 * it (officer, unit, agency), who received it, when, and how timely the step handed on was.
 */
export function controlSheetForm(x: DossierDetail) {
  const d = x.dossier;
  return {
    ...formHeader(x, 'control-sheet'),
    receivedAt: time(d.received_at),
    originalDueAt: time(d.original_due_at),
    dueAt: time(d.due_at),
    resolvedAt: time(d.resolved_at),
    returnedAt: time(d.returned_at),
    entries: x.events.map((e) => {
      const data = e.row.data as HandOverData;
      return {
        seq: e.row.seq,
        action: e.row.action,
        actionName: actionName(e.row.action, d.rule_set),
        at: time(e.row.at),
        from: { ...officerOf(e), agency: e.agency },
        to: data.to ?? null,
        step: data.step ?? null,
        timeliness: data.timeliness ?? null,
        comment: e.row.comment,
      };
    }),
  };
}

/**
 * Mẫu 05 of Circular 03/2025/TT-VPCP, thông báo dừng giải quyết hồ sơ (Decree 118/2025/NĐ-CP): the
 * agency tells the applicant it stopped processing a dossier it had received, and why. Of the
 * lifecycle's statuses only `withdrawn` stops processing: a rejection (`approve_rejection`) is a
 * result, returned like an approval, and a refusal (Mẫu 03) happens before the dossier is received.
 * A dossier withdrawn before the desk received it (online, never accepted) was never being
 * processed, so it has no notice either.
 */
export function stopNoticeForm(x: DossierDetail) {
  const header = formHeader(x, 'stop-notice');
  const d = x.dossier;
  const e = lastEvent(x, ['withdraw'], 'stop-notice');
  if (!d.accepted_at) {
    throw new AppError(
      'FORM_NOT_AVAILABLE',
      409,
      'Hồ sơ được rút trước khi tiếp nhận, không có thông báo dừng giải quyết hồ sơ',
      'The dossier was withdrawn before it was received: it has no stop notice',
      'form',
    );
  }
  return {
    ...header,
    receivedAt: time(d.accepted_at),
    dueAt: time(d.due_at),
    stoppedAt: time(e.row.at),
    reason: e.row.comment,
    requestedBy: officerOf(e),
  };
}

export const FORMS = {
  receipt: receiptForm,
  'supplement-request': supplementForm,
  refusal: refusalForm,
  apology: apologyForm,
  'stop-notice': stopNoticeForm,
  'control-sheet': controlSheetForm,
};
export type FormName = keyof typeof FORMS;
