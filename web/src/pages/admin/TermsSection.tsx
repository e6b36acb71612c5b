import { useI18n } from '../../i18n/i18n';
import type { Channel, OnlineLevel } from '../../api/types';
import type { ClockOnResume } from '../../api/adminCatalogue';
import { Check } from './Check';
import { DurationInput } from './DurationInput';
import type { SectionProps } from './procedureDraft';

const CHANNELS: Channel[] = ['direct', 'postal', 'online'];
const ONLINE_LEVELS: OnlineLevel[] = ['full', 'partial'];
const CLOCK: ClockOnResume[] = ['restart', 'resume'];

/** Deadlines (statutory and reduced), channels with the online service level, and the clock after a supplement. */
export function TermsSection({ draft, patch, errorAt }: SectionProps) {
  const { t } = useI18n();
  const e = t.admin.editor;
  const at = (path: string) => errorAt(`${path}.value`) ?? errorAt(`${path}.unit`) ?? errorAt(path);
  const online = draft.channels.includes('online');

  const toggleChannel = (channel: Channel, on: boolean) => {
    const channels = CHANNELS.filter((c) => (c === channel ? on : draft.channels.includes(c)));
    // The online level is "none" exactly when online is not a channel (docs/catalogue-format.md).
    const onlineLevel = !channels.includes('online')
      ? 'none'
      : draft.onlineLevel === 'none'
        ? 'partial'
        : draft.onlineLevel;
    patch({ channels, onlineLevel });
  };

  return (
    <section className="card section" aria-labelledby="terms-title">
      <h2 id="terms-title">{e.terms}</h2>
      <div className="form-grid">
        <DurationInput
          legend={e.deadline}
          value={draft.deadline}
          onChange={(deadline) => patch({ deadline })}
          error={at('deadline')}
          required
        />
        <div>
          <Check label={e.hasReduced} checked={draft.hasReduced} onChange={(hasReduced) => patch({ hasReduced })} />
          {draft.hasReduced && (
            <DurationInput
              legend={e.reducedDeadline}
              value={draft.reducedDeadline}
              onChange={(reducedDeadline) => patch({ reducedDeadline })}
              error={at('reducedDeadline')}
              required
            />
          )}
        </div>
      </div>
      <fieldset className={errorAt('channels') ? 'admin-fieldset field-invalid' : 'admin-fieldset'}>
        <legend>{e.channels}</legend>
        <div className="check-row">
          {CHANNELS.map((c) => (
            <label key={c} className="checkbox">
              <input
                type="checkbox"
                checked={draft.channels.includes(c)}
                onChange={(ev) => toggleChannel(c, ev.target.checked)}
              />
              {e.channel[c]}
            </label>
          ))}
        </div>
        {errorAt('channels') && <p className="field-error">{errorAt('channels')}</p>}
      </fieldset>
      <fieldset className="radio-group" disabled={!online}>
        <legend>{e.onlineLevel}</legend>
        {!online && <p className="field-hint">{e.onlineNone}</p>}
        {ONLINE_LEVELS.map((level) => (
          <label key={level}>
            <input
              type="radio"
              name="onlineLevel"
              checked={online && draft.onlineLevel === level}
              onChange={() => patch({ onlineLevel: level })}
            />
            {t.procedure.online[level]}
          </label>
        ))}
        {errorAt('onlineLevel') && <p className="field-error">{errorAt('onlineLevel')}</p>}
      </fieldset>
      <fieldset className="radio-group">
        <legend>{e.clockOnResume}</legend>
        {CLOCK.map((c) => (
          <label key={c}>
            <input
              type="radio"
              name="clockOnResume"
              checked={draft.clockOnResume === c}
              onChange={() => patch({ clockOnResume: c })}
            />
            {e.clock[c]}
          </label>
        ))}
      </fieldset>
    </section>
  );
}
