import { NavLink } from 'react-router';
import { useI18n } from '../../i18n/i18n';
import { hasAnyRole, useSession } from '../../session/session';
import { paths } from '../../paths';
import { STAFF_ROLES, STEP_ROLES } from './access';

/** The main navigation's dossier entries: the public lookup for everyone, then what the user's roles open. */
export function DossierNavLinks() {
  const { t } = useI18n();
  const { user } = useSession();
  return (
    <>
      <li>
        <NavLink to={paths.lookup}>{t.citizen.lookup.nav}</NavLink>
      </li>
      {hasAnyRole(user, ['reception']) && (
        <li>
          <NavLink to={paths.desk}>{t.desk.nav}</NavLink>
        </li>
      )}
      {hasAnyRole(user, STEP_ROLES) && (
        <li>
          <NavLink to={paths.inbox}>{t.workflow.inbox.nav}</NavLink>
        </li>
      )}
      {hasAnyRole(user, STAFF_ROLES) && (
        <>
          <li>
            <NavLink to={paths.transfers}>{t.workflow.transfers.nav}</NavLink>
          </li>
          <li>
            <NavLink to={paths.dossiers}>{t.dossier.search.nav}</NavLink>
          </li>
        </>
      )}
      {hasAnyRole(user, ['citizen']) && (
        <li>
          <NavLink to={paths.myDossiers}>{t.citizen.mine.nav}</NavLink>
        </li>
      )}
    </>
  );
}
