import { Link } from 'react-router';
import { fetchRatingSummary, type RatingLevel } from '../../api/feedback';
import type { ReportFilters } from '../../api/reports';
import { ErrorMessage, Loading } from '../../components/Status';
import { useI18n } from '../../i18n/i18n';
import { useAsync } from '../../lib/useAsync';
import { paths } from '../../paths';
import { useNumbers } from './numbers';
import { ratedUrl } from './params';

/**
 * The period's satisfaction ratings for the dashboard's agency scope, each number a link to its rated
 * dossiers (the rate to all of them), with the way to the evaluation.
 */
export function RatingsSummary({ filters }: { filters: ReportFilters }) {
  const { t } = useI18n();
  const s = t.reports.ratings;
  const n = useNumbers();
  const key = JSON.stringify(filters);
  const ratings = useAsync((signal) => fetchRatingSummary(filters, signal), [key]);
  const r = ratings.error === null ? ratings.data : undefined;
  const levels = t.feedback.levels;
  // Each count with the rated dossiers it opens: all of them, or those of one level.
  const counts: [string, RatingLevel | undefined, number][] = r
    ? [
        [s.total, undefined, r.total],
        [levels.very_satisfied, 'very_satisfied', r.verySatisfied],
        [levels.satisfied, 'satisfied', r.satisfied],
        [levels.not_satisfied, 'not_satisfied', r.notSatisfied],
      ]
    : [];
  return (
    <section className="report-section" aria-labelledby="report-ratings">
      <h2 id="report-ratings">{s.title}</h2>
      <p className="field-hint">{s.intro}</p>
      {ratings.loading && !r && <Loading />}
      {ratings.error !== null && !ratings.loading && <ErrorMessage error={ratings.error} onRetry={ratings.reload} />}
      {r && r.total === 0 && <p className="empty">{s.none}</p>}
      {r && r.total > 0 && (
        <dl className="facts facts-grid" aria-busy={ratings.loading}>
          {counts.map(([label, level, count]) => (
            <div key={level ?? 'total'}>
              <dt>{label}</dt>
              <dd>
                <Link to={ratedUrl(filters, level)} className="metric-link" aria-label={s.show(label, n.count(count))}>
                  {n.count(count)}
                </Link>
              </dd>
            </div>
          ))}
          {r.satisfactionRate !== null && (
            <div>
              <dt>{s.rate}</dt>
              <dd>
                <Link
                  to={ratedUrl(filters)}
                  className="metric-link"
                  aria-label={s.showRate(n.percent(r.satisfactionRate))}
                >
                  {n.percent(r.satisfactionRate)}
                </Link>
              </dd>
            </div>
          )}
        </dl>
      )}
      <p>
        <Link to={paths.evaluation}>{s.details}</Link>
      </p>
    </section>
  );
}
