import { useState } from 'react';
import { useI18n } from '../../i18n/i18n';
import type { ApiError } from '../../api/client';
import type { Dossier } from '../../api/dossiers';
import { Button } from '../../components/Button';
import type { LifecycleAction } from './access';
import { AcceptDialog, ReasonDialog } from './SimpleDialogs';
import { SupplementDialog } from './SupplementDialog';
import { ResubmitDialog } from './ResubmitDialog';

type Props = {
  dossier: Dossier;
  actions: LifecycleAction[];
  /** Staff act at the desk; the applicant acts online. */
  asStaff: boolean;
  onDone: (message: string) => void;
  onStale: (err: ApiError) => void;
};

const DANGER: ReadonlySet<LifecycleAction> = new Set(['refuse', 'withdraw']);

/** The buttons of the actions the viewer may take now, each opening its confirmation. */
export function DossierActions({ dossier, actions, asStaff, onDone, onStale }: Props) {
  const { t } = useI18n();
  const s = t.dossier.actions;
  const [open, setOpen] = useState<LifecycleAction | null>(null);
  const labels: Record<LifecycleAction, string> = {
    accept: s.accept.button,
    request_supplement: s.supplement.button,
    refuse: s.refuse.button,
    resubmit: s.resubmit.button,
    withdraw: s.withdraw.button,
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

  return (
    <section className="card section dossier-actions" aria-labelledby="actions-title">
      <h2 id="actions-title">{s.title}</h2>
      <div className="form-actions">
        {actions.map((a) => (
          <Button
            key={a}
            variant={DANGER.has(a) ? 'danger' : a === 'accept' ? 'primary' : 'secondary'}
            onClick={() => setOpen(a)}
          >
            {labels[a]}
          </Button>
        ))}
      </div>
      {open === 'accept' && <AcceptDialog {...common} />}
      {open === 'request_supplement' && <SupplementDialog {...common} />}
      {open === 'refuse' && <ReasonDialog kind="refuse" {...common} />}
      {open === 'withdraw' && <ReasonDialog kind="withdraw" {...common} />}
      {open === 'resubmit' && <ResubmitDialog mode={asStaff ? 'desk' : 'online'} {...common} />}
    </section>
  );
}
