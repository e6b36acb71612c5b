import { Link, useSearchParams } from 'react-router';
import { useI18n } from '../../i18n/i18n';
import { useAsync } from '../../lib/useAsync';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { searchDossiers } from '../../api/dossiers';
import { formatDateTime } from '../../lib/datetime';
import { DataTable } from '../../components/DataTable';
import { Pagination } from '../../components/Pagination';
import { ErrorMessage, Loading } from '../../components/Status';
import { paths } from '../../paths';
import { StatusBadge } from '../dossier/StatusBadge';
import { DossierLink } from '../../components/DossierLink';

const PAGE_SIZE = 20;

/** The dossiers a citizen filed online: the API lists exactly those for a citizen account. */
export function MyDossiersPage() {
  const { t } = useI18n();
  const s = t.citizen.mine;
  const columns = t.dossier.search;
  useDocumentTitle(s.title);
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const mine = useAsync((signal) => searchDossiers({ page, pageSize: PAGE_SIZE }, signal), [page]);
  const shown = mine.error === null ? mine.data : undefined;

  return (
    <>
      <h1>{s.title}</h1>
      <p className="lead">{s.intro}</p>
      {mine.loading && !shown && <Loading />}
      {mine.error !== null && !mine.loading && <ErrorMessage error={mine.error} onRetry={mine.reload} />}
      {shown && shown.items.length === 0 && <p className="empty">{s.empty}</p>}
      {shown && shown.items.length > 0 && (
        <section className="card section" aria-label={s.count(shown.total)}>
          <DataTable
            caption={s.count(shown.total)}
            rows={shown.items}
            rowKey={(d) => d.code}
            columns={[
              {
                header: columns.code,
                cell: (d) => <DossierLink code={d.code} />,
              },
              { header: columns.procedure, cell: (d) => d.procedure.name },
              { header: columns.status, cell: (d) => <StatusBadge status={d.status} /> },
              { header: columns.receivedAt, cell: (d) => formatDateTime(d.receivedAt) },
              { header: columns.dueAt, cell: (d) => (d.dueAt ? formatDateTime(d.dueAt) : '') },
              {
                header: t.feedback.mine.column,
                cell: (d) =>
                  d.status === 'returned' ? (
                    <Link to={paths.myRating(d.code)} aria-label={t.feedback.mine.rateLabel(d.code)}>
                      {t.feedback.mine.rate}
                    </Link>
                  ) : (
                    ''
                  ),
              },
            ]}
          />
          <Pagination
            page={page}
            pageSize={PAGE_SIZE}
            total={shown.total}
            onChange={(n) => setParams(n > 1 ? { page: String(n) } : {})}
          />
        </section>
      )}
    </>
  );
}
