import { Link } from 'react-router';
import { useI18n } from '../i18n/i18n';
import { ADMIN_ROLES, hasAnyRole, useSession } from '../session/session';
import { useAsync } from '../lib/useAsync';
import { useDocumentTitle } from '../lib/useDocumentTitle';
import { fetchAgencies } from '../api/catalogue';
import { nameOf } from '../lib/labels';
import { DataTable } from '../components/DataTable';
import { paths } from '../paths';

/** The signed-in officer's landing page: who they are, where they work, what they can open. */
export function StaffHomePage() {
  const { t, lang } = useI18n();
  useDocumentTitle(t.staff.title);
  const { user } = useSession();
  // Agency names are a nicety over the codes the session carries; the codes show until they load.
  const agencies = useAsync(() => fetchAgencies(), []);
  if (!user) return null;

  return (
    <>
      <h1>{t.staff.greeting(user.fullName)}</h1>
      <section className="card section" aria-labelledby="roles-title">
        <h2 id="roles-title">{t.staff.rolesTitle}</h2>
        <DataTable
          caption={t.staff.rolesTitle}
          captionHidden
          rows={user.roles}
          rowKey={(r, i) => `${i}-${r.role}-${r.agency}`}
          columns={[
            { header: t.staff.role, cell: (r) => (lang === 'vi' ? r.roleName : r.roleNameEn) },
            { header: t.staff.agency, cell: (r) => nameOf(agencies.data, r.agency, lang) },
            { header: t.staff.agencyCode, cell: (r) => <span className="code">{r.agency}</span> },
          ]}
        />
      </section>
      <section className="card section" aria-labelledby="actions-title">
        <h2 id="actions-title">{t.staff.actions}</h2>
        <ul className="link-list">
          <li>
            <Link to={paths.changePassword}>{t.staff.changePassword}</Link>
          </li>
          {hasAnyRole(user, ADMIN_ROLES) && (
            <li>
              <Link to={paths.calendar}>{t.staff.manageCalendar}</Link>
            </li>
          )}
        </ul>
      </section>
    </>
  );
}
