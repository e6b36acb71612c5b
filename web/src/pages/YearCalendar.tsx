import { useRef, useState, type KeyboardEvent } from 'react';
import { useI18n } from '../i18n/i18n';
import type { CalendarDay } from '../api/types';
import { daysInMonth, formatDate, isoDate, weekdayOf } from '../lib/datetime';

type Props = {
  year: number;
  days: ReadonlyMap<string, CalendarDay>;
  today: string;
  /** Given to administrators: days become buttons that open the editor. */
  onSelect?: (date: string) => void;
};

export type DayKind = 'working' | 'weekend' | 'holiday' | 'makeup';

/** A listed day that is working is always a swap (a make-up Saturday, or a computed day off worked). */
export function dayKind(date: string, special: CalendarDay | undefined): DayKind {
  if (special) return special.working ? 'makeup' : 'holiday';
  return [0, 6].includes(weekdayOf(date)) ? 'weekend' : 'working';
}

/** Rows of seven cells, Monday first as Vietnamese calendars print them; null pads the edges. */
function monthWeeks(year: number, month: number): (string | null)[][] {
  const lead = (weekdayOf(isoDate(year, month, 1)) + 6) % 7;
  const cells: (string | null)[] = Array.from({ length: lead }, () => null);
  for (let d = 1; d <= daysInMonth(year, month); d++) cells.push(isoDate(year, month, d));
  while (cells.length % 7) cells.push(null);
  return Array.from({ length: cells.length / 7 }, (_, i) => cells.slice(i * 7, i * 7 + 7));
}

function shiftDate(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const next = new Date(Date.UTC(y, m - 1, d + days));
  return isoDate(next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate());
}

const KEY_STEPS: Record<string, number> = { ArrowLeft: -1, ArrowRight: 1, ArrowUp: -7, ArrowDown: 7 };

export function YearCalendar({ year, days, today, onSelect }: Props) {
  const { t } = useI18n();
  const grid = useRef<HTMLDivElement>(null);
  const start = today.startsWith(`${year}-`) ? today : isoDate(year, 1, 1);
  const [active, setActive] = useState(start);
  const current = active.startsWith(`${year}-`) ? active : start;

  // One tab stop for the whole year; arrow keys move between days (the grid pattern of WAI-ARIA APG).
  const onKeyDown = (e: KeyboardEvent) => {
    const step = KEY_STEPS[e.key];
    if (step === undefined) return;
    const next = shiftDate(current, step);
    if (!next.startsWith(`${year}-`)) return;
    e.preventDefault();
    setActive(next);
    grid.current?.querySelector<HTMLButtonElement>(`[data-date="${next}"]`)?.focus();
  };

  const describe = (date: string, special: CalendarDay | undefined) => {
    const name = special ? ` — ${special.name} (${special.working ? t.calendar.makeupDay : t.calendar.dayOff})` : '';
    return `${t.format.weekdays[weekdayOf(date)]}, ${formatDate(date)}${name}`;
  };

  return (
    <div className="year-grid" ref={grid} onKeyDown={onSelect ? onKeyDown : undefined}>
      {t.format.months.map((monthName, m) => (
        <table key={monthName} className="month">
          <caption>{monthName}</caption>
          <thead>
            <tr>
              {t.format.weekdaysShort.map((d, i) => (
                <th key={d} scope="col" abbr={t.format.weekdays[(i + 1) % 7]}>
                  {d}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {monthWeeks(year, m + 1).map((week, w) => (
              <tr key={w}>
                {week.map((date, i) => {
                  if (!date) return <td key={`pad-${i}`} className="day-pad" />;
                  const special = days.get(date);
                  const kind = dayKind(date, special);
                  const className = `day day-${kind}${date === today ? ' day-today' : ''}`;
                  const dayNumber = Number(date.slice(8));
                  return (
                    <td key={date} className={className} title={special?.name}>
                      {onSelect ? (
                        <button
                          type="button"
                          data-date={date}
                          tabIndex={date === current ? 0 : -1}
                          aria-label={describe(date, special)}
                          aria-current={date === today ? 'date' : undefined}
                          onFocus={() => setActive(date)}
                          onClick={() => onSelect(date)}
                        >
                          {dayNumber}
                        </button>
                      ) : (
                        <>
                          <span aria-hidden="true">{dayNumber}</span>
                          <span className="visually-hidden">{describe(date, special)}</span>
                        </>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </div>
  );
}
