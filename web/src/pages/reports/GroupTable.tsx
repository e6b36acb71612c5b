import type { GroupBy, Metric, ReportFilters, SummaryRow } from '../../api/reports';
import { DataTable } from '../../components/DataTable';
import { useI18n } from '../../i18n/i18n';
import { MetricLink } from './MetricLink';
import { useNumbers } from './numbers';
import { groupFilter } from './params';

type Props = {
  groupBy: GroupBy;
  rows: SummaryRow[];
  filters: ReportFilters;
  /** Agency names by code: every commune has its own one-stop desk, so a unit is named with its agency. */
  agencyNames: Map<string, string>;
};

/** One row per unit, field, officer, procedure, channel or agency; its numbers link to their dossiers. */
export function GroupTable({ groupBy, rows, filters, agencyNames }: Props) {
  const { t } = useI18n();
  const { count, percent } = useNumbers();
  const h = t.reports.headline;
  const g = t.reports.groups;
  const agencyCount = new Set(rows.map((r) => r.group.agency).filter(Boolean)).size;
  const name = (row: SummaryRow) => {
    const { code, agency } = row.group;
    if (code === null) return groupBy === 'unit' || groupBy === 'officer' ? g.none[groupBy] : g.none.other;
    if (groupBy === 'channel') return g.channel[code] ?? row.group.name;
    if (groupBy === 'unit' && agency && agencyCount > 1)
      return `${row.group.name} (${agencyNames.get(agency) ?? agency})`;
    return row.group.name;
  };
  const cell = (metric: Metric, value: (r: SummaryRow) => number, label: string) => ({
    header: label,
    numeric: true,
    cell: (r: SummaryRow) => {
      const extra = groupFilter(groupBy, r.group);
      return extra === null ? (
        count(value(r))
      ) : (
        <MetricLink value={value(r)} metric={metric} filters={filters} extra={extra} label={`${name(r)} – ${label}`} />
      );
    },
  });
  if (rows.length === 0) return <p className="empty">{g.empty}</p>;
  return (
    <DataTable
      caption={g.caption(g.by[groupBy])}
      captionHidden
      rows={rows}
      rowKey={(r) => `${r.group.agency ?? ''}/${r.group.code ?? ''}`}
      columns={[
        { header: g.by[groupBy], cell: name },
        cell('received.total', (r) => r.received.total, h.received),
        cell('resolved.early', (r) => r.resolved.early, `${h.resolved}: ${h.early.toLowerCase()}`),
        cell('resolved.onTime', (r) => r.resolved.onTime, `${h.resolved}: ${h.onTime.toLowerCase()}`),
        cell('resolved.late', (r) => r.resolved.late, `${h.resolved}: ${h.late.toLowerCase()}`),
        cell(
          'inProgress.withinDeadline',
          (r) => r.inProgress.withinDeadline,
          `${h.inProgress}: ${h.withinDeadline.toLowerCase()}`,
        ),
        cell('inProgress.overdue', (r) => r.inProgress.overdue, `${h.inProgress}: ${h.overdue.toLowerCase()}`),
        cell('withdrawn', (r) => r.withdrawn, h.withdrawn),
        {
          header: h.onTimeRate,
          numeric: true,
          cell: (r) => (r.onTimeRate === null ? h.noRate : percent(r.onTimeRate)),
        },
      ]}
    />
  );
}
