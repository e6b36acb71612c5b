import { useId, useState, type FormEvent } from 'react';
import type { RatingInput, RatingLevel, Reason } from '../../api/feedback';
import { Button } from '../../components/Button';
import { useI18n } from '../../i18n/i18n';
import { ratingToSend } from './rating';

const LEVELS: RatingLevel[] = ['very_satisfied', 'satisfied', 'not_satisfied'];

type Props = {
  reasons: Reason[];
  /** Sends the rating; a rejection is shown by the caller. */
  onSubmit: (input: RatingInput) => Promise<void>;
  /** Big touch targets for the desk's kiosk. */
  large?: boolean;
};

/**
 * The three levels as big buttons in a radio group; "not satisfied" opens the reasons of the fixed
 * list and a comment ("other" needs it), checked here as the server checks them.
 */
export function RatingForm({ reasons, onSubmit, large }: Props) {
  const { t, lang } = useI18n();
  const s = t.feedback.rating;
  const id = useId();
  const [level, setLevel] = useState<RatingLevel | null>(null);
  const [chosen, setChosen] = useState<string[]>([]);
  const [comment, setComment] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const toggle = (code: string) => setChosen((c) => (c.includes(code) ? c.filter((x) => x !== code) : [...c, code]));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const next = ratingToSend(level, chosen, comment);
    if ('problem' in next) {
      if (next.problem !== 'level') setProblem(next.problem === 'reason' ? s.reasonRequired : s.commentRequired);
      return;
    }
    setProblem(null);
    setBusy(true);
    try {
      await onSubmit(next.input);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className={['rating-form', large ? 'rating-form-large' : ''].join(' ')} onSubmit={submit} noValidate>
      <fieldset>
        <legend className="rating-question">{s.question}</legend>
        <div className="rating-levels" role="radiogroup" aria-label={s.question}>
          {LEVELS.map((l) => (
            <button
              key={l}
              type="button"
              role="radio"
              aria-checked={level === l}
              className={`rating-level rating-level-${l}`}
              onClick={() => setLevel(l)}
            >
              {t.feedback.levels[l]}
            </button>
          ))}
        </div>
      </fieldset>
      {level === 'not_satisfied' && (
        <fieldset className="rating-reasons">
          <legend>{s.reasons}</legend>
          {reasons.map((r) => (
            <label key={r.code} className="check">
              <input type="checkbox" checked={chosen.includes(r.code)} onChange={() => toggle(r.code)} />{' '}
              {lang === 'vi' ? r.vi : r.en}
            </label>
          ))}
        </fieldset>
      )}
      {level !== null && (
        <div className="field">
          <label htmlFor={`${id}-comment`}>{s.comment}</label>
          <textarea
            id={`${id}-comment`}
            rows={3}
            maxLength={2000}
            value={comment}
            onChange={(e) => setComment(e.target.value)}
          />
        </div>
      )}
      {problem && (
        <p className="status status-error" role="alert">
          {problem}
        </p>
      )}
      <Button type="submit" disabled={level === null} busy={busy} className="rating-submit">
        {s.submit}
      </Button>
      <p className="field-hint">{s.privacy}</p>
    </form>
  );
}
