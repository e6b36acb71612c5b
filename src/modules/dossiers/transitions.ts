import type { Db, Tx } from '../../db/database';
import { audit, type AuditEvent } from '../../shared/audit';
import { AppError, forbidden, notFound } from '../../shared/errors';
import type { Principal } from '../identity/rules';
import { openingSteps, type ProcessDefinition } from '../workflow/process';
import { insertSteps } from '../workflow/store';
import { attachFiles, type FileRef } from './file-store';
import {
  STATUS_NAMES,
  applyTransition,
  transitionFor,
  type Actor,
  type DossierAction,
  type DossierEvent,
  type DossierState,
  type DossierStatus,
} from './lifecycle';
import { actorFor, canView } from './rules';
import * as store from './store';
import type { DossierEventRow, DossierRow } from './tables';

export const dossierNotFound = () => notFound('Dossier', 'hồ sơ', 'code');

/** A stale action: someone changed the dossier since the caller read it. The body carries the current state. */
export function versionConflict(d: DossierRow): AppError {
  const s = STATUS_NAMES[d.status as DossierStatus];
  return new AppError(
    'DOSSIER_VERSION_CONFLICT',
    409,
    `Hồ sơ đã được cập nhật bởi người khác (trạng thái hiện tại: ${s.vi}); vui lòng tải lại và thử lại`,
    `The dossier changed since you read it (now: ${s.en}); reload and try again`,
    'version',
    { status: d.status, version: d.version },
  );
}

/** An imported dossier is a record of the earlier system: it has no history here to act on. */
function importedReadOnly(): AppError {
  return new AppError(
    'DOSSIER_IMPORTED',
    409,
    'Hồ sơ được chuyển từ hệ thống cũ chỉ dùng để tra cứu và thống kê, không xử lý tiếp trên hệ thống này',
    'A dossier imported from the earlier system is kept for lookup and statistics; it cannot be acted on here',
    'code',
  );
}

export type TransitionExtras = {
  comment?: string | null;
  /** Shown in the history (Mẫu 05) and read by the forms; never personal data. */
  data?: Record<string, unknown>;
  files?: readonly FileRef[];
};

/** An event to append: the dossier it changed (its row as stored after it, if the caller has it). */
export type EventEntry = {
  d: { id: number; code: string; agencyId: number; row?: DossierRow; process?: ProcessDefinition };
  before: DossierState | null;
  after: DossierState;
  event: DossierEvent;
  extras: TransitionExtras;
};

/**
 * Appends each event that led from `before` to `after`, attaches its files and writes the audit
 * records, one statement per table for all of them (a batch of intakes sends many). A reception or
 * acceptance opens the dossier's internal process (workflow module): its steps start with it.
 */
export async function appendEvents(tx: Tx, entries: readonly EventEntry[]): Promise<DossierEventRow[]> {
  const rows = await store.insertEvents(
    tx,
    entries.map((e) =>
      store.eventRow(e.d.id, e.before?.status ?? null, e.after, e.event, {
        comment: e.extras.comment ?? null,
        data: e.extras.data ?? {},
      }),
    ),
  );
  const steps = [];
  for (const [i, { d, event, extras }] of entries.entries()) {
    const files = extras.files ?? [];
    await attachFiles(tx, { files, uploadedBy: event.actor.userId, dossierId: d.id, eventId: rows[i].id });
    // `d.row`: the caller's row as stored after this event (an intake has just inserted it), or read it.
    if (event.action === 'receive' || event.action === 'accept')
      steps.push(...(await openingSteps(tx, d.row ?? (await store.findDossierById(tx, d.id)), d.process)));
  }
  await insertSteps(tx, steps);
  await audit.recordAll(tx, entries.map(eventAudit));
  return rows;
}

/** The audit record of a dossier event. */
export function eventAudit({ d, before, after, event }: EventEntry): AuditEvent {
  return {
    actorUserId: event.actor.userId,
    action: `dossier.${event.action}`,
    entityType: 'dossier',
    entityId: d.code,
    agencyId: d.agencyId,
    data: { from: before?.status ?? null, to: after.status, version: after.version },
  };
}

/**
 * The one writer of an existing dossier's state: checks the expected version, applies the event with
 * the lifecycle rules, stores the new state and appends the event. Call it inside the use case's
 * transaction with the row read `FOR UPDATE`.
 */
export async function recordTransition(
  tx: Tx,
  d: DossierRow,
  expectedVersion: number,
  event: DossierEvent,
  extras: TransitionExtras = {},
): Promise<DossierState> {
  if (d.version !== expectedVersion) throw versionConflict(d);
  const before = store.stateOf(d);
  const after = applyTransition(before, event);
  if (!(await store.updateState(tx, d.id, expectedVersion, after))) {
    throw versionConflict(await store.findDossierById(tx, d.id));
  }
  await appendEvents(tx, [{ d: { id: d.id, code: d.code, agencyId: d.agency_id }, before, after, event, extras }]);
  return after;
}

export type ActionContext = { tx: Tx; dossier: DossierRow; actor: Actor };

/**
 * Runs a change of a dossier in one transaction: locks the row, checks that the caller may see it
 * and that `expectedVersion` is current (of concurrent callers with one version, exactly one gets past).
 */
export async function withLockedDossier<T>(
  db: Db,
  principal: Principal,
  code: string,
  expectedVersion: number,
  work: (tx: Tx, dossier: DossierRow) => Promise<T>,
): Promise<T> {
  return db.transaction().execute(async (tx) => {
    const d = await store.findDossier(tx, code, true);
    if (!d) throw dossierNotFound();
    if (!canView(principal, await store.visitedAgencyPaths(tx, d), d.applicant_user_id)) throw forbidden();
    if (d.source === 'import') throw importedReadOnly();
    if (d.version !== expectedVersion) throw versionConflict(d);
    return work(tx, d);
  });
}

/**
 * Runs an action on a dossier with `withLockedDossier`, then checks that the status allows the action
 * and in which role the caller acts over the receiving agency.
 */
export async function withDossierAction<T>(
  db: Db,
  principal: Principal,
  code: string,
  action: DossierAction,
  expectedVersion: number,
  work: (ctx: ActionContext) => Promise<T>,
): Promise<T> {
  return withLockedDossier(db, principal, code, expectedVersion, async (tx, d) => {
    const agency = await store.findAgencyById(tx, d.agency_id);
    const t = transitionFor(d.status as DossierStatus, action);
    const actor = actorFor(principal, t, { agencyPath: agency.path, applicantUserId: d.applicant_user_id });
    return work({ tx, dossier: d, actor });
  });
}
