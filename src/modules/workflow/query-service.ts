import type { Db, Executor } from '../../db/database';
import { audit } from '../../shared/audit';
import { requireRoleOver } from '../../shared/auth';
import { forbidden, notFound } from '../../shared/errors';
import { nearestSettings, pathIds } from '../calendar/rules';
import { canView } from '../dossiers/rules';
import * as dossierStore from '../dossiers/store';
import { dossierNotFound } from '../dossiers/transitions';
import { time } from '../dossiers/views';
import { ADMIN_ROLES, STAFF_ROLES } from '../identity/roles';
import { scopePaths, type Principal } from '../identity/rules';
import { currentStep, loadCalendars } from './process';
import * as queryStore from './query-store';
import { assignActor, urgency } from './rules';
import * as store from './store';
import { processView } from './views';
import { pageLimits, type PageQuery } from '../../shared/paging';

/**
 * The officer's inbox: the current steps assigned to them or held by a unit where they hold the
 * step's role, and, for unit leaders, the specialist steps of their units waiting for assignment;
 * soonest step due time first, each flagged overdue or due within a working day.
 */
export async function inboxOf(db: Db, principal: Principal, q: PageQuery, now = new Date()) {
  const { total, rows } = await queryStore.inbox(db, principal.userId, principal.grants, pageLimits(q));
  const calendars = await loadCalendars(
    db,
    rows.map((r) => r.agency_id),
  );
  return {
    items: rows.map((r) => ({
      code: r.code,
      version: r.version,
      status: r.status,
      procedure: { code: r.procedure_code, name: r.procedure_name },
      kind: r.role === 'specialist' && r.assignee_user_id === null ? 'assign' : 'act',
      step: {
        seq: r.seq,
        name: r.name,
        role: r.role,
        agency: { code: r.agency_code, name: r.agency_name },
        unit: { code: r.unit_code, name: r.unit_name },
        startedAt: time(r.started_at),
        dueAt: time(r.due_at),
      },
      assignee: r.assignee_user_id === null ? null : { id: r.assignee_user_id, fullName: r.assignee_name },
      dossierDueAt: time(r.dossier_due_at),
      ...urgency(calendars(r.agency_id), now, r.due_at),
    })),
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}

/** Liên thông hand-overs into (`in`) or out of (`out`) the caller's agencies, with each part's result. */
export async function transferList(
  db: Db,
  principal: Principal,
  q: PageQuery & { direction: 'in' | 'out'; agency?: string; status?: 'open' | 'completed' },
) {
  const agency = q.agency ? await dossierStore.findAgencyByCode(db, q.agency) : undefined;
  const { total, rows } = await queryStore.transfers(
    db,
    {
      direction: q.direction,
      scopePaths: scopePaths(principal, STAFF_ROLES),
      // An unknown agency code matches nothing rather than everything.
      agencyPath: q.agency ? (agency?.path ?? '-') : undefined,
      open: q.status === undefined ? undefined : q.status === 'open',
    },
    pageLimits(q),
  );
  return {
    items: rows.map((r) => ({
      code: r.code,
      version: r.version,
      status: r.status,
      procedure: { code: r.procedure_code, name: r.procedure_name },
      from: { code: r.from_code, name: r.from_name },
      to: { code: r.to_code, name: r.to_name },
      fromStep: r.from_step_seq,
      toStep: r.to_step_seq,
      sentAt: time(r.sent_at),
      dueAt: time(r.due_at),
      completedAt: time(r.completed_at),
      timeliness: r.timeliness,
    })),
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}

/** The internal process of a dossier, for whoever may see the dossier (every agency that held it). */
export async function getProcess(db: Db, principal: Principal, code: string) {
  const d = await dossierStore.findDossier(db, code);
  if (!d) throw dossierNotFound();
  if (!canView(principal, await dossierStore.visitedAgencyPaths(db, d), d.applicant_user_id)) throw forbidden();
  return {
    code: d.code,
    status: d.status,
    version: d.version,
    currentStepSeq: d.current_step_seq,
    ...(await processView(db, d.id, d.current_step_seq)),
  };
}

/**
 * Whom the unit leader may give the current specialist step to: the unit's active specialists, each
 * with the open steps they hold (what auto-assignment weighs too).
 */
export async function assigneesOf(db: Db, principal: Principal, code: string) {
  const d = await dossierStore.findDossier(db, code);
  if (!d) throw dossierNotFound();
  if (!canView(principal, await dossierStore.visitedAgencyPaths(db, d), d.applicant_user_id)) throw forbidden();
  const step = await currentStep(db, d);
  assignActor(principal, step);
  const officers = await store.candidates(db, step.unitId, step.role);
  return {
    code: d.code,
    version: d.version,
    step: { seq: step.seq, name: step.name },
    assigneeId: step.assigneeUserId,
    officers: officers.map((o) => ({ id: o.userId, fullName: o.fullName, openSteps: o.load ?? 0 })),
  };
}

async function adminAgency(db: Executor, principal: Principal, code: string) {
  const agency = await dossierStore.findAgencyByCode(db, code);
  if (!agency) throw notFound('Agency', 'cơ quan', 'agency');
  requireRoleOver(principal, ADMIN_ROLES, agency.path);
  return agency;
}

async function settingsView(db: Executor, agency: dossierStore.AgencyRef) {
  const ids = pathIds(agency.path);
  const row = nearestSettings(ids, await store.settingsOf(db, ids));
  const from = row && row.agencyId !== agency.id ? await dossierStore.findAgencyById(db, row.agencyId) : null;
  return {
    agency: agency.code,
    autoAssign: row?.autoAssign ?? false,
    source: row === null ? 'default' : from ? 'inherited' : 'own',
    inheritedFrom: from?.code ?? null,
  };
}

/** Whether an agency assigns specialist steps automatically: its own setting, its nearest ancestor's, or off. */
export async function getSettings(db: Db, principal: Principal, code: string) {
  return settingsView(db, await adminAgency(db, principal, code));
}

/** An administrator turns auto-assignment on or off for the agency and the agencies under it. */
export async function setSettings(
  db: Db,
  principal: Principal,
  code: string,
  input: { autoAssign: boolean },
  now = new Date(),
) {
  return db.transaction().execute(async (tx) => {
    const agency = await adminAgency(tx, principal, code);
    const previous = await settingsView(tx, agency);
    await store.upsertSetting(tx, agency.id, input.autoAssign, now);
    await audit.record(tx, {
      actorUserId: principal.userId,
      action: 'workflow.settings.set',
      entityType: 'workflow_settings',
      entityId: agency.code,
      agencyId: agency.id,
      data: { autoAssign: input.autoAssign, previous: { autoAssign: previous.autoAssign, source: previous.source } },
    });
    return settingsView(tx, agency);
  });
}
