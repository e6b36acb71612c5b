import { api } from './client';
import type { Agency, List } from './types';

export type AgencyKind = 'people_committee' | 'department' | 'service_center' | 'ward' | 'commune' | 'district';
export type UnitKind = 'desk' | 'specialist' | 'leadership';

export const AGENCY_KINDS: readonly AgencyKind[] = [
  'people_committee',
  'department',
  'service_center',
  'ward',
  'commune',
  'district',
];
export const UNIT_KINDS: readonly UnitKind[] = ['desk', 'specialist', 'leadership'];

/** An agency as administrators see it: inactive ones included, with contact details. */
export type AdminAgency = Agency & { kind: AgencyKind; address: string | null; phone: string | null; active: boolean };

export type Unit = { id: number; agency: string; code: string; name: string; kind: UnitKind; active: boolean };

export type AgencyInput = {
  code: string;
  name: string;
  nameEn?: string;
  level: string;
  kind: AgencyKind;
  parentCode: string;
  address?: string;
  phone?: string;
};

/** `null` clears an optional text; an absent key leaves it as it is. */
export type AgencyPatch = {
  name?: string;
  nameEn?: string | null;
  address?: string | null;
  phone?: string | null;
  active?: boolean;
};

export type UnitInput = { code: string; name: string; kind: UnitKind };
export type UnitPatch = { name?: string; kind?: UnitKind; active?: boolean };

/** The agencies within the signed-in administrator's (or inspector's) scope, parents before children. */
export function fetchAdminAgencies(signal?: AbortSignal): Promise<AdminAgency[]> {
  return api<List<AdminAgency>>('/api/admin/agencies', { signal }).then((r) => r.items);
}

export function createAgency(input: AgencyInput): Promise<AdminAgency> {
  return api('/api/admin/agencies', { method: 'POST', body: input });
}

export function updateAgency(code: string, patch: AgencyPatch): Promise<AdminAgency> {
  return api(`/api/admin/agencies/${encodeURIComponent(code)}`, { method: 'PATCH', body: patch });
}

/** Every unit of the agency, inactive ones included. */
export function fetchUnits(agency: string, signal?: AbortSignal): Promise<Unit[]> {
  return api<List<Unit>>(`/api/admin/agencies/${encodeURIComponent(agency)}/units`, { signal }).then((r) => r.items);
}

export function createUnit(agency: string, input: UnitInput): Promise<Unit> {
  return api(`/api/admin/agencies/${encodeURIComponent(agency)}/units`, { method: 'POST', body: input });
}

export function updateUnit(id: number, patch: UnitPatch): Promise<Unit> {
  return api(`/api/admin/units/${id}`, { method: 'PATCH', body: patch });
}

export type PublicUnit = { code: string; name: string; kind: UnitKind };

// Units change rarely while an editor is open; one request per agency and visit.
const publicUnits = new Map<string, Promise<PublicUnit[]>>();

/**
 * The active units of any active agency, from the public endpoint: a procedure's steps may name units
 * of agencies outside an agency administrator's scope (liên thông).
 */
export function fetchPublicUnits(agency: string): Promise<PublicUnit[]> {
  let pending = publicUnits.get(agency);
  if (!pending) {
    pending = api<{ units: PublicUnit[] }>(`/api/agencies/${encodeURIComponent(agency)}`).then((r) => r.units);
    pending.catch(() => publicUnits.delete(agency));
    publicUnits.set(agency, pending);
  }
  return pending;
}
