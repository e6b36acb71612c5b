import { NavLink } from 'react-router';
import { useI18n } from '../../i18n/i18n';
import { hasAnyRole, useSession } from '../../session/session';
import { paths } from '../../paths';
import { COMPLAINT_ROLES, RESULT_ROLES } from './access';

/**
 * The navigation entries: the public answers for citizens and visitors, the complaint desk and the
 * evaluation for the roles that use them. The kiosk opens from the desk's queue.
 */
export function FeedbackNavLinks() {
  const { t } = useI18n();
  const { user } = useSession();
  const s = t.feedback;
  return (
    <>
      {hasAnyRole(user, COMPLAINT_ROLES) ? (
        <li>
          <NavLink to={paths.complaints}>{s.staff.nav}</NavLink>
        </li>
      ) : (
        <li>
          <NavLink to={paths.publishedComplaints}>{s.complaint.nav}</NavLink>
        </li>
      )}
      {hasAnyRole(user, RESULT_ROLES) && (
        <li>
          <NavLink to={paths.evaluation}>{s.evaluation.nav}</NavLink>
        </li>
      )}
    </>
  );
}
