import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // Shared database: extensions live in `public` and are created once.
  await sql`CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public`.execute(db);
  await sql`CREATE EXTENSION IF NOT EXISTS unaccent WITH SCHEMA public`.execute(db);

  await sql`
    CREATE TABLE levels (
      code text PRIMARY KEY,
      name text NOT NULL,
      name_en text NOT NULL,
      sort_order int NOT NULL
    );
    CREATE TABLE agencies (
      id serial PRIMARY KEY,
      code text NOT NULL UNIQUE,
      name text NOT NULL,
      name_en text,
      level text NOT NULL REFERENCES levels(code),
      kind text NOT NULL,
      parent_id int REFERENCES agencies(id),
      path text NOT NULL,
      address text,
      phone text,
      active boolean NOT NULL DEFAULT true,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX agencies_path_idx ON agencies (path text_pattern_ops);
    CREATE INDEX agencies_parent_idx ON agencies (parent_id);
    CREATE TABLE units (
      id serial PRIMARY KEY,
      agency_id int NOT NULL REFERENCES agencies(id),
      code text NOT NULL,
      name text NOT NULL,
      kind text NOT NULL CHECK (kind IN ('desk','specialist','leadership')),
      active boolean NOT NULL DEFAULT true,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (agency_id, code)
    );
    CREATE TABLE users (
      id serial PRIMARY KEY,
      username text NOT NULL UNIQUE,
      full_name text NOT NULL,
      password_hash text NOT NULL,
      email text,
      phone text,
      active boolean NOT NULL DEFAULT true,
      failed_logins int NOT NULL DEFAULT 0,
      locked_until timestamptz,
      password_changed_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE TABLE user_roles (
      id serial PRIMARY KEY,
      user_id int NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      role text NOT NULL CHECK (role IN ('citizen','reception','specialist','unit_leader','agency_leader','agency_admin','province_admin','inspector')),
      agency_id int NOT NULL REFERENCES agencies(id),
      unit_id int REFERENCES units(id),
      UNIQUE NULLS NOT DISTINCT (user_id, role, agency_id, unit_id)
    );
    CREATE INDEX user_roles_user_idx ON user_roles (user_id);
    CREATE TABLE sessions (
      id serial PRIMARY KEY,
      token_hash text NOT NULL UNIQUE,
      user_id int NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      csrf_token text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz NOT NULL
    );
    CREATE TABLE audit_log (
      id bigserial PRIMARY KEY,
      at timestamptz NOT NULL DEFAULT now(),
      actor_user_id int,
      action text NOT NULL,
      entity_type text NOT NULL,
      entity_id text,
      agency_id int,
      data jsonb NOT NULL DEFAULT '{}'::jsonb
    );
    CREATE INDEX audit_log_entity_idx ON audit_log (entity_type, entity_id);
    -- The audit trail is append-only in the database itself.
    CREATE FUNCTION forbid_audit_change() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = 'insufficient_privilege';
    END $$;
    CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_log
      FOR EACH STATEMENT EXECUTE FUNCTION forbid_audit_change();
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only');
}
