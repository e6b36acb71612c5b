import { useI18n } from '../../i18n/i18n';
import type { DecisionType } from '../../api/types';
import { Field } from '../../components/Field';
import type { DecisionDraft } from './procedureDraft';

type Props = {
  value: DecisionDraft;
  onChange: (value: DecisionDraft) => void;
  /** The decision types to choose from; none shown when there is only one. */
  types: DecisionType[];
  /** Dates typed that are not real dd/mm/yyyy dates. */
  badDates: ('date' | 'effectiveFrom')[];
  /** The server's error at `decision.<name>`. */
  errorAt: (path: string) => string | undefined;
  effectiveHint?: string;
};

/** The announcing decision: type, number, date and effective date (dd/mm/yyyy). */
export function DecisionFields({ value, onChange, types, badDates, errorAt, effectiveHint }: Props) {
  const { t } = useI18n();
  const d = t.admin.decision;
  const dateError = (name: 'date' | 'effectiveFrom') =>
    badDates.includes(name) ? d.badDate : errorAt(`decision.${name}`);
  return (
    <>
      {types.length > 1 && (
        <fieldset className="radio-group">
          <legend>{d.type}</legend>
          {types.map((type) => (
            <label key={type}>
              <input
                type="radio"
                name="decision-type"
                checked={value.type === type}
                onChange={() => onChange({ ...value, type })}
              />
              {t.procedure.decisionType[type]}
            </label>
          ))}
        </fieldset>
      )}
      <div className="form-grid">
        <Field label={d.number} hint={d.numberHint} error={errorAt('decision.number')} required>
          {(control) => (
            <input {...control} value={value.number} onChange={(e) => onChange({ ...value, number: e.target.value })} />
          )}
        </Field>
        <Field label={d.date} hint={d.dateHint} error={dateError('date')} required>
          {(control) => (
            <input
              {...control}
              inputMode="numeric"
              value={value.date}
              onChange={(e) => onChange({ ...value, date: e.target.value })}
            />
          )}
        </Field>
        <Field label={d.effectiveFrom} hint={effectiveHint ?? d.dateHint} error={dateError('effectiveFrom')} required>
          {(control) => (
            <input
              {...control}
              inputMode="numeric"
              value={value.effectiveFrom}
              onChange={(e) => onChange({ ...value, effectiveFrom: e.target.value })}
            />
          )}
        </Field>
      </div>
    </>
  );
}
