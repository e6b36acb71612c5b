import { useState, type FormEvent } from 'react';
import { useI18n } from '../i18n/i18n';
import { useDocumentTitle } from '../lib/useDocumentTitle';
import { changePassword } from '../api/auth';
import { ApiError } from '../api/client';
import { Field } from '../components/Field';
import { Button } from '../components/Button';
import { Notice } from '../components/Status';

type FieldName = 'currentPassword' | 'newPassword' | 'confirm';

export function ChangePasswordPage() {
  const { t, errorText } = useI18n();
  useDocumentTitle(t.password.title);
  const [values, setValues] = useState<Record<FieldName, string>>({
    currentPassword: '',
    newPassword: '',
    confirm: '',
  });
  const [errors, setErrors] = useState<Partial<Record<FieldName, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);

  const set = (name: FieldName) => (e: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [name]: e.target.value }));

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setDone(false);
    setFormError(null);
    if (values.newPassword !== values.confirm) {
      setErrors({ confirm: t.password.mismatch });
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      await changePassword(values.currentPassword, values.newPassword);
      setValues({ currentPassword: '', newPassword: '', confirm: '' });
      setDone(true);
    } catch (err) {
      // The server names the field at fault; its message goes under that field, otherwise on top.
      const field = err instanceof ApiError ? err.field : undefined;
      if (field === 'currentPassword' || field === 'newPassword') setErrors({ [field]: errorText(err) });
      else setFormError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  const input = (name: FieldName, autoComplete: string) => (
    <Field
      label={t.password[name === 'currentPassword' ? 'current' : name === 'newPassword' ? 'next' : 'confirm']}
      hint={name === 'newPassword' ? t.password.nextHint : undefined}
      error={errors[name]}
      required
    >
      {(control) => (
        <input {...control} type="password" autoComplete={autoComplete} value={values[name]} onChange={set(name)} />
      )}
    </Field>
  );

  return (
    <div className="narrow">
      <h1>{t.password.title}</h1>
      <p>{t.password.intro}</p>
      <form className="card form" onSubmit={onSubmit}>
        {formError && (
          <p className="status status-error" role="alert">
            {formError}
          </p>
        )}
        {done && <Notice>{t.password.done}</Notice>}
        {input('currentPassword', 'current-password')}
        {input('newPassword', 'new-password')}
        {input('confirm', 'new-password')}
        <div className="form-actions">
          <Button type="submit" busy={busy}>
            {t.password.submit}
          </Button>
        </div>
      </form>
    </div>
  );
}
