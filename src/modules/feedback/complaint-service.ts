import { randomBytes } from 'node:crypto';
import type { Db, Tx } from '../../db/database';
import { audit } from '../../shared/audit';
import { requireRoleOver } from '../../shared/auth';
import { forbidden, invalid, notFound } from '../../shared/errors';
import { formatVietnamTime, localDayAndTime } from '../calendar/dates';
import { computeDueAt } from '../calendar/service';
import type { Role } from '../identity/roles';
import { hasRoleOver, type Principal } from '../identity/rules';
import { enqueueMessages } from '../notifications/store';
import { environmentSettings } from '../notifications/settings';
import * as store from './complaint-store';
import { answerMessage } from './messages';
import {
  complaintOverdue,
  complaintTransition,
  withoutPersonalData,
  type ComplaintAction,
  type ComplaintStatus,
} from './rules';
import type { ComplaintInput } from './schema';
import { agencyByCode, scopeOf } from './scope';
import { loadSettings } from './settings';
import { pageLimits } from '../../shared/paging';

/**
 * Phản ánh, kiến nghị: received from the portal (no login) or recorded at the desk, assigned to an
 * officer, answered within the deadline (working days of the agency calendar), then published without
 * personal data. One transaction per action, on the complaint row locked; each action is audited,
 * and the audit trail is the complaint's history.
 */

/** Who reads an agency's complaints (their contact data included). */
export const COMPLAINT_READERS: Role[] = [
  'reception',
  'specialist',
  'unit_leader',
  'agency_leader',
  'agency_admin',
  'province_admin',
  'inspector',
];
/** Who records a complaint brought to the desk. */
export const COMPLAINT_RECORDERS: Role[] = ['reception', 'agency_admin', 'province_admin'];
/** Who assigns, answers in place of the assignee, and publishes. */
export const COMPLAINT_MANAGERS: Role[] = ['unit_leader', 'agency_leader', 'agency_admin', 'province_admin'];
/** Who may be the assignee acting on a complaint (checked against the assignment in the service). */
export const COMPLAINT_ANSWERERS: Role[] = [...new Set([...COMPLAINT_MANAGERS, 'reception', 'specialist'] as Role[])];

/** A public code: `PA-<yymmdd>-<6 hex>` (random: codes do not reveal how many complaints an agency has). */
function newCode(now: Date): string {
  const day = localDayAndTime(now).date.slice(2).replaceAll('-', '');
  return `PA-${day}-${randomBytes(3).toString('hex').toUpperCase()}`;
}

const time = (d: Date | null) => (d === null ? null : formatVietnamTime(d));
const officer = (username: string | null, fullName: string | null) =>
  username === null ? null : { username, fullName: fullName ?? username };

function staffView(c: store.ComplaintWithRefs, now: Date) {
  return {
    code: c.code,
    agency: { code: c.agency_code, name: c.agency_name },
    kind: c.kind,
    title: c.title,
    channel: c.channel,
    status: c.status,
    receivedAt: formatVietnamTime(c.received_at),
    dueAt: formatVietnamTime(c.due_at),
    overdue: complaintOverdue({ dueAt: c.due_at, answeredAt: c.answered_at }, now),
    assignee: officer(c.assignee_username, c.assignee_name),
  };
}

const contactOf = (c: store.ComplaintWithRefs) => ({
  name: c.contact_name,
  phone: c.contact_phone,
  email: c.contact_email,
});

/**
 * The published view: no contact, no assignee, the edited public title and question; the answer,
 * written to the sender, is shown without their name, phone or email either.
 */
export function publicView(c: store.ComplaintWithRefs) {
  const shown = (text: string) => withoutPersonalData(text, contactOf(c));
  return {
    code: c.code,
    agency: { code: c.agency_code, name: c.agency_name },
    kind: c.kind,
    title: shown(c.public_title!),
    content: shown(c.public_content!),
    answer: shown(c.answer!),
    receivedAt: formatVietnamTime(c.received_at),
    answeredAt: formatVietnamTime(c.answered_at!),
    publishedAt: formatVietnamTime(c.published_at!),
  };
}

/** Receives a complaint from the portal (`by` null) or the desk; the deadline runs on the agency calendar. */
export async function submitComplaint(db: Db, input: ComplaintInput, by: Principal | null, now = new Date()) {
  if (!input.contact.phone && !input.contact.email) {
    throw invalid(
      'contact.phone',
      'Vui lòng cho biết số điện thoại hoặc thư điện tử để nhận trả lời',
      'Give a phone number or an email address to receive the answer',
    );
  }
  return db.transaction().execute(async (tx) => {
    const agency = await agencyByCode(tx, input.agency);
    if (by) requireRoleOver(by, COMPLAINT_RECORDERS, agency.path);
    const { complaintDeadlineDays } = await loadSettings(tx);
    const dueAt = await computeDueAt(tx, {
      agencyId: agency.id,
      from: now,
      value: complaintDeadlineDays,
      unit: 'working_days',
    });
    const code = newCode(now);
    await store.insertComplaint(tx, {
      code,
      agency_id: agency.id,
      kind: input.kind,
      title: input.title,
      content: input.content,
      dossier_code: input.dossierCode ?? null,
      contact_name: input.contact.fullName,
      contact_phone: input.contact.phone ?? null,
      contact_email: input.contact.email ?? null,
      channel: by ? 'desk' : 'portal',
      status: 'received',
      received_at: now,
      received_by: by?.userId ?? null,
      due_at: dueAt,
    });
    // No contact data in the trail: the code, the kind and the deadline.
    await audit.record(tx, {
      actorUserId: by?.userId ?? null,
      action: 'complaint.receive',
      entityType: 'complaint',
      entityId: code,
      agencyId: agency.id,
      data: { kind: input.kind, channel: by ? 'desk' : 'portal', dueAt: formatVietnamTime(dueAt) },
    });
    return { code, status: 'received', receivedAt: formatVietnamTime(now), dueAt: formatVietnamTime(dueAt) };
  });
}

const complaintNotFound = () => notFound('Complaint', 'phản ánh, kiến nghị', 'code');

/** Staff of the agency (or above it) read the complaint; to others it does not exist. */
async function readable(db: Db | Tx, principal: Principal, code: string, lock = false) {
  const c = await store.findComplaint(db, code, lock);
  if (!c || !hasRoleOver(principal, COMPLAINT_READERS, c.agency_path)) throw complaintNotFound();
  return c;
}

export async function listComplaints(
  db: Db,
  principal: Principal,
  q: { agency?: string; status?: ComplaintStatus; page: number; pageSize: number },
  now = new Date(),
) {
  const paths = await scopeOf(db, principal, COMPLAINT_READERS, q.agency);
  const { rows, total } = await store.listComplaints(db, paths, q.status ?? null, pageLimits(q));
  return { items: rows.map((c) => staffView(c, now)), total };
}

export async function complaintDetail(db: Db, principal: Principal, code: string, now = new Date()) {
  const c = await readable(db, principal, code);
  const history = await store.history(db, code);
  return {
    ...staffView(c, now),
    content: c.content,
    dossierCode: c.dossier_code,
    contact: { fullName: c.contact_name, phone: c.contact_phone, email: c.contact_email },
    answer: c.answer,
    answeredAt: time(c.answered_at),
    answeredBy: officer(c.answerer_username, c.answerer_name),
    publicTitle: c.public_title,
    publicContent: c.public_content,
    publishedAt: time(c.published_at),
    history: history.map((h) => ({
      at: formatVietnamTime(h.at),
      action: h.action,
      actor: h.username,
      data: (h.data ?? {}) as Record<string, unknown>,
    })),
  };
}

/** Runs one action on the locked complaint, audits it, and answers the complaint as staff see it. */
async function act(
  db: Db,
  principal: Principal,
  code: string,
  action: ComplaintAction,
  now: Date,
  authorize: (c: store.ComplaintWithRefs) => void,
  work: (tx: Tx, c: store.ComplaintWithRefs, to: ComplaintStatus) => Promise<Record<string, unknown>>,
) {
  await db.transaction().execute(async (tx) => {
    const c = await readable(tx, principal, code, true);
    authorize(c);
    const to = complaintTransition(c.status as ComplaintStatus, action);
    const data = await work(tx, c, to);
    await audit.record(tx, {
      actorUserId: principal.userId,
      action: `complaint.${action}`,
      entityType: 'complaint',
      entityId: code,
      agencyId: c.agency_id,
      data: { from: c.status, to, ...data },
    });
  });
  return complaintDetail(db, principal, code, now);
}

/** A leader of the agency assigns (or reassigns) the complaint to one of its officers. */
export async function assignComplaint(db: Db, principal: Principal, code: string, assignee: string, now = new Date()) {
  const manager = (c: store.ComplaintWithRefs) => requireRoleOver(principal, COMPLAINT_MANAGERS, c.agency_path);
  return act(db, principal, code, 'assign', now, manager, async (tx, c, to) => {
    const o = await store.officerOf(tx, assignee, c.agency_id);
    if (!o) {
      throw invalid(
        'assignee',
        'Người được phân công phải là cán bộ đang làm việc tại cơ quan tiếp nhận phản ánh',
        'The assignee must be an active officer of the agency the complaint is addressed to',
      );
    }
    await tx
      .updateTable('complaints')
      .set({ status: to, assignee_id: o.id, assigned_at: now })
      .where('id', '=', c.id)
      .execute();
    return { assignee: o.username };
  });
}

/**
 * Queues the answer to the sender in the outbox, in the answer's transaction: an email if they gave
 * an address, a phone message per configured channel if they gave a phone.
 */
async function sendAnswer(tx: Tx, c: store.ComplaintWithRefs, answer: string, now: Date): Promise<void> {
  const m = answerMessage({ code: c.code, title: c.title, agencyName: c.agency_name, answer });
  const base = { dossier_id: null, next_attempt_at: now };
  await enqueueMessages(tx, [
    ...(c.contact_email
      ? [{ ...base, channel: 'email', recipient: c.contact_email, subject: m.subject, body: m.email }]
      : []),
    ...(c.contact_phone
      ? environmentSettings().applicantPhoneChannels.map((channel) => ({
          ...base,
          channel,
          recipient: c.contact_phone!,
          subject: null,
          body: m.sms,
        }))
      : []),
  ]);
}

/** The assigned officer (or a leader of the agency) answers; the sender receives the answer. */
export async function answerComplaint(db: Db, principal: Principal, code: string, answer: string, now = new Date()) {
  const answerer = (c: store.ComplaintWithRefs) => {
    const isAssignee = c.assignee_id !== null && c.assignee_id === principal.userId;
    if (!isAssignee && !hasRoleOver(principal, COMPLAINT_MANAGERS, c.agency_path)) throw forbidden();
  };
  return act(db, principal, code, 'answer', now, answerer, async (tx, c, to) => {
    await store.updateComplaint(tx, c.id, { status: to, answer, answered_at: now, answered_by: principal.userId });
    await sendAnswer(tx, c, answer, now);
    return { overdue: complaintOverdue({ dueAt: c.due_at, answeredAt: now }, now) };
  });
}

/**
 * A leader publishes the answered complaint, with the title and question as edited (default: as
 * received), and in any case without the sender's contact details or ID and phone numbers.
 */
export async function publishComplaint(
  db: Db,
  principal: Principal,
  code: string,
  input: { title?: string; content?: string },
  now = new Date(),
) {
  const manager = (c: store.ComplaintWithRefs) => requireRoleOver(principal, COMPLAINT_MANAGERS, c.agency_path);
  return act(db, principal, code, 'publish', now, manager, async (tx, c, to) => {
    await store.updateComplaint(tx, c.id, {
      status: to,
      public_title: withoutPersonalData(input.title ?? c.title, contactOf(c)),
      public_content: withoutPersonalData(input.content ?? c.content, contactOf(c)),
      published_at: now,
    });
    return { edited: input.title !== undefined || input.content !== undefined };
  });
}

export async function publishedList(db: Db, q: { agency?: string; page: number; pageSize: number }) {
  const paths = q.agency ? [(await agencyByCode(db, q.agency)).path] : null;
  const { rows, total } = await store.listPublished(db, paths, pageLimits(q));
  return { items: rows.map(publicView), total };
}

export async function publishedOne(db: Db, code: string) {
  const c = await store.findComplaint(db, code);
  if (!c || c.status !== 'published') throw complaintNotFound();
  return publicView(c);
}
