import type { Metric, ReportFilters, Summary } from '../../api/reports';
import { useI18n } from '../../i18n/i18n';
import { MetricLink } from './MetricLink';
import { useNumbers } from './numbers';

type Part = { metric: Metric; value: number; label: string };

function Tile({ main, parts, filters }: { main: Part; parts: Part[]; filters: ReportFilters }) {
  return (
    <div className="report-tile">
      <p className="report-tile-label">{main.label}</p>
      <p className="report-tile-value">
        <MetricLink value={main.value} metric={main.metric} filters={filters} label={main.label} />
      </p>
      {parts.length > 0 && (
        <dl className="report-parts">
          {parts.map((p) => (
            <div key={p.metric}>
              <dt>{p.label}</dt>
              <dd>
                <MetricLink value={p.value} metric={p.metric} filters={filters} label={`${main.label} – ${p.label}`} />
              </dd>
            </div>
          ))}
        </dl>
      )}
    </div>
  );
}

/** The period's key numbers (api.md Statistics), each a link to its dossiers, and the on-time rate. */
export function Headline({ summary, filters }: { summary: Summary; filters: ReportFilters }) {
  const { t } = useI18n();
  const { percent } = useNumbers();
  const h = t.reports.headline;
  const s = summary;
  return (
    <section className="report-section" aria-labelledby="report-headline">
      <h2 id="report-headline">{h.title}</h2>
      <div className="report-tiles">
        <Tile
          filters={filters}
          main={{ metric: 'received.total', value: s.received.total, label: h.received }}
          parts={[
            { metric: 'received.carriedOver', value: s.received.carriedOver, label: h.carriedOver },
            { metric: 'received.online', value: s.received.online, label: h.online },
            { metric: 'received.direct', value: s.received.direct, label: h.direct },
            { metric: 'received.postal', value: s.received.postal, label: h.postal },
          ]}
        />
        <Tile
          filters={filters}
          main={{ metric: 'resolved.total', value: s.resolved.total, label: h.resolved }}
          parts={[
            { metric: 'resolved.early', value: s.resolved.early, label: h.early },
            { metric: 'resolved.onTime', value: s.resolved.onTime, label: h.onTime },
            { metric: 'resolved.late', value: s.resolved.late, label: h.late },
          ]}
        />
        <Tile
          filters={filters}
          main={{ metric: 'inProgress.total', value: s.inProgress.total, label: h.inProgress }}
          parts={[
            { metric: 'inProgress.withinDeadline', value: s.inProgress.withinDeadline, label: h.withinDeadline },
            { metric: 'inProgress.overdue', value: s.inProgress.overdue, label: h.overdue },
          ]}
        />
        <div className="report-tile">
          <p className="report-tile-label">{h.onTimeRate}</p>
          <p className="report-tile-value report-rate">{s.onTimeRate === null ? h.noRate : percent(s.onTimeRate)}</p>
          <p className="field-hint">{h.onTimeRateHint}</p>
          <dl className="report-parts">
            <div>
              <dt>{h.withdrawn}</dt>
              <dd>
                <MetricLink value={s.withdrawn} metric="withdrawn" filters={filters} label={h.withdrawn} />
              </dd>
            </div>
            <div>
              <dt>{h.refused}</dt>
              <dd>
                <MetricLink value={s.refused} metric="refused" filters={filters} label={h.refused} />
              </dd>
            </div>
          </dl>
        </div>
      </div>
    </section>
  );
}
