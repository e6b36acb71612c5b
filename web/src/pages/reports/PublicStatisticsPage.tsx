import { useNavigate } from 'react-router';
import { fetchPublicStatistics, type PublicNumbers } from '../../api/reports';
import { fetchAgencies } from '../../api/catalogue';
import { DataTable } from '../../components/DataTable';
import { ErrorMessage, Loading } from '../../components/Status';
import { useI18n } from '../../i18n/i18n';
import { formatDate } from '../../lib/datetime';
import { localName } from '../../lib/labels';
import { useAsync } from '../../lib/useAsync';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { paths } from '../../paths';
import { useNumbers } from './numbers';
import { useReportParams } from './params';
import { PeriodForm } from './PeriodForm';

type Row = PublicNumbers & { code: string | null; name: string };

function NumbersTable({ caption, rows }: { caption: string; rows: Row[] }) {
  const { t } = useI18n();
  const { count, percent } = useNumbers();
  const s = t.reports.public;
  if (rows.length === 0) return <p className="empty">{s.empty}</p>;
  return (
    <DataTable
      caption={caption}
      captionHidden
      rows={rows}
      rowKey={(r) => r.code ?? ''}
      columns={[
        { header: s.name, cell: (r) => r.name },
        { header: s.received, numeric: true, cell: (r) => count(r.received) },
        { header: s.resolved, numeric: true, cell: (r) => count(r.resolved.total) },
        { header: s.onTimeOrEarly, numeric: true, cell: (r) => count(r.resolved.early + r.resolved.onTime) },
        { header: s.late, numeric: true, cell: (r) => count(r.resolved.late) },
        { header: s.overdue, numeric: true, cell: (r) => count(r.inProgress.overdue) },
        {
          header: s.onTimeRate,
          numeric: true,
          cell: (r) => (r.onTimeRate === null ? t.reports.headline.noRate : percent(r.onTimeRate)),
        },
      ]}
    />
  );
}

/** The portal's public on-time statistics per agency and per procedure (no login, no personal data). */
export function PublicStatisticsPage() {
  const { t, lang } = useI18n();
  const s = t.reports.public;
  useDocumentTitle(s.title);
  const navigate = useNavigate();
  const { kind, filters } = useReportParams();
  const q = { from: filters.from, to: filters.to, ...(filters.agency ? { agency: filters.agency } : {}) };
  const key = JSON.stringify(q);
  const agencies = useAsync(() => fetchAgencies(), []);
  const stats = useAsync((signal) => fetchPublicStatistics(q, signal), [key]);
  const shown = stats.error === null ? stats.data : undefined;
  // Agencies in the chosen language (the catalogue has their English names); procedures as published.
  const agencyName = (row: { code: string | null; name: string }) => {
    const found = agencies.data?.find((a) => a.code === row.code);
    return found ? localName(found, lang) : row.name;
  };

  return (
    <>
      <h1>{s.title}</h1>
      <p className="lead">{s.intro}</p>
      <PeriodForm
        key={`${kind}/${key}`}
        kind={kind}
        range={q}
        agency={q.agency ?? ''}
        agencies={agencies.data ?? []}
        allLabel={s.allAgencies}
        label={t.reports.dashboard.filters}
        onApply={(k, range, agency) => {
          const next = new URLSearchParams({ period: k, ...range, ...(agency ? { agency } : {}) });
          navigate(`${paths.publicStatistics}?${next.toString()}`);
        }}
      />
      <p className="report-period" aria-live="polite">
        {t.reports.dashboard.showing(formatDate(q.from), formatDate(q.to))}
      </p>
      {stats.loading && !shown && <Loading />}
      {stats.error !== null && !stats.loading && <ErrorMessage error={stats.error} onRetry={stats.reload} />}
      {shown && (
        <div aria-busy={stats.loading} className={stats.loading ? 'results-stale' : undefined}>
          <section className="report-section" aria-labelledby="public-total">
            <h2 id="public-total">{shown.agency ? agencyName(shown.agency) : s.allAgencies}</h2>
            <NumbersTable caption={s.total} rows={[{ code: null, name: s.total, ...shown.total }]} />
          </section>
          <section className="report-section" aria-labelledby="public-agencies">
            <h2 id="public-agencies">{s.byAgency}</h2>
            <NumbersTable caption={s.byAgency} rows={shown.agencies.map((a) => ({ ...a, name: agencyName(a) }))} />
          </section>
          <section className="report-section" aria-labelledby="public-procedures">
            <h2 id="public-procedures">{s.byProcedure}</h2>
            <NumbersTable caption={s.byProcedure} rows={shown.procedures} />
          </section>
        </div>
      )}
    </>
  );
}
