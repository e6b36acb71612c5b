import { Link } from 'react-router';
import { NO_HOLDER, fetchDrillDown, type GroupBy } from '../../api/reports';
import type { DossierStatus } from '../../api/dossiers';
import { DataTable } from '../../components/DataTable';
import { PagedList } from '../../components/PagedList';
import { useI18n } from '../../i18n/i18n';
import { formatDate, formatDateTime } from '../../lib/datetime';
import { useAsync } from '../../lib/useAsync';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { StatusBadge } from '../dossier/StatusBadge';
import { FILTER_KEYS, dashboardUrl, useReportParams } from './params';
import { dossierColumns } from '../../components/DossierLink';

const PAGE_SIZE = 20;

/** The dossiers behind one number of the dashboard; `total` is that number (docs/statistics.md). */
export function DrillDownPage() {
  const { t } = useI18n();
  const s = t.reports.drill;
  const { kind, filters, metric, page, params, setParams } = useReportParams();
  const title = metric ? t.reports.metrics[metric] : t.reports.dashboard.title;
  useDocumentTitle(title);
  const key = JSON.stringify(filters);
  const list = useAsync(
    (signal) =>
      metric
        ? fetchDrillDown({ ...filters, metric, page, pageSize: PAGE_SIZE }, signal)
        : Promise.resolve({ items: [], total: 0 }),
    [key, metric, page],
  );
  const g = t.reports.groups;
  const narrowed = FILTER_KEYS.filter((k) => k !== 'agencyOnly' && filters[k]).map((k) => {
    const value = filters[k] ?? '';
    // The dossiers held by no unit or officer are named as the table's row was.
    if ((k === 'unit' || k === 'officer') && value === NO_HOLDER) return g.none[k];
    return `${g.by[k as GroupBy]}: ${k === 'channel' ? (g.channel[value] ?? value) : value}`;
  });
  if (filters.agencyOnly === 'true') narrowed.push(g.agencyOnly);
  const back = dashboardUrl(kind, { from: filters.from, to: filters.to, agency: filters.agency });

  const toPage = (n: number) => {
    const next = new URLSearchParams(params);
    if (n > 1) next.set('page', String(n));
    else next.delete('page');
    setParams(next);
  };

  return (
    <>
      <p>
        <Link to={back}>← {s.back}</Link>
      </p>
      <h1>{title}</h1>
      <p className="report-period">
        {t.reports.dashboard.showing(formatDate(filters.from), formatDate(filters.to))}
        {narrowed.length > 0 && ` · ${s.filters} ${narrowed.join(', ')}`}
      </p>
      <PagedList
        id="drill-count"
        list={list}
        heading={(p) => s.count(p.total)}
        placeholder={title}
        empty={s.empty}
        page={page}
        pageSize={PAGE_SIZE}
        onPage={toPage}
      >
        {(items) => (
          <DataTable
            caption={title}
            captionHidden
            rows={items}
            rowKey={(d) => d.code}
            columns={[
              ...dossierColumns(s),
              { header: s.receivedAt, cell: (d) => formatDateTime(d.acceptedAt ?? d.receivedAt) },
              { header: s.dueAt, cell: (d) => (d.dueAt ? formatDateTime(d.dueAt) : '') },
              {
                header: s.closedAt,
                cell: (d) => {
                  const at = d.resolvedAt ?? d.withdrawnAt ?? d.refusedAt;
                  return at ? formatDateTime(at) : '';
                },
              },
              { header: s.classification, cell: (d) => (d.classification ? s.classes[d.classification] : '') },
              { header: s.status, cell: (d) => <StatusBadge status={d.status as DossierStatus} /> },
            ]}
          />
        )}
      </PagedList>
    </>
  );
}
