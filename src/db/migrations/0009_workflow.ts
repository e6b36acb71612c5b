import { sql, type Kysely } from 'kysely';

/**
 * The internal process (quy trình nội bộ) of accepted dossiers: one row per step of the procedure
 * version, the hand-overs between agencies (liên thông), the per-agency auto-assignment setting, and
 * the two statuses the walk adds (a supplement request stopping the clock; a proposed rejection).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE dossiers DROP CONSTRAINT dossiers_status_check;
    ALTER TABLE dossiers ADD CONSTRAINT dossiers_status_check CHECK (status IN
      ('submitted','supplement_requested','in_progress','paused','rejection_proposed','resolved','returned',
       'withdrawn','refused'));

    -- The plan of an accepted dossier and its progress. due_at is planned until the step starts, then
    -- fixed (a send-back or a resumed clock starts it again); timeliness is that of its last completion.
    CREATE TABLE dossier_steps (
      dossier_id int NOT NULL REFERENCES dossiers(id),
      seq int NOT NULL CHECK (seq >= 1),
      name text NOT NULL,
      agency_id int NOT NULL REFERENCES agencies(id),
      unit_id int NOT NULL REFERENCES units(id),
      role text NOT NULL CHECK (role IN ('reception','specialist','unit_leader','agency_leader')),
      duration_value int NOT NULL CHECK (duration_value > 0),
      duration_unit text NOT NULL CHECK (duration_unit IN ('working_days','working_hours')),
      assignee_user_id int REFERENCES users(id),
      started_at timestamptz,
      due_at timestamptz NOT NULL,
      completed_at timestamptz,
      completed_by int REFERENCES users(id),
      timeliness text CHECK (timeliness IN ('early','on_time','late')),
      visits int NOT NULL DEFAULT 0 CHECK (visits >= 0),
      PRIMARY KEY (dossier_id, seq),
      CHECK ((completed_at IS NULL) = (timeliness IS NULL)),
      CHECK (completed_at IS NULL OR started_at IS NOT NULL)
    );
    CREATE INDEX dossier_steps_assignee_idx ON dossier_steps (assignee_user_id) WHERE completed_at IS NULL;
    CREATE INDEX dossier_steps_unit_idx ON dossier_steps (unit_id) WHERE completed_at IS NULL;

    -- Liên thông: each hand-over of a dossier to another agency, and that agency's part (its run of
    -- steps) with its own due time and on-time result.
    CREATE TABLE dossier_transfers (
      id serial PRIMARY KEY,
      dossier_id int NOT NULL REFERENCES dossiers(id),
      event_seq int NOT NULL,
      from_agency_id int NOT NULL REFERENCES agencies(id),
      to_agency_id int NOT NULL REFERENCES agencies(id),
      from_step_seq int NOT NULL,
      to_step_seq int NOT NULL,
      sent_at timestamptz NOT NULL,
      sent_by int NOT NULL REFERENCES users(id),
      due_at timestamptz NOT NULL,
      completed_at timestamptz,
      timeliness text CHECK (timeliness IN ('early','on_time','late')),
      UNIQUE (dossier_id, event_seq),
      CHECK (from_agency_id <> to_agency_id),
      CHECK ((completed_at IS NULL) = (timeliness IS NULL))
    );
    CREATE INDEX dossier_transfers_to_idx ON dossier_transfers (to_agency_id, sent_at);
    CREATE INDEX dossier_transfers_from_idx ON dossier_transfers (from_agency_id, sent_at);
    CREATE UNIQUE INDEX dossier_transfers_open_idx ON dossier_transfers (dossier_id) WHERE completed_at IS NULL;

    -- Per agency, inherited down the tree: specialist steps go to the least-loaded officer at once.
    CREATE TABLE workflow_settings (
      agency_id int PRIMARY KEY REFERENCES agencies(id),
      auto_assign boolean NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now()
    );
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only');
}
