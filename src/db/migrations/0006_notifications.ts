import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE notifications (
      id bigserial PRIMARY KEY,
      user_id int NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      kind text NOT NULL CHECK (kind IN
        ('due_soon','overdue','received','supplement_requested','apology','result_ready','refused')),
      title text NOT NULL,
      title_en text NOT NULL,
      body text NOT NULL,
      body_en text NOT NULL,
      dossier_codes text[] NOT NULL DEFAULT '{}',
      created_at timestamptz NOT NULL DEFAULT now(),
      read_at timestamptz
    );
    CREATE INDEX notifications_user_idx ON notifications (user_id, id DESC);
    CREATE INDEX notifications_unread_idx ON notifications (user_id) WHERE read_at IS NULL;

    -- Transactional outbox: written in the transaction of the change that causes the message,
    -- sent after commit by the dispatcher. 'sending' rows are leased until next_attempt_at.
    CREATE TABLE outbox_messages (
      id bigserial PRIMARY KEY,
      channel text NOT NULL CHECK (channel IN ('email','sms','zalo')),
      recipient text NOT NULL,
      subject text,
      body text NOT NULL,
      dossier_id int REFERENCES dossiers(id),
      status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','sending','sent','failed','held')),
      attempts int NOT NULL DEFAULT 0 CHECK (attempts >= 0),
      last_error text,
      next_attempt_at timestamptz NOT NULL,
      delivered_via text,
      provider_reference text,
      created_at timestamptz NOT NULL DEFAULT now(),
      sent_at timestamptz,
      CHECK ((status = 'sent') = (sent_at IS NOT NULL))
    );
    CREATE INDEX outbox_messages_due_idx ON outbox_messages (next_attempt_at, id)
      WHERE status IN ('pending','sending','held');
    CREATE INDEX outbox_messages_dossier_idx ON outbox_messages (dossier_id) WHERE dossier_id IS NOT NULL;

    -- One row per job and Vietnam day: the primary key makes a day's run happen at most once.
    CREATE TABLE scheduled_runs (
      job text NOT NULL,
      day date NOT NULL,
      started_at timestamptz NOT NULL,
      summary jsonb NOT NULL DEFAULT '{}'::jsonb,
      PRIMARY KEY (job, day)
    );
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only');
}
