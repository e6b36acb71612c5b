import { useSearchParams } from 'react-router';
import { useI18n } from '../../i18n/i18n';
import { useAsync } from '../../lib/useAsync';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { fetchTransfers, type TransferQuery } from '../../api/workflow';
import { formatDateTime } from '../../lib/datetime';
import { DataTable } from '../../components/DataTable';
import { Field } from '../../components/Field';
import { PagedList } from '../../components/PagedList';
import { DossierLink } from '../../components/DossierLink';

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
      <PagedList
        id="transfers-count"
        list={list}
        heading={(d) => s.count(d.total)}
        placeholder={s.title}
        empty={s.empty}
        controls={
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
        }
        page={page}
        pageSize={PAGE_SIZE}
        onPage={(n) => setQuery({ page: n })}
      >
        {(items) => (
          <DataTable
            caption={s.title}
            captionHidden
            rows={items}
            rowKey={(x) => `${x.code}-${x.fromStep}-${x.sentAt}`}
            columns={[
              {
                header: s.code,
                cell: (x) => <DossierLink code={x.code} />,
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
        )}
      </PagedList>
    </>
  );
}
