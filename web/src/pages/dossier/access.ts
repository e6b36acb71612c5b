import type { Agency, RoleCode, User } from '../../api/types';
import type { DossierStatus } from '../../api/dossiers';

export const STAFF_ROLES: readonly RoleCode[] = [
  'reception',
  'specialist',
  'unit_leader',
  'agency_leader',
  'agency_admin',
  'province_admin',
  'inspector',
];

/** The roles the steps of an internal process are given to (catalogue-format.md). */
export const STEP_ROLES: readonly RoleCode[] = ['reception', 'specialist', 'unit_leader', 'agency_leader'];

export type LifecycleAction =
  'accept' | 'request_supplement' | 'refuse' | 'resubmit' | 'resume' | 'return' | 'withdraw';

/**
 * The transitions outside the internal process's steps (see stepAccess.ts for those), as
 * src/modules/dossiers/lifecycle.ts allows them: the desk check, supplements, return, withdrawal.
 */
const TRANSITIONS: { action: LifecycleAction; from: readonly DossierStatus[]; roles: readonly RoleCode[] }[] = [
  { action: 'accept', from: ['submitted'], roles: ['reception'] },
  { action: 'request_supplement', from: ['submitted'], roles: ['reception'] },
  { action: 'refuse', from: ['submitted'], roles: ['reception'] },
  { action: 'resubmit', from: ['supplement_requested'], roles: ['citizen', 'reception'] },
  { action: 'resume', from: ['paused'], roles: ['citizen', 'reception'] },
  { action: 'return', from: ['resolved'], roles: ['reception'] },
  {
    action: 'withdraw',
    from: ['submitted', 'supplement_requested', 'in_progress', 'paused', 'rejection_proposed'],
    roles: ['citizen', 'reception'],
  },
];

/** True when `agency` is `root` itself or lies in its subtree. */
export function isWithin(agencies: readonly Agency[], agency: string, root: string): boolean {
  const parentOf = new Map(agencies.map((a) => [a.code, a.parentCode]));
  const seen = new Set<string>();
  for (let at: string | null | undefined = agency; at && !seen.has(at); at = parentOf.get(at)) {
    if (at === root) return true;
    seen.add(at);
  }
  return false;
}

/** A role held in an agency covers its whole subtree (architecture.md, auth). */
export function hasRoleOver(
  user: User | null,
  roles: readonly RoleCode[],
  agency: string,
  agencies: readonly Agency[],
): boolean {
  return !!user && user.roles.some((g) => roles.includes(g.role) && isWithin(agencies, agency, g.agency));
}

/**
 * What the viewer may do with a dossier of `agency` in `status`. A citizen who can open a dossier
 * without staff rights over it filed it. The server decides again when the action is sent.
 */
export function availableActions(
  user: User | null,
  dossier: { status: DossierStatus; agency: string },
  agencies: readonly Agency[],
): LifecycleAction[] {
  if (!user) return [];
  const staff = hasRoleOver(user, STAFF_ROLES, dossier.agency, agencies);
  const applicant = !staff && user.roles.some((g) => g.role === 'citizen');
  return TRANSITIONS.filter(
    (t) =>
      t.from.includes(dossier.status) &&
      t.roles.some((r) => (r === 'citizen' ? applicant : hasRoleOver(user, [r], dossier.agency, agencies))),
  ).map((t) => t.action);
}

/** Officers see the applicant's personal data; the public lookup and the citizen pages do not need it. */
export function isStaffOver(user: User | null, agency: string, agencies: readonly Agency[]): boolean {
  return hasRoleOver(user, STAFF_ROLES, agency, agencies);
}
