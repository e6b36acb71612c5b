import type { RoleCode } from '../../api/types';

/** The roles of the server's COMPLAINT_READERS (feedback/complaint-service.ts). */
export const COMPLAINT_ROLES: readonly RoleCode[] = [
  'reception',
  'specialist',
  'unit_leader',
  'agency_leader',
  'agency_admin',
  'province_admin',
  'inspector',
];
/** The readers of results, evaluation and the index (the server's REPORT_ROLES). */
export const RESULT_ROLES: readonly RoleCode[] = [
  'unit_leader',
  'agency_leader',
  'agency_admin',
  'province_admin',
  'inspector',
];
