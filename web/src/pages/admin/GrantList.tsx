import { useI18n } from '../../i18n/i18n';
import { useAsync } from '../../lib/useAsync';
import { fetchAgencies } from '../../api/catalogue';
import type { AdminGrant } from '../../api/adminUsers';
import { nameOf } from '../../lib/labels';

/** A user's roles in one cell: role in the chosen language, at which agency. */
export function GrantList({ grants }: { grants: AdminGrant[] }) {
  const { t, lang } = useI18n();
  const agencies = useAsync(() => fetchAgencies(), []);
  return (
    <ul className="grant-list">
      {grants.map((g) => (
        <li key={g.id}>
          {t.admin.users.grantText(t.roles[g.role], nameOf(agencies.data, g.agency, lang, g.agencyName))}
        </li>
      ))}
    </ul>
  );
}
