import { useI18n } from '../i18n/i18n';
import type { ProcessPlan } from '../api/types';
import { formatDuration, HOURS_PER_DAY } from '../lib/format';

/** The internal process, step by step, and how its durations add up against the deadline. */
export function ProcessTimeline({ plan }: { plan: ProcessPlan }) {
  const { t } = useI18n();
  if (plan.steps.length === 0) return <p>{t.common.none}</p>;
  const asText = (hours: number) => t.procedure.hoursTotal(Math.floor(hours / HOURS_PER_DAY), hours % HOURS_PER_DAY);
  return (
    <>
      <ol className="timeline">
        {plan.steps.map((s) => (
          <li key={s.seq} className="timeline-step">
            <span className="timeline-marker" aria-hidden="true">
              {s.seq}
            </span>
            <div className="timeline-body">
              <p className="timeline-title">
                <span className="visually-hidden">{t.procedure.step(s.seq)}: </span>
                {s.name}
              </p>
              <dl className="facts facts-inline">
                <div>
                  <dt>{t.procedure.unit}</dt>
                  <dd>
                    {s.unit.name ?? s.unit.code}
                    {s.agency && (
                      <>
                        {', '}
                        {s.agency.name} <span className="tag">{t.procedure.otherAgency}</span>
                      </>
                    )}
                  </dd>
                </div>
                <div>
                  <dt>{t.procedure.role}</dt>
                  <dd>{t.roles[s.role]}</dd>
                </div>
                <div>
                  <dt>{t.procedure.duration}</dt>
                  <dd>{formatDuration(t, s.duration)}</dd>
                </div>
              </dl>
            </div>
          </li>
        ))}
      </ol>
      <p className="timeline-total">
        <strong>{t.procedure.totalBudget}:</strong> {asText(plan.totalHours)} / {asText(plan.budgetHours)}
      </p>
    </>
  );
}
