import { useRef, useState } from 'react';
import { useI18n } from '../../i18n/i18n';
import { requestSupplement, type Dossier, type HeldComponent } from '../../api/dossiers';
import { pauseForSupplement } from '../../api/workflow';
import { Button } from '../../components/Button';
import { Field } from '../../components/Field';
import { ActionDialog, useActionRun, type DialogProps } from './ActionDialog';
import { errorField, focusFirstInvalid } from './fieldErrors';

type Item = { key: number; componentId: number | null; name: string; reason: string };

const lacking = (c: HeldComponent) =>
  c.required && (c.originals < c.requiredOriginals || c.copies < c.requiredCopies || c.originals + c.copies === 0);

/** Every missing required document is listed to begin with: the desk instructs once, fully. */
function initialItems(d: Dossier): Item[] {
  const missing = d.components.filter(lacking);
  const start = missing.length > 0 ? missing : d.components.slice(0, 1);
  return start.map((c, i) => ({ key: i, componentId: c.componentId, name: '', reason: '' }));
}

const OTHER = '';

/**
 * Mẫu 02: the list of documents to supplement or correct, each with its reason; at the desk check,
 * or (`pause`) during processing, when the clock stops until the supplement comes.
 */
export function SupplementDialog({ pause, dossier, onClose, onDone, onStale }: DialogProps & { pause?: boolean }) {
  const { t, errorText } = useI18n();
  const s = t.dossier.actions;
  const [items, setItems] = useState<Item[]>(() => initialItems(dossier));
  const [comment, setComment] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const nextKey = useRef(items.length);
  const list = useRef<HTMLOListElement>(null);
  const action = useActionRun(onStale);
  const texts = pause ? t.workflow.actions.pause : s.supplement;

  const update = (key: number, change: Partial<Item>) =>
    setItems((prev) => prev.map((item) => (item.key === key ? { ...item, ...change } : item)));
  const add = () => {
    const listed = new Set(items.map((i) => i.componentId));
    const next = dossier.components.find((c) => !listed.has(c.componentId));
    setItems((prev) => [
      ...prev,
      { key: nextKey.current++, componentId: next?.componentId ?? null, name: '', reason: '' },
    ]);
  };

  const confirm = async () => {
    const found: Record<string, string> = {};
    items.forEach((item, i) => {
      if (item.componentId === null && !item.name.trim()) found[`items.${i}.name`] = s.supplement.nameRequired;
      if (!item.reason.trim()) found[`items.${i}.reason`] = s.reasonRequired;
    });
    setErrors(found);
    if (Object.keys(found).length > 0) {
      requestAnimationFrame(() => focusFirstInvalid(list.current));
      return;
    }
    const body = {
      version: dossier.version,
      items: items.map((item) => ({
        componentId: item.componentId,
        name: item.componentId === null ? item.name.trim() : null,
        reason: item.reason.trim(),
      })),
      comment: comment.trim() || undefined,
    };
    const send = pause ? pauseForSupplement : requestSupplement;
    if (await action.run(() => send(dossier.code, body))) onDone(texts.done);
  };

  const fields = items.flatMap((_, i) => [`items.${i}.componentId`, `items.${i}.name`, `items.${i}.reason`]);
  const serverField = errorField(action.error, fields);
  const errorAt = (field: string) =>
    errors[field] ?? (serverField === field && action.error !== null ? errorText(action.error) : null);

  return (
    <ActionDialog
      title={texts.title}
      message={texts.message}
      confirmLabel={texts.confirm}
      wide
      busy={action.busy}
      error={serverField ? null : action.error}
      onConfirm={() => void confirm()}
      onClose={onClose}
    >
      <ol ref={list} className="supplement-items">
        {items.map((item, i) => (
          <li key={item.key}>
            <fieldset>
              <legend>{s.supplement.item(i + 1)}</legend>
              <Field label={s.supplement.component} error={errorAt(`items.${i}.componentId`)}>
                {(control) => (
                  <select
                    {...control}
                    value={item.componentId === null ? OTHER : String(item.componentId)}
                    onChange={(e) =>
                      update(item.key, { componentId: e.target.value === OTHER ? null : Number(e.target.value) })
                    }
                  >
                    {dossier.components.map((c) => (
                      <option key={c.componentId} value={c.componentId}>
                        {c.name}
                      </option>
                    ))}
                    <option value={OTHER}>{s.supplement.other}</option>
                  </select>
                )}
              </Field>
              {item.componentId === null && (
                <Field label={s.supplement.otherName} required error={errorAt(`items.${i}.name`)}>
                  {(control) => (
                    <input
                      {...control}
                      value={item.name}
                      onChange={(e) => update(item.key, { name: e.target.value })}
                    />
                  )}
                </Field>
              )}
              <Field label={s.reason} required error={errorAt(`items.${i}.reason`)}>
                {(control) => (
                  <textarea
                    {...control}
                    rows={2}
                    value={item.reason}
                    onChange={(e) => update(item.key, { reason: e.target.value })}
                  />
                )}
              </Field>
              {items.length > 1 && (
                <Button variant="ghost" onClick={() => setItems((prev) => prev.filter((x) => x.key !== item.key))}>
                  {s.supplement.remove(i + 1)}
                </Button>
              )}
            </fieldset>
          </li>
        ))}
      </ol>
      <Button variant="secondary" className="supplement-add" onClick={add}>
        {s.supplement.add}
      </Button>
      <Field label={s.comment}>
        {(control) => <textarea {...control} rows={2} value={comment} onChange={(e) => setComment(e.target.value)} />}
      </Field>
    </ActionDialog>
  );
}
