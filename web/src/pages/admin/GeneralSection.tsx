import { useI18n } from '../../i18n/i18n';
import { useAsync } from '../../lib/useAsync';
import { fetchAgencies, fetchFields, fetchLevels } from '../../api/catalogue';
import { localName } from '../../lib/labels';
import { Field } from '../../components/Field';
import { Check } from './Check';
import type { SectionProps } from './procedureDraft';

type TextKey = 'code' | 'name' | 'resultAgency' | 'resultType';

/** Code, name, field, level, implementing agencies, result and requirements. */
export function GeneralSection({ draft, patch, errorAt, isNew }: SectionProps & { isNew: boolean }) {
  const { t, lang } = useI18n();
  const e = t.admin.editor;
  const fields = useAsync(() => fetchFields(), []);
  const levels = useAsync(() => fetchLevels(), []);
  const agencies = useAsync(() => fetchAgencies(), []);
  const ofLevel = (agencies.data ?? []).filter((a) => a.level === draft.level);
  const agenciesError = errorAt('agencies') ?? draft.agencies.map((_, i) => errorAt(`agencies.${i}`)).find(Boolean);

  const text = (key: TextKey, label: string, hint?: string) => (
    <Field label={label} hint={hint} error={errorAt(key)} required={key === 'code' || key === 'name'}>
      {(control) => (
        <input
          {...control}
          value={draft[key]}
          spellCheck={key === 'code' ? false : undefined}
          onChange={(ev) => patch({ [key]: ev.target.value })}
        />
      )}
    </Field>
  );

  const toggleAgency = (code: string, on: boolean) =>
    patch({ agencies: on ? [...draft.agencies, code] : draft.agencies.filter((c) => c !== code) });

  return (
    <section className="card section" aria-labelledby="general-title">
      <h2 id="general-title">{e.general}</h2>
      <div className="form-grid">
        {isNew && text('code', e.code, e.codeHint)}
        <div className="span-all">{text('name', e.name)}</div>
        <Field label={e.field} error={errorAt('field')} required>
          {(control) => (
            <select {...control} value={draft.field} onChange={(ev) => patch({ field: ev.target.value })}>
              <option value="">{e.chooseField}</option>
              {fields.data?.map((f) => (
                <option key={f.code} value={f.code}>
                  {localName(f, lang)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={e.level} error={errorAt('level')} required>
          {(control) => (
            <select {...control} value={draft.level} onChange={(ev) => patch({ level: ev.target.value, agencies: [] })}>
              <option value="">{e.chooseLevel}</option>
              {levels.data?.map((l) => (
                <option key={l.code} value={l.code}>
                  {localName(l, lang)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <fieldset className={agenciesError ? 'admin-fieldset field-invalid' : 'admin-fieldset'}>
        <legend>{e.agencies}</legend>
        <Check
          label={e.allAgencies}
          hint={e.allAgenciesHint}
          checked={draft.allAgencies}
          onChange={(on) => patch({ allAgencies: on })}
        />
        {!draft.allAgencies && (
          <ul className="check-columns">
            {ofLevel.map((a) => (
              <li key={a.code}>
                <label className="checkbox">
                  <input
                    type="checkbox"
                    checked={draft.agencies.includes(a.code)}
                    onChange={(ev) => toggleAgency(a.code, ev.target.checked)}
                  />
                  {localName(a, lang)}
                </label>
              </li>
            ))}
          </ul>
        )}
        {!draft.allAgencies && ofLevel.length === 0 && <p className="field-hint">{e.chooseLevelFirst}</p>}
        {agenciesError && <p className="field-error">{agenciesError}</p>}
      </fieldset>
      <div className="form-grid">
        {text('resultAgency', e.resultAgency)}
        {text('resultType', e.resultType)}
      </div>
      <Field label={e.requirements} error={errorAt('requirements')}>
        {(control) => (
          <textarea
            {...control}
            rows={4}
            value={draft.requirements}
            onChange={(ev) => patch({ requirements: ev.target.value })}
          />
        )}
      </Field>
    </section>
  );
}
