import { Link, useSearchParams } from 'react-router';
import { useI18n } from '../../i18n/i18n';
import { useAsync } from '../../lib/useAsync';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { searchDossiers } from '../../api/dossiers';
import { formatDateTime } from '../../lib/datetime';
import { Button } from '../../components/Button';
import { DataTable } from '../../components/DataTable';
import { Pagination } from '../../components/Pagination';
import { ErrorMessage, Loading } from '../../components/Status';
import { paths } from '../../paths';

const PAGE_SIZE = 20;

/** Online dossiers waiting for the desk check, oldest first: first come, first served. */
export function DeskQueuePage() {
  const { t } = useI18n();
  const s = t.desk.queue;
  useDocumentTitle(s.title);
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const queue = useAsync(
    (signal) => searchDossiers({ status: 'submitted', order: 'asc', page, pageSize: PAGE_SIZE }, signal),
    [page],
  );
  const shown = queue.error === null ? queue.data : undefined;

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
      <section className="card section" aria-labelledby="queue-count">
        <div className="results-head">
          <h2 id="queue-count" className="queue-count">
            {shown ? s.count(shown.total) : s.title}
          </h2>
          <Button variant="secondary" busy={queue.loading} onClick={queue.reload}>
            {s.refresh}
          </Button>
        </div>
        {queue.loading && !shown && <Loading />}
        {queue.error !== null && !queue.loading && <ErrorMessage error={queue.error} onRetry={queue.reload} />}
        {shown && shown.items.length === 0 && <p className="empty">{s.empty}</p>}
        {shown && shown.items.length > 0 && (
          <div className={queue.loading ? 'results-stale' : undefined} aria-busy={queue.loading}>
            <DataTable
              caption={s.title}
              captionHidden
              rows={shown.items}
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
            <Pagination
              page={page}
              pageSize={PAGE_SIZE}
              total={shown.total}
              onChange={(n) => setParams(n > 1 ? { page: String(n) } : {})}
            />
          </div>
        )}
      </section>
    </>
  );
}
