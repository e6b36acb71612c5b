import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useI18n } from '../i18n/i18n';
import { ADMIN_ROLES, hasAnyRole, useSession } from '../session/session';
import { useAsync } from '../lib/useAsync';
import { useDocumentTitle } from '../lib/useDocumentTitle';
import { fetchAgencies } from '../api/catalogue';
import { fetchCalendarDays } from '../api/calendar';
import type { CalendarDay } from '../api/types';
import { formatDate, todayIso, weekdayOf } from '../lib/datetime';
import { localName } from '../lib/labels';
import { Button } from '../components/Button';
import { Field } from '../components/Field';
import { ErrorMessage, Loading, Notice } from '../components/Status';
import { YearCalendar, dayKind } from './YearCalendar';
import { DayEditor } from './DayEditor';
import { DeadlineCalculator } from './DeadlineCalculator';

const MIN_YEAR = 2000;
const MAX_YEAR = 2100;

function Legend() {
  const { t } = useI18n();
  const items = [
    ['working', t.calendar.legendWorking],
    ['weekend', t.calendar.legendWeekend],
    ['holiday', t.calendar.legendHoliday],
    ['makeup', t.calendar.legendMakeup],
    ['today', t.calendar.legendToday],
  ] as const;
  return (
    <div className="legend">
      <h2 className="legend-title">{t.calendar.legend}</h2>
      <ul>
        {items.map(([kind, label]) => (
          <li key={kind}>
            <span className={`swatch day-${kind}`} aria-hidden="true" />
            {label}
          </li>
        ))}
      </ul>
    </div>
  );
}

function SpecialDays({ days }: { days: CalendarDay[] }) {
  const { t, lang } = useI18n();
  if (days.length === 0) return <p>{t.calendar.noSpecialDays}</p>;
  return (
    <ul className="special-days">
      {days.map((d) => (
        <li key={d.date}>
          <span className={`swatch day-${dayKind(d.date, d)}`} aria-hidden="true" />
          <time dateTime={d.date}>{formatDate(d.date)}</time>
          <span className="special-weekday">{t.format.weekdays[weekdayOf(d.date)]}</span>
          <span className="special-name">
            {lang === 'en' && d.nameEn ? d.nameEn : d.name}
            <span className="tag">{d.working ? t.calendar.makeupDay : t.calendar.dayOff}</span>
          </span>
          {d.decision && <span className="special-decision">{d.decision}</span>}
        </li>
      ))}
    </ul>
  );
}

export function CalendarPage() {
  const { t, lang } = useI18n();
  useDocumentTitle(t.calendar.title);
  const { user } = useSession();
  const admin = hasAnyRole(user, ADMIN_ROLES);
  const [params, setParams] = useSearchParams();
  const today = todayIso();
  const asked = Number(params.get('year'));
  const year = Number.isInteger(asked) && asked >= MIN_YEAR && asked <= MAX_YEAR ? asked : Number(today.slice(0, 4));
  const agency = params.get('agency') ?? '';
  const [editing, setEditing] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const agencies = useAsync(() => fetchAgencies(), []);
  // The loaded days remember which calendar they belong to: after an edit the grid stays in place
  // (and keeps focus) while it reloads, but another year or agency waits for its own days.
  const calendarKey = `${year}|${agency}`;
  const days = useAsync(
    (signal) =>
      fetchCalendarDays({ agency: agency || undefined, from: `${year}-01-01`, to: `${year}-12-31` }, signal).then(
        (items) => ({ key: calendarKey, items }),
      ),
    [calendarKey],
  );
  const shown = days.error === null && days.data?.key === calendarKey ? days.data.items : undefined;
  const byDate = useMemo(() => new Map((shown ?? []).map((d) => [d.date, d])), [shown]);

  const go = (changes: { year?: number; agency?: string }) => {
    const next = new URLSearchParams(params);
    if (changes.year !== undefined) next.set('year', String(changes.year));
    if (changes.agency !== undefined) {
      if (changes.agency) next.set('agency', changes.agency);
      else next.delete('agency');
    }
    setNotice(null);
    setParams(next, { replace: true });
  };

  return (
    <>
      <h1>{t.calendar.title}</h1>
      <p className="lead">{t.calendar.intro}</p>
      <section className="card section" aria-labelledby="year-title">
        <div className="calendar-toolbar">
          <div className="year-nav">
            <Button variant="secondary" disabled={year <= MIN_YEAR} onClick={() => go({ year: year - 1 })}>
              <span aria-hidden="true">‹ </span>
              {t.calendar.previousYear}
            </Button>
            <h2 id="year-title" aria-live="polite">
              {t.calendar.year(year)}
            </h2>
            <Button variant="secondary" disabled={year >= MAX_YEAR} onClick={() => go({ year: year + 1 })}>
              {t.calendar.nextYear}
              <span aria-hidden="true"> ›</span>
            </Button>
          </div>
          <Field label={t.calendar.agency} className="calendar-agency">
            {(control) => (
              <select {...control} value={agency} onChange={(e) => go({ agency: e.target.value })}>
                <option value="">{t.calendar.national}</option>
                {agencies.data?.map((a) => (
                  <option key={a.code} value={a.code}>
                    {localName(a, lang)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <Legend />
        {admin && <p className="admin-hint">{t.calendar.adminHint}</p>}
        {notice && <Notice>{notice}</Notice>}
        {days.loading && !shown && <Loading />}
        {days.error !== null && !days.loading && <ErrorMessage error={days.error} onRetry={days.reload} />}
        {shown && (
          <div aria-busy={days.loading}>
            <YearCalendar year={year} days={byDate} today={today} onSelect={admin ? setEditing : undefined} />
            <h3>{t.calendar.specialDays}</h3>
            <SpecialDays days={shown} />
          </div>
        )}
      </section>
      {editing && (
        <DayEditor
          date={editing}
          agency={agency}
          special={byDate.get(editing)}
          onClose={() => setEditing(null)}
          onChanged={(message) => {
            setEditing(null);
            setNotice(message);
            days.reload();
          }}
        />
      )}
      <DeadlineCalculator agencies={agencies.data ?? []} />
    </>
  );
}
