import type { ColumnType, Generated, Selectable } from 'kysely';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Json<T> = ColumnType<T, string, string>;

/** Hồ sơ: one application. The lifecycle columns are the replay of `dossier_events` (lifecycle.ts). */
export interface DossierTable {
  id: Generated<number>;
  /** The public key: `<agency code>-<yymmdd>-<daily sequence>`. */
  code: string;
  /** The receiving agency; with `procedure_*` and `field_code` denormalised for statistics. */
  agency_id: number;
  procedure_id: number;
  /** The version in force at receipt: the dossier keeps it. */
  procedure_version_id: number;
  procedure_code: string;
  procedure_name: string;
  field_code: string;
  channel: string;
  /** 'nd61_2018' | 'nd118_2025': the one-stop rules in force at receipt. */
  rule_set: string;
  /** The version's effective deadline and clock policy, copied at receipt. */
  deadline_value: number;
  deadline_unit: string;
  clock_on_resume: string;
  /** The first step of the version's internal process: where an accepted dossier starts. */
  first_step_seq: number | null;
  applicant_kind: string;
  applicant_name: string;
  /** The name folded (no diacritics, lowercase) for search; trigram-indexed. */
  applicant_name_folded: string;
  /** CCCD or tax code, exact-match indexed; shown only to authorised staff and the applicant. */
  applicant_id_number: string;
  applicant_phone: string | null;
  applicant_email: string | null;
  applicant_address: string | null;
  /** The citizen account that filed it online (who may follow and withdraw it). */
  applicant_user_id: number | null;
  /** Fees due, copied from the version: [{name, amount, note}], amounts in đồng. */
  fees: Json<{ name: string; amount: number; note: string | null }[]>;
  fee_total: number;
  status: string;
  version: number;
  received_at: Timestamp;
  accepted_at: Timestamp | null;
  due_at: Timestamp | null;
  original_due_at: Timestamp | null;
  resolved_at: Timestamp | null;
  returned_at: Timestamp | null;
  withdrawn_at: Timestamp | null;
  refused_at: Timestamp | null;
  outcome: string | null;
  current_step_seq: number | null;
  holder_agency_id: number;
  holder_unit_id: number | null;
  holder_user_id: number | null;
}

/** Thành phần hồ sơ: one row per component of the version, with what was received. */
export interface DossierComponentTable {
  dossier_id: number;
  component_id: number;
  seq: number;
  name: string;
  required: boolean;
  required_originals: number;
  required_copies: number;
  originals: number;
  copies: number;
}

/** The daily sequence of dossier codes per receiving agency; `day` is 'YYYY-MM-DD' in Vietnam. */
export interface DossierCounterTable {
  agency_id: number;
  day: string;
  last_seq: number;
}

/** `Idempotency-Key` of an intake, per caller, bound to the hash of the canonical body. */
export interface IdempotencyKeyTable {
  user_id: number;
  key: string;
  request_hash: string;
  dossier_id: number | null;
  created_at: CreatedAt;
}

/** The process control sheet (Mẫu 05): append-only, enforced by a trigger. `seq` equals the version it made. */
export interface DossierEventTable {
  id: Generated<number>;
  dossier_id: number;
  seq: number;
  action: string;
  from_status: string | null;
  to_status: string;
  at: Timestamp;
  actor_user_id: number;
  actor_role: string;
  actor_unit_id: number | null;
  actor_agency_id: number | null;
  holder_agency_id: number;
  holder_unit_id: number | null;
  holder_user_id: number | null;
  comment: string | null;
  data: Json<Record<string, unknown>>;
}

/** Uploaded files: staged by their uploader, then attached to one event, after which they are immutable. */
export interface DossierFileTable {
  id: Generated<number>;
  dossier_id: number | null;
  event_id: number | null;
  component_id: number | null;
  name: string;
  content_type: string;
  size: number;
  sha256: string;
  content: Buffer;
  uploaded_by: number;
  uploaded_at: CreatedAt;
}

export interface DossierTables {
  dossiers: DossierTable;
  dossier_components: DossierComponentTable;
  dossier_counters: DossierCounterTable;
  idempotency_keys: IdempotencyKeyTable;
  dossier_events: DossierEventTable;
  dossier_files: DossierFileTable;
}

export type DossierRow = Selectable<DossierTable>;
export type DossierEventRow = Selectable<DossierEventTable>;
