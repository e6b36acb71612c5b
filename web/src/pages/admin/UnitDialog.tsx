import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useI18n } from '../../i18n/i18n';
import { updateUnit, UNIT_KINDS, type Unit, type UnitKind } from '../../api/adminAgencies';
import { Button } from '../../components/Button';
import { Field } from '../../components/Field';
import { ErrorMessage } from '../../components/Status';
import { shownAtField, useAction } from './useAction';

/** Renames a unit or changes its kind, in a modal dialog that gives focus back to the row's button. */
export function UnitDialog({ unit, onClose, onSaved }: { unit: Unit; onClose: () => void; onSaved: () => void }) {
  const { t } = useI18n();
  const u = t.admin.units;
  const dialog = useRef<HTMLDialogElement>(null);
  const [name, setName] = useState(unit.name);
  const [kind, setKind] = useState<UnitKind>(unit.kind);
  const action = useAction();

  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
  }, []);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const patch = { ...(name.trim() !== unit.name ? { name } : {}), ...(kind !== unit.kind ? { kind } : {}) };
    if (Object.keys(patch).length > 0 && !(await action.run(() => updateUnit(unit.id, patch)))) return;
    dialog.current?.close();
    onSaved();
  };

  return (
    <dialog ref={dialog} className="dialog" aria-labelledby="unit-dialog-title" onClose={onClose}>
      <form onSubmit={onSubmit} noValidate>
        <h2 id="unit-dialog-title">{u.editTitle(unit.code)}</h2>
        {action.error !== null && !shownAtField(action.error, ['name', 'kind']) && (
          <ErrorMessage error={action.error} />
        )}
        <Field label={u.name} error={action.at('name')} required>
          {(control) => <input {...control} value={name} onChange={(e) => setName(e.target.value)} />}
        </Field>
        <Field label={u.kind} error={action.at('kind')}>
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
        <div className="form-actions">
          <Button type="submit" busy={action.busy}>
            {t.common.save}
          </Button>
          <Button variant="ghost" onClick={() => dialog.current?.close()}>
            {t.common.cancel}
          </Button>
        </div>
      </form>
    </dialog>
  );
}
