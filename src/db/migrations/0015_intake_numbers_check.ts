import { sql, type Kysely } from 'kysely';

/**
 * The check that ends a batch of intakes written in one statement without a transaction around it
 * (dossiers/store.ts `insertNewDossiers` with `counters`): the batch numbered its dossiers from where
 * this process last left the agencies' daily counters, and it fails as a whole when a key or a number
 * was taken meanwhile. The SQLSTATE is serialization_failure: the batch is simply run again the other
 * way, claiming first.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE FUNCTION intake_claims_hold(held boolean) RETURNS boolean LANGUAGE plpgsql AS $$
    BEGIN
      IF NOT held THEN
        RAISE EXCEPTION 'an idempotency key or a daily number of this batch was taken meanwhile'
          USING ERRCODE = 'serialization_failure';
      END IF;
      RETURN true;
    END $$;
  `.execute(db);
}
