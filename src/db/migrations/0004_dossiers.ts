import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE dossiers (
      id serial PRIMARY KEY,
      code text NOT NULL UNIQUE,
      agency_id int NOT NULL REFERENCES agencies(id),
      procedure_id int NOT NULL REFERENCES procedures(id),
      procedure_version_id int NOT NULL REFERENCES procedure_versions(id),
      procedure_code text NOT NULL,
      procedure_name text NOT NULL,
      field_code text NOT NULL,
      channel text NOT NULL CHECK (channel IN ('direct','postal','online')),
      rule_set text NOT NULL CHECK (rule_set IN ('nd61_2018','nd118_2025')),
      deadline_value int NOT NULL CHECK (deadline_value > 0),
      deadline_unit text NOT NULL CHECK (deadline_unit IN ('working_days','working_hours')),
      clock_on_resume text NOT NULL CHECK (clock_on_resume IN ('restart','resume')),
      first_step_seq int,
      applicant_kind text NOT NULL CHECK (applicant_kind IN ('person','organisation')),
      applicant_name text NOT NULL,
      applicant_name_folded text NOT NULL,
      applicant_id_number text NOT NULL,
      applicant_phone text,
      applicant_email text,
      applicant_address text,
      applicant_user_id int REFERENCES users(id),
      fees jsonb NOT NULL,
      fee_total bigint NOT NULL CHECK (fee_total >= 0),
      status text NOT NULL CHECK (status IN
        ('submitted','supplement_requested','in_progress','resolved','returned','withdrawn','refused')),
      version int NOT NULL CHECK (version >= 1),
      received_at timestamptz NOT NULL,
      accepted_at timestamptz,
      due_at timestamptz,
      original_due_at timestamptz,
      resolved_at timestamptz,
      returned_at timestamptz,
      withdrawn_at timestamptz,
      refused_at timestamptz,
      outcome text CHECK (outcome IN ('approved','rejected')),
      current_step_seq int,
      holder_agency_id int NOT NULL REFERENCES agencies(id),
      holder_unit_id int REFERENCES units(id),
      holder_user_id int REFERENCES users(id)
    );
    CREATE INDEX dossiers_agency_status_idx ON dossiers (agency_id, status, received_at);
    CREATE INDEX dossiers_holder_idx ON dossiers (holder_agency_id, status);
    CREATE INDEX dossiers_received_idx ON dossiers (received_at);
    CREATE INDEX dossiers_due_idx ON dossiers (due_at) WHERE due_at IS NOT NULL;
    CREATE INDEX dossiers_procedure_idx ON dossiers (procedure_code);
    CREATE INDEX dossiers_applicant_id_idx ON dossiers (applicant_id_number);
    CREATE INDEX dossiers_applicant_user_idx ON dossiers (applicant_user_id) WHERE applicant_user_id IS NOT NULL;
    CREATE INDEX dossiers_applicant_name_idx ON dossiers USING gin (applicant_name_folded public.gin_trgm_ops);

    CREATE TABLE dossier_components (
      dossier_id int NOT NULL REFERENCES dossiers(id),
      component_id int NOT NULL,
      seq int NOT NULL,
      name text NOT NULL,
      required boolean NOT NULL,
      required_originals int NOT NULL,
      required_copies int NOT NULL,
      originals int NOT NULL CHECK (originals >= 0),
      copies int NOT NULL CHECK (copies >= 0),
      PRIMARY KEY (dossier_id, component_id)
    );

    -- One row per agency and Vietnam day: INSERT … ON CONFLICT DO UPDATE … RETURNING hands out the sequence.
    CREATE TABLE dossier_counters (
      agency_id int NOT NULL REFERENCES agencies(id),
      day text NOT NULL,
      last_seq int NOT NULL,
      PRIMARY KEY (agency_id, day)
    );

    -- The primary key decides races between requests with the same key.
    CREATE TABLE idempotency_keys (
      user_id int NOT NULL REFERENCES users(id),
      key text NOT NULL,
      request_hash text NOT NULL,
      dossier_id int REFERENCES dossiers(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (user_id, key)
    );

    CREATE TABLE dossier_events (
      id bigserial PRIMARY KEY,
      dossier_id int NOT NULL REFERENCES dossiers(id),
      seq int NOT NULL,
      action text NOT NULL,
      from_status text,
      to_status text NOT NULL,
      at timestamptz NOT NULL,
      actor_user_id int NOT NULL REFERENCES users(id),
      actor_role text NOT NULL,
      actor_unit_id int REFERENCES units(id),
      actor_agency_id int REFERENCES agencies(id),
      holder_agency_id int NOT NULL REFERENCES agencies(id),
      holder_unit_id int REFERENCES units(id),
      holder_user_id int REFERENCES users(id),
      comment text,
      data jsonb NOT NULL DEFAULT '{}'::jsonb,
      UNIQUE (dossier_id, seq)
    );
    CREATE INDEX dossier_events_holder_agency_idx ON dossier_events (holder_agency_id);
    CREATE FUNCTION forbid_dossier_event_change() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'dossier_events is append-only' USING ERRCODE = 'insufficient_privilege';
    END $$;
    CREATE TRIGGER dossier_events_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON dossier_events
      FOR EACH STATEMENT EXECUTE FUNCTION forbid_dossier_event_change();

    CREATE TABLE dossier_files (
      id serial PRIMARY KEY,
      dossier_id int REFERENCES dossiers(id),
      event_id bigint REFERENCES dossier_events(id),
      component_id int,
      name text NOT NULL,
      content_type text NOT NULL CHECK (content_type IN ('application/pdf','image/jpeg','image/png')),
      size int NOT NULL CHECK (size > 0),
      sha256 text NOT NULL,
      content bytea NOT NULL,
      uploaded_by int NOT NULL REFERENCES users(id),
      uploaded_at timestamptz NOT NULL DEFAULT now(),
      CHECK ((dossier_id IS NULL) = (event_id IS NULL))
    );
    CREATE INDEX dossier_files_event_idx ON dossier_files (event_id);
    CREATE INDEX dossier_files_staged_idx ON dossier_files (uploaded_by) WHERE event_id IS NULL;
    -- A file attached to the history is part of it: it can no longer change or go.
    CREATE FUNCTION forbid_attached_file_change() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF OLD.event_id IS NOT NULL THEN
        RAISE EXCEPTION 'dossier_files attached to the history are immutable' USING ERRCODE = 'insufficient_privilege';
      END IF;
      RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
    END $$;
    CREATE TRIGGER dossier_files_immutable BEFORE UPDATE OR DELETE ON dossier_files
      FOR EACH ROW EXECUTE FUNCTION forbid_attached_file_change();
    CREATE FUNCTION forbid_file_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'dossier_files cannot be truncated' USING ERRCODE = 'insufficient_privilege';
    END $$;
    CREATE TRIGGER dossier_files_no_truncate BEFORE TRUNCATE ON dossier_files
      FOR EACH STATEMENT EXECUTE FUNCTION forbid_file_truncate();
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only');
}
