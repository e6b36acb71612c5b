import { useEffect, useRef } from 'react';
import { useI18n } from '../../i18n/i18n';
import { Button } from '../../components/Button';
import { ErrorMessage } from '../../components/Status';
import { useAction } from './useAction';

type Props = {
  title: string;
  message: string;
  confirmLabel: string;
  /** The change itself; the dialog stays open with the server's message if it fails. */
  onConfirm: () => Promise<unknown>;
  onClose: () => void;
  onDone: () => void;
};

/** Asks before an action that cannot simply be undone (revoking a role, abolishing a procedure). */
export function ConfirmDialog({ title, message, confirmLabel, onConfirm, onClose, onDone }: Props) {
  const { t } = useI18n();
  const dialog = useRef<HTMLDialogElement>(null);
  const action = useAction();

  // The native modal traps focus, closes on Escape and returns focus to the button that opened it.
  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
  }, []);

  const confirm = async () => {
    if (await action.run(onConfirm)) {
      dialog.current?.close();
      onDone();
    }
  };

  return (
    <dialog
      ref={dialog}
      className="dialog"
      aria-labelledby="confirm-title"
      aria-describedby="confirm-message"
      onClose={onClose}
    >
      <h2 id="confirm-title">{title}</h2>
      <p id="confirm-message">{message}</p>
      {action.error !== null && <ErrorMessage error={action.error} />}
      <div className="form-actions">
        <Button variant="danger" busy={action.busy} onClick={() => void confirm()}>
          {confirmLabel}
        </Button>
        <Button variant="ghost" onClick={() => dialog.current?.close()}>
          {t.common.cancel}
        </Button>
      </div>
    </dialog>
  );
}
