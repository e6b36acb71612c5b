import { useState } from 'react';
import { useI18n } from '../../i18n/i18n';
import { acceptDossier, refuseDossier, withdrawDossier } from '../../api/dossiers';
import { Field } from '../../components/Field';
import { errorField } from './fieldErrors';
import { ActionDialog, useActionRun, type DialogProps } from './ActionDialog';

/** The desk check passed: the dossier is received and its appointment computed from now. */
export function AcceptDialog({ dossier, onClose, onDone, onStale }: DialogProps) {
  const { t } = useI18n();
  const s = t.dossier.actions;
  const [comment, setComment] = useState('');
  const action = useActionRun(onStale);
  const confirm = async () => {
    const body = { version: dossier.version, comment: comment.trim() || undefined };
    if (await action.run(() => acceptDossier(dossier.code, body))) onDone(s.accept.done);
  };
  return (
    <ActionDialog
      title={s.accept.title}
      message={s.accept.message(dossier.code)}
      confirmLabel={s.accept.confirm}
      busy={action.busy}
      error={action.error}
      onConfirm={() => void confirm()}
      onClose={onClose}
    >
      <Field label={s.comment}>
        {(control) => <textarea {...control} rows={2} value={comment} onChange={(e) => setComment(e.target.value)} />}
      </Field>
    </ActionDialog>
  );
}

/** Refusal at the desk (Mẫu 03) or withdrawal at the applicant's request: both need the reason. */
export function ReasonDialog({
  kind,
  dossier,
  onClose,
  onDone,
  onStale,
}: DialogProps & { kind: 'refuse' | 'withdraw' }) {
  const { t, errorText } = useI18n();
  const s = t.dossier.actions;
  const texts = s[kind];
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const action = useActionRun(onStale);
  const confirm = async () => {
    if (!reason.trim()) {
      setMissing(true);
      return;
    }
    const send = kind === 'refuse' ? refuseDossier : withdrawDossier;
    const body = { version: dossier.version, reason: reason.trim() };
    if (await action.run(() => send(dossier.code, body))) onDone(texts.done);
  };
  const atReason = errorField(action.error, ['reason']) !== null;
  return (
    <ActionDialog
      title={texts.title}
      message={texts.message}
      confirmLabel={texts.confirm}
      danger
      busy={action.busy}
      error={atReason ? null : action.error}
      onConfirm={() => void confirm()}
      onClose={onClose}
    >
      <Field label={s.reason} required error={missing ? s.reasonRequired : atReason ? errorText(action.error) : null}>
        {(control) => (
          <textarea
            {...control}
            rows={3}
            value={reason}
            onChange={(e) => {
              setReason(e.target.value);
              setMissing(false);
            }}
          />
        )}
      </Field>
    </ActionDialog>
  );
}
