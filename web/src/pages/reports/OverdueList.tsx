import { useState } from 'react';
import { fetchOverdue, type ReportFilters } from '../../api/reports';
import { DataTable } from '../../components/DataTable';
import { Pagination } from '../../components/Pagination';
import { ErrorMessage, Loading } from '../../components/Status';
import { useI18n } from '../../i18n/i18n';
import { formatDate, formatDateTime } from '../../lib/datetime';
import { useAsync } from '../../lib/useAsync';
import { dossierColumns } from '../../components/DossierLink';

const PAGE_SIZE = 10;

/** The dossiers in progress past their original appointment at the end of the period, longest late first. */
export function OverdueList({ filters }: { filters: ReportFilters }) {
  const { t } = useI18n();
  const s = t.reports.overdue;
  const [page, setPage] = useState(1);
  const key = JSON.stringify(filters);
  const [seenKey, setSeenKey] = useState(key);
  if (seenKey !== key) {
    // New filters start again from the first page.
    setSeenKey(key);
    setPage(1);
  }
  const list = useAsync((signal) => fetchOverdue({ ...filters, page, pageSize: PAGE_SIZE }, signal), [key, page]);
  const shown = list.error === null ? list.data : undefined;
  return (
    <section className="report-section" aria-labelledby="report-overdue">
      <h2 id="report-overdue">{s.title}</h2>
      <p className="field-hint">{s.intro(formatDate(filters.to))}</p>
      {list.loading && !shown && <Loading />}
      {list.error !== null && !list.loading && <ErrorMessage error={list.error} onRetry={list.reload} />}
      {shown && shown.total === 0 && <p className="empty">{s.empty}</p>}
      {shown && shown.total > 0 && (
        <div className={list.loading ? 'results-stale' : undefined} aria-busy={list.loading}>
          <p className="queue-count">{s.count(shown.total)}</p>
          <DataTable
            caption={s.title}
            captionHidden
            rows={shown.items}
            rowKey={(d) => d.code}
            columns={[
              ...dossierColumns(s),
              { header: s.dueAt, cell: (d) => formatDateTime(d.dueAt) },
              { header: s.daysLate, numeric: true, cell: (d) => s.days(d.daysLate) },
              {
                header: s.holder,
                cell: (d) => [d.holder.officer?.fullName, d.holder.unit?.name].filter(Boolean).join(', ') || s.noHolder,
              },
            ]}
          />
          <Pagination page={page} pageSize={PAGE_SIZE} total={shown.total} onChange={setPage} />
        </div>
      )}
    </section>
  );
}
