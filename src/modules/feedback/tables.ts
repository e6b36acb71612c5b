import type { ColumnType, Generated, Selectable } from 'kysely';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Json<T> = ColumnType<T, string, string>;

/** A one-time rating link (migration 0010): the sha256 of the token sent to the applicant. */
export interface RatingLinkTable {
  dossier_id: number;
  token_hash: string;
  created_at: CreatedAt;
  expires_at: Timestamp;
  used_at: Timestamp | null;
}

/** Đánh giá mức độ hài lòng: one per dossier (unique constraint `ratings_one_per_dossier`). */
export interface RatingTable {
  id: Generated<number>;
  dossier_id: number;
  agency_id: number;
  procedure_code: string;
  /**
   * The officer who returned the result and the unit they returned it for (the `return` event's
   * actor); the dossier's holder when it has no such event (imported).
   */
  unit_id: number | null;
  officer_id: number | null;
  /** very_satisfied | satisfied | not_satisfied */
  level: string;
  /** Codes of RATING_REASONS; only with not_satisfied. */
  reasons: ColumnType<string[], string[] | undefined, never>;
  comment: string | null;
  /** kiosk | portal | link */
  channel: string;
  rated_at: Timestamp;
  /** The account that recorded it (the kiosk's or the citizen's); null for a link. */
  rated_by: number | null;
}

/** Phản ánh, kiến nghị. `contact_*` is personal data: never in public answers or logs. */
export interface ComplaintTable {
  id: Generated<number>;
  code: string;
  agency_id: number;
  kind: string;
  title: string;
  content: string;
  dossier_code: string | null;
  contact_name: string;
  contact_phone: string | null;
  contact_email: string | null;
  channel: string;
  /** received | assigned | answered | published */
  status: string;
  received_at: Timestamp;
  received_by: number | null;
  due_at: Timestamp;
  assignee_id: number | null;
  assigned_at: Timestamp | null;
  answer: string | null;
  answered_at: Timestamp | null;
  answered_by: number | null;
  public_title: string | null;
  /** The question as published: the content without personal data, edited by the publisher. */
  public_content: string | null;
  published_at: Timestamp | null;
}

export interface FeedbackSettingTable {
  key: string;
  value: Json<unknown>;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
  updated_by: number | null;
}

export interface FeedbackTables {
  rating_links: RatingLinkTable;
  ratings: RatingTable;
  complaints: ComplaintTable;
  feedback_settings: FeedbackSettingTable;
}

export type ComplaintRow = Selectable<ComplaintTable>;
