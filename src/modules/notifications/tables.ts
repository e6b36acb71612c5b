import type { ColumnType, Generated, Selectable } from 'kysely';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** A 'YYYY-MM-DD' `date` column: read back as text (src/db/database.ts). */
type DateText = ColumnType<string, string, never>;

/** In-app notification (thông báo) of one user. */
export interface NotificationTable {
  id: Generated<number>;
  user_id: number;
  kind: string;
  title: string;
  title_en: string;
  body: string;
  body_en: string;
  /** The dossiers it is about, for links in the UI. */
  dossier_codes: ColumnType<string[], string[] | undefined, never>;
  created_at: CreatedAt;
  read_at: Timestamp | null;
}

/** A message to send by email, SMS or Zalo (transactional outbox). */
export interface OutboxMessageTable {
  id: Generated<number>;
  channel: string;
  /** An email address or a phone number: personal data, never logged. */
  recipient: string;
  subject: string | null;
  body: string;
  dossier_id: number | null;
  /** pending | sending (leased) | sent | failed (gave up) | held (no SMTP configured). */
  status: ColumnType<string, string | undefined, string>;
  attempts: ColumnType<number, number | undefined, number>;
  last_error: string | null;
  next_attempt_at: Timestamp;
  /** 'smtp', or the gateway's name ('outbox' for the default gateway). */
  delivered_via: string | null;
  provider_reference: string | null;
  created_at: CreatedAt;
  sent_at: Timestamp | null;
}

/** A job's run for one Vietnam day; the primary key (job, day) lets it happen once. */
export interface ScheduledRunTable {
  job: string;
  day: DateText;
  started_at: Timestamp;
  summary: ColumnType<unknown, string | undefined, string>;
}

export interface NotificationTables {
  notifications: NotificationTable;
  outbox_messages: OutboxMessageTable;
  scheduled_runs: ScheduledRunTable;
}

export type NotificationRow = Selectable<NotificationTable>;
export type OutboxMessageRow = Selectable<OutboxMessageTable>;
