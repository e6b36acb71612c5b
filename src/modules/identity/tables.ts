import type { ColumnType, Generated, Selectable } from 'kysely';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Timestamp = ColumnType<Date, Date | string, Date | string>;

/** Administrative levels are data, not code (levels changed on 1/7/2025). */
export interface LevelTable {
  code: string;
  name: string;
  name_en: string;
  sort_order: number;
}

export interface AgencyTable {
  id: Generated<number>;
  /** Electronic identifier (mã định danh), e.g. 000.00.00.H12. */
  code: string;
  name: string;
  name_en: string | null;
  level: string;
  /** people_committee | department | service_center | commune | ward | district */
  kind: string;
  parent_id: number | null;
  /** Materialised path of ids, `/1/5/12/`: the subtree of X is `path LIKE X.path || '%'`. */
  path: string;
  address: string | null;
  phone: string | null;
  active: Generated<boolean>;
  created_at: CreatedAt;
}

export interface UnitTable {
  id: Generated<number>;
  agency_id: number;
  code: string;
  name: string;
  /** desk | specialist | leadership */
  kind: string;
  active: Generated<boolean>;
  created_at: CreatedAt;
}

export interface UserTable {
  id: Generated<number>;
  username: string;
  full_name: string;
  password_hash: string;
  email: string | null;
  phone: string | null;
  active: Generated<boolean>;
  failed_logins: Generated<number>;
  locked_until: Timestamp | null;
  password_changed_at: Timestamp | null;
  created_at: CreatedAt;
}

export interface UserRoleTable {
  id: Generated<number>;
  user_id: number;
  role: string;
  /** The role applies to this agency and its whole subtree. */
  agency_id: number;
  unit_id: number | null;
}

export interface SessionTable {
  id: Generated<number>;
  /** sha256 of the token; the token itself is never stored. */
  token_hash: string;
  user_id: number;
  csrf_token: string;
  created_at: CreatedAt;
  expires_at: Timestamp;
}

export interface AuditLogTable {
  id: Generated<string>;
  at: CreatedAt;
  actor_user_id: number | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  agency_id: number | null;
  data: ColumnType<unknown, string | undefined, never>;
}

export interface IdentityTables {
  levels: LevelTable;
  agencies: AgencyTable;
  units: UnitTable;
  users: UserTable;
  user_roles: UserRoleTable;
  sessions: SessionTable;
  audit_log: AuditLogTable;
}

export type AgencyRow = Selectable<AgencyTable>;
export type UserRow = Selectable<UserTable>;
