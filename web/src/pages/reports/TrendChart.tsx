import { useId } from 'react';
import type { ReportFilters, TrendMonth } from '../../api/reports';
import { DataTable } from '../../components/DataTable';
import { useI18n } from '../../i18n/i18n';
import { MetricLink } from './MetricLink';
import { useNumbers } from './numbers';

const HEIGHT = 200;
const PAD = { top: 12, right: 8, bottom: 28, left: 40 };
const SLOT = 56;

const newlyReceived = (m: TrendMonth) => m.received.online + m.received.direct + m.received.postal;

/** Rounds the scale up to 1, 2 or 5 times a power of ten, so the grid lines read as round numbers. */
function niceMax(n: number): number {
  if (n <= 4) return 4;
  const power = 10 ** Math.floor(Math.log10(n));
  return ([1, 2, 5, 10].map((k) => k * power).find((v) => v >= n) ?? 10 * power) as number;
}

/**
 * Newly received and resolved dossiers per month as paired bars: an SVG with a title and a text
 * description for screen readers, followed by the same figures as a table (every number a link).
 */
export function TrendChart({ months, filters }: { months: TrendMonth[]; filters: ReportFilters }) {
  const { t } = useI18n();
  const { count, percent } = useNumbers();
  const s = t.reports.trend;
  const id = useId();
  const label = (m: TrendMonth) => s.monthName(Number(m.month.slice(5, 7)), Number(m.month.slice(0, 4)));
  const max = niceMax(Math.max(0, ...months.flatMap((m) => [newlyReceived(m), m.resolved.total])));
  const width = PAD.left + PAD.right + months.length * SLOT;
  const plot = HEIGHT - PAD.top - PAD.bottom;
  const y = (v: number) => PAD.top + plot - (v / max) * plot;
  const ticks = [0, max / 4, max / 2, (3 * max) / 4, max];
  const description = s.chartDescription(
    months.map((m) => s.chartPart(label(m), count(newlyReceived(m)), count(m.resolved.total))).join('; '),
  );
  const monthFilters = (m: TrendMonth) => ({ ...filters, from: m.from, to: m.to });

  return (
    <section className="report-section" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{s.title}</h2>
      <ul className="chart-legend" aria-hidden="true">
        <li>
          <span className="chart-swatch chart-received" />
          {s.newlyReceived}
        </li>
        <li>
          <span className="chart-swatch chart-resolved" />
          {s.resolved}
        </li>
      </ul>
      <div className="chart-frame">
        <svg
          className="trend-chart"
          viewBox={`0 0 ${width} ${HEIGHT}`}
          width={width}
          height={HEIGHT}
          style={{ maxWidth: width }}
          role="img"
          aria-labelledby={`${id}-title ${id}-desc`}
        >
          <title id={`${id}-title`}>{s.chartTitle}</title>
          <desc id={`${id}-desc`}>{description}</desc>
          {ticks.map((v) => (
            <g key={v}>
              <line className="chart-grid" x1={PAD.left} x2={width - PAD.right} y1={y(v)} y2={y(v)} />
              <text className="chart-axis" x={PAD.left - 6} y={y(v) + 4} textAnchor="end">
                {count(Math.round(v))}
              </text>
            </g>
          ))}
          {months.map((m, i) => {
            const x = PAD.left + i * SLOT + 8;
            const bars = [
              { cls: 'chart-received', v: newlyReceived(m) },
              { cls: 'chart-resolved', v: m.resolved.total },
            ];
            return (
              <g key={m.month}>
                {bars.map((b, j) => (
                  <rect key={b.cls} className={b.cls} x={x + j * 20} y={y(b.v)} width={18} height={y(0) - y(b.v)} />
                ))}
                <text className="chart-axis" x={x + 19} y={HEIGHT - 10} textAnchor="middle">
                  {label(m)}
                </text>
              </g>
            );
          })}
        </svg>
      </div>
      <DataTable
        caption={s.tableCaption}
        rows={months}
        rowKey={(m) => m.month}
        columns={[
          { header: s.month, cell: label },
          { header: s.newlyReceived, numeric: true, cell: (m) => count(newlyReceived(m)) },
          {
            header: s.received,
            numeric: true,
            cell: (m) => (
              <MetricLink
                value={m.received.total}
                metric="received.total"
                filters={monthFilters(m)}
                label={`${s.received} ${label(m)}`}
              />
            ),
          },
          {
            header: s.resolved,
            numeric: true,
            cell: (m) => (
              <MetricLink
                value={m.resolved.total}
                metric="resolved.total"
                filters={monthFilters(m)}
                label={`${s.resolved} ${label(m)}`}
              />
            ),
          },
          {
            header: s.onTimeRate,
            numeric: true,
            cell: (m) => (m.onTimeRate === null ? t.reports.headline.noRate : percent(m.onTimeRate)),
          },
          {
            header: s.overdue,
            numeric: true,
            cell: (m) => (
              <MetricLink
                value={m.inProgress.overdue}
                metric="inProgress.overdue"
                filters={monthFilters(m)}
                label={`${s.overdue} ${label(m)}`}
              />
            ),
          },
        ]}
      />
    </section>
  );
}
