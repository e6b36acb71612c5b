import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useI18n } from '../i18n/i18n';
import type { CalendarDay } from '../api/types';
import { deleteCalendarDay, saveCalendarDay } from '../api/calendar';
import { formatDate, weekdayOf } from '../lib/datetime';
import { Button } from '../components/Button';
import { Field } from '../components/Field';
import { ErrorMessage } from '../components/Status';

type Props = {
  date: string;
  /** The agency whose calendar is shown; empty for the common one. */
  agency: string;
  special: CalendarDay | undefined;
  onClose: () => void;
  /** Called after a successful change so the calendar reloads and announces it. */
  onChanged: (message: string) => void;
};

/** Administrator's dialog for one day: declare a day off or a make-up working day, or remove the declaration. */
export function DayEditor({ date, agency, special, onClose, onChanged }: Props) {
  const { t } = useI18n();
  const dialog = useRef<HTMLDialogElement>(null);
  const weekend = [0, 6].includes(weekdayOf(date));
  const [working, setWorking] = useState(special ? special.working : weekend);
  const [name, setName] = useState(special?.name ?? '');
  const [decision, setDecision] = useState(special?.decision ?? '');
  // Only a day set in this very calendar can be removed; holidays are computed by law.
  const removable = special?.source === 'announcement' && (special.agency ?? '') === agency;
  const [busy, setBusy] = useState<'save' | 'remove' | null>(null);
  const [error, setError] = useState<unknown>(null);

  // The native modal dialog traps focus, closes on Escape and, when closed, gives focus back to
  // the day that opened it. It is not closed on cleanup: under StrictMode's double effects that
  // would fire `close` and unmount it at once; leaving the page takes it off the screen anyway.
  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
  }, []);

  /** Closing fires the dialog's `close` event, which tells the page through `onClose`. */
  const close = () => dialog.current?.close();

  const run = async (kind: 'save' | 'remove', action: () => Promise<unknown>, message: string) => {
    setBusy(kind);
    setError(null);
    try {
      await action();
      close();
      onChanged(message);
    } catch (err) {
      setError(err);
      setBusy(null);
    }
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const day = { working, name: name.trim(), decision: decision.trim() || undefined };
    void run('save', () => saveCalendarDay(date, day, agency || undefined), t.calendar.saved);
  };

  return (
    <dialog ref={dialog} className="dialog" aria-labelledby="day-editor-title" onClose={onClose}>
      <form onSubmit={onSubmit}>
        <h2 id="day-editor-title">
          {t.calendar.editTitle(formatDate(date))} — {t.format.weekdays[weekdayOf(date)]}
        </h2>
        <fieldset className="radio-group">
          <legend>{t.calendar.kind}</legend>
          <label>
            <input type="radio" name="kind" checked={!working} onChange={() => setWorking(false)} />
            {t.calendar.kindOff}
          </label>
          <label>
            <input type="radio" name="kind" checked={working} onChange={() => setWorking(true)} />
            {t.calendar.kindWorking}
          </label>
        </fieldset>
        <Field label={t.calendar.name} required>
          {(control) => (
            <input
              {...control}
              value={name}
              maxLength={200}
              placeholder={t.calendar.namePlaceholder}
              onChange={(e) => setName(e.target.value)}
            />
          )}
        </Field>
        <Field label={t.calendar.decision} hint={t.calendar.decisionHint}>
          {(control) => (
            <input {...control} value={decision} maxLength={200} onChange={(e) => setDecision(e.target.value)} />
          )}
        </Field>
        {error !== null && <ErrorMessage error={error} />}
        <div className="form-actions">
          <Button type="submit" busy={busy === 'save'} disabled={busy !== null}>
            {t.common.save}
          </Button>
          {removable && (
            <Button
              variant="danger"
              busy={busy === 'remove'}
              disabled={busy !== null}
              onClick={() => void run('remove', () => deleteCalendarDay(date, agency || undefined), t.calendar.removed)}
            >
              {t.calendar.remove}
            </Button>
          )}
          <Button variant="ghost" onClick={close}>
            {t.common.cancel}
          </Button>
        </div>
      </form>
    </dialog>
  );
}
