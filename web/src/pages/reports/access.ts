import type { Agency, RoleCode, User } from '../../api/types';
import { isWithin } from '../dossier/access';

/** Who reads statistics (src/modules/reports/service.ts REPORT_ROLES), each within their agency subtrees. */
export const REPORT_ROLES: readonly RoleCode[] = [
  'unit_leader',
  'agency_leader',
  'agency_admin',
  'province_admin',
  'inspector',
];

/** The agencies a reader may pick: those under an agency where they hold a reporting role, in tree order. */
export function reportAgencies(user: User | null, agencies: readonly Agency[]): Agency[] {
  if (!user) return [];
  const roots = user.roles.filter((g) => REPORT_ROLES.includes(g.role)).map((g) => g.agency);
  return agencies.filter((a) => roots.some((root) => isWithin(agencies, a.code, root)));
}
