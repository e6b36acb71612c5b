import { useState, type FormEvent } from 'react';
import { useI18n } from '../../i18n/i18n';
import { resetPassword, unlockUser, type AdminUser } from '../../api/adminUsers';
import { Button } from '../../components/Button';
import { Field } from '../../components/Field';
import { ErrorMessage, Notice } from '../../components/Status';
import { shownAtField, useAction } from './useAction';

/** Unlocking after failed logins, and setting a new password (which ends the user's sessions). */
export function UserSecurity({ user, onChanged }: { user: AdminUser; onChanged: () => void }) {
  const { t } = useI18n();
  const u = t.admin.user;
  const unlock = useAction();
  const reset = useAction();
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [mismatch, setMismatch] = useState(false);

  const onReset = async (e: FormEvent) => {
    e.preventDefault();
    setMismatch(password !== confirm);
    if (password !== confirm) return reset.clear();
    if (await reset.run(() => resetPassword(user.id, password), u.resetDone)) {
      setPassword('');
      setConfirm('');
    }
  };

  return (
    <section className="card section" aria-labelledby="security-title">
      <h2 id="security-title">{u.securityTitle}</h2>
      <div className="admin-lock">
        <h3>{u.lockTitle}</h3>
        <div aria-live="polite">
          {unlock.notice && <Notice>{unlock.notice}</Notice>}
          {unlock.error !== null && <ErrorMessage error={unlock.error} />}
        </div>
        {user.locked ? (
          <>
            <p className="status status-error">{u.lockedText}</p>
            <Button
              variant="secondary"
              busy={unlock.busy}
              onClick={async () => {
                if (await unlock.run(() => unlockUser(user.id), u.unlocked)) onChanged();
              }}
            >
              {u.unlock}
            </Button>
          </>
        ) : (
          <p>{u.notLocked}</p>
        )}
      </div>
      <form className="admin-form admin-subform" onSubmit={onReset} aria-labelledby="reset-title" noValidate>
        <h3 id="reset-title">{u.resetTitle}</h3>
        <p className="section-hint">{u.resetIntro}</p>
        {reset.error !== null && !shownAtField(reset.error, ['password']) && <ErrorMessage error={reset.error} />}
        {reset.notice && <Notice>{reset.notice}</Notice>}
        <div className="form-grid">
          <Field label={u.newPassword} hint={u.passwordHint} error={reset.at('password')} required>
            {(control) => (
              <input
                {...control}
                type="password"
                autoComplete="new-password"
                value={password}
                onChange={(e) => setPassword(e.target.value)}
              />
            )}
          </Field>
          <Field label={u.confirmPassword} error={mismatch ? u.mismatch : undefined} required>
            {(control) => (
              <input
                {...control}
                type="password"
                autoComplete="new-password"
                value={confirm}
                onChange={(e) => setConfirm(e.target.value)}
              />
            )}
          </Field>
        </div>
        <div className="form-actions">
          <Button type="submit" busy={reset.busy}>
            {u.reset}
          </Button>
        </div>
      </form>
    </section>
  );
}
