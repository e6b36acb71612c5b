import { useId, useState } from 'react';
import { trackingBookUrl } from '../../api/reports';
import { fetchAgencies } from '../../api/catalogue';
import { Field } from '../../components/Field';
import { useI18n } from '../../i18n/i18n';
import { todayIso } from '../../lib/datetime';
import { nameOf } from '../../lib/labels';
import { useAsync } from '../../lib/useAsync';
import { defaultRange } from '../reports/period';

/** The server refuses longer periods (reports/tracking-book-service.ts). */
const MAX_DAYS = 366;
const days = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 86_400_000 + 1;

/** Download the desk's tracking book of one of the officer's agencies for a period (this month first). */
export function TrackingBookForm({ agencies: codes }: { agencies: string[] }) {
  const { t, lang } = useI18n();
  const s = t.desk.book;
  const headingId = useId();
  const agencies = useAsync(() => fetchAgencies(), []);
  const [agency, setAgency] = useState(codes[0] ?? '');
  const [range, setRange] = useState(() => defaultRange(todayIso()));
  if (codes.length === 0) return null;
  const error =
    !range.from || !range.to || range.from > range.to
      ? s.badPeriod
      : days(range.from, range.to) > MAX_DAYS
        ? s.tooLong(MAX_DAYS)
        : null;
  const q = { agency, from: range.from, to: range.to };
  return (
    <section aria-labelledby={headingId} className="report-section">
      <h2 id={headingId}>{s.title}</h2>
      <p className="field-hint">{s.intro}</p>
      <div className="form-grid">
        {codes.length > 1 && (
          <Field label={s.agency}>
            {(control) => (
              <select {...control} value={agency} onChange={(e) => setAgency(e.target.value)}>
                {codes.map((code) => (
                  <option key={code} value={code}>
                    {nameOf(agencies.data, code, lang)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
        <Field label={s.from} error={error === s.badPeriod ? error : null}>
          {(control) => (
            <input
              {...control}
              type="date"
              value={range.from}
              onChange={(e) => setRange({ ...range, from: e.target.value })}
            />
          )}
        </Field>
        <Field label={s.to} error={error && error !== s.badPeriod ? error : null}>
          {(control) => (
            <input
              {...control}
              type="date"
              value={range.to}
              onChange={(e) => setRange({ ...range, to: e.target.value })}
            />
          )}
        </Field>
      </div>
      {error === null && (
        <p className="report-exports">
          <a className="btn btn-secondary" href={trackingBookUrl('xlsx', q)} download>
            {s.xlsx}
          </a>
          <a className="btn btn-secondary" href={trackingBookUrl('csv', q)} download>
            {s.csv}
          </a>
        </p>
      )}
    </section>
  );
}
