import { formatVietnamTime } from '../calendar/rules';
import { standingAtEnd, summaryOf, type Counts, type Period, type Summary } from './rules';
import type { GroupBy } from './schema';
import type { GroupName, ListedDossier } from './store';

const time = (d: Date | null) => (d ? formatVietnamTime(d) : null);

export const CHANNEL_NAMES: Record<string, string> = {
  online: 'Trực tuyến',
  direct: 'Trực tiếp',
  postal: 'Dịch vụ bưu chính',
};

/** How a group without a value (a dossier held by no unit or officer, as imported ones) is named. */
const NONE: Record<GroupBy, string> = {
  agency: 'Không xác định',
  unit: 'Chưa giao đơn vị xử lý',
  field: 'Không xác định',
  procedure: 'Không xác định',
  officer: 'Chưa giao cán bộ xử lý',
  channel: 'Không xác định',
};

export type GroupKey = { code: string | null; name: string; agency?: string };
export type SummaryRow = Summary & { group: GroupKey };

/** One row per group, in Vietnamese order of the group's name; `names` names the stored keys. */
export function summaryRows(groupBy: GroupBy, groups: Map<string | null, Counts>, names: GroupName[]): SummaryRow[] {
  const byKey = new Map(names.map((n) => [n.key, n]));
  const keyOf = (key: string | null): GroupKey => {
    if (key === null) return { code: null, name: NONE[groupBy] };
    if (groupBy === 'channel') return { code: key, name: CHANNEL_NAMES[key] ?? key };
    const n = byKey.get(key);
    return n ? { code: n.code, name: n.name, ...(n.agency ? { agency: n.agency } : {}) } : { code: key, name: key };
  };
  const collator = new Intl.Collator('vi');
  return [...groups.entries()]
    .map(([key, counts]) => ({ group: keyOf(key), ...summaryOf(counts) }))
    .sort(
      (a, b) =>
        collator.compare(a.group.name, b.group.name) || collator.compare(a.group.code ?? '', b.group.code ?? ''),
    );
}

/** A dossier of a drill-down list, with its standing at the end of the period. */
export function listedView(r: ListedDossier, p: Period) {
  return {
    code: r.code,
    procedure: { code: r.procedure_code, name: r.procedure_name },
    agency: { code: r.agency_code, name: r.agency_name },
    channel: r.channel,
    receivedAt: formatVietnamTime(r.received_at),
    acceptedAt: time(r.accepted_at),
    dueAt: time(r.original_due_at),
    resolvedAt: time(r.resolved_at),
    withdrawnAt: time(r.withdrawn_at),
    refusedAt: time(r.refused_at),
    status: r.status,
    classification: standingAtEnd(
      {
        acceptedAt: r.accepted_at,
        resolvedAt: r.resolved_at,
        withdrawnAt: r.withdrawn_at,
        originalDueAt: r.original_due_at,
      },
      p.end,
    ),
  };
}
