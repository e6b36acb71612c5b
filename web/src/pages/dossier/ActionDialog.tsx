import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useI18n } from '../../i18n/i18n';
import { ApiError } from '../../api/client';
import type { Dossier } from '../../api/dossiers';
import { Button } from '../../components/Button';
import { ErrorMessage } from '../../components/Status';

/** What every action dialog gets from the dossier page. */
export type DialogProps = {
  dossier: Dossier;
  onClose: () => void;
  onDone: (message: string) => void;
  /** A 409: someone changed the dossier meanwhile; the page reloads it and says so. */
  onStale: (err: ApiError) => void;
};

/**
 * Runs one action: busy while it runs, the error kept for the dialog, except a 409 (stale version
 * or a status that no longer allows the action), which goes to the page to reload the dossier.
 */
export function useActionRun(onStale: (err: ApiError) => void) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const run = async (call: () => Promise<unknown>): Promise<boolean> => {
    setBusy(true);
    setError(null);
    try {
      await call();
      return true;
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) onStale(err);
      else setError(err);
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, run };
}

type Props = {
  title: string;
  message: string;
  confirmLabel: string;
  danger?: boolean;
  wide?: boolean;
  busy: boolean;
  /** An error no field of the dialog shows. */
  error: unknown;
  onConfirm: () => void;
  onClose: () => void;
  children?: ReactNode;
};

/** A modal confirmation: the native dialog traps focus and closes on Escape. */
export function ActionDialog({
  title,
  message,
  confirmLabel,
  danger,
  wide,
  busy,
  error,
  onConfirm,
  onClose,
  children,
}: Props) {
  const { t } = useI18n();
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
  }, []);

  return (
    <dialog
      ref={dialog}
      className={wide ? 'dialog dialog-wide' : 'dialog'}
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-message`}
      onClose={onClose}
    >
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          onConfirm();
        }}
      >
        <h2 id={`${id}-title`}>{title}</h2>
        <p id={`${id}-message`}>{message}</p>
        {children}
        {error !== null && <ErrorMessage error={error} />}
        <p className="field-hint">{t.dossier.actions.serverDecides}</p>
        <div className="form-actions">
          <Button type="submit" variant={danger ? 'danger' : 'primary'} busy={busy}>
            {confirmLabel}
          </Button>
          <Button variant="ghost" onClick={() => dialog.current?.close()}>
            {t.common.cancel}
          </Button>
        </div>
      </form>
    </dialog>
  );
}
