import type { Executor } from '../../db/database';
import { requireRoleOver, scopePaths } from '../../shared/auth';
import { forbidden, notFound } from '../../shared/errors';
import type { Role } from '../identity/roles';
import type { Principal } from '../identity/rules';
import { findAgency, type AgencyRef } from '../reports/store';

/** Who reads feedback results, evaluations and the index: the readers of statistics (reports module). */
export { REPORT_ROLES as RESULT_ROLES } from '../reports/service';

export async function agencyByCode(db: Executor, code: string, field = 'agency'): Promise<AgencyRef> {
  const agency = await findAgency(db, code);
  if (!agency) throw notFound('Agency', 'cơ quan', field);
  return agency;
}

/**
 * The agency subtrees a caller reads: the one asked for (403 outside the caller's) or, without one,
 * every subtree where the caller holds one of `roles`.
 */
export async function scopeOf(
  db: Executor,
  principal: Principal,
  roles: readonly Role[],
  agencyCode: string | undefined,
): Promise<string[]> {
  if (agencyCode) {
    const agency = await agencyByCode(db, agencyCode);
    requireRoleOver(principal, roles, agency.path);
    return [agency.path];
  }
  const paths = scopePaths(principal, roles);
  if (paths.length === 0) throw forbidden();
  return paths;
}
