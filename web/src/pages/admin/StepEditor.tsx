import { useEffect, useState } from 'react';
import { useI18n } from '../../i18n/i18n';
import { useAsync } from '../../lib/useAsync';
import { fetchAgencies } from '../../api/catalogue';
import { fetchPublicUnits, type PublicUnit } from '../../api/adminAgencies';
import { BudgetMeter } from './BudgetMeter';
import { StepRow } from './StepRow';
import { moveItem, newStep, processBudget, type SectionProps } from './procedureDraft';

/** Units every implementing agency has: a step without liên thông runs in whichever agency received the dossier. */
async function commonUnits(codes: string[]): Promise<PublicUnit[]> {
  if (codes.length === 0) return [];
  const lists = await Promise.all(codes.map(fetchPublicUnits));
  return lists[0].filter((u) => lists.every((list) => list.some((x) => x.code === u.code)));
}

/** The internal process: ordered steps, each with unit, role and duration, against the deadline's time budget. */
export function StepEditor({ draft, patch, errorAt }: SectionProps) {
  const { t } = useI18n();
  const s = t.admin.editor.steps;
  const agencies = useAsync(() => fetchAgencies(), []);
  const implementing = draft.allAgencies
    ? (agencies.data ?? []).filter((a) => a.level === draft.level).map((a) => a.code)
    : draft.agencies;
  const units = useAsync(() => commonUnits(implementing), [implementing.join(',')]);
  const [focusAfterMove, setFocusAfterMove] = useState<{ key: string; dir: 'up' | 'down' } | null>(null);
  const [announcement, setAnnouncement] = useState('');

  // The moved step keeps the focus on its button; at an end, where that button is disabled, on the other one.
  useEffect(() => {
    if (!focusAfterMove) return;
    const row = document.querySelector(`[data-step="${focusAfterMove.key}"]`);
    const wanted = row?.querySelector<HTMLButtonElement>(`[data-move="${focusAfterMove.dir}"]`);
    const other = row?.querySelector<HTMLButtonElement>(`[data-move="${focusAfterMove.dir === 'up' ? 'down' : 'up'}"]`);
    (wanted && !wanted.disabled ? wanted : other)?.focus();
    setFocusAfterMove(null);
  }, [focusAfterMove]);

  const steps = draft.process;
  const move = (index: number, delta: -1 | 1) => {
    const step = steps[index];
    patch({ process: moveItem(steps, index, delta) });
    setFocusAfterMove({ key: step.key, dir: delta < 0 ? 'up' : 'down' });
    setAnnouncement(s.moved(step.name || s.step(index + 1), index + delta + 1));
  };
  const remove = (index: number) => {
    patch({ process: steps.filter((_, i) => i !== index) });
    setAnnouncement(s.removed(steps[index].name || s.step(index + 1)));
    document.getElementById('add-step')?.focus();
  };
  const [added, setAdded] = useState<string | null>(null);
  const add = () => {
    const step = newStep();
    setAdded(step.key);
    patch({ process: [...steps, step] });
  };

  return (
    <section className="card section" aria-labelledby="steps-title" id="steps">
      <h2 id="steps-title">{s.title}</h2>
      <p className="section-hint">{s.intro}</p>
      <BudgetMeter budget={processBudget(draft)} serverError={errorAt('process')} />
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
      {steps.length === 0 && <p className="field-hint">{s.none}</p>}
      <ol className="row-list">
        {steps.map((step, i) => (
          <StepRow
            key={step.key}
            step={step}
            index={i}
            count={steps.length}
            ownUnits={units.data ?? []}
            agencies={agencies.data ?? []}
            autoFocus={step.key === added}
            errorAt={(path) => errorAt(`process.${i}.${path}`)}
            update={(changes) => patch({ process: steps.map((x, j) => (j === i ? { ...x, ...changes } : x)) })}
            onMove={(delta) => move(i, delta)}
            onRemove={() => remove(i)}
          />
        ))}
      </ol>
      <button id="add-step" type="button" className="btn btn-secondary" onClick={add}>
        <span aria-hidden="true">+ </span>
        {s.add}
      </button>
    </section>
  );
}
