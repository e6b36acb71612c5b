import { Link } from 'react-router';
import { fetchRatingSummary } from '../../api/feedback';
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
  return (
    <section className="report-section" aria-labelledby="report-ratings">
      <h2 id="report-ratings">{s.title}</h2>
      <p className="field-hint">{s.intro}</p>
      {ratings.loading && !r && <Loading />}
      {ratings.error !== null && !ratings.loading && <ErrorMessage error={ratings.error} onRetry={ratings.reload} />}
      {r && r.total === 0 && <p className="empty">{s.none}</p>}
      {r && r.total > 0 && (
        <dl className="facts facts-grid" aria-busy={ratings.loading}>
          <div>
            <dt>{s.total}</dt>
            <dd>
              <Link to={ratedUrl(filters)} className="metric-link" aria-label={s.show(s.total, n.count(r.total))}>
                {n.count(r.total)}
              </Link>
            </dd>
          </div>
          <div>
            <dt>{t.feedback.levels.very_satisfied}</dt>
            <dd>
              <Link
                to={ratedUrl(filters, 'very_satisfied')}
                className="metric-link"
                aria-label={s.show(t.feedback.levels.very_satisfied, n.count(r.verySatisfied))}
              >
                {n.count(r.verySatisfied)}
              </Link>
            </dd>
          </div>
          <div>
            <dt>{t.feedback.levels.satisfied}</dt>
            <dd>
              <Link
                to={ratedUrl(filters, 'satisfied')}
                className="metric-link"
                aria-label={s.show(t.feedback.levels.satisfied, n.count(r.satisfied))}
              >
                {n.count(r.satisfied)}
              </Link>
            </dd>
          </div>
          <div>
            <dt>{t.feedback.levels.not_satisfied}</dt>
            <dd>
              <Link
                to={ratedUrl(filters, 'not_satisfied')}
                className="metric-link"
                aria-label={s.show(t.feedback.levels.not_satisfied, n.count(r.notSatisfied))}
              >
                {n.count(r.notSatisfied)}
              </Link>
            </dd>
          </div>
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
