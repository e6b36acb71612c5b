import { Link } from 'react-router';
import { useI18n } from '../../i18n/i18n';
import { useSession } from '../../session/session';
import { useAsync } from '../../lib/useAsync';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { fetchAdminAgencies } from '../../api/adminAgencies';
import { ROLE_CODES, searchUsers, type AdminUser } from '../../api/adminUsers';
import { DataTable } from '../../components/DataTable';
import { Field } from '../../components/Field';
import { Pagination } from '../../components/Pagination';
import { ErrorMessage, Loading } from '../../components/Status';
import { paths } from '../../paths';
import { isAdministrator } from './access';
import { useUrlSearch } from './useUrlSearch';
import { AgencyOptions } from './AgencyOptions';
import { GrantList } from './GrantList';
import { UserStatus } from './UserStatus';

const PAGE_SIZE = 20;

/** Users within the administrator's scope, searched (diacritics optional) and filtered; the query lives in the URL. */
export function UsersPage() {
  const { t } = useI18n();
  const u = t.admin.users;
  useDocumentTitle(u.title);
  const { user } = useSession();
  const { param, q, page, update, text, setText, submit } = useUrlSearch();
  const agency = param('agency');
  const role = param('role');
  const active = param('active');

  const agencies = useAsync((signal) => fetchAdminAgencies(signal), []);
  const results = useAsync(
    (signal) => searchUsers({ q, agency, role, active, page, pageSize: PAGE_SIZE }, signal),
    [q, agency, role, active, page],
  );
  const shown = results.error === null ? results.data : undefined;

  return (
    <>
      <div className="page-head">
        <h1>{u.title}</h1>
        {isAdministrator(user) && (
          <Link className="btn btn-primary" to={paths.admin.newUser}>
            {u.add}
          </Link>
        )}
      </div>
      <form role="search" className="card section admin-filters" onSubmit={submit}>
        <Field label={u.search} hint={u.searchHint} className="filter-wide">
          {(control) => (
            <input
              {...control}
              type="search"
              value={text}
              autoComplete="off"
              placeholder={u.searchPlaceholder}
              onChange={(e) => setText(e.target.value)}
            />
          )}
        </Field>
        <Field label={u.agency}>
          {(control) => (
            <select {...control} value={agency} onChange={(e) => update({ agency: e.target.value })}>
              <option value="">{u.allAgencies}</option>
              <AgencyOptions agencies={agencies.data ?? []} />
            </select>
          )}
        </Field>
        <Field label={u.role}>
          {(control) => (
            <select {...control} value={role} onChange={(e) => update({ role: e.target.value })}>
              <option value="">{u.allRoles}</option>
              {ROLE_CODES.map((r) => (
                <option key={r} value={r}>
                  {t.roles[r]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={u.state}>
          {(control) => (
            <select {...control} value={active} onChange={(e) => update({ active: e.target.value })}>
              <option value="">{u.allStates}</option>
              <option value="true">{u.onlyActive}</option>
              <option value="false">{u.onlyInactive}</option>
            </select>
          )}
        </Field>
      </form>

      <section aria-labelledby="users-title">
        <div className="results-head">
          <h2 id="users-title">{u.listTitle}</h2>
          {results.loading ? (
            <Loading />
          ) : (
            <p className="results-count" role="status">
              {shown ? u.count(shown.total) : ''}
            </p>
          )}
        </div>
        {results.error !== null && !results.loading && <ErrorMessage error={results.error} onRetry={results.reload} />}
        {shown && !results.loading && shown.items.length === 0 && <p className="empty">{u.none}</p>}
        {shown && shown.items.length > 0 && (
          <div className={results.loading ? 'results-stale' : undefined} aria-busy={results.loading}>
            <UserTable users={shown.items} />
            <Pagination
              page={page}
              pageSize={PAGE_SIZE}
              total={shown.total}
              onChange={(n) => update({ page: n > 1 ? String(n) : '' })}
            />
          </div>
        )}
      </section>
    </>
  );
}

function UserTable({ users }: { users: AdminUser[] }) {
  const { t } = useI18n();
  const u = t.admin.users;
  return (
    <DataTable
      caption={u.listTitle}
      captionHidden
      rows={users}
      rowKey={(r) => String(r.id)}
      columns={[
        { header: u.fullName, cell: (r) => <Link to={paths.admin.user(r.id)}>{r.fullName}</Link> },
        { header: u.username, cell: (r) => <span className="code">{r.username}</span> },
        { header: u.roles, cell: (r) => <GrantList grants={r.roles} /> },
        { header: t.admin.status, cell: (r) => <UserStatus user={r} /> },
      ]}
    />
  );
}
