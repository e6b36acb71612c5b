import { Link } from 'react-router';
import type { Metric, ReportFilters } from '../../api/reports';
import { useI18n } from '../../i18n/i18n';
import { drillUrl } from './params';
import { useNumbers } from './numbers';

type Props = { value: number; metric: Metric; filters: ReportFilters; extra?: Partial<ReportFilters>; label: string };

/** A number of the statistics as a link to the list of its dossiers (docs/statistics.md, drill-down). */
export function MetricLink({ value, metric, filters, extra, label }: Props) {
  const { t } = useI18n();
  const { count } = useNumbers();
  const text = count(value);
  return (
    <Link
      to={drillUrl(filters, metric, extra)}
      className="metric-link"
      aria-label={t.reports.headline.show(label, text)}
    >
      {text}
    </Link>
  );
}
