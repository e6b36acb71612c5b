import { useState, type FormEvent } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { useI18n } from '../../i18n/i18n';
import { useAsync } from '../../lib/useAsync';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { fetchUser, updateUser, type AdminUser, type UserPatch } from '../../api/adminUsers';
import { Button } from '../../components/Button';
import { Field } from '../../components/Field';
import { ErrorMessage, Loading, Notice } from '../../components/Status';
import { paths } from '../../paths';
import { Check } from './Check';
import { UserRoles } from './UserRoles';
import { UserSecurity } from './UserSecurity';
import { UserStatus } from './UserStatus';
import { shownAtField, useAction } from './useAction';

/** One account: details, roles, password and lock, each changeable only if the account does not outrank the admin. */
export function UserPage() {
  const { t } = useI18n();
  const u = t.admin.user;
  const id = Number(useParams().id);
  const location = useLocation();
  const arrived = (location.state as { notice?: string } | null)?.notice;
  const loaded = useAsync((signal) => fetchUser(id, signal), [id]);
  const user = loaded.data;
  useDocumentTitle(user?.fullName ?? u.title);

  return (
    <>
      <p className="back-link">
        <Link to={paths.admin.users}>
          <span aria-hidden="true">← </span>
          {u.backToList}
        </Link>
      </p>
      {!user && loaded.loading && <Loading />}
      {loaded.error !== null && !loaded.loading && <ErrorMessage error={loaded.error} onRetry={loaded.reload} />}
      {user && (
        <>
          <div className="page-head">
            <h1>{user.fullName}</h1>
            <UserStatus user={user} />
          </div>
          <p className="eyebrow">
            {u.username}: <span className="code">{user.username}</span>
          </p>
          {arrived && <Notice>{arrived}</Notice>}
          {!user.canManage && <p className="admin-readonly">{u.viewOnly}</p>}
          <Profile key={`${user.id}`} user={user} onSaved={loaded.reload} />
          <UserRoles user={user} onChanged={loaded.reload} />
          {user.canManage && <UserSecurity user={user} onChanged={loaded.reload} />}
        </>
      )}
    </>
  );
}

const FIELDS = ['fullName', 'email', 'phone', 'active'];

/** The editable texts as the server stored them (normalised names and phone numbers). */
const formValues = (u: AdminUser) => ({ fullName: u.fullName, email: u.email ?? '', phone: u.phone ?? '' });

function Profile({ user, onSaved }: { user: AdminUser; onSaved: () => void }) {
  const { t } = useI18n();
  const u = t.admin.user;
  const [values, setValues] = useState(() => formValues(user));
  const [active, setActive] = useState(user.active);
  const [unchanged, setUnchanged] = useState(false);
  const action = useAction();
  // Personal data comes only to administrators in scope; an inspector sees neither field.
  const personal = user.email !== undefined;

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const orNull = (s: string) => s.trim() || null;
    const patch: UserPatch = {};
    if (values.fullName.trim() !== user.fullName) patch.fullName = values.fullName;
    if (personal && orNull(values.email) !== (user.email ?? null)) patch.email = orNull(values.email);
    if (personal && orNull(values.phone) !== (user.phone ?? null)) patch.phone = orNull(values.phone);
    if (active !== user.active) patch.active = active;
    setUnchanged(Object.keys(patch).length === 0);
    if (Object.keys(patch).length === 0) return action.clear();
    const save = async () => setValues(formValues(await updateUser(user.id, patch)));
    if (await action.run(save, u.saved)) onSaved();
  };

  const text = (name: keyof typeof values, label: string, type = 'text') => (
    <Field label={label} error={action.at(name)} required={name === 'fullName'}>
      {(control) => (
        <input
          {...control}
          type={type}
          value={values[name]}
          readOnly={!user.canManage}
          onChange={(e) => setValues((v) => ({ ...v, [name]: e.target.value }))}
        />
      )}
    </Field>
  );

  return (
    <section className="card section" aria-labelledby="profile-title">
      <h2 id="profile-title">{u.profile}</h2>
      <form className="admin-form" onSubmit={onSubmit} noValidate>
        {action.error !== null && !shownAtField(action.error, FIELDS) && <ErrorMessage error={action.error} />}
        {action.notice && <Notice>{action.notice}</Notice>}
        {unchanged && <Notice>{t.admin.noChanges}</Notice>}
        <div className="form-grid">
          {text('fullName', u.fullName)}
          {personal && text('email', u.email, 'email')}
          {personal && text('phone', u.phone, 'tel')}
        </div>
        <Check
          label={u.activeLabel}
          hint={u.activeHint}
          error={action.at('active')}
          checked={active}
          disabled={!user.canManage}
          onChange={setActive}
        />
        {user.canManage && (
          <div className="form-actions">
            <Button type="submit" busy={action.busy}>
              {t.common.save}
            </Button>
          </div>
        )}
      </form>
    </section>
  );
}
