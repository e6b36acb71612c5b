import { useRef, useState, type ReactNode } from 'react';
import { Button } from '../../components/Button';

type Props<T extends { key: string }> = {
  items: T[];
  onChange: (items: T[]) => void;
  make: () => T;
  legend: (n: number) => string;
  addLabel: string;
  removeLabel: (n: number) => string;
  removeText: string;
  empty: string;
  /** `autoFocus` is true for a row just added, so its first control takes the focus. */
  row: (item: T, index: number, update: (changes: Partial<T>) => void, autoFocus: boolean) => ReactNode;
};

/** Rows of a list (documents, fees, legal texts) that can be added and removed from the keyboard. */
export function RowList<T extends { key: string }>(props: Props<T>) {
  const { items, onChange, make, legend, addLabel, removeLabel, removeText, empty, row } = props;
  const [added, setAdded] = useState<string | null>(null);
  const addButton = useRef<HTMLButtonElement>(null);

  const update = (index: number) => (changes: Partial<T>) =>
    onChange(items.map((item, i) => (i === index ? { ...item, ...changes } : item)));
  const remove = (index: number) => {
    onChange(items.filter((_, i) => i !== index));
    // The removed row took the focus with it; the add button is the nearest stable place.
    addButton.current?.focus();
  };
  const add = () => {
    const item = make();
    setAdded(item.key);
    onChange([...items, item]);
  };

  return (
    <>
      {items.length === 0 && <p className="field-hint">{empty}</p>}
      <ol className="row-list">
        {items.map((item, i) => (
          <li key={item.key}>
            <fieldset className="row-card">
              <legend>{legend(i + 1)}</legend>
              {row(item, i, update(i), item.key === added)}
              <div className="row-actions">
                <Button variant="danger" aria-label={removeLabel(i + 1)} onClick={() => remove(i)}>
                  {removeText}
                </Button>
              </div>
            </fieldset>
          </li>
        ))}
      </ol>
      {/* A plain button: the shared Button does not pass a ref on. */}
      <button ref={addButton} type="button" className="btn btn-secondary" onClick={add}>
        <span aria-hidden="true">+ </span>
        {addLabel}
      </button>
    </>
  );
}
