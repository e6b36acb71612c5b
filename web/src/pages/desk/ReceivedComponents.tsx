import { useId, useRef, type Dispatch, type KeyboardEvent, type SetStateAction } from 'react';
import { useI18n } from '../../i18n/i18n';
import type { DossierComponent } from '../../api/types';
import { Button } from '../../components/Button';

export type RequiredComponent = DossierComponent & { id: number };
/** Counts of the documents handed in, by component id; a component absent from it was not received. */
export type Counts = Record<number, { originals: number; copies: number }>;

/** What ticking a component records: the numbers the procedure asks for, at least one document. */
export function defaultCount(c: RequiredComponent) {
  return c.originals + c.copies > 0 ? { originals: c.originals, copies: c.copies } : { originals: 1, copies: 0 };
}

/** Required components not ticked, or ticked with fewer documents than asked (the server's rule too). */
export function missingRequired(components: readonly RequiredComponent[], counts: Counts): RequiredComponent[] {
  return components.filter((c) => {
    const got = counts[c.id];
    if (!c.required) return false;
    return !got || got.originals < c.originals || got.copies < c.copies || got.originals + got.copies === 0;
  });
}

type Props = {
  legend: string;
  components: readonly RequiredComponent[];
  value: Counts;
  onChange: Dispatch<SetStateAction<Counts>>;
  error?: string | null;
  /** Components to mark invalid (missing required ones after a submit). */
  invalid?: ReadonlySet<number>;
};

/** The desk's checklist: Space ticks, the arrows move between documents, counts open once ticked. */
export function ReceivedComponents({ legend, components, value, onChange, error, invalid }: Props) {
  const { t } = useI18n();
  const s = t.desk.intake;
  const id = useId();
  const list = useRef<HTMLOListElement>(null);

  const toggle = (c: RequiredComponent) =>
    onChange((prev) => {
      const next = { ...prev };
      if (next[c.id]) delete next[c.id];
      else next[c.id] = defaultCount(c);
      return next;
    });
  const setCount = (c: RequiredComponent, key: 'originals' | 'copies', n: number) =>
    onChange((prev) => ({ ...prev, [c.id]: { ...(prev[c.id] ?? defaultCount(c)), [key]: n } }));
  const tickRequired = () =>
    onChange((prev) => {
      const next = { ...prev };
      for (const c of components) if (c.required && !next[c.id]) next[c.id] = defaultCount(c);
      return next;
    });

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>, i: number) => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    e.preventDefault();
    const boxes = list.current?.querySelectorAll<HTMLInputElement>('input[type="checkbox"]') ?? [];
    boxes[Math.min(Math.max(i + (e.key === 'ArrowDown' ? 1 : -1), 0), boxes.length - 1)]?.focus();
  };

  const ticked = components.filter((c) => value[c.id]).length;
  return (
    <fieldset className="components-fieldset" aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}>
      <legend>{legend}</legend>
      <p id={`${id}-hint`} className="field-hint">
        {s.componentsHint}
      </p>
      <ol ref={list} className="checklist">
        {components.map((c, i) => {
          const count = value[c.id];
          return (
            <li key={c.id} className={count ? 'checked' : undefined}>
              <input
                type="checkbox"
                id={`${id}-${c.id}`}
                checked={!!count}
                onChange={() => toggle(c)}
                onKeyDown={(e) => onKeyDown(e, i)}
                aria-describedby={`${id}-${c.id}-detail`}
                aria-invalid={invalid?.has(c.id) || undefined}
              />
              <div>
                <label htmlFor={`${id}-${c.id}`} className="checklist-name">
                  {c.name}
                </label>
                <p id={`${id}-${c.id}-detail`} className="checklist-detail">
                  <span className={c.required ? 'tag tag-required' : 'tag'}>
                    {c.required ? t.procedure.required : t.procedure.optional}
                  </span>
                  {c.originals > 0 && <span>{t.procedure.originals(c.originals)}</span>}
                  {c.copies > 0 && <span>{t.procedure.copies(c.copies)}</span>}
                </p>
                {count && (
                  <div className="count-inputs" role="group" aria-label={s.countsOf(c.name)}>
                    {(['originals', 'copies'] as const).map((key) => (
                      <label key={key}>
                        {s[key]}
                        <input
                          type="number"
                          min={0}
                          max={100}
                          inputMode="numeric"
                          value={count[key]}
                          onChange={(e) => setCount(c, key, Math.max(0, Math.min(100, Number(e.target.value) || 0)))}
                        />
                      </label>
                    ))}
                  </div>
                )}
              </div>
            </li>
          );
        })}
      </ol>
      <div className="checklist-foot">
        <p className="checklist-progress" role="status">
          {s.receivedCount(ticked, components.length)}
        </p>
        <Button variant="secondary" onClick={tickRequired}>
          {s.allRequired}
        </Button>
      </div>
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </fieldset>
  );
}
