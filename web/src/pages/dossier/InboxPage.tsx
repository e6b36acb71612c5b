import { useSearchParams } from 'react-router';
import { useI18n } from '../../i18n/i18n';
import { useAsync } from '../../lib/useAsync';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { fetchInbox, type InboxItem } from '../../api/workflow';
import { formatDateTime } from '../../lib/datetime';
import { DataTable } from '../../components/DataTable';
import { PagedList } from '../../components/PagedList';
import { DossierLink } from '../../components/DossierLink';

const PAGE_SIZE = 20;

function Due({ item }: { item: InboxItem }) {
  const { t } = useI18n();
  const s = t.workflow.inbox;
  return (
    <>
      {item.step.dueAt ? formatDateTime(item.step.dueAt) : ''}
      {item.overdue && <span className="badge urgency urgency-overdue">{s.overdue}</span>}
      {!item.overdue && item.dueSoon && <span className="badge urgency urgency-soon">{s.dueSoon}</span>}
    </>
  );
}

/** The officer's work: current steps held by them or their unit, the soonest due first. */
export function InboxPage() {
  const { t } = useI18n();
  const s = t.workflow.inbox;
  useDocumentTitle(s.title);
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const inbox = useAsync((signal) => fetchInbox({ page, pageSize: PAGE_SIZE }, signal), [page]);

  return (
    <>
      <h1>{s.title}</h1>
      <p className="lead">{s.intro}</p>
      <PagedList
        id="inbox-count"
        list={inbox}
        heading={(d) => s.count(d.total)}
        placeholder={s.title}
        empty={s.empty}
        refresh={t.desk.queue.refresh}
        page={page}
        pageSize={PAGE_SIZE}
        onPage={(n) => setParams(n > 1 ? { page: String(n) } : {})}
      >
        {(items) => (
          <DataTable
            caption={s.title}
            captionHidden
            rows={items}
            rowKey={(item) => item.code}
            columns={[
              {
                header: s.code,
                cell: (item) => <DossierLink code={item.code} />,
              },
              { header: s.procedure, cell: (item) => item.procedure.name },
              { header: s.step, cell: (item) => `${item.step.seq}. ${item.step.name} (${item.step.unit.name})` },
              {
                header: s.assignee,
                cell: (item) => (item.kind === 'assign' ? s.waitingAssignment : (item.assignee?.fullName ?? '')),
              },
              { header: s.stepDue, cell: (item) => <Due item={item} /> },
              { header: s.dossierDue, cell: (item) => (item.dossierDueAt ? formatDateTime(item.dossierDueAt) : '') },
            ]}
          />
        )}
      </PagedList>
    </>
  );
}
