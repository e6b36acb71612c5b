import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE fields (
      id serial PRIMARY KEY,
      code text NOT NULL UNIQUE,
      name text NOT NULL,
      name_en text,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE TABLE procedures (
      id serial PRIMARY KEY,
      code text NOT NULL UNIQUE,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    -- Each version holds the whole content announced by one decision; an abolition is a version too.
    CREATE TABLE procedure_versions (
      id serial PRIMARY KEY,
      procedure_id int NOT NULL REFERENCES procedures(id),
      seq int NOT NULL,
      name text NOT NULL,
      search_name text NOT NULL,
      field_id int NOT NULL REFERENCES fields(id),
      level text NOT NULL REFERENCES levels(code),
      all_agencies_of_level boolean NOT NULL,
      result_agency text,
      result_type text,
      deadline_value int NOT NULL CHECK (deadline_value > 0),
      deadline_unit text NOT NULL CHECK (deadline_unit IN ('working_days','working_hours')),
      reduced_deadline_value int CHECK (reduced_deadline_value > 0),
      reduced_deadline_unit text CHECK (reduced_deadline_unit IN ('working_days','working_hours')),
      requirements text,
      legal_basis text[] NOT NULL,
      channels text[] NOT NULL,
      online_level text NOT NULL CHECK (online_level IN ('full','partial','none')),
      clock_on_resume text NOT NULL CHECK (clock_on_resume IN ('restart','resume')),
      decision_number text NOT NULL,
      decision_date date NOT NULL,
      decision_type text NOT NULL CHECK (decision_type IN ('new','amended','replaced','abolished')),
      effective_from date NOT NULL,
      -- The day the next version takes effect: the version is in force on [effective_from, effective_to).
      effective_to date,
      created_by int REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (procedure_id, seq),
      CHECK ((reduced_deadline_value IS NULL) = (reduced_deadline_unit IS NULL)),
      CHECK (effective_to IS NULL OR effective_to > effective_from)
    );
    CREATE INDEX procedure_versions_procedure_idx ON procedure_versions (procedure_id, effective_from);
    CREATE INDEX procedure_versions_in_force_idx ON procedure_versions (effective_from, effective_to);
    CREATE INDEX procedure_versions_search_idx ON procedure_versions USING gin (search_name public.gin_trgm_ops);
    -- Implementing agencies when listed; none and all_agencies_of_level means every agency of the level.
    CREATE TABLE procedure_version_agencies (
      version_id int NOT NULL REFERENCES procedure_versions(id),
      agency_id int NOT NULL REFERENCES agencies(id),
      PRIMARY KEY (version_id, agency_id)
    );
    CREATE INDEX procedure_version_agencies_agency_idx ON procedure_version_agencies (agency_id);
    CREATE TABLE procedure_components (
      id serial PRIMARY KEY,
      version_id int NOT NULL REFERENCES procedure_versions(id),
      seq int NOT NULL,
      name text NOT NULL,
      originals int NOT NULL CHECK (originals >= 0),
      copies int NOT NULL CHECK (copies >= 0),
      required boolean NOT NULL,
      template text,
      UNIQUE (version_id, seq)
    );
    CREATE TABLE procedure_fees (
      id serial PRIMARY KEY,
      version_id int NOT NULL REFERENCES procedure_versions(id),
      seq int NOT NULL,
      name text NOT NULL,
      amount bigint NOT NULL CHECK (amount >= 0),
      note text,
      UNIQUE (version_id, seq)
    );
    CREATE TABLE procedure_steps (
      id serial PRIMARY KEY,
      version_id int NOT NULL REFERENCES procedure_versions(id),
      seq int NOT NULL,
      name text NOT NULL,
      unit_code text NOT NULL,
      role text NOT NULL CHECK (role IN ('reception','specialist','unit_leader','agency_leader')),
      -- Another agency processing this step (liên thông); null: the implementing agency itself.
      agency_id int REFERENCES agencies(id),
      duration_value int NOT NULL CHECK (duration_value > 0),
      duration_unit text NOT NULL CHECK (duration_unit IN ('working_days','working_hours')),
      UNIQUE (version_id, seq)
    );
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only');
}
