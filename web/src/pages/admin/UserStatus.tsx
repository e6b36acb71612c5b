import { useI18n } from '../../i18n/i18n';
import type { AdminUser } from '../../api/adminUsers';

/** Active, deactivated, or locked for a while after failed logins, as a badge. */
export function UserStatus({ user }: { user: Pick<AdminUser, 'active' | 'locked'> }) {
  const { t } = useI18n();
  const u = t.admin.users;
  if (!user.active) return <span className="badge badge-inactive">{u.deactivated}</span>;
  if (user.locked) return <span className="badge badge-locked">{u.locked}</span>;
  return <span className="badge badge-active">{u.active}</span>;
}
