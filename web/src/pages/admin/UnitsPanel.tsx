import { useState, type FormEvent } from 'react';
import { useI18n } from '../../i18n/i18n';
import { useAsync } from '../../lib/useAsync';
import {
  createUnit,
  fetchUnits,
  updateUnit,
  UNIT_KINDS,
  type AdminAgency,
  type Unit,
  type UnitKind,
} from '../../api/adminAgencies';
import { localName } from '../../lib/labels';
import { Button } from '../../components/Button';
import { DataTable } from '../../components/DataTable';
import { Field } from '../../components/Field';
import { ErrorMessage, Loading, Notice } from '../../components/Status';
import { shownAtField, useAction } from './useAction';
import { UnitDialog } from './UnitDialog';

/** The units (phòng, ban) of an agency: listed, added, renamed, deactivated and reactivated. */
export function UnitsPanel({ agency, canEdit }: { agency: AdminAgency; canEdit: boolean }) {
  const { t, lang } = useI18n();
  const u = t.admin.units;
  const units = useAsync((signal) => fetchUnits(agency.code, signal), [agency.code]);
  const [editing, setEditing] = useState<Unit | null>(null);
  const toggle = useAction();
  const [notice, setNotice] = useState<string | null>(null);

  const setActive = async (unit: Unit, active: boolean) => {
    setNotice(null);
    if (await toggle.run(() => updateUnit(unit.id, { active }))) {
      setNotice(active ? u.reactivated(unit.name) : u.deactivated(unit.name));
      units.reload();
    }
  };

  const actions = (unit: Unit) => (
    <div className="row-actions">
      <Button variant="secondary" aria-label={u.editLabel(unit.name)} onClick={() => setEditing(unit)}>
        {u.edit}
      </Button>
      <Button
        variant={unit.active ? 'danger' : 'secondary'}
        aria-label={unit.active ? u.deactivateLabel(unit.name) : u.reactivateLabel(unit.name)}
        disabled={toggle.busy}
        onClick={() => void setActive(unit, !unit.active)}
      >
        {unit.active ? u.deactivate : u.reactivate}
      </Button>
    </div>
  );

  return (
    <section className="card section" aria-labelledby="units-title">
      <h2 id="units-title">{u.title}</h2>
      <div aria-live="polite">
        {notice && <Notice>{notice}</Notice>}
        {toggle.error !== null && <ErrorMessage error={toggle.error} />}
      </div>
      {!units.data && units.loading && <Loading />}
      {units.error !== null && !units.loading && <ErrorMessage error={units.error} onRetry={units.reload} />}
      {units.data && units.data.length === 0 && <p>{u.none}</p>}
      {units.data && units.data.length > 0 && (
        <DataTable
          caption={u.caption(localName(agency, lang))}
          captionHidden
          rows={units.data}
          rowKey={(r) => String(r.id)}
          columns={[
            { header: u.code, cell: (r) => <span className="code">{r.code}</span> },
            { header: u.name, cell: (r) => r.name },
            { header: u.kind, cell: (r) => t.admin.unitKinds[r.kind] },
            { header: t.admin.status, cell: (r) => (r.active ? t.admin.active : t.admin.inactive) },
            ...(canEdit ? [{ header: t.admin.actions, cell: actions }] : []),
          ]}
        />
      )}
      {editing && (
        <UnitDialog
          unit={editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            toggle.clear();
            setNotice(u.saved);
            units.reload();
          }}
        />
      )}
      {canEdit && <NewUnitForm agency={agency.code} onCreated={units.reload} />}
    </section>
  );
}

const FIELDS = ['code', 'name', 'kind'];

function NewUnitForm({ agency, onCreated }: { agency: string; onCreated: () => void }) {
  const { t } = useI18n();
  const u = t.admin.units;
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [kind, setKind] = useState<UnitKind>('specialist');
  const action = useAction();

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const created = name.trim();
    if (await action.run(() => createUnit(agency, { code, name, kind }), u.created(created))) {
      setCode('');
      setName('');
      onCreated();
    }
  };

  return (
    <form className="admin-form admin-subform" onSubmit={onSubmit} aria-labelledby="new-unit-title" noValidate>
      <h3 id="new-unit-title">{u.createTitle}</h3>
      {action.error !== null && !shownAtField(action.error, FIELDS) && <ErrorMessage error={action.error} />}
      {action.notice && <Notice>{action.notice}</Notice>}
      <div className="form-grid">
        <Field label={u.code} hint={u.codeHint} error={action.at('code')} required>
          {(control) => (
            <input
              {...control}
              value={code}
              spellCheck={false}
              autoCapitalize="characters"
              onChange={(e) => setCode(e.target.value.toUpperCase())}
            />
          )}
        </Field>
        <Field label={u.name} error={action.at('name')} required>
          {(control) => <input {...control} value={name} onChange={(e) => setName(e.target.value)} />}
        </Field>
        <Field label={u.kind} error={action.at('kind')} required>
          {(control) => (
            <select {...control} value={kind} onChange={(e) => setKind(e.target.value as UnitKind)}>
              {UNIT_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t.admin.unitKinds[k]}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <div className="form-actions">
        <Button type="submit" busy={action.busy}>
          {u.create}
        </Button>
      </div>
    </form>
  );
}
