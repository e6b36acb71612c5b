import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE calendar_days (
      id serial PRIMARY KEY,
      agency_id int REFERENCES agencies(id),
      date date NOT NULL,
      working boolean NOT NULL,
      name text NOT NULL,
      name_en text,
      decision text,
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE NULLS NOT DISTINCT (agency_id, date)
    );
    CREATE INDEX calendar_days_date_idx ON calendar_days (date);
    CREATE TABLE calendar_settings (
      agency_id int PRIMARY KEY REFERENCES agencies(id),
      office_hours jsonb NOT NULL,
      cutoff text NOT NULL CHECK (cutoff ~ '^[0-2][0-9]:[0-5][0-9]$'),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only');
}
