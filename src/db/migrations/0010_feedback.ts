import { sql, type Kysely } from 'kysely';

/**
 * Feedback (docs/quality-index.md): satisfaction ratings of returned dossiers (one per dossier), the
 * one-time rating links sent with the returned result (only their hash is stored), complaints and
 * suggestions (phản ánh, kiến nghị) with their answers, and the settings administrators edit (the
 * complaint deadline, the weights of the service-quality index).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check;
    ALTER TABLE notifications ADD CONSTRAINT notifications_kind_check CHECK (kind IN
      ('due_soon','overdue','received','supplement_requested','apology','result_ready','refused','returned'));

    -- A link sent when the result is returned: the sha256 of the token, never the token itself.
    CREATE TABLE rating_links (
      dossier_id int PRIMARY KEY REFERENCES dossiers(id),
      token_hash text NOT NULL UNIQUE,
      created_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz NOT NULL,
      used_at timestamptz
    );

    -- Đánh giá mức độ hài lòng: one per dossier, attributed to the dossier's agency and its holder
    -- (the unit and officer that held it last), as statistics attribute dossiers.
    CREATE TABLE ratings (
      id serial PRIMARY KEY,
      dossier_id int NOT NULL REFERENCES dossiers(id),
      agency_id int NOT NULL REFERENCES agencies(id),
      procedure_code text NOT NULL,
      unit_id int REFERENCES units(id),
      officer_id int REFERENCES users(id),
      level text NOT NULL CHECK (level IN ('very_satisfied','satisfied','not_satisfied')),
      reasons text[] NOT NULL DEFAULT '{}',
      comment text,
      channel text NOT NULL CHECK (channel IN ('kiosk','portal','link')),
      rated_at timestamptz NOT NULL,
      rated_by int REFERENCES users(id),
      CONSTRAINT ratings_one_per_dossier UNIQUE (dossier_id),
      CHECK (level = 'not_satisfied' OR cardinality(reasons) = 0)
    );
    CREATE INDEX ratings_agency_idx ON ratings (agency_id, rated_at);

    -- Phản ánh, kiến nghị. Contact data is private: only staff of the agency read it.
    CREATE TABLE complaints (
      id serial PRIMARY KEY,
      code text NOT NULL UNIQUE,
      agency_id int NOT NULL REFERENCES agencies(id),
      kind text NOT NULL CHECK (kind IN ('complaint','suggestion')),
      title text NOT NULL,
      content text NOT NULL,
      dossier_code text,
      contact_name text NOT NULL,
      contact_phone text,
      contact_email text,
      channel text NOT NULL CHECK (channel IN ('portal','desk')),
      status text NOT NULL CHECK (status IN ('received','assigned','answered','published')),
      received_at timestamptz NOT NULL,
      received_by int REFERENCES users(id),
      due_at timestamptz NOT NULL,
      assignee_id int REFERENCES users(id),
      assigned_at timestamptz,
      answer text,
      answered_at timestamptz,
      answered_by int REFERENCES users(id),
      public_title text,
      public_content text,
      published_at timestamptz,
      CHECK ((status IN ('answered','published')) = (answered_at IS NOT NULL AND answer IS NOT NULL)),
      CHECK ((status = 'published') = (published_at IS NOT NULL AND public_content IS NOT NULL AND public_title IS NOT NULL)),
      CHECK (status = 'received' OR assignee_id IS NOT NULL)
    );
    CREATE INDEX complaints_agency_idx ON complaints (agency_id, status, received_at);
    CREATE INDEX complaints_published_idx ON complaints (published_at DESC) WHERE status = 'published';

    -- Settings administrators edit through the API (keyed, JSON values, validated by the code).
    CREATE TABLE feedback_settings (
      key text PRIMARY KEY,
      value jsonb NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now(),
      updated_by int REFERENCES users(id)
    );
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only');
}
