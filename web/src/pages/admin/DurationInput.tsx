import { useId } from 'react';
import { useI18n } from '../../i18n/i18n';
import type { DurationUnit } from '../../api/types';
import type { DurationDraft } from './procedureDraft';

type Props = {
  legend: string;
  value: DurationDraft;
  onChange: (value: DurationDraft) => void;
  error?: string;
  required?: boolean;
  disabled?: boolean;
};

/** A whole number of working days or hours, grouped under one legend. */
export function DurationInput({ legend, value, onChange, error, required, disabled }: Props) {
  const { t } = useI18n();
  const e = t.admin.editor;
  const id = useId();
  return (
    <fieldset className={error ? 'duration-input field field-invalid' : 'duration-input field'} disabled={disabled}>
      <legend>
        {legend}
        {required && <span className="field-required"> {t.common.requiredMark}</span>}
      </legend>
      <div className="duration-row">
        <input
          type="number"
          min={1}
          step={1}
          inputMode="numeric"
          aria-label={e.durationValue(legend)}
          aria-describedby={error ? `${id}-error` : undefined}
          aria-invalid={error ? true : undefined}
          value={value.value}
          onChange={(ev) => onChange({ ...value, value: ev.target.value })}
        />
        <select
          aria-label={e.durationUnit(legend)}
          value={value.unit}
          onChange={(ev) => onChange({ ...value, unit: ev.target.value as DurationUnit })}
        >
          <option value="working_days">{e.days}</option>
          <option value="working_hours">{e.hours}</option>
        </select>
      </div>
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </fieldset>
  );
}
