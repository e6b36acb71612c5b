import { useI18n } from '../../i18n/i18n';
import { HOURS_PER_DAY } from '../../lib/format';
import type { Budget } from './procedureDraft';

/** "x of y working hours used" with a bar, red with an explanation when the steps exceed the deadline. */
export function BudgetMeter({ budget, serverError }: { budget: Budget; serverError?: string }) {
  const { t } = useI18n();
  const b = t.admin.editor.budget;
  const { usedHours, budgetHours, over } = budget;
  const share = budgetHours > 0 ? Math.min(100, (usedHours / budgetHours) * 100) : 0;
  const asDays = (hours: number) => t.procedure.hoursTotal(Math.floor(hours / HOURS_PER_DAY), hours % HOURS_PER_DAY);
  return (
    <div className={over || serverError ? 'budget budget-over' : 'budget'}>
      <p className="budget-total">
        <strong>{budgetHours > 0 ? b.used(usedHours, budgetHours) : b.noDeadline}</strong>
        {budgetHours > 0 && (
          <span className="budget-basis">
            {' '}
            {budget.reduced ? b.reducedBasis(asDays(budgetHours)) : b.statutoryBasis(asDays(budgetHours))}
          </span>
        )}
      </p>
      <div className="budget-bar" aria-hidden="true">
        <span style={{ width: `${share}%` }} />
      </div>
      <p className="budget-message">
        {budgetHours > 0 && (over ? b.over(usedHours - budgetHours) : b.within(budgetHours - usedHours))}
      </p>
      {/* Only crossing the limit is announced, not every keystroke in a duration. */}
      <span className="visually-hidden" aria-live="polite">
        {over ? b.overAlert : ''}
      </span>
      {serverError && (
        <p className="field-error" role="alert">
          {serverError}
        </p>
      )}
    </div>
  );
}
