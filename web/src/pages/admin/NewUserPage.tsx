import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { useI18n } from '../../i18n/i18n';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { createUser } from '../../api/adminUsers';
import { Button } from '../../components/Button';
import { Field } from '../../components/Field';
import { ErrorMessage } from '../../components/Status';
import { paths } from '../../paths';
import { emptyGrant, GrantFields, grantInput, type GrantDraft } from './GrantFields';
import { shownAtField, useAction } from './useAction';

type TextName = 'username' | 'fullName' | 'password' | 'email' | 'phone';
const FIELDS = [
  'username',
  'fullName',
  'password',
  'email',
  'phone',
  'roles',
  'roles.0.role',
  'roles.0.agency',
  'roles.0.unitId',
];

/** A new account with its first role; more roles are granted on the user's page. */
export function NewUserPage() {
  const { t } = useI18n();
  const u = t.admin.user;
  useDocumentTitle(u.createTitle);
  const navigate = useNavigate();
  const [values, setValues] = useState<Record<TextName, string>>({
    username: '',
    fullName: '',
    password: '',
    email: '',
    phone: '',
  });
  const [grant, setGrant] = useState<GrantDraft>(emptyGrant);
  const action = useAction();

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const optional = (s: string) => s.trim() || undefined;
    let id = 0;
    const ok = await action.run(async () => {
      const created = await createUser({
        username: values.username,
        fullName: values.fullName,
        password: values.password,
        email: optional(values.email),
        phone: optional(values.phone),
        roles: [grantInput(grant)],
      });
      id = created.id;
    });
    if (ok) navigate(paths.admin.user(id), { state: { notice: u.created(values.fullName.trim()) } });
  };

  const text = (name: TextName, label: string, extra: { type?: string; hint?: string; auto?: string } = {}) => (
    <Field
      label={label}
      hint={extra.hint}
      error={action.at(name)}
      required={name === 'username' || name === 'fullName' || name === 'password'}
    >
      {(control) => (
        <input
          {...control}
          type={extra.type ?? 'text'}
          autoComplete={extra.auto ?? 'off'}
          value={values[name]}
          onChange={(e) => setValues((v) => ({ ...v, [name]: e.target.value }))}
        />
      )}
    </Field>
  );

  return (
    <>
      <p className="back-link">
        <Link to={paths.admin.users}>
          <span aria-hidden="true">← </span>
          {u.backToList}
        </Link>
      </p>
      <h1>{u.createTitle}</h1>
      <p className="lead">{u.createIntro}</p>
      <form className="card section admin-form" onSubmit={onSubmit} noValidate>
        {action.error !== null && !shownAtField(action.error, FIELDS) && <ErrorMessage error={action.error} />}
        <fieldset className="admin-fieldset">
          <legend>{u.profile}</legend>
          <div className="form-grid">
            {text('username', u.username, { hint: u.usernameHint })}
            {text('fullName', u.fullName)}
            {text('password', u.password, { type: 'password', hint: u.passwordHint, auto: 'new-password' })}
            {text('email', u.email, { type: 'email' })}
            {text('phone', u.phone, { type: 'tel' })}
          </div>
        </fieldset>
        <fieldset className="admin-fieldset">
          <legend>{u.firstRole}</legend>
          {action.at('roles') && <p className="field-error">{action.at('roles')}</p>}
          <GrantFields value={grant} onChange={setGrant} errorAt={(f) => action.at(`roles.0.${f}`)} />
        </fieldset>
        <div className="form-actions">
          <Button type="submit" busy={action.busy}>
            {u.create}
          </Button>
          <Link className="btn btn-ghost" to={paths.admin.users}>
            {t.common.cancel}
          </Link>
        </div>
      </form>
    </>
  );
}
