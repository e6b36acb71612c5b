import { useState } from 'react';
import { useI18n } from '../../i18n/i18n';
import { resubmitDossier, type Dossier } from '../../api/dossiers';
import { resumeWithSupplement } from '../../api/workflow';
import { Field } from '../../components/Field';
import { FileUploads, uploadedComponents, uploading, type Uploads } from '../citizen/FileUploads';
import { ReceivedComponents, type Counts, type RequiredComponent } from '../desk/ReceivedComponents';
import { ActionDialog, useActionRun, type DialogProps } from './ActionDialog';

const asRequired = (d: Dossier): RequiredComponent[] =>
  d.components.map((c) => ({
    id: c.componentId,
    name: c.name,
    required: c.required,
    originals: c.requiredOriginals,
    copies: c.requiredCopies,
  }));

const heldCounts = (d: Dossier): Counts =>
  Object.fromEntries(
    d.components
      .filter((c) => c.originals + c.copies > 0)
      .map((c) => [c.componentId, { originals: c.originals, copies: c.copies }]),
  );

/**
 * The supplement handed in: at the desk the officer updates the documents received; online the
 * applicant uploads the missing ones. Back to the desk check, or (`resume`) processing resumes.
 */
export function ResubmitDialog({
  mode,
  resume,
  dossier,
  onClose,
  onDone,
  onStale,
}: DialogProps & { mode: 'desk' | 'online'; resume?: boolean }) {
  const { t } = useI18n();
  const s = t.dossier.actions;
  const components = asRequired(dossier);
  const [counts, setCounts] = useState<Counts>(() => heldCounts(dossier));
  const [uploads, setUploads] = useState<Uploads>({});
  const [comment, setComment] = useState('');
  const [wait, setWait] = useState(false);
  const action = useActionRun(onStale);
  const texts = resume ? t.workflow.actions.resume : s.resubmit;

  const confirm = async () => {
    if (mode === 'online' && uploading(uploads)) {
      setWait(true);
      return;
    }
    setWait(false);
    const changed =
      mode === 'desk'
        ? Object.entries(counts).map(([id, c]) => ({ componentId: Number(id), ...c }))
        : uploadedComponents(components, uploads);
    const body = { version: dossier.version, components: changed, comment: comment.trim() || undefined };
    const send = resume ? resumeWithSupplement : resubmitDossier;
    if (await action.run(() => send(dossier.code, body))) onDone(texts.done);
  };

  return (
    <ActionDialog
      title={texts.title}
      message={texts.message}
      confirmLabel={texts.confirm}
      wide
      busy={action.busy}
      error={action.error}
      onConfirm={() => void confirm()}
      onClose={onClose}
    >
      {mode === 'desk' ? (
        <ReceivedComponents
          legend={t.desk.intake.components}
          components={components}
          value={counts}
          onChange={setCounts}
        />
      ) : (
        <FileUploads components={components} value={uploads} onChange={setUploads} errors={{}} />
      )}
      {wait && (
        <p className="status status-error" role="alert">
          {t.citizen.submit.waitUploads}
        </p>
      )}
      <Field label={s.comment}>
        {(control) => <textarea {...control} rows={2} value={comment} onChange={(e) => setComment(e.target.value)} />}
      </Field>
    </ActionDialog>
  );
}
