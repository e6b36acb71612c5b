import type { RoleCode, User } from '../../api/types';

/** Who sees the administration area: administrators, and inspectors read-only. */
export const ADMIN_AREA_ROLES: readonly RoleCode[] = ['province_admin', 'agency_admin', 'inspector'];
const MANAGING_ROLES: readonly RoleCode[] = ['province_admin', 'agency_admin'];

type TreeEntry = { code: string; parentCode: string | null };

/** The agency followed by its ancestors, as far up as `agencies` reaches. */
export function lineage(agencies: readonly TreeEntry[], code: string): string[] {
  const parentOf = new Map(agencies.map((a) => [a.code, a.parentCode]));
  const out: string[] = [];
  for (let at: string | null | undefined = code; at && !out.includes(at); at = parentOf.get(at)) out.push(at);
  return out;
}

/** Holds an administrator role at all (the server checks each action's scope). */
export function isAdministrator(user: User | null): boolean {
  return !!user && user.roles.some((r) => MANAGING_ROLES.includes(r.role));
}

export function isProvinceAdmin(user: User | null): boolean {
  return !!user && user.roles.some((r) => r.role === 'province_admin');
}

/** A role held in an agency covers its subtree, so the user administers `code` from it or any ancestor. */
export function administers(user: User | null, agencies: readonly TreeEntry[], code: string): boolean {
  if (!user) return false;
  const line = lineage(agencies, code);
  return user.roles.some((r) => MANAGING_ROLES.includes(r.role) && line.includes(r.agency));
}

/** Depth of each agency below the roots of `agencies` (an agency whose parent is absent is a root). */
export function depths(agencies: readonly TreeEntry[]): Map<string, number> {
  const present = new Set(agencies.map((a) => a.code));
  const out = new Map<string, number>();
  // The server lists parents before children, so a parent's depth is known when its child comes.
  for (const a of agencies) {
    const parent = a.parentCode && present.has(a.parentCode) ? a.parentCode : null;
    out.set(a.code, parent ? (out.get(parent) ?? 0) + 1 : 0);
  }
  return out;
}
