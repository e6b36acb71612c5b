import { useState, type FormEvent } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { useI18n } from '../i18n/i18n';
import { useSession } from '../session/session';
import { useDocumentTitle } from '../lib/useDocumentTitle';
import { ApiError } from '../api/client';
import { formatDateTime } from '../lib/datetime';
import { Field } from '../components/Field';
import { Button } from '../components/Button';
import { paths } from '../paths';

/** Where to go after login: the staff page the visitor was sent away from, else the staff home. */
function returnPath(state: unknown): string {
  const from = (state as { from?: unknown } | null)?.from;
  return typeof from === 'string' && from.startsWith('/') && !from.startsWith('//') ? from : paths.staff;
}

export function LoginPage() {
  const { t, errorText } = useI18n();
  useDocumentTitle(t.login.title);
  const { user, login } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  // The server's answer goes in one alert; a field left empty is flagged at the field itself.
  const [error, setError] = useState<unknown>(null);
  const [missing, setMissing] = useState<'username' | 'password' | null>(null);

  if (user && !busy) return <Navigate to={returnPath(location.state)} replace />;

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    if (!username.trim() || !password) {
      setMissing(!username.trim() ? 'username' : 'password');
      return;
    }
    setMissing(null);
    setBusy(true);
    try {
      await login(username.trim(), password);
      navigate(returnPath(location.state), { replace: true });
    } catch (err) {
      setError(err);
      setPassword('');
      setBusy(false);
    }
  };

  // A locked account (HTTP 423) comes with the time it unlocks.
  const until = error instanceof ApiError ? error.details?.lockedUntil : undefined;
  const lockedUntil = typeof until === 'string' ? until : null;

  return (
    <div className="narrow">
      <h1>{t.login.title}</h1>
      <p>{t.login.intro}</p>
      <form className="card form" onSubmit={onSubmit} noValidate>
        {error !== null && (
          <div className="status status-error status-stack" role="alert">
            <p>{errorText(error)}</p>
            {lockedUntil && <p>{t.login.lockedUntil(formatDateTime(lockedUntil))}</p>}
          </div>
        )}
        <Field label={t.login.username} required error={missing === 'username' ? t.login.fillBoth : null}>
          {(control) => (
            <input
              {...control}
              name="username"
              autoComplete="username"
              autoCapitalize="none"
              spellCheck={false}
              value={username}
              onChange={(e) => setUsername(e.target.value)}
            />
          )}
        </Field>
        <Field label={t.login.password} required error={missing === 'password' ? t.login.fillBoth : null}>
          {(control) => (
            <input
              {...control}
              name="password"
              type="password"
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          )}
        </Field>
        <div className="form-actions">
          <Button type="submit" busy={busy}>
            {busy ? t.login.submitting : t.login.submit}
          </Button>
        </div>
      </form>
    </div>
  );
}
