import { ADMIN_ROLES, type Role } from '../identity/roles';
import { hasRoleOver, scopePaths, type Principal } from '../identity/rules';

/** National electronic identifier format (mã định danh), e.g. `000.20.01.H40`. */
export const AGENCY_CODE_PATTERN = /^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}$/;

/** Roles that may read the administration lists: administrators and the read-only inspector. */
export const ADMIN_READ_ROLES: Role[] = [...ADMIN_ROLES, 'inspector'];

type TreeNode = { id: number; parentId: number | null; code: string };

/**
 * Depth-first order of the agency tree, siblings by code, so every parent comes before its children.
 * A node whose parent is not in `rows` is treated as a root.
 */
export function treeOrder<T extends TreeNode>(rows: readonly T[]): T[] {
  const ids = new Set(rows.map((r) => r.id));
  const children = new Map<number | null, T[]>();
  for (const r of rows) {
    const key = r.parentId !== null && ids.has(r.parentId) ? r.parentId : null;
    children.set(key, [...(children.get(key) ?? []), r]);
  }
  const out: T[] = [];
  const visit = (parent: number | null) => {
    const kids = (children.get(parent) ?? []).slice().sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
    for (const k of kids) {
      out.push(k);
      visit(k.id);
    }
  };
  visit(null);
  return out;
}

/** A grant as the rules see it: the role and the materialised path of its agency. */
export type GrantScope = { role: Role; agencyPath: string };

/**
 * Whether `actor` may grant (or revoke) `role` in the agency at `agencyPath`: an administrator over
 * that agency, and only a province administrator over it for `province_admin`. So an agency
 * administrator can never grant anything above or beside its own subtree.
 */
export function mayGrant(actor: Principal, role: Role, agencyPath: string): boolean {
  if (!hasRoleOver(actor, ADMIN_ROLES, agencyPath)) return false;
  return role !== 'province_admin' || hasRoleOver(actor, ['province_admin'], agencyPath);
}

/**
 * Whether `actor` may change a user's account (edit, reset password, unlock): only if the actor could
 * have granted every role the user holds, so nobody takes over an account that outranks them.
 */
export function mayManageUser(actor: Principal, grants: readonly GrantScope[]): boolean {
  return grants.length > 0 && grants.every((g) => mayGrant(actor, g.role, g.agencyPath));
}

/** Grants an administrator or inspector can see: those inside their read scope. */
export function visibleGrants<T extends GrantScope>(actor: Principal, grants: readonly T[]): T[] {
  return grants.filter((g) => hasRoleOver(actor, ADMIN_READ_ROLES, g.agencyPath));
}

/** Personal data (email, phone) goes only to administrators in scope of at least one of the user's grants. */
export function seesPersonalData(actor: Principal, grants: readonly GrantScope[]): boolean {
  return grants.some((g) => hasRoleOver(actor, ADMIN_ROLES, g.agencyPath));
}

/** The agency subtrees whose users, units and agencies the actor may read. */
export function readScopePaths(actor: Principal): string[] {
  return scopePaths(actor, ADMIN_READ_ROLES);
}

export type RevokeProblem = 'own_last_admin_role' | 'last_role' | null;

/**
 * Why a grant may not be revoked even by an administrator in scope: nobody removes their own last
 * administrator role (the agency would lose its administrator by accident), and a user keeps at least
 * one role (deactivate the account instead), so every user stays visible to someone.
 */
export function revokeProblem(
  actorUserId: number,
  userId: number,
  grants: readonly (GrantScope & { id: number })[],
  grantId: number,
): RevokeProblem {
  const rest = grants.filter((g) => g.id !== grantId);
  const revoked = grants.find((g) => g.id === grantId);
  if (
    actorUserId === userId &&
    revoked &&
    ADMIN_ROLES.includes(revoked.role) &&
    !rest.some((g) => ADMIN_ROLES.includes(g.role))
  ) {
    return 'own_last_admin_role';
  }
  return rest.length === 0 ? 'last_role' : null;
}

/** Vietnamese phone numbers, mobile or landline, written with or without separators: 0912 345 678, +84 203 3835 555. */
export function normalizePhone(input: string): string | null {
  const compact = input.replace(/[\s.\-()]/g, '');
  return /^(\+84|0)[1-9]\d{8,9}$/.test(compact) ? compact : null;
}

/** Names and addresses as people type them: NFC, single spaces, trimmed. */
export function normalizeText(input: string): string {
  return input.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/** Escapes LIKE wildcards so a search term matches literally. */
export function likeLiteral(term: string): string {
  return term.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** A province administrator administers the whole province, so the role is held at the root agency only. */
export function roleFitsAgency(role: Role, agency: { parentId: number | null }): boolean {
  return role !== 'province_admin' || agency.parentId === null;
}
