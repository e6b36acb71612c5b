import { Link, useSearchParams } from 'react-router';
import { useI18n } from '../../i18n/i18n';
import { useAsync } from '../../lib/useAsync';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { fetchTransfers, type TransferQuery } from '../../api/workflow';
import { formatDateTime } from '../../lib/datetime';
import { DataTable } from '../../components/DataTable';
import { Field } from '../../components/Field';
import { Pagination } from '../../components/Pagination';
import { ErrorMessage, Loading } from '../../components/Status';
import { paths } from '../../paths';

const PAGE_SIZE = 20;
const time = (value: string | null) => (value ? formatDateTime(value) : '');

/** The liên thông queues of the officer's agencies: dossiers sent to them and sent by them, with each side's result. */
export function TransfersPage() {
  const { t } = useI18n();
  const s = t.workflow.transfers;
  useDocumentTitle(s.title);
  const [params, setParams] = useSearchParams();
  const direction: TransferQuery['direction'] = params.get('direction') === 'out' ? 'out' : 'in';
  const rawStatus = params.get('status');
  const status = rawStatus === 'open' || rawStatus === 'completed' ? rawStatus : undefined;
  const page = Math.max(1, Number(params.get('page')) || 1);
  const list = useAsync(
    (signal) => fetchTransfers({ direction, status, page, pageSize: PAGE_SIZE }, signal),
    [direction, status, page],
  );
  const shown = list.error === null ? list.data : undefined;
  const setQuery = (next: { direction?: string; status?: string; page?: number }) => {
    const q: Record<string, string> = { direction: next.direction ?? direction };
    const st = 'status' in next ? next.status : status;
    if (st) q.status = st;
    if ((next.page ?? 1) > 1) q.page = String(next.page);
    setParams(q);
  };

  return (
    <>
      <h1>{s.title}</h1>
      <p className="lead">{s.intro}</p>
      <section className="card section" aria-labelledby="transfers-count">
        <div className="search-filters">
          <Field label={s.direction}>
            {(control) => (
              <select {...control} value={direction} onChange={(e) => setQuery({ direction: e.target.value })}>
                <option value="in">{s.incoming}</option>
                <option value="out">{s.outgoing}</option>
              </select>
            )}
          </Field>
          <Field label={s.status}>
            {(control) => (
              <select {...control} value={status ?? ''} onChange={(e) => setQuery({ status: e.target.value })}>
                <option value="">{s.all}</option>
                <option value="open">{s.open}</option>
                <option value="completed">{s.completed}</option>
              </select>
            )}
          </Field>
        </div>
        <h2 id="transfers-count" className="queue-count">
          {shown ? s.count(shown.total) : s.title}
        </h2>
        {list.loading && !shown && <Loading />}
        {list.error !== null && !list.loading && <ErrorMessage error={list.error} onRetry={list.reload} />}
        {shown && shown.items.length === 0 && <p className="empty">{s.empty}</p>}
        {shown && shown.items.length > 0 && (
          <div className={list.loading ? 'results-stale' : undefined} aria-busy={list.loading}>
            <DataTable
              caption={s.title}
              captionHidden
              rows={shown.items}
              rowKey={(x) => `${x.code}-${x.fromStep}-${x.sentAt}`}
              columns={[
                {
                  header: s.code,
                  cell: (x) => (
                    <Link to={paths.dossier(x.code)} className="code">
                      {x.code}
                    </Link>
                  ),
                },
                { header: s.procedure, cell: (x) => x.procedure.name },
                { header: s.from, cell: (x) => x.from.name },
                { header: s.to, cell: (x) => x.to.name },
                { header: s.sentAt, cell: (x) => time(x.sentAt) },
                { header: s.dueAt, cell: (x) => time(x.dueAt) },
                { header: s.completedAt, cell: (x) => time(x.completedAt) },
                { header: s.result, cell: (x) => (x.timeliness ? t.workflow.process.timeliness[x.timeliness] : '') },
              ]}
            />
            <Pagination page={page} pageSize={PAGE_SIZE} total={shown.total} onChange={(n) => setQuery({ page: n })} />
          </div>
        )}
      </section>
    </>
  );
}
