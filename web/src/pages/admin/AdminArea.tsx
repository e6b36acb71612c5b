import { NavLink, Outlet } from 'react-router';
import { useI18n } from '../../i18n/i18n';
import { hasAnyRole, useSession } from '../../session/session';
import { paths } from '../../paths';
import { ADMIN_AREA_ROLES, isAdministrator } from './access';

/** The administration area's frame: refuses other officers, names the sections, warns inspectors they only read. */
export function AdminArea() {
  const { t } = useI18n();
  const { user } = useSession();
  if (!hasAnyRole(user, ADMIN_AREA_ROLES)) {
    return (
      <>
        <h1>{t.admin.home.title}</h1>
        <p className="status status-error" role="alert">
          {t.admin.forbidden}
        </p>
      </>
    );
  }
  const sections = [
    [paths.admin.home, t.admin.sections.home, true],
    [paths.admin.agencies, t.admin.sections.agencies, false],
    [paths.admin.users, t.admin.sections.users, false],
    [paths.admin.procedures, t.admin.sections.procedures, false],
  ] as const;
  return (
    <div className="admin">
      <nav className="admin-nav" aria-label={t.admin.areaNav}>
        <ul>
          {sections.map(([to, label, end]) => (
            <li key={to}>
              <NavLink to={to} end={end}>
                {label}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      {!isAdministrator(user) && <p className="admin-readonly">{t.admin.readOnly}</p>}
      <Outlet />
    </div>
  );
}
