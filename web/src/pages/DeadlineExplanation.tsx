import { useI18n } from '../i18n/i18n';
import type { DeadlineExplanation as Explanation } from '../api/calendar';
import { formatDate, weekdayOf } from '../lib/datetime';

/** The server's reasoning: how the receipt was counted, then each day counted or skipped. */
export function DeadlineExplanation({ explanation: x }: { explanation: Explanation }) {
  const { t, lang } = useI18n();
  const day = (date: string) => `${t.format.weekdays[weekdayOf(date)]}, ${formatDate(date)}`;
  return (
    <div className="explanation">
      <h3>{t.calculator.explanation}</h3>
      <p>{x.summary[lang]}</p>
      {x.receipt.reason && <p>{x.receipt.reason[lang]}</p>}
      <div className="explanation-columns">
        <div>
          <h4>{t.calculator.counted}</h4>
          <ol className="day-list">
            {x.counted.map((c) => (
              <li key={c.date}>
                {day(c.date)}
                {c.minutes !== undefined &&
                  ` (${t.format.duration(Math.round((c.minutes / 60) * 10) / 10, 'working_hours')})`}
              </li>
            ))}
          </ol>
        </div>
        <div>
          <h4>{t.calculator.skipped}</h4>
          {x.skipped.length === 0 ? (
            <p>{t.common.none}</p>
          ) : (
            <ul className="day-list">
              {x.skipped.map((s) => (
                <li key={s.date}>{s.reason[lang]}</li>
              ))}
            </ul>
          )}
        </div>
      </div>
    </div>
  );
}
