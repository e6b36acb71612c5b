import { useEffect, useId, useState, type KeyboardEvent, type Ref } from 'react';
import { useI18n } from '../../i18n/i18n';
import { useAsync } from '../../lib/useAsync';
import { useDebounced } from '../../lib/useDebounced';
import { searchProcedures } from '../../api/catalogue';
import type { ProcedureSummary } from '../../api/types';
import { Field } from '../../components/Field';

type Props = {
  label: string;
  hint?: string;
  placeholder?: string;
  error?: string | null;
  required?: boolean;
  /** Only procedures this agency implements. */
  agency?: string;
  value: ProcedureSummary | null;
  onChange: (procedure: ProcedureSummary | null) => void;
  inputRef?: Ref<HTMLInputElement>;
};

const DEBOUNCE_MS = 150;
const OPTIONS = 8;

/**
 * Type-ahead over the catalogue (ARIA combobox with a listbox): a few letters without diacritics,
 * the arrow keys, Enter. Enter pressed before the answer for the typed text has come picks its best
 * match as soon as it arrives, so a fast typist never gets the match of an older prefix.
 */
export function ProcedurePicker({
  label,
  hint,
  placeholder,
  error,
  required,
  agency,
  value,
  onChange,
  inputRef,
}: Props) {
  const { t } = useI18n();
  const listId = useId();
  const [text, setText] = useState(value?.name ?? '');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [pickWhenReady, setPickWhenReady] = useState(false);
  const query = useDebounced(text.trim(), DEBOUNCE_MS);
  const searching = value === null && query !== '';
  const results = useAsync(
    (signal) =>
      searching
        ? searchProcedures({ q: query, agency, page: 1, pageSize: OPTIONS }, signal).then((r) => ({
            query,
            items: r.items,
          }))
        : Promise.resolve({ query, items: [] }),
    [query, agency, searching],
  );
  const current = results.data?.query === text.trim() && !results.loading;
  const items = results.data?.items ?? [];
  const expanded = open && value === null && text.trim() !== '' && items.length > 0;

  const choose = (p: ProcedureSummary) => {
    onChange(p);
    setText(p.name);
    setOpen(false);
    setActive(-1);
    setPickWhenReady(false);
  };

  useEffect(() => {
    if (!pickWhenReady || !current) return;
    setPickWhenReady(false);
    if (items.length > 0) choose(items[0]);
  }, [pickWhenReady, current, items]);

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      setOpen(true);
      const step = e.key === 'ArrowDown' ? 1 : -1;
      setActive((i) => Math.min(Math.max(i + step, 0), Math.max(items.length - 1, 0)));
    } else if (e.key === 'Enter' && value === null && text.trim() !== '') {
      // Not a form submit: Enter confirms the procedure.
      e.preventDefault();
      if (current && items.length > 0) choose(items[Math.max(active, 0)]);
      else if (!current) setPickWhenReady(true);
    } else if (e.key === 'Escape' && expanded) {
      e.preventDefault();
      setOpen(false);
    }
  };

  return (
    <Field label={label} hint={hint} error={error} required={required}>
      {(control) => (
        <div className="combobox">
          <input
            {...control}
            ref={inputRef}
            type="text"
            role="combobox"
            aria-autocomplete="list"
            aria-expanded={expanded}
            aria-controls={listId}
            aria-activedescendant={expanded && active >= 0 ? `${listId}-${active}` : undefined}
            autoComplete="off"
            spellCheck={false}
            placeholder={placeholder}
            value={text}
            onChange={(e) => {
              setText(e.target.value);
              setOpen(true);
              setActive(-1);
              if (value !== null) onChange(null);
            }}
            onKeyDown={onKeyDown}
            onBlur={() => setOpen(false)}
          />
          <ul id={listId} role="listbox" aria-label={label} className="combobox-list" hidden={!expanded}>
            {items.map((p, i) => (
              <li
                key={p.code}
                id={`${listId}-${i}`}
                role="option"
                aria-selected={i === active}
                className={i === active ? 'combobox-option active' : 'combobox-option'}
                // Keep focus in the input: the click chooses, the input stays where typing goes on.
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => choose(p)}
              >
                <span className="combobox-name">{p.name}</span>
                <span className="combobox-meta">
                  <span className="code">{p.code}</span> · {p.field.name}
                </span>
              </li>
            ))}
          </ul>
          <p className="visually-hidden" role="status">
            {open && value === null && current && text.trim() ? t.desk.intake.procedureOptions(items.length) : ''}
          </p>
        </div>
      )}
    </Field>
  );
}
