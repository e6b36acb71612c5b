import { useI18n } from '../../i18n/i18n';
import type { Dictionary } from '../../i18n/vi';
import type { HistoryEvent, RuleSet } from '../../api/dossiers';
import { formNumber } from './printableForms';
import { formatDateTime } from '../../lib/datetime';
import { DataTable } from '../../components/DataTable';

type Known<T> = Extract<keyof T, string>;
const isKey = <T extends object>(obj: T, key: string): key is Known<T> => Object.hasOwn(obj, key);

/**
 * An action in words: ours when we know it, else the name the server gives (workflow actions). Under
 * Decree 118/2025 the apology extends the time instead of setting a new appointment.
 */
export function actionName(t: Dictionary, e: Pick<HistoryEvent, 'action' | 'actionName'>, ruleSet: RuleSet): string {
  if (e.action === 'apologize' && ruleSet === 'nd118_2025') return t.dossier.apologizeExtension;
  return isKey(t.dossier.action, e.action) ? t.dossier.action[e.action] : e.actionName;
}

function roleName(t: Dictionary, role: string): string {
  return isKey(t.roles, role) ? t.roles[role] : role;
}

type SupplementItem = { name: string; reason: string };
type Named = { name: string };
const isNamed = (x: unknown): x is Named =>
  typeof x === 'object' && x !== null && 'name' in x && typeof x.name === 'string';

/** Where a workflow event handed the dossier: unit, agency and officer, as its data names them. */
function handedTo(data: Record<string, unknown>): string | null {
  const to = data.to;
  if (typeof to !== 'object' || to === null) return null;
  const { unit, agency, officer } = to as Record<string, unknown>;
  const names = [unit, agency, officer].filter(isNamed).map((x) => x.name);
  return names.length > 0 ? names.join(' - ') : null;
}

const TIMELINESS = ['early', 'on_time', 'late'] as const;
const isTimeliness = (x: unknown): x is (typeof TIMELINESS)[number] => TIMELINESS.some((v) => v === x);
const supplementItems = (data: Record<string, unknown>): SupplementItem[] =>
  Array.isArray(data.items)
    ? data.items.filter(
        (x): x is SupplementItem =>
          typeof x === 'object' && x !== null && typeof x.name === 'string' && typeof x.reason === 'string',
      )
    : [];

function Details({ e }: { e: HistoryEvent }) {
  const { t } = useI18n();
  const s = t.dossier.page;
  const items = supplementItems(e.data);
  const dueAt = typeof e.data.dueAt === 'string' ? e.data.dueAt : null;
  const to = handedTo(e.data);
  const timeliness = isTimeliness(e.data.timeliness) ? t.workflow.process.timeliness[e.data.timeliness] : null;
  return (
    <>
      {to && <p>{s.handedTo(to)}</p>}
      {timeliness && <p>{s.stepTimeliness(timeliness)}</p>}
      {e.comment && <p className="history-comment">{e.comment}</p>}
      {dueAt && <p>{s.newDueAt(formatDateTime(dueAt))}</p>}
      {items.length > 0 && (
        <>
          <p className="history-subtitle">{s.supplementItems}:</p>
          <ol className="history-items">
            {items.map((item, i) => (
              <li key={`${i}-${item.name}`}>
                <strong>{item.name}</strong>: {item.reason}
              </li>
            ))}
          </ol>
        </>
      )}
    </>
  );
}

/** The phiếu kiểm soát quá trình giải quyết hồ sơ (Mẫu 05 of 2018, 06 of 2025): who did what, when, where, and why. */
export function HistoryTable({ events, ruleSet }: { events: HistoryEvent[]; ruleSet: RuleSet }) {
  const { t } = useI18n();
  const s = t.dossier.page;
  return (
    <DataTable
      caption={s.historyHint(formNumber(ruleSet, 'control-sheet'))}
      rows={events}
      rowKey={(e) => String(e.seq)}
      columns={[
        { header: s.time, cell: (e) => <time dateTime={e.at}>{formatDateTime(e.at)}</time> },
        {
          header: s.actionCol,
          cell: (e) => (
            <>
              <strong>{actionName(t, e, ruleSet)}</strong>
              {e.fromStatus && e.fromStatus !== e.toStatus && (
                <span className="history-status">
                  {s.statusChange(t.dossier.status[e.fromStatus], t.dossier.status[e.toStatus])}
                </span>
              )}
            </>
          ),
        },
        {
          header: s.actor,
          cell: (e) => (
            <>
              {e.actor.fullName}
              <span className="history-role">{roleName(t, e.actor.role)}</span>
            </>
          ),
        },
        { header: s.unit, cell: (e) => e.unit?.name ?? '' },
        { header: s.eventAgency, cell: (e) => e.agency?.name ?? '' },
        { header: s.note, cell: (e) => <Details e={e} /> },
      ]}
    />
  );
}
