import { useState, type FormEvent } from 'react';
import { useI18n } from '../i18n/i18n';
import { computeDeadline, type DeadlineAnswer } from '../api/calendar';
import type { Agency, DurationUnit } from '../api/types';
import {
  formatDate,
  formatDateTime,
  formatTime,
  parseDate,
  parseTime,
  todayIso,
  vnInstant,
  vnParts,
} from '../lib/datetime';
import { localName } from '../lib/labels';
import { Button } from '../components/Button';
import { Field } from '../components/Field';
import { ErrorMessage } from '../components/Status';
import { DeadlineExplanation } from './DeadlineExplanation';

type Errors = Partial<Record<'date' | 'time' | 'value', string>>;

/** "When is my result due?" for a receipt time and a deadline, with the day-by-day reasoning on request. */
export function DeadlineCalculator({ agencies }: { agencies: Agency[] }) {
  const { t, lang } = useI18n();
  const [agency, setAgency] = useState('');
  const [date, setDate] = useState(() => formatDate(todayIso()));
  const [time, setTime] = useState(() => formatTime(new Date()));
  const [value, setValue] = useState('3');
  const [unit, setUnit] = useState<DurationUnit>('working_days');
  const [explain, setExplain] = useState(true);
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [answer, setAnswer] = useState<DeadlineAnswer | null>(null);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const day = parseDate(date);
    const clock = parseTime(time);
    const n = Number(value);
    const found: Errors = {
      ...(day ? {} : { date: t.calculator.badDate }),
      ...(clock ? {} : { time: t.calculator.badTime }),
      ...(Number.isInteger(n) && n > 0 ? {} : { value: t.calculator.badValue }),
    };
    setErrors(found);
    if (!day || !clock || Object.keys(found).length > 0) return;
    setBusy(true);
    setError(null);
    try {
      const from = vnInstant(day, clock);
      setAnswer(await computeDeadline({ agency: agency || undefined, from, value: n, unit, explain }));
    } catch (err) {
      setAnswer(null);
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const due = answer ? vnParts(answer.dueAt) : null;
  return (
    <section className="card section" aria-labelledby="calculator-title">
      <h2 id="calculator-title">{t.calculator.title}</h2>
      <p>{t.calculator.intro}</p>
      <form className="calculator-form" onSubmit={onSubmit} noValidate>
        <Field label={t.calculator.agency} className="span-2">
          {(control) => (
            <select {...control} value={agency} onChange={(e) => setAgency(e.target.value)}>
              <option value="">{t.calendar.national}</option>
              {agencies.map((a) => (
                <option key={a.code} value={a.code}>
                  {localName(a, lang)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t.calculator.date} hint={t.calculator.dateHint} error={errors.date} required>
          {(control) => (
            <input {...control} inputMode="numeric" value={date} onChange={(e) => setDate(e.target.value)} />
          )}
        </Field>
        <Field label={t.calculator.time} hint={t.calculator.timeHint} error={errors.time} required>
          {(control) => (
            <input {...control} inputMode="numeric" value={time} onChange={(e) => setTime(e.target.value)} />
          )}
        </Field>
        <Field label={t.calculator.value} error={errors.value} required>
          {(control) => (
            <input
              {...control}
              type="number"
              min={1}
              step={1}
              value={value}
              onChange={(e) => setValue(e.target.value)}
            />
          )}
        </Field>
        <Field label={t.calculator.unit}>
          {(control) => (
            <select {...control} value={unit} onChange={(e) => setUnit(e.target.value as DurationUnit)}>
              <option value="working_days">{t.calculator.unitDays}</option>
              <option value="working_hours">{t.calculator.unitHours}</option>
            </select>
          )}
        </Field>
        <label className="checkbox span-2">
          <input type="checkbox" checked={explain} onChange={(e) => setExplain(e.target.checked)} />
          {t.calculator.explain}
        </label>
        <div className="form-actions span-2">
          <Button type="submit" busy={busy}>
            {t.calculator.submit}
          </Button>
        </div>
      </form>
      <div aria-live="polite">
        {error !== null && <ErrorMessage error={error} />}
        {answer && due && (
          <div className="result-box">
            <p className="result-label">{t.calculator.result}</p>
            <p className="result-value">
              {t.format.weekdays[due.weekday]}, {formatDateTime(answer.dueAt)}
            </p>
            {answer.explanation && <DeadlineExplanation explanation={answer.explanation} />}
          </div>
        )}
      </div>
    </section>
  );
}
