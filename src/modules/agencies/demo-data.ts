import type { Tx } from '../../db/database';
import { hashPassword } from '../identity/passwords';
import type { Role } from '../identity/roles';

/**
 * The demo province: a provincial service center with department counters and wards/communes with
 * their own one-stop desks, on the two-level model in force since 1/7/2025. Names are real places;
 * the electronic identifier codes follow the national format but are illustrative.
 */
export const DEMO_PASSWORD = 'demo1234';
export const DEMO_USERNAMES = ['admin', 'reception', 'specialist', 'leader'];

export const LEVELS = [
  { code: 'province', name: 'Cấp tỉnh', name_en: 'Province', sort_order: 1 },
  { code: 'district', name: 'Cấp huyện (đến 30/6/2025)', name_en: 'District (until 30/6/2025)', sort_order: 2 },
  { code: 'commune', name: 'Cấp xã', name_en: 'Commune', sort_order: 3 },
];

type UnitSeed = { code: string; name: string; kind: 'desk' | 'specialist' | 'leadership' };
type AgencySeed = {
  code: string;
  name: string;
  nameEn: string;
  level: string;
  kind: string;
  parent?: string;
  address?: string;
  units: UnitSeed[];
};

const DESK: UnitSeed = { code: 'MC', name: 'Bộ phận Một cửa', kind: 'desk' };
const deptUnits = (specialists: string[], leadership = 'Ban Giám đốc Sở'): UnitSeed[] => [
  { code: 'MC', name: 'Bộ phận tiếp nhận và trả kết quả tại Trung tâm Phục vụ hành chính công', kind: 'desk' },
  ...specialists.map((name, i) => ({ code: `P${i + 1}`, name, kind: 'specialist' as const })),
  { code: 'LD', name: leadership, kind: 'leadership' },
];
const communeUnits = (economy: string): UnitSeed[] => [
  { ...DESK, name: 'Trung tâm Phục vụ hành chính công (Bộ phận Một cửa)' },
  { code: 'VHXH', name: 'Phòng Văn hóa - Xã hội', kind: 'specialist' },
  { code: 'KT', name: economy, kind: 'specialist' },
  { code: 'VP', name: 'Văn phòng HĐND và UBND', kind: 'specialist' },
  { code: 'LD', name: 'Lãnh đạo UBND', kind: 'leadership' },
];

export const DEMO_AGENCIES: AgencySeed[] = [
  {
    code: '000.00.00.H40',
    name: 'UBND tỉnh Quảng Ninh',
    nameEn: 'Quang Ninh Provincial People’s Committee',
    level: 'province',
    kind: 'people_committee',
    address: 'Phường Hồng Gai, tỉnh Quảng Ninh',
    units: [
      { code: 'VP', name: 'Văn phòng UBND tỉnh', kind: 'specialist' },
      { code: 'LD', name: 'Lãnh đạo UBND tỉnh', kind: 'leadership' },
    ],
  },
  {
    code: '000.00.01.H40',
    name: 'Trung tâm Phục vụ hành chính công tỉnh Quảng Ninh',
    nameEn: 'Provincial Public Administration Service Center',
    level: 'province',
    kind: 'service_center',
    parent: '000.00.00.H40',
    address: 'Tòa nhà Liên cơ quan số 3, phường Hồng Gai',
    units: [
      { code: 'MC', name: 'Quầy tiếp nhận chung', kind: 'desk' },
      { code: 'LD', name: 'Ban Giám đốc Trung tâm', kind: 'leadership' },
    ],
  },
  {
    code: '000.00.11.H40',
    name: 'Sở Tư pháp',
    nameEn: 'Department of Justice',
    level: 'province',
    kind: 'department',
    parent: '000.00.00.H40',
    units: deptUnits(['Phòng Hành chính tư pháp', 'Phòng Bổ trợ tư pháp', 'Trung tâm Lý lịch tư pháp']),
  },
  {
    code: '000.00.12.H40',
    name: 'Sở Nông nghiệp và Môi trường',
    nameEn: 'Department of Agriculture and Environment',
    level: 'province',
    kind: 'department',
    parent: '000.00.00.H40',
    units: deptUnits(['Văn phòng Đăng ký đất đai', 'Phòng Quản lý đất đai', 'Chi cục Kiểm lâm', 'Phòng Môi trường']),
  },
  {
    code: '000.00.13.H40',
    name: 'Sở Xây dựng',
    nameEn: 'Department of Construction',
    level: 'province',
    kind: 'department',
    parent: '000.00.00.H40',
    units: deptUnits([
      'Phòng Quản lý hoạt động xây dựng',
      'Phòng Quy hoạch - Kiến trúc',
      'Phòng Quản lý nhà và thị trường bất động sản',
    ]),
  },
  {
    code: '000.00.14.H40',
    name: 'Sở Nội vụ',
    nameEn: 'Department of Home Affairs',
    level: 'province',
    kind: 'department',
    parent: '000.00.00.H40',
    units: deptUnits(['Phòng Lao động - Việc làm', 'Phòng Người có công', 'Phòng Tổ chức, biên chế']),
  },
  {
    code: '000.00.15.H40',
    name: 'Sở Văn hóa, Thể thao và Du lịch',
    nameEn: 'Department of Culture, Sports and Tourism',
    level: 'province',
    kind: 'department',
    parent: '000.00.00.H40',
    units: deptUnits(['Phòng Quản lý văn hóa', 'Phòng Quản lý du lịch', 'Phòng Quản lý thể dục thể thao']),
  },
  {
    code: '000.00.16.H40',
    name: 'Sở Tài chính',
    nameEn: 'Department of Finance',
    level: 'province',
    kind: 'department',
    parent: '000.00.00.H40',
    units: deptUnits(['Phòng Đăng ký kinh doanh', 'Phòng Quản lý giá và công sản']),
  },
  {
    code: '000.20.01.H40',
    name: 'UBND phường Hạ Long',
    nameEn: 'Ha Long Ward People’s Committee',
    level: 'commune',
    kind: 'ward',
    parent: '000.00.00.H40',
    address: 'Số 1 đường Nguyễn Văn Cừ, phường Hạ Long',
    units: communeUnits('Phòng Kinh tế, Hạ tầng và Đô thị'),
  },
  {
    code: '000.20.02.H40',
    name: 'UBND phường Bãi Cháy',
    nameEn: 'Bai Chay Ward People’s Committee',
    level: 'commune',
    kind: 'ward',
    parent: '000.00.00.H40',
    address: 'Đường Hạ Long, phường Bãi Cháy',
    units: communeUnits('Phòng Kinh tế, Hạ tầng và Đô thị'),
  },
  {
    code: '000.20.03.H40',
    name: 'UBND phường Cẩm Phả',
    nameEn: 'Cam Pha Ward People’s Committee',
    level: 'commune',
    kind: 'ward',
    parent: '000.00.00.H40',
    units: communeUnits('Phòng Kinh tế, Hạ tầng và Đô thị'),
  },
  {
    code: '000.20.04.H40',
    name: 'UBND xã Quảng La',
    nameEn: 'Quang La Commune People’s Committee',
    level: 'commune',
    kind: 'commune',
    parent: '000.00.00.H40',
    units: communeUnits('Phòng Kinh tế'),
  },
  {
    code: '000.20.05.H40',
    name: 'UBND xã Ba Chẽ',
    nameEn: 'Ba Che Commune People’s Committee',
    level: 'commune',
    kind: 'commune',
    parent: '000.00.00.H40',
    units: communeUnits('Phòng Kinh tế'),
  },
];

type UserSeed = { username: string; fullName: string; roles: { role: Role; agency: string; unit?: string }[] };

const HA_LONG = '000.20.01.H40';
const PROVINCE = '000.00.00.H40';

/** The four documented demo accounts (api.md) plus a realistic staff for every agency. */
export const DEMO_USERS: UserSeed[] = [
  { username: 'admin', fullName: 'Nguyễn Quản Trị', roles: [{ role: 'province_admin', agency: PROVINCE }] },
  { username: 'reception', fullName: 'Trần Thị Thu Hà', roles: [{ role: 'reception', agency: HA_LONG, unit: 'MC' }] },
  { username: 'specialist', fullName: 'Lê Văn Minh', roles: [{ role: 'specialist', agency: HA_LONG, unit: 'VHXH' }] },
  {
    username: 'leader',
    fullName: 'Phạm Quốc Hùng',
    roles: [
      { role: 'unit_leader', agency: HA_LONG, unit: 'VHXH' },
      { role: 'agency_leader', agency: HA_LONG, unit: 'LD' },
    ],
  },
  { username: 'thanhtra', fullName: 'Đỗ Thanh Tâm', roles: [{ role: 'inspector', agency: PROVINCE }] },
  { username: 'congdan', fullName: 'Hoàng Văn An', roles: [{ role: 'citizen', agency: PROVINCE }] },
];

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Ngô', 'Dương', 'Lý'];
const MIDDLE = ['Văn', 'Thị', 'Đức', 'Minh', 'Thu', 'Quang', 'Ngọc', 'Thanh', 'Hữu', 'Thị Kim'];
const GIVEN = [
  'Anh',
  'Bình',
  'Cường',
  'Dung',
  'Giang',
  'Hạnh',
  'Huy',
  'Khánh',
  'Lan',
  'Long',
  'Mai',
  'Nam',
  'Phương',
  'Quyên',
  'Sơn',
  'Thảo',
  'Trang',
  'Tuấn',
  'Việt',
  'Yến',
];

/** Deterministic staff: a receptionist per desk, two specialists and a leader per unit, leaders and an administrator per agency. */
export function generatedStaff(): UserSeed[] {
  const users: UserSeed[] = [];
  let n = 0;
  const name = () => {
    const i = n++;
    return `${FAMILY[i % FAMILY.length]} ${MIDDLE[(i * 7) % MIDDLE.length]} ${GIVEN[(i * 13) % GIVEN.length]}`;
  };
  DEMO_AGENCIES.forEach((a, ai) => {
    const prefix = a.code.split('.').slice(1, 3).join('');
    const add = (suffix: string, roles: UserSeed['roles']) =>
      users.push({ username: `u${prefix}.${suffix}`.toLowerCase(), fullName: name(), roles });
    for (const u of a.units) {
      if (u.kind === 'desk') add(`${u.code}1`, [{ role: 'reception', agency: a.code, unit: u.code }]);
      if (u.kind === 'specialist') {
        add(`${u.code}1`, [{ role: 'specialist', agency: a.code, unit: u.code }]);
        add(`${u.code}2`, [{ role: 'specialist', agency: a.code, unit: u.code }]);
        add(`${u.code}lead`, [{ role: 'unit_leader', agency: a.code, unit: u.code }]);
      }
      if (u.kind === 'leadership') add('lanhdao', [{ role: 'agency_leader', agency: a.code, unit: u.code }]);
    }
    if (ai > 0) add('quantri', [{ role: 'agency_admin', agency: a.code }]);
  });
  return users;
}

/** Inserts levels, agencies with units, and users with their roles. All demo users share DEMO_PASSWORD. */
export async function seedOrganisation(tx: Tx): Promise<void> {
  await tx
    .insertInto('levels')
    .values(LEVELS)
    .onConflict((oc) => oc.column('code').doNothing())
    .execute();
  const agencyIds = new Map<string, { id: number; path: string }>();
  const unitIds = new Map<string, number>();
  for (const a of DEMO_AGENCIES) {
    const parent = a.parent ? agencyIds.get(a.parent) : undefined;
    const row = await tx
      .insertInto('agencies')
      .values({
        code: a.code,
        name: a.name,
        name_en: a.nameEn,
        level: a.level,
        kind: a.kind,
        parent_id: parent?.id ?? null,
        path: '',
        address: a.address ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const path = `${parent?.path ?? '/'}${row.id}/`;
    await tx.updateTable('agencies').set({ path }).where('id', '=', row.id).execute();
    agencyIds.set(a.code, { id: row.id, path });
    for (const u of a.units) {
      const unit = await tx
        .insertInto('units')
        .values({ agency_id: row.id, code: u.code, name: u.name, kind: u.kind })
        .returning('id')
        .executeTakeFirstOrThrow();
      unitIds.set(`${a.code}/${u.code}`, unit.id);
    }
  }
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const u of [...DEMO_USERS, ...generatedStaff()]) {
    const user = await tx
      .insertInto('users')
      .values({ username: u.username, full_name: u.fullName, password_hash: passwordHash })
      .returning('id')
      .executeTakeFirstOrThrow();
    await tx
      .insertInto('user_roles')
      .values(
        u.roles.map((r) => ({
          user_id: user.id,
          role: r.role,
          agency_id: agencyIds.get(r.agency)!.id,
          unit_id: r.unit ? unitIds.get(`${r.agency}/${r.unit}`)! : null,
        })),
      )
      .execute();
  }
}
