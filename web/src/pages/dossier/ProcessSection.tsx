import { useI18n } from '../../i18n/i18n';
import type { DossierProcess } from '../../api/workflow';
import { formatDateTime } from '../../lib/datetime';
import { DataTable } from '../../components/DataTable';
import { Section } from './DossierSections';

/** The steps of the internal process: where the dossier is, who holds it, and how timely each step was. */
export function ProcessSection({ process, agency }: { process: DossierProcess; agency: string }) {
  const { t } = useI18n();
  const s = t.workflow.process;
  const time = (value: string | null) => (value ? formatDateTime(value) : '');
  return (
    <Section id="process" title={s.title}>
      <DataTable
        caption={s.title}
        captionHidden
        rows={process.steps}
        rowKey={(step) => String(step.seq)}
        columns={[
          {
            header: s.step,
            cell: (step) => (
              <span className={step.current ? 'step-current' : undefined}>
                {step.seq}. {step.name}
                {step.current && <span className="badge badge-status badge-in_progress">{s.current}</span>}
              </span>
            ),
          },
          {
            header: s.unit,
            // A liên thông step names the other agency too.
            cell: (step) => (step.agency.code === agency ? step.unit.name : `${step.unit.name} - ${step.agency.name}`),
          },
          { header: s.assignee, cell: (step) => (step.completedBy ?? step.assignee)?.fullName ?? '' },
          { header: s.dueAt, cell: (step) => time(step.dueAt) },
          {
            header: s.completedAt,
            cell: (step) => (
              <>
                {time(step.completedAt)}
                {step.timeliness && (
                  <span className={`timeliness timeliness-${step.timeliness}`}>{s.timeliness[step.timeliness]}</span>
                )}
              </>
            ),
          },
        ]}
      />
    </Section>
  );
}
