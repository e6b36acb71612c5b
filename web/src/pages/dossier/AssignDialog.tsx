import { useState } from 'react';
import { useI18n } from '../../i18n/i18n';
import { assignStep, fetchAssignees } from '../../api/workflow';
import { Field } from '../../components/Field';
import { ErrorMessage, Loading } from '../../components/Status';
import { useAsync } from '../../lib/useAsync';
import { ActionDialog, useActionRun, type DialogProps } from './ActionDialog';
import { errorField } from './fieldErrors';

/** The unit leader gives the current specialist step to one of the unit's specialists, the least busy first offered. */
export function AssignDialog({ dossier, onClose, onDone, onStale }: DialogProps) {
  const { t, errorText } = useI18n();
  const s = t.workflow.actions.assign;
  const candidates = useAsync((signal) => fetchAssignees(dossier.code, signal), [dossier.code]);
  const officers = (candidates.data?.officers ?? []).filter((o) => o.id !== candidates.data?.assigneeId);
  const leastBusy = [...officers].sort((a, b) => a.openSteps - b.openSteps)[0];
  const [chosen, setChosen] = useState<number | null>(null);
  const assignee = chosen ?? leastBusy?.id ?? null;
  const action = useActionRun(onStale);

  const confirm = async () => {
    if (assignee === null) return;
    if (await action.run(() => assignStep(dossier.code, { version: dossier.version, assignee }))) onDone(s.done);
  };
  const atAssignee = errorField(action.error, ['assignee']) !== null;

  return (
    <ActionDialog
      title={s.title}
      message={s.message(candidates.data?.step.name ?? '')}
      confirmLabel={s.confirm}
      busy={action.busy || candidates.loading}
      error={atAssignee ? null : action.error}
      onConfirm={() => void confirm()}
      onClose={onClose}
    >
      {candidates.loading && <Loading />}
      {candidates.error !== null && <ErrorMessage error={candidates.error} onRetry={candidates.reload} />}
      {candidates.data &&
        (officers.length === 0 ? (
          <p>{s.none}</p>
        ) : (
          <Field label={s.officer} required error={atAssignee ? errorText(action.error) : null}>
            {(control) => (
              <select {...control} value={assignee ?? ''} onChange={(e) => setChosen(Number(e.target.value))}>
                {officers.map((o) => (
                  <option key={o.id} value={o.id}>
                    {s.officerOption(o.fullName, o.openSteps)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        ))}
    </ActionDialog>
  );
}
