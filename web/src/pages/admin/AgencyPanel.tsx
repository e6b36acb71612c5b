import { useState, type FormEvent, type ReactNode } from 'react';
import { useI18n } from '../../i18n/i18n';
import { useSession } from '../../session/session';
import { updateAgency, type AdminAgency, type AgencyPatch } from '../../api/adminAgencies';
import type { Level } from '../../api/types';
import { localName, nameOf } from '../../lib/labels';
import { Button } from '../../components/Button';
import { Field } from '../../components/Field';
import { ErrorMessage, Notice } from '../../components/Status';
import { administers } from './access';
import { shownAtField, useAction } from './useAction';
import { Check } from './Check';
import { UnitsPanel } from './UnitsPanel';
import { NewAgencyForm } from './NewAgencyForm';

type Props = {
  agency: AdminAgency;
  agencies: AdminAgency[];
  levels: Level[];
  /** After a change; with the code of an agency to open (a new one). */
  onChanged: (open?: string) => void;
};

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** One agency: its identity, its editable details, its units and the agencies that may be added under it. */
export function AgencyPanel({ agency, agencies, levels, onChanged }: Props) {
  const { t, lang } = useI18n();
  const { user } = useSession();
  const canEdit = administers(user, agencies, agency.code);
  const parent = agencies.find((a) => a.code === agency.parentCode);
  return (
    <>
      <section className="card section" aria-labelledby="agency-title">
        <h2 id="agency-title" tabIndex={-1}>
          {localName(agency, lang)}
        </h2>
        <dl className="facts facts-grid">
          <Fact term={t.admin.agencies.code}>
            <span className="code">{agency.code}</span>
          </Fact>
          <Fact term={t.admin.agencies.level}>{nameOf(levels, agency.level, lang)}</Fact>
          <Fact term={t.admin.agencies.kind}>{t.admin.kinds[agency.kind]}</Fact>
          {agency.parentCode && (
            <Fact term={t.admin.agencies.parent}>{parent ? localName(parent, lang) : agency.parentCode}</Fact>
          )}
          <Fact term={t.admin.status}>{agency.active ? t.admin.active : t.admin.inactive}</Fact>
          {!canEdit && <Fact term={t.admin.agencies.address}>{agency.address ?? t.common.none}</Fact>}
          {!canEdit && <Fact term={t.admin.agencies.phone}>{agency.phone ?? t.common.none}</Fact>}
        </dl>
        {canEdit && (
          <AgencyForm
            agency={agency}
            canToggle={!!parent && administers(user, agencies, parent.code)}
            onSaved={() => onChanged()}
          />
        )}
      </section>
      <UnitsPanel agency={agency} canEdit={canEdit} />
      {canEdit && agency.active && (
        <NewAgencyForm parent={agency} levels={levels} onCreated={(code) => onChanged(code)} />
      )}
    </>
  );
}

const FIELDS = ['name', 'nameEn', 'address', 'phone', 'active'] as const;

const formValues = (a: AdminAgency) => ({
  name: a.name,
  nameEn: a.nameEn ?? '',
  address: a.address ?? '',
  phone: a.phone ?? '',
});

/** Edits name, English name, address, phone and (for the parent's administrators) whether it is active. */
function AgencyForm({ agency, canToggle, onSaved }: { agency: AdminAgency; canToggle: boolean; onSaved: () => void }) {
  const { t } = useI18n();
  const a = t.admin.agencies;
  const [values, setValues] = useState(() => formValues(agency));
  const [active, setActive] = useState(agency.active);
  const [unchanged, setUnchanged] = useState(false);
  const action = useAction();

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    // Only what changed is sent: changing `active` needs more rights than editing the rest.
    const orNull = (s: string) => s.trim() || null;
    const patch: AgencyPatch = {};
    if (values.name.trim() !== agency.name) patch.name = values.name;
    if (orNull(values.nameEn) !== agency.nameEn) patch.nameEn = orNull(values.nameEn);
    if (orNull(values.address) !== agency.address) patch.address = orNull(values.address);
    if (orNull(values.phone) !== agency.phone) patch.phone = orNull(values.phone);
    if (active !== agency.active) patch.active = active;
    setUnchanged(Object.keys(patch).length === 0);
    if (Object.keys(patch).length === 0) return action.clear();
    // The form shows what the server stored (a phone number loses its spaces, for one).
    const save = async () => setValues(formValues(await updateAgency(agency.code, patch)));
    if (await action.run(save, a.saved)) onSaved();
  };

  const text = (name: keyof typeof values, label: string, extra: { required?: boolean; type?: string } = {}) => (
    <Field label={label} error={action.at(name)} required={extra.required}>
      {(control) => (
        <input
          {...control}
          type={extra.type ?? 'text'}
          value={values[name]}
          onChange={(e) => setValues((v) => ({ ...v, [name]: e.target.value }))}
        />
      )}
    </Field>
  );

  return (
    <form className="admin-form" onSubmit={onSubmit} aria-labelledby="agency-edit-title" noValidate>
      <h3 id="agency-edit-title">{a.editTitle}</h3>
      {action.error !== null && !shownAtField(action.error, FIELDS) && <ErrorMessage error={action.error} />}
      {action.notice && <Notice>{action.notice}</Notice>}
      {unchanged && <Notice>{t.admin.noChanges}</Notice>}
      <div className="form-grid">
        {text('name', a.name, { required: true })}
        {text('nameEn', a.nameEn)}
        {text('address', a.address)}
        {text('phone', a.phone, { type: 'tel' })}
      </div>
      <Check
        label={a.activeLabel}
        hint={canToggle ? a.activeHint : a.activeLocked}
        error={action.at('active')}
        checked={active}
        disabled={!canToggle}
        onChange={setActive}
      />
      <div className="form-actions">
        <Button type="submit" busy={action.busy}>
          {t.common.save}
        </Button>
      </div>
    </form>
  );
}
