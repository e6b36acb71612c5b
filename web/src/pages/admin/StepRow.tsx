import { useI18n } from '../../i18n/i18n';
import { useAsync } from '../../lib/useAsync';
import { fetchPublicUnits, type PublicUnit } from '../../api/adminAgencies';
import type { Agency, ProcessRole } from '../../api/types';
import { Button } from '../../components/Button';
import { Field } from '../../components/Field';
import { AgencyOptions } from './AgencyOptions';
import { DurationInput } from './DurationInput';
import type { StepDraft } from './procedureDraft';

const ROLES: ProcessRole[] = ['reception', 'specialist', 'unit_leader', 'agency_leader'];

type Props = {
  step: StepDraft;
  index: number;
  count: number;
  /** Units shared by every implementing agency. */
  ownUnits: PublicUnit[];
  agencies: Agency[];
  autoFocus: boolean;
  /** The server's error at a path inside this step (`unit`, `duration.value`, …). */
  errorAt: (path: string) => string | undefined;
  update: (changes: Partial<StepDraft>) => void;
  onMove: (delta: -1 | 1) => void;
  onRemove: () => void;
};

/** One step: name, the agency that runs it (liên thông or not), its unit, role and duration, and move buttons. */
export function StepRow({
  step,
  index,
  count,
  ownUnits,
  agencies,
  autoFocus,
  errorAt,
  update,
  onMove,
  onRemove,
}: Props) {
  const { t } = useI18n();
  const s = t.admin.editor.steps;
  const n = index + 1;
  const other = useAsync(() => (step.agency ? fetchPublicUnits(step.agency) : Promise.resolve([])), [step.agency]);
  const units = step.agency ? (other.data ?? []) : ownUnits;
  // A code the lists do not (yet) hold stays selectable, so the step never silently changes unit.
  const known = !step.unit || units.some((u) => u.code === step.unit);

  return (
    <li data-step={step.key}>
      <fieldset className="row-card step-card">
        <legend>{s.step(n)}</legend>
        <div className="form-grid">
          <Field label={s.name} error={errorAt('name')} required className="span-all">
            {(control) => (
              <input
                {...control}
                autoFocus={autoFocus}
                value={step.name}
                onChange={(e) => update({ name: e.target.value })}
              />
            )}
          </Field>
          <Field label={s.agency} error={errorAt('agency')}>
            {(control) => (
              <select {...control} value={step.agency} onChange={(e) => update({ agency: e.target.value, unit: '' })}>
                <option value="">{s.ownAgency}</option>
                <AgencyOptions agencies={agencies} />
              </select>
            )}
          </Field>
          <Field label={s.unit} error={errorAt('unit')} required>
            {(control) => (
              <select {...control} value={step.unit} onChange={(e) => update({ unit: e.target.value })}>
                <option value="">{s.chooseUnit}</option>
                {units.map((u) => (
                  <option key={u.code} value={u.code}>
                    {u.name} ({u.code})
                  </option>
                ))}
                {!known && <option value={step.unit}>{step.unit}</option>}
              </select>
            )}
          </Field>
          <Field label={s.role} error={errorAt('role')} required>
            {(control) => (
              <select {...control} value={step.role} onChange={(e) => update({ role: e.target.value as ProcessRole })}>
                {ROLES.map((r) => (
                  <option key={r} value={r}>
                    {t.roles[r]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <DurationInput
            legend={s.duration}
            value={step.duration}
            onChange={(duration) => update({ duration })}
            error={errorAt('duration.value') ?? errorAt('duration.unit') ?? errorAt('duration')}
            required
          />
        </div>
        <div className="row-actions">
          <Button
            variant="secondary"
            data-move="up"
            disabled={index === 0}
            aria-label={s.moveUpLabel(n)}
            onClick={() => onMove(-1)}
          >
            <span aria-hidden="true">↑ </span>
            {s.moveUp}
          </Button>
          <Button
            variant="secondary"
            data-move="down"
            disabled={index === count - 1}
            aria-label={s.moveDownLabel(n)}
            onClick={() => onMove(1)}
          >
            <span aria-hidden="true">↓ </span>
            {s.moveDown}
          </Button>
          <Button variant="danger" aria-label={s.removeLabel(n)} onClick={onRemove}>
            {t.admin.remove}
          </Button>
        </div>
      </fieldset>
    </li>
  );
}
