import { useState, type FormEvent } from 'react';
import type { Agency } from '../../api/types';
import { Button } from '../../components/Button';
import { Field } from '../../components/Field';
import { useI18n } from '../../i18n/i18n';
import { formatDate, parseDate, todayIso } from '../../lib/datetime';
import { localName } from '../../lib/labels';
import { PERIOD_KINDS, choiceOf, rangeOf, type PeriodKind, type Range } from './period';

type Props = {
  kind: PeriodKind;
  range: Range;
  agency: string;
  agencies: Agency[];
  /** What the empty agency choice means: the reader's scope, or the whole province on the portal. */
  allLabel: string;
  label: string;
  onApply: (kind: PeriodKind, range: Range, agency: string) => void;
};

/** Month, quarter, year or a dd/mm/yyyy range, and the agency; nothing is read until "Xem số liệu". */
export function PeriodForm(props: Props) {
  const { kind: initialKind, range, agency: initialAgency, agencies, allLabel, label, onApply } = props;
  const { t, lang } = useI18n();
  const s = t.reports.period;
  const initial = choiceOf(initialKind, range);
  const [kind, setKind] = useState<PeriodKind>(initialKind);
  const [month, setMonth] = useState(initial.month);
  const [quarter, setQuarter] = useState(initial.quarter);
  const [year, setYear] = useState(String(initial.year));
  const [from, setFrom] = useState(formatDate(range.from));
  const [to, setTo] = useState(formatDate(range.to));
  const [agency, setAgency] = useState(initialAgency);
  const [errors, setErrors] = useState<{ year?: string; from?: string; to?: string }>({});

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found: typeof errors = {};
    const y = Number(year);
    if (kind !== 'custom' && !(Number.isInteger(y) && y >= 1990 && y <= 2100)) found.year = s.badYear;
    const fromIso = parseDate(from);
    const toIso = parseDate(to);
    if (kind === 'custom') {
      if (!fromIso) found.from = s.badDate;
      if (!toIso) found.to = s.badDate;
      else if (fromIso && fromIso > toIso) found.to = s.badOrder;
    }
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    const choice = { kind, year: y, month, quarter, from: fromIso ?? '', to: toIso ?? '' };
    onApply(kind, rangeOf(choice, todayIso()), agency);
  };

  return (
    <form className="card report-filters" onSubmit={submit} noValidate aria-label={label}>
      <Field label={s.kind}>
        {(c) => (
          <select {...c} value={kind} onChange={(e) => setKind(e.target.value as PeriodKind)}>
            {PERIOD_KINDS.map((k) => (
              <option key={k} value={k}>
                {s.kinds[k]}
              </option>
            ))}
          </select>
        )}
      </Field>
      {kind === 'month' && (
        <Field label={s.month}>
          {(c) => (
            <select {...c} value={month} onChange={(e) => setMonth(Number(e.target.value))}>
              {t.format.months.map((name, i) => (
                <option key={name} value={i + 1}>
                  {name}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      {kind === 'quarter' && (
        <Field label={s.quarter}>
          {(c) => (
            <select {...c} value={quarter} onChange={(e) => setQuarter(Number(e.target.value))}>
              {[1, 2, 3, 4].map((q) => (
                <option key={q} value={q}>
                  {s.quarterName(q)}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      {kind !== 'custom' && (
        <Field label={s.year} error={errors.year}>
          {(c) => <input {...c} inputMode="numeric" value={year} onChange={(e) => setYear(e.target.value)} size={6} />}
        </Field>
      )}
      {kind === 'custom' && (
        <>
          <Field label={s.from} hint={s.dateHint} error={errors.from}>
            {(c) => <input {...c} value={from} onChange={(e) => setFrom(e.target.value)} size={11} />}
          </Field>
          <Field label={s.to} hint={s.dateHint} error={errors.to}>
            {(c) => <input {...c} value={to} onChange={(e) => setTo(e.target.value)} size={11} />}
          </Field>
        </>
      )}
      {agencies.length > 1 && (
        <Field label={t.reports.dashboard.agency}>
          {(c) => (
            <select {...c} value={agency} onChange={(e) => setAgency(e.target.value)}>
              <option value="">{allLabel}</option>
              {agencies.map((a) => (
                <option key={a.code} value={a.code}>
                  {localName(a, lang)}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      <div className="report-filters-submit">
        <Button type="submit">{s.apply}</Button>
      </div>
    </form>
  );
}
