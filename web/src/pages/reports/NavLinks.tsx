import { NavLink } from 'react-router';
import { useI18n } from '../../i18n/i18n';
import { hasAnyRole, useSession } from '../../session/session';
import { paths } from '../../paths';
import { REPORT_ROLES } from './access';

/** The dashboard in the main navigation, for those who read statistics. */
export function ReportNavLinks() {
  const { t } = useI18n();
  const { user } = useSession();
  if (!hasAnyRole(user, REPORT_ROLES)) return null;
  return (
    <li>
      <NavLink to={paths.reports}>{t.reports.nav}</NavLink>
    </li>
  );
}
