import { useId } from 'react';
import { Link } from 'react-router';
import { fetchRatedDossiers, type RatingLevel } from '../../api/feedback';
import { DataTable } from '../../components/DataTable';
import { PagedList } from '../../components/PagedList';
import { useI18n } from '../../i18n/i18n';
import { formatDate, formatDateTime } from '../../lib/datetime';
import { useAsync } from '../../lib/useAsync';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { dashboardUrl, useReportParams } from './params';
import { dossierColumns } from '../../components/DossierLink';

const PAGE_SIZE = 20;
const LEVELS: RatingLevel[] = ['very_satisfied', 'satisfied', 'not_satisfied'];

/**
 * The rated dossiers behind a ratings number of the dashboard: all of them, or those of `?level=`, in
 * the dashboard's period and agency; `total` is that number (docs/quality-index.md).
 */
export function RatedDossiersPage() {
  const { t, lang } = useI18n();
  const s = t.reports.rated;
  const levelSelect = useId();
  const { kind, filters, page, params, setParams } = useReportParams();
  const asked = params.get('level') as RatingLevel | null;
  const level = asked && LEVELS.includes(asked) ? asked : undefined;
  const title = level ? s.titles[level] : s.title;
  useDocumentTitle(title);
  const scope = { from: filters.from, to: filters.to, ...(filters.agency ? { agency: filters.agency } : {}) };
  const key = JSON.stringify(scope);
  const list = useAsync(
    (signal) => fetchRatedDossiers({ ...scope, level, page, pageSize: PAGE_SIZE }, signal),
    [key, level, page],
  );
  const back = dashboardUrl(kind, scope);

  const update = (change: (next: URLSearchParams) => void) => {
    const next = new URLSearchParams(params);
    change(next);
    setParams(next);
  };
  const toPage = (n: number) => update((next) => (n > 1 ? next.set('page', String(n)) : next.delete('page')));
  const toLevel = (value: string) =>
    update((next) => {
      next.delete('page');
      if (value) next.set('level', value);
      else next.delete('level');
    });

  return (
    <>
      <p>
        <Link to={back}>← {t.reports.drill.back}</Link>
      </p>
      <h1>{title}</h1>
      <p className="report-period">{t.reports.dashboard.showing(formatDate(filters.from), formatDate(filters.to))}</p>
      <PagedList
        id="rated-count"
        list={list}
        heading={(p) => s.count(p.total)}
        placeholder={title}
        empty={s.empty}
        controls={
          <div className="field report-group-by">
            <label htmlFor={levelSelect}>{s.level}</label>
            <select id={levelSelect} value={level ?? ''} onChange={(e) => toLevel(e.target.value)}>
              <option value="">{s.allLevels}</option>
              {LEVELS.map((l) => (
                <option key={l} value={l}>
                  {t.feedback.levels[l]}
                </option>
              ))}
            </select>
          </div>
        }
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
              { header: s.level, cell: (d) => t.feedback.levels[d.level] },
              { header: s.reasons, cell: (d) => d.reasons.map((r) => r[lang]).join('; ') },
              { header: s.ratedAt, cell: (d) => formatDateTime(d.ratedAt) },
              { header: s.channel, cell: (d) => s.channels[d.channel] },
              {
                header: s.countsFor,
                cell: (d) => [d.unit?.name, d.officer?.fullName].filter(Boolean).join(' · ') || s.nobody,
              },
            ]}
          />
        )}
      </PagedList>
    </>
  );
}
