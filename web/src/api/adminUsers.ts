import { api } from './client';
import type { Page, RoleCode } from './types';

export const ROLE_CODES: readonly RoleCode[] = [
  'reception',
  'specialist',
  'unit_leader',
  'agency_leader',
  'agency_admin',
  'province_admin',
  'inspector',
  'citizen',
];

/** A role held in an agency (and optionally one of its units). */
export type AdminGrant = {
  id: number;
  role: RoleCode;
  roleName: string;
  roleNameEn: string;
  agency: string;
  agencyName: string;
  unitId: number | null;
  unit: string | null;
};

/** A user as an administrator sees them; email and phone only when the server shows personal data. */
export type AdminUser = {
  id: number;
  username: string;
  fullName: string;
  active: boolean;
  /** Locked for a while after repeated failed logins. */
  locked: boolean;
  roles: AdminGrant[];
  /** Whether the signed-in administrator may change this account (it does not outrank them). */
  canManage: boolean;
  email?: string | null;
  phone?: string | null;
};

export type UserQuery = {
  q?: string;
  agency?: string;
  role?: string;
  active?: string;
  page: number;
  pageSize: number;
};

export type GrantInput = { role: RoleCode; agency: string; unitId?: number };

export type UserInput = {
  username: string;
  fullName: string;
  password: string;
  email?: string;
  phone?: string;
  roles: GrantInput[];
};

export type UserPatch = { fullName?: string; email?: string | null; phone?: string | null; active?: boolean };

const userPath = (id: number) => `/api/admin/users/${id}`;

export function searchUsers(query: UserQuery, signal?: AbortSignal): Promise<Page<AdminUser>> {
  return api('/api/admin/users', { query, signal });
}

export function fetchUser(id: number, signal?: AbortSignal): Promise<AdminUser> {
  return api(userPath(id), { signal });
}

export function createUser(input: UserInput): Promise<AdminUser> {
  return api('/api/admin/users', { method: 'POST', body: input });
}

export function updateUser(id: number, patch: UserPatch): Promise<AdminUser> {
  return api(userPath(id), { method: 'PATCH', body: patch });
}

/** Sets a new password; every session of the user ends. */
export function resetPassword(id: number, password: string): Promise<void> {
  return api(`${userPath(id)}/password`, { method: 'PUT', body: { password } });
}

export function unlockUser(id: number): Promise<void> {
  return api(`${userPath(id)}/unlock`, { method: 'POST' });
}

export function grantRole(id: number, grant: GrantInput): Promise<AdminGrant> {
  return api(`${userPath(id)}/roles`, { method: 'POST', body: grant });
}

export function revokeRole(id: number, grantId: number): Promise<void> {
  return api(`${userPath(id)}/roles/${grantId}`, { method: 'DELETE' });
}
