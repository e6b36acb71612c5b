import { AppError } from '../../shared/errors';
import { localDayAndTime } from '../calendar/dates';
import { dueAt, type DeadlineUnit, type WorkCalendar } from '../calendar/rules';
import { versionInForce } from '../catalogue/rules';
import { ruleSetAt } from '../dossiers/rules';
import { resolutionTimeliness, type TimelinessColumn } from './rules';
import type { ImportLine, ImportStatus } from './schema';

/**
 * Historical dossiers (api.md "Import of historical dossiers"), pure: which procedure version a
 * dossier follows, what status its times give it, and the row it becomes.
 */

const lineError = (field: string, vi: string, en: string) => new AppError('IMPORT_LINE_INVALID', 400, vi, en, field);

/** A procedure version as the import needs it (catalogue tables, migration 0002). */
export type ImportVersion = {
  id: number;
  procedureId: number;
  seq: number;
  effectiveFrom: string;
  /** new | amended | replaced | abolished (catalogue schema DECISION_TYPES). */
  decisionType: string;
  name: string;
  fieldCode: string;
  deadline: { value: number; unit: DeadlineUnit };
  clockOnResume: string;
};

/**
 * The version in force on the Vietnam day of receipt; a dossier received before the catalogue's
 * first version (older records than the catalogue's history) follows that first version. None when
 * the procedure was abolished by then.
 */
export function versionForReceipt(versions: readonly ImportVersion[], receivedAt: Date): ImportVersion | null {
  const day = localDayAndTime(receivedAt).date;
  const inForce = versionInForce(versions, day);
  if (inForce) return inForce;
  const first = [...versions].sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom) || a.seq - b.seq)[0];
  return first && day < first.effectiveFrom ? first : null;
}

function notBefore(later: Date | null | undefined, earlier: Date, field: string, vi: string, en: string) {
  if (later && later < earlier) throw lineError(field, vi, en);
}

/**
 * The status the times give (withdrawn, returned, resolved, else in progress); a stated status must
 * agree with them. The times must be in order and the dossier closed at most once.
 */
export function importStatus(l: ImportLine): ImportStatus {
  if (l.resolvedAt && l.withdrawnAt) {
    throw lineError(
      'withdrawnAt',
      'Hồ sơ không thể vừa có kết quả vừa bị rút',
      'A dossier is resolved or withdrawn, not both',
    );
  }
  if (l.returnedAt && !l.resolvedAt) {
    throw lineError('resolvedAt', 'Hồ sơ đã trả kết quả phải có resolvedAt', 'A returned dossier needs resolvedAt');
  }
  notBefore(l.dueAt, l.receivedAt, 'dueAt', 'Hạn trả kết quả trước thời điểm tiếp nhận', 'dueAt is before receivedAt');
  notBefore(
    l.resolvedAt,
    l.receivedAt,
    'resolvedAt',
    'Thời điểm có kết quả trước thời điểm tiếp nhận',
    'resolvedAt is before receivedAt',
  );
  notBefore(
    l.withdrawnAt,
    l.receivedAt,
    'withdrawnAt',
    'Thời điểm rút hồ sơ trước thời điểm tiếp nhận',
    'withdrawnAt is before receivedAt',
  );
  if (l.resolvedAt) {
    notBefore(
      l.returnedAt,
      l.resolvedAt,
      'returnedAt',
      'Thời điểm trả kết quả trước thời điểm có kết quả',
      'returnedAt is before resolvedAt',
    );
  }
  const derived: ImportStatus = l.withdrawnAt
    ? 'withdrawn'
    : l.returnedAt
      ? 'returned'
      : l.resolvedAt
        ? 'resolved'
        : 'in_progress';
  if (!l.status) return derived;
  const open = derived === 'in_progress' && l.status === 'supplement_requested';
  if (l.status !== derived && !open) {
    throw lineError(
      'status',
      `Trạng thái ${l.status} không khớp với các mốc thời gian (theo các mốc: ${derived})`,
      `Status ${l.status} disagrees with the times given (they say ${derived})`,
    );
  }
  return l.status;
}

/** What one line writes to `dossiers` (import-store.ts adds the code and the constant columns). */
export type ImportRow = {
  line: number;
  externalId: string;
  agencyId: number;
  agencyCode: string;
  procedureId: number;
  versionId: number;
  procedureCode: string;
  procedureName: string;
  fieldCode: string;
  channel: string;
  ruleSet: string;
  deadline: { value: number; unit: DeadlineUnit };
  clockOnResume: string;
  status: ImportStatus;
  receivedAt: Date;
  dueAt: Date;
  resolvedAt: Date | null;
  returnedAt: Date | null;
  withdrawnAt: Date | null;
  timeliness: TimelinessColumn | null;
};

/**
 * The row of an imported dossier: received and accepted at `receivedAt`; its appointment is `dueAt`
 * when given, else the agency calendar's for the version's effective deadline.
 */
export function importRow(
  line: number,
  l: ImportLine,
  agency: { id: number; code: string },
  version: ImportVersion,
  calendar: WorkCalendar,
): ImportRow {
  const status = importStatus(l);
  const due = l.dueAt ?? dueAt(calendar, l.receivedAt, version.deadline.value, version.deadline.unit);
  const resolvedAt = l.resolvedAt ?? null;
  return {
    line,
    externalId: l.externalId,
    agencyId: agency.id,
    agencyCode: agency.code,
    procedureId: version.procedureId,
    versionId: version.id,
    procedureCode: l.procedure,
    procedureName: version.name,
    fieldCode: version.fieldCode,
    channel: l.channel,
    ruleSet: ruleSetAt(l.receivedAt),
    deadline: version.deadline,
    clockOnResume: version.clockOnResume,
    status,
    receivedAt: l.receivedAt,
    dueAt: due,
    resolvedAt,
    returnedAt: l.returnedAt ?? null,
    withdrawnAt: l.withdrawnAt ?? null,
    timeliness: resolvedAt ? resolutionTimeliness(resolvedAt, due) : null,
  };
}
