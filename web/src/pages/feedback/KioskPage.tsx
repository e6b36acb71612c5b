import { useEffect, useState } from 'react';
import { fetchKioskReturns, rateAtKiosk } from '../../api/feedback';
import { Button } from '../../components/Button';
import { ErrorMessage, Loading } from '../../components/Status';
import { useI18n } from '../../i18n/i18n';
import { formatTime } from '../../lib/datetime';
import { useAsync } from '../../lib/useAsync';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useSession } from '../../session/session';
import { RatingForm } from './RatingForm';

/** How often the kiosk looks for results just returned at its desk. */
const REFRESH_MS = 30_000;

/**
 * /kiosk: the rating kiosk of a desk, signed in with a reception account. It lists the results
 * returned there in the last two hours and not rated, by code and procedure only; the applicant taps
 * the code on their receipt and rates with big buttons.
 */
export function KioskPage() {
  const { t, errorText } = useI18n();
  const s = t.feedback.kiosk;
  useDocumentTitle(s.title);
  const { user } = useSession();
  const agencies = [...new Set((user?.roles ?? []).filter((r) => r.role === 'reception').map((r) => r.agency))];
  const [agency, setAgency] = useState(agencies[0] ?? '');
  const [tick, setTick] = useState(0);
  const [chosen, setChosen] = useState<string | null>(null);
  const [thanks, setThanks] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const list = useAsync((signal) => fetchKioskReturns(agency, signal), [agency, tick]);

  useEffect(() => {
    const timer = setInterval(() => setTick((n) => n + 1), REFRESH_MS);
    return () => clearInterval(timer);
  }, []);
  useEffect(() => {
    if (!thanks) return;
    const timer = setTimeout(() => setThanks(false), 5000);
    return () => clearTimeout(timer);
  }, [thanks]);

  return (
    <div className="kiosk">
      <h1>{list.data ? `${s.title} — ${list.data.agency.name}` : s.title}</h1>
      {agencies.length > 1 && (
        <div className="field">
          <label htmlFor="kiosk-agency">{s.chooseAgency}</label>
          <select id="kiosk-agency" value={agency} onChange={(e) => setAgency(e.target.value)}>
            {agencies.map((a) => (
              <option key={a}>{a}</option>
            ))}
          </select>
        </div>
      )}
      {thanks && (
        <p className="status status-success kiosk-thanks" role="status">
          {t.feedback.rating.thanks}
        </p>
      )}
      {error !== null && (
        <p className="status status-error" role="alert">
          {errorText(error)}
        </p>
      )}
      {chosen && list.data ? (
        <section aria-labelledby="kiosk-chosen">
          <h2 id="kiosk-chosen">{t.feedback.link.dossier(chosen)}</h2>
          <RatingForm
            large
            reasons={list.data.reasons}
            onSubmit={async (input) => {
              setError(null);
              try {
                await rateAtKiosk(agency, { ...input, code: chosen });
                setChosen(null);
                setThanks(true);
                setTick((n) => n + 1);
              } catch (err) {
                setError(err);
              }
            }}
          />
          <Button variant="secondary" className="kiosk-back" onClick={() => setChosen(null)}>
            {s.back}
          </Button>
        </section>
      ) : (
        <section aria-labelledby="kiosk-list">
          <p id="kiosk-list" className="lead">
            {s.intro}
          </p>
          {list.loading && !list.data && <Loading />}
          {list.error !== null && <ErrorMessage error={list.error} onRetry={list.reload} />}
          {list.data && list.data.items.length === 0 && <p>{s.empty}</p>}
          <ul className="kiosk-codes">
            {list.data?.items.map((d) => (
              <li key={d.code}>
                <button type="button" className="kiosk-code" onClick={() => setChosen(d.code)}>
                  <span className="kiosk-code-value">{d.code}</span>
                  <span>{d.procedure}</span>
                  {d.returnedAt && <span className="field-hint">{s.returnedAt(formatTime(d.returnedAt))}</span>}
                </button>
              </li>
            ))}
          </ul>
          <Button variant="secondary" onClick={() => setTick((n) => n + 1)}>
            {s.refresh}
          </Button>
        </section>
      )}
    </div>
  );
}
