import { Link, useSearchParams } from 'react-router';
import { useI18n } from '../../i18n/i18n';
import { useAsync } from '../../lib/useAsync';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { searchDossiers } from '../../api/dossiers';
import { formatDateTime } from '../../lib/datetime';
import { DataTable } from '../../components/DataTable';
import { PagedList } from '../../components/PagedList';
import { paths } from '../../paths';
import { useSession } from '../../session/session';
import { TrackingBookForm } from './TrackingBookForm';

const PAGE_SIZE = 20;

/** Online dossiers waiting for the desk check, oldest first: first come, first served. */
export function DeskQueuePage() {
  const { t } = useI18n();
  const s = t.desk.queue;
  useDocumentTitle(s.title);
  const { user } = useSession();
  const deskAgencies = [...new Set(user?.roles.filter((g) => g.role === 'reception').map((g) => g.agency))];
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const queue = useAsync(
    (signal) => searchDossiers({ status: 'submitted', order: 'asc', page, pageSize: PAGE_SIZE }, signal),
    [page],
  );

  return (
    <>
      <div className="page-head">
        <h1>{s.title}</h1>
        <div className="form-actions">
          <Link className="btn btn-primary" to={paths.deskIntake}>
            {s.newIntake}
          </Link>
          <Link className="btn btn-secondary" to={paths.kiosk}>
            {t.feedback.kiosk.nav}
          </Link>
        </div>
      </div>
      <p className="lead">{s.intro}</p>
      <PagedList
        id="queue-count"
        list={queue}
        heading={(d) => s.count(d.total)}
        placeholder={s.title}
        empty={s.empty}
        refresh={s.refresh}
        page={page}
        pageSize={PAGE_SIZE}
        onPage={(n) => setParams(n > 1 ? { page: String(n) } : {})}
      >
        {(items) => (
          <DataTable
            caption={s.title}
            captionHidden
            rows={items}
            rowKey={(d) => d.code}
            columns={[
              {
                header: s.code,
                cell: (d) => (
                  <Link to={paths.dossier(d.code)} aria-label={s.check(d.code)} className="code">
                    {d.code}
                  </Link>
                ),
              },
              { header: s.procedure, cell: (d) => d.procedure.name },
              { header: s.applicant, cell: (d) => d.applicantName },
              { header: s.agency, cell: (d) => d.agency.name },
              { header: s.submittedAt, cell: (d) => formatDateTime(d.receivedAt) },
            ]}
          />
        )}
      </PagedList>
      <TrackingBookForm agencies={deskAgencies} />
    </>
  );
}
