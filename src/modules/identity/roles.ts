/** Roles of domain.md. A role is held in an agency and applies to that agency's whole subtree. */
export const ROLES = [
  'citizen',
  'reception', // cán bộ tiếp nhận tại Bộ phận Một cửa
  'specialist', // chuyên viên xử lý
  'unit_leader', // lãnh đạo phòng
  'agency_leader', // lãnh đạo cơ quan (ký)
  'agency_admin',
  'province_admin',
  'inspector', // thanh tra, giám sát: read-only
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_NAMES: Record<Role, { vi: string; en: string }> = {
  citizen: { vi: 'Công dân, tổ chức', en: 'Citizen / business' },
  reception: { vi: 'Cán bộ tiếp nhận', en: 'Reception officer' },
  specialist: { vi: 'Chuyên viên xử lý', en: 'Specialist' },
  unit_leader: { vi: 'Lãnh đạo phòng', en: 'Unit leader' },
  agency_leader: { vi: 'Lãnh đạo cơ quan', en: 'Agency leader' },
  agency_admin: { vi: 'Quản trị cơ quan', en: 'Agency administrator' },
  province_admin: { vi: 'Quản trị tỉnh', en: 'Province administrator' },
  inspector: { vi: 'Thanh tra, giám sát', en: 'Inspector' },
};

/** Roles that may administer agencies, units, users and the catalogue inside their scope. */
export const ADMIN_ROLES: Role[] = ['agency_admin', 'province_admin'];
/** Every officer role (anyone working inside an agency). */
export const STAFF_ROLES: Role[] = ROLES.filter((r) => r !== 'citizen');
