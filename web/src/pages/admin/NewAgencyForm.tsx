import { useState, type FormEvent } from 'react';
import { useI18n } from '../../i18n/i18n';
import { AGENCY_KINDS, createAgency, type AdminAgency, type AgencyKind } from '../../api/adminAgencies';
import type { Level } from '../../api/types';
import { localName } from '../../lib/labels';
import { Button } from '../../components/Button';
import { Field } from '../../components/Field';
import { ErrorMessage } from '../../components/Status';
import { shownAtField, useAction } from './useAction';

const FIELDS = ['code', 'name', 'nameEn', 'level', 'kind', 'address', 'phone'];
type TextName = 'code' | 'name' | 'nameEn' | 'address' | 'phone';

/** Adds an agency under `parent`; the server checks the identifier format (000.00.00.H40) and uniqueness. */
export function NewAgencyForm({
  parent,
  levels,
  onCreated,
}: {
  parent: AdminAgency;
  levels: Level[];
  onCreated: (code: string) => void;
}) {
  const { t, lang } = useI18n();
  const a = t.admin.agencies;
  const [open, setOpen] = useState(false);
  const [values, setValues] = useState<Record<TextName, string>>({
    code: '',
    name: '',
    nameEn: '',
    address: '',
    phone: '',
  });
  const [level, setLevel] = useState(parent.level);
  const [kind, setKind] = useState<AgencyKind>('department');
  const action = useAction();

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const optional = (s: string) => s.trim() || undefined;
    const input = {
      code: values.code,
      name: values.name,
      nameEn: optional(values.nameEn),
      level,
      kind,
      parentCode: parent.code,
      address: optional(values.address),
      phone: optional(values.phone),
    };
    if (await action.run(() => createAgency(input))) onCreated(values.code.trim());
  };

  const text = (name: TextName, label: string, extra: { required?: boolean; hint?: string } = {}) => (
    <Field label={label} hint={extra.hint} error={action.at(name)} required={extra.required}>
      {(control) => (
        <input
          {...control}
          value={values[name]}
          type={name === 'phone' ? 'tel' : 'text'}
          spellCheck={name === 'code' ? false : undefined}
          onChange={(e) => setValues((v) => ({ ...v, [name]: e.target.value }))}
        />
      )}
    </Field>
  );

  return (
    <section className="card section" aria-labelledby="new-agency-title">
      <h2 id="new-agency-title">{a.createTitle}</h2>
      <p className="section-hint">{a.createIntro(localName(parent, lang))}</p>
      {!open ? (
        <Button variant="secondary" aria-expanded={false} onClick={() => setOpen(true)}>
          {a.createOpen}
        </Button>
      ) : (
        <form className="admin-form" onSubmit={onSubmit} noValidate>
          {action.error !== null && !shownAtField(action.error, FIELDS) && <ErrorMessage error={action.error} />}
          <div className="form-grid">
            {text('code', a.code, { required: true, hint: a.codeHint })}
            {text('name', a.name, { required: true })}
            {text('nameEn', a.nameEn)}
            <Field label={a.level} error={action.at('level')} required>
              {(control) => (
                <select {...control} value={level} onChange={(e) => setLevel(e.target.value)}>
                  {levels.map((l) => (
                    <option key={l.code} value={l.code}>
                      {localName(l, lang)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label={a.kind} error={action.at('kind')} required>
              {(control) => (
                <select {...control} value={kind} onChange={(e) => setKind(e.target.value as AgencyKind)}>
                  {AGENCY_KINDS.map((k) => (
                    <option key={k} value={k}>
                      {t.admin.kinds[k]}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            {text('address', a.address)}
            {text('phone', a.phone)}
          </div>
          <div className="form-actions">
            <Button type="submit" busy={action.busy}>
              {a.create}
            </Button>
            <Button variant="ghost" onClick={() => setOpen(false)}>
              {t.common.cancel}
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}
