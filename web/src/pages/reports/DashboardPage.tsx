import { useId } from 'react';
import { useNavigate } from 'react-router';
import { GROUPS, exportUrl, fetchGrouped, fetchSummary, fetchTrend, type GroupBy } from '../../api/reports';
import { fetchAgencies } from '../../api/catalogue';
import { ErrorMessage, Loading } from '../../components/Status';
import { useI18n } from '../../i18n/i18n';
import { formatDate } from '../../lib/datetime';
import { localName } from '../../lib/labels';
import { useAsync } from '../../lib/useAsync';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useSession } from '../../session/session';
import { reportAgencies } from './access';
import { GroupTable } from './GroupTable';
import { Headline } from './Headline';
import { OverdueList } from './OverdueList';
import { dashboardUrl, useReportParams } from './params';
import { PeriodForm } from './PeriodForm';
import { RatingsSummary } from './RatingsSummary';
import { TrendChart } from './TrendChart';

/** The manager dashboard (issue 6): key numbers, the monthly trend, groups, overdue list, ratings and exports. */
export function DashboardPage() {
  const { t, lang } = useI18n();
  const s = t.reports;
  useDocumentTitle(s.dashboard.title);
  const { user } = useSession();
  const navigate = useNavigate();
  const { kind, filters, groupBy } = useReportParams();
  const base = { from: filters.from, to: filters.to, ...(filters.agency ? { agency: filters.agency } : {}) };
  const key = JSON.stringify(base);
  const agencies = useAsync(() => fetchAgencies(), []);
  const summary = useAsync((signal) => fetchSummary(base, signal), [key]);
  const trend = useAsync((signal) => fetchTrend(base, signal), [key]);
  const grouped = useAsync((signal) => fetchGrouped(base, groupBy, signal), [key, groupBy]);
  const groupSelect = useId();

  const go = (next: { kind?: typeof kind; from?: string; to?: string; agency?: string; groupBy?: GroupBy }) => {
    const agency = next.agency ?? base.agency;
    const f = { from: next.from ?? base.from, to: next.to ?? base.to, ...(agency ? { agency } : {}) };
    navigate(dashboardUrl(next.kind ?? kind, f, next.groupBy ?? groupBy), { replace: false });
  };

  return (
    <>
      <h1>{s.dashboard.title}</h1>
      <p className="lead">{s.dashboard.intro}</p>
      <PeriodForm
        key={`${kind}/${key}`}
        kind={kind}
        range={base}
        agency={base.agency ?? ''}
        agencies={reportAgencies(user, agencies.data ?? [])}
        allLabel={s.dashboard.allAgencies}
        label={s.dashboard.filters}
        onApply={(k, range, agency) => go({ kind: k, ...range, agency })}
      />
      <p className="report-period" aria-live="polite">
        {s.dashboard.showing(formatDate(base.from), formatDate(base.to))}
      </p>

      {summary.loading && !summary.data && <Loading />}
      {summary.error !== null && !summary.loading && <ErrorMessage error={summary.error} onRetry={summary.reload} />}
      {summary.data && summary.error === null && (
        <div aria-busy={summary.loading} className={summary.loading ? 'results-stale' : undefined}>
          <Headline summary={summary.data} filters={base} />
        </div>
      )}

      {trend.loading && !trend.data && <Loading />}
      {trend.error !== null && !trend.loading && <ErrorMessage error={trend.error} onRetry={trend.reload} />}
      {trend.data && trend.error === null && <TrendChart months={trend.data.months} filters={base} />}

      <section className="report-section" aria-labelledby="report-groups">
        <div className="results-head">
          <h2 id="report-groups">{s.groups.title}</h2>
          <div className="field report-group-by">
            <label htmlFor={groupSelect}>{s.groups.groupBy}</label>
            <select id={groupSelect} value={groupBy} onChange={(e) => go({ groupBy: e.target.value as GroupBy })}>
              {GROUPS.map((g) => (
                <option key={g} value={g}>
                  {s.groups.by[g]}
                </option>
              ))}
            </select>
          </div>
        </div>
        {grouped.loading && !grouped.data && <Loading />}
        {grouped.error !== null && !grouped.loading && <ErrorMessage error={grouped.error} onRetry={grouped.reload} />}
        {grouped.data && grouped.error === null && (
          <div aria-busy={grouped.loading} className={grouped.loading ? 'results-stale' : undefined}>
            <GroupTable
              groupBy={groupBy}
              rows={grouped.data.rows}
              filters={base}
              agencyNames={new Map((agencies.data ?? []).map((a) => [a.code, localName(a, lang)]))}
            />
          </div>
        )}
      </section>

      <OverdueList filters={base} />

      <RatingsSummary filters={base} />

      <section className="report-section" aria-labelledby="report-exports">
        <h2 id="report-exports">{s.exports.title}</h2>
        <p className="field-hint">{s.exports.intro}</p>
        <p className="report-exports">
          <a className="btn btn-secondary" href={exportUrl('xlsx', base, groupBy)} download>
            {s.exports.xlsx}
          </a>
          <a className="btn btn-secondary" href={exportUrl('csv', base, groupBy)} download>
            {s.exports.csv}
          </a>
        </p>
      </section>
    </>
  );
}
