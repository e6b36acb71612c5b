import { useState, type FormEvent } from 'react';
import { QUALITY_COMPONENTS, fetchEvaluation, fetchQualityRanking, type EvaluationRow } from '../../api/feedback';
import { Button } from '../../components/Button';
import { DataTable } from '../../components/DataTable';
import { ErrorMessage, Loading } from '../../components/Status';
import { useI18n } from '../../i18n/i18n';
import { todayIso } from '../../lib/datetime';
import { useAsync } from '../../lib/useAsync';
import { useDocumentTitle } from '../../lib/useDocumentTitle';

const percent = (x: number | null, none: string) => (x === null ? none : `${Math.round(x * 1000) / 10} %`);

/** /evaluation: the service-quality ranking of agencies and the evaluation of units and officers. */
export function EvaluationPage() {
  const { t } = useI18n();
  const s = t.feedback.evaluation;
  useDocumentTitle(s.title);
  const today = todayIso();
  const [draft, setDraft] = useState({ from: `${today.slice(0, 4)}-01-01`, to: today });
  const [period, setPeriod] = useState(draft);
  const ranking = useAsync((signal) => fetchQualityRanking(period, signal), [period]);
  const units = useAsync((signal) => fetchEvaluation({ ...period, groupBy: 'unit' }, signal), [period]);
  const officers = useAsync((signal) => fetchEvaluation({ ...period, groupBy: 'officer' }, signal), [period]);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setPeriod(draft);
  };

  const evaluationColumns = [
    { header: s.unit, cell: (r: EvaluationRow) => `${r.group.name}${r.group.agency ? ` (${r.group.agency})` : ''}` },
    { header: s.handled, cell: (r: EvaluationRow) => r.handled, numeric: true },
    { header: s.onTimeRate, cell: (r: EvaluationRow) => percent(r.onTimeRate, s.noData), numeric: true },
    { header: s.lateCaused, cell: (r: EvaluationRow) => r.lateCaused, numeric: true },
    { header: s.ratings, cell: (r: EvaluationRow) => r.satisfaction.total, numeric: true },
    {
      header: s.satisfactionRate,
      cell: (r: EvaluationRow) => percent(r.satisfaction.satisfactionRate, s.noData),
      numeric: true,
    },
  ];

  return (
    <div className="evaluation">
      <h1>{s.title}</h1>
      <form className="card form period-form" onSubmit={onSubmit}>
        <div className="field">
          <label htmlFor="ev-from">{s.from}</label>
          <input
            id="ev-from"
            type="date"
            value={draft.from}
            onChange={(e) => setDraft((d) => ({ ...d, from: e.target.value }))}
          />
        </div>
        <div className="field">
          <label htmlFor="ev-to">{s.to}</label>
          <input
            id="ev-to"
            type="date"
            value={draft.to}
            onChange={(e) => setDraft((d) => ({ ...d, to: e.target.value }))}
          />
        </div>
        <Button type="submit">{s.show}</Button>
      </form>

      <section aria-labelledby="ev-ranking">
        <h2 id="ev-ranking">{s.ranking}</h2>
        {ranking.loading && <Loading />}
        {ranking.error !== null && <ErrorMessage error={ranking.error} onRetry={ranking.reload} />}
        {ranking.data && !ranking.loading && (
          <DataTable
            caption={s.ranking}
            captionHidden
            rows={ranking.data.items}
            rowKey={(r) => r.agency.code}
            columns={[
              { header: s.rank, cell: (r) => r.rank ?? s.noData, numeric: true },
              { header: s.agency, cell: (r) => r.agency.name },
              { header: s.index, cell: (r) => r.index ?? s.noData, numeric: true },
              ...QUALITY_COMPONENTS.map((k) => ({
                header: `${s.components[k]} (${ranking.data!.weights[k]})`,
                cell: (r: (typeof ranking.data.items)[number]) => percent(r.components[k], s.noData),
                numeric: true,
              })),
            ]}
          />
        )}
      </section>

      {[
        { id: 'ev-units', title: s.units, state: units },
        { id: 'ev-officers', title: s.officers, state: officers },
      ].map(({ id, title, state }) => (
        <section key={id} aria-labelledby={id}>
          <h2 id={id}>{title}</h2>
          {state.loading && <Loading />}
          {state.error !== null && <ErrorMessage error={state.error} onRetry={state.reload} />}
          {state.data && !state.loading && (
            <DataTable
              caption={title}
              captionHidden
              rows={state.data.rows}
              rowKey={(r, i) => `${r.group.code ?? 'none'}-${i}`}
              columns={evaluationColumns}
            />
          )}
        </section>
      ))}
    </div>
  );
}
