import { sql, type Kysely } from 'kysely';

/**
 * Downloadable form templates (mẫu đơn, tờ khai) of procedure components, stored once per content
 * (keyed by their sha256): a new version of a procedure links the same file without copying it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE form_templates (
      sha256 text PRIMARY KEY,
      file_name text NOT NULL,
      content_type text NOT NULL,
      size int NOT NULL,
      content bytea NOT NULL,
      uploaded_by int REFERENCES users(id),
      uploaded_at timestamptz NOT NULL DEFAULT now()
    );
    ALTER TABLE procedure_components ADD COLUMN template_sha256 text REFERENCES form_templates(sha256);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE procedure_components DROP COLUMN template_sha256;
    DROP TABLE form_templates;
  `.execute(db);
}
