import type { Role } from './roles';

export type RoleGrant = { role: Role; agencyId: number; agencyCode: string; agencyPath: string; unitId: number | null };

export type Principal = {
  userId: number;
  username: string;
  fullName: string;
  grants: RoleGrant[];
};

/** True when `agencyPath` lies inside the subtree rooted at `scopePath` (materialised paths). */
export function pathWithin(agencyPath: string, scopePath: string): boolean {
  return agencyPath.startsWith(scopePath);
}

/** Whether the principal holds one of `roles` over the agency with `agencyPath`. */
export function hasRoleOver(p: Principal, roles: readonly Role[], agencyPath: string): boolean {
  return p.grants.some((g) => roles.includes(g.role) && pathWithin(agencyPath, g.agencyPath));
}

/** The agency subtrees (paths) where the principal holds one of `roles`, without nested duplicates. */
export function scopePaths(p: Principal, roles: readonly Role[]): string[] {
  const paths = [...new Set(p.grants.filter((g) => roles.includes(g.role)).map((g) => g.agencyPath))].sort();
  return paths.filter((path) => !paths.some((other) => other !== path && path.startsWith(other)));
}

export type LockState = { failedLogins: number; lockedUntil: Date | null };

/** After `maxFailures` consecutive failures the account is locked for `lockMinutes`. */
export function afterFailedLogin(s: LockState, now: Date, maxFailures: number, lockMinutes: number): LockState {
  const failedLogins = s.failedLogins + 1;
  if (failedLogins >= maxFailures) {
    return { failedLogins: 0, lockedUntil: new Date(now.getTime() + lockMinutes * 60_000) };
  }
  return { failedLogins, lockedUntil: s.lockedUntil };
}

export function isLocked(s: LockState, now: Date): boolean {
  return s.lockedUntil !== null && s.lockedUntil.getTime() > now.getTime();
}
