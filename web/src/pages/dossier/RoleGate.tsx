import type { ReactNode } from 'react';
import { useI18n } from '../../i18n/i18n';
import { hasAnyRole, useSession } from '../../session/session';
import type { RoleCode } from '../../api/types';
import { RequireAuth } from '../../session/RequireAuth';

/** A page for some roles only: others are told whom it is for instead of meeting the server's 403s. */
export function RoleGate({ roles, children }: { roles: readonly RoleCode[]; children: ReactNode }) {
  const { t } = useI18n();
  const { user } = useSession();
  if (hasAnyRole(user, roles)) return children;
  return (
    <p className="status status-error" role="alert">
      {t.dossier.roleRequired(roles.map((r) => t.roles[r]).join(', '))}
    </p>
  );
}

/** A route's page for signed-in users, of `roles` only when given. */
export const signedIn = (page: ReactNode, roles?: readonly RoleCode[]) => (
  <RequireAuth>{roles ? <RoleGate roles={roles}>{page}</RoleGate> : page}</RequireAuth>
);
