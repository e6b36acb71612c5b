import { useState } from 'react';
import { useI18n } from '../../i18n/i18n';
import { sendBack, type ProcessStep } from '../../api/workflow';
import { Field } from '../../components/Field';
import { ActionDialog, useActionRun, type DialogProps } from './ActionDialog';
import { errorField } from './fieldErrors';

/** Back to an earlier step of the process, with the reason: by default the one just before. */
export function SendBackDialog({
  steps,
  dossier,
  onClose,
  onDone,
  onStale,
}: DialogProps & { steps: readonly ProcessStep[] }) {
  const { t, errorText } = useI18n();
  const s = t.workflow.actions.send_back;
  const current = steps.find((x) => x.current);
  const earlier = steps.filter((x) => current && x.seq < current.seq);
  const [toStep, setToStep] = useState(earlier[earlier.length - 1]?.seq ?? 1);
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const action = useActionRun(onStale);

  const confirm = async () => {
    if (!reason.trim()) {
      setMissing(true);
      return;
    }
    const body = { version: dossier.version, toStep, reason: reason.trim() };
    if (await action.run(() => sendBack(dossier.code, body))) onDone(s.done);
  };
  const field = errorField(action.error, ['toStep', 'reason']);
  const serverError = (name: string) => (field === name ? errorText(action.error) : null);

  return (
    <ActionDialog
      title={s.title}
      message={s.message}
      confirmLabel={s.confirm}
      danger
      busy={action.busy}
      error={field ? null : action.error}
      onConfirm={() => void confirm()}
      onClose={onClose}
    >
      <Field label={s.toStep} error={serverError('toStep')}>
        {(control) => (
          <select {...control} value={toStep} onChange={(e) => setToStep(Number(e.target.value))}>
            {earlier.map((x) => (
              <option key={x.seq} value={x.seq}>
                {s.stepOption(x.seq, x.name, x.unit.name)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        label={t.dossier.actions.reason}
        required
        error={missing ? t.dossier.actions.reasonRequired : serverError('reason')}
      >
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
