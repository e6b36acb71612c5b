import { useState } from 'react';
import { useI18n } from '../../i18n/i18n';
import type { ApiError } from '../../api/client';
import type { Dossier } from '../../api/dossiers';
import type { ProcessStep } from '../../api/workflow';
import { Button } from '../../components/Button';
import type { LifecycleAction } from './access';
import type { StepAction } from './stepAccess';
import { CommentDialog, ReasonDialog } from './SimpleDialogs';
import { SupplementDialog } from './SupplementDialog';
import { ResubmitDialog } from './ResubmitDialog';
import { SendBackDialog } from './SendBackDialog';
import { AssignDialog } from './AssignDialog';

export type DossierAction = LifecycleAction | StepAction;

type Props = {
  dossier: Dossier;
  steps: readonly ProcessStep[];
  actions: DossierAction[];
  /** Staff act at the desk; the applicant acts online. */
  asStaff: boolean;
  onDone: (message: string) => void;
  onStale: (err: ApiError) => void;
};

const DANGER: ReadonlySet<DossierAction> = new Set([
  'refuse',
  'withdraw',
  'propose_rejection',
  'approve_rejection',
  'send_back',
]);
const PRIMARY: ReadonlySet<DossierAction> = new Set([
  'accept',
  'assign',
  'forward',
  'approve',
  'result_ready',
  'return',
]);

/** The buttons of the actions the viewer may take now, each opening its confirmation. */
export function DossierActions({ dossier, steps, actions, asStaff, onDone, onStale }: Props) {
  const { t } = useI18n();
  const s = t.dossier.actions;
  const w = t.workflow.actions;
  const [open, setOpen] = useState<DossierAction | null>(null);
  const labels: Record<DossierAction, string> = {
    accept: s.accept.button,
    request_supplement: s.supplement.button,
    refuse: s.refuse.button,
    resubmit: s.resubmit.button,
    resume: w.resume.button,
    return: w.return.button,
    withdraw: s.withdraw.button,
    assign: w.assign.button,
    forward: w.forward.button,
    approve: w.approve.button,
    result_ready: w.result_ready.button,
    propose_rejection: w.propose_rejection.button,
    approve_rejection: w.approve_rejection.button,
    pause: w.pause.button,
    send_back: w.send_back.button,
  };
  const common = {
    dossier,
    onClose: () => setOpen(null),
    onDone: (message: string) => {
      setOpen(null);
      onDone(message);
    },
    onStale: (err: ApiError) => {
      setOpen(null);
      onStale(err);
    },
  };
  const mode = asStaff ? 'desk' : 'online';

  return (
    <section className="card section dossier-actions" aria-labelledby="actions-title">
      <h2 id="actions-title">{s.title}</h2>
      <div className="form-actions">
        {actions.map((a) => (
          <Button
            key={a}
            variant={DANGER.has(a) ? 'danger' : PRIMARY.has(a) ? 'primary' : 'secondary'}
            onClick={() => setOpen(a)}
          >
            {labels[a]}
          </Button>
        ))}
      </div>
      {(open === 'accept' ||
        open === 'forward' ||
        open === 'approve' ||
        open === 'result_ready' ||
        open === 'return') && <CommentDialog kind={open} {...common} />}
      {(open === 'refuse' || open === 'withdraw' || open === 'propose_rejection' || open === 'approve_rejection') && (
        <ReasonDialog kind={open} {...common} />
      )}
      {open === 'request_supplement' && <SupplementDialog {...common} />}
      {open === 'pause' && <SupplementDialog pause {...common} />}
      {open === 'resubmit' && <ResubmitDialog mode={mode} {...common} />}
      {open === 'resume' && <ResubmitDialog mode={mode} resume {...common} />}
      {open === 'send_back' && <SendBackDialog steps={steps} {...common} />}
      {open === 'assign' && <AssignDialog {...common} />}
    </section>
  );
}
