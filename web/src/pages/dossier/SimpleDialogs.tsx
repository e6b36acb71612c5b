import { useState } from 'react';
import { useI18n } from '../../i18n/i18n';
import { acceptDossier, refuseDossier, withdrawDossier } from '../../api/dossiers';
import { commentAction, reasonAction } from '../../api/workflow';
import { Field } from '../../components/Field';
import { ActionDialog, useActionRun, type DialogProps } from './ActionDialog';
import { errorField } from './fieldErrors';

type Texts = { title: string; message: string | ((code: string) => string); confirm: string; done: string };
type Send<B> = (code: string, body: B) => Promise<unknown>;

export type CommentKind = 'accept' | 'forward' | 'approve' | 'result_ready' | 'return';
const COMMENT_SENDERS: Record<CommentKind, Send<{ version: number; comment?: string }>> = {
  accept: acceptDossier,
  forward: (code, body) => commentAction(code, 'forward', body),
  approve: (code, body) => commentAction(code, 'approve', body),
  result_ready: (code, body) => commentAction(code, 'result-ready', body),
  return: (code, body) => commentAction(code, 'return', body),
};

export type ReasonKind = 'refuse' | 'withdraw' | 'propose_rejection' | 'approve_rejection';
const REASON_SENDERS: Record<ReasonKind, Send<{ version: number; reason: string }>> = {
  refuse: refuseDossier,
  withdraw: withdrawDossier,
  propose_rejection: (code, body) => reasonAction(code, 'propose-rejection', body),
  approve_rejection: (code, body) => reasonAction(code, 'approve-rejection', body),
};

const messageOf = (texts: Texts, code: string) =>
  typeof texts.message === 'function' ? texts.message(code) : texts.message;

/** An action confirmed with an optional comment: the desk's acceptance, a step completed, a result. */
export function CommentDialog({ kind, dossier, onClose, onDone, onStale }: DialogProps & { kind: CommentKind }) {
  const { t } = useI18n();
  const texts: Texts = kind === 'accept' ? t.dossier.actions.accept : t.workflow.actions[kind];
  const [comment, setComment] = useState('');
  const action = useActionRun(onStale);
  const confirm = async () => {
    const body = { version: dossier.version, comment: comment.trim() || undefined };
    if (await action.run(() => COMMENT_SENDERS[kind](dossier.code, body))) onDone(texts.done);
  };
  return (
    <ActionDialog
      title={texts.title}
      message={messageOf(texts, dossier.code)}
      confirmLabel={texts.confirm}
      busy={action.busy}
      error={action.error}
      onConfirm={() => void confirm()}
      onClose={onClose}
    >
      <Field label={t.dossier.actions.comment}>
        {(control) => <textarea {...control} rows={2} value={comment} onChange={(e) => setComment(e.target.value)} />}
      </Field>
    </ActionDialog>
  );
}

/** An action that needs its reason: refusal (Mẫu 03), withdrawal, a proposed or approved rejection. */
export function ReasonDialog({ kind, dossier, onClose, onDone, onStale }: DialogProps & { kind: ReasonKind }) {
  const { t, errorText } = useI18n();
  const s = t.dossier.actions;
  const texts: Texts = kind === 'refuse' || kind === 'withdraw' ? s[kind] : t.workflow.actions[kind];
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const action = useActionRun(onStale);
  const confirm = async () => {
    if (!reason.trim()) {
      setMissing(true);
      return;
    }
    const body = { version: dossier.version, reason: reason.trim() };
    if (await action.run(() => REASON_SENDERS[kind](dossier.code, body))) onDone(texts.done);
  };
  const atReason = errorField(action.error, ['reason']) !== null;
  return (
    <ActionDialog
      title={texts.title}
      message={messageOf(texts, dossier.code)}
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
