import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Kysely, PostgresDialect, type PostgresPool, type PostgresPoolClient } from 'kysely';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Database } from '../../db/schema';
import { audit, type AuditEvent } from '../../shared/audit';
import type { PlannedDossier } from './plan';
import { dossierRecord, eventRecords, ratingRecords, stepRecords } from './store';

/*
 * The PostgreSQL server's write path of the generator: the same rows as store.ts writeBatch, sent with
 * COPY FROM STDIN (text format) instead of INSERT … SELECT FROM jsonb_to_recordset, which spends most of
 * its time building and taking apart one big JSON document per table. PGlite keeps writeBatch.
 */

const DOSSIER_COLUMNS = [
  'id', 'code', 'agency_id', 'procedure_id', 'procedure_version_id', 'procedure_code', 'procedure_name',
  'field_code', 'channel', 'rule_set', 'deadline_value', 'deadline_unit', 'clock_on_resume', 'first_step_seq',
  'applicant_kind', 'applicant_name', 'applicant_name_folded', 'applicant_id_number', 'applicant_phone',
  'applicant_user_id', 'fees', 'fee_total', 'status', 'version', 'received_at', 'accepted_at', 'due_at',
  'original_due_at', 'resolved_at', 'returned_at', 'withdrawn_at', 'refused_at', 'outcome', 'current_step_seq',
  'holder_agency_id', 'holder_unit_id', 'holder_user_id', 'resolution_timeliness',
] as const; // prettier-ignore
const EVENT_COLUMNS = [
  'dossier_id', 'seq', 'action', 'from_status', 'to_status', 'at', 'actor_user_id', 'actor_role', 'actor_unit_id',
  'actor_agency_id', 'holder_agency_id', 'holder_unit_id', 'holder_user_id', 'data',
] as const; // prettier-ignore
const STEP_COLUMNS = [
  'dossier_id', 'seq', 'name', 'agency_id', 'unit_id', 'role', 'duration_value', 'duration_unit',
  'assignee_user_id', 'started_at', 'due_at', 'completed_at', 'completed_by', 'timeliness', 'visits',
] as const; // prettier-ignore
const RATING_COLUMNS = [
  'dossier_id', 'agency_id', 'procedure_code', 'unit_id', 'officer_id', 'level', 'reasons', 'comment', 'channel',
  'rated_at', 'rated_by',
] as const; // prettier-ignore

const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };
const SPECIAL = /[\\\t\n\r]/;
const escape = (s: string) => (SPECIAL.test(s) ? s.replace(/[\\\t\n\r]/g, (c) => ESCAPES[c]) : s);

/** One value in COPY's text format: \N for null, objects as JSON (the jsonb columns), backslash escapes. */
function field(v: unknown): string {
  if (v === null || v === undefined) return '\\N';
  if (typeof v === 'string') return escape(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return escape(JSON.stringify(v));
}

/** A text[] value: PostgreSQL's array literal, every element quoted. */
const textArray = (xs: string[]) => `{${xs.map((x) => `"${x.replace(/[\\"]/g, '\\$&')}"`).join(',')}}`;

/** The rows of one table in COPY's text format. */
export function copyText<C extends string>(columns: readonly C[], rows: Record<C, unknown>[]): string {
  const last = columns.length - 1;
  let out = '';
  for (const row of rows) {
    for (let i = 0; i < last; i++) out += field(row[columns[i]]) + '\t';
    out += field(row[columns[last]]) + '\n';
  }
  return out;
}

async function copyInto<C extends string>(
  client: pg.PoolClient,
  table: string,
  columns: readonly C[],
  rows: Record<C, unknown>[],
) {
  if (rows.length === 0) return;
  const stream = client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN`));
  await pipeline(Readable.from([copyText(columns, rows)]), stream);
}

/** A Kysely on one client that is already in a transaction, so the audit writer joins that transaction. */
function onClient(client: pg.PoolClient): Kysely<Database> {
  const pool: PostgresPool = {
    connect: async () => ({ query: client.query.bind(client), release: () => undefined }) as PostgresPoolClient,
    end: async () => undefined,
  };
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}

/**
 * Writes a batch as writeBatch does, in one transaction of its own on a connection of `pool`, with the
 * audit record of the batch. The dossiers take their ids from their sequence first, so the histories,
 * steps and ratings can name them without a round trip per row. `bulk` (a superuser's session) writes
 * without the tables' triggers and adds the batch's statistics itself.
 */
export async function copyBatch(
  pool: pg.Pool,
  plans: PlannedDossier[],
  codes: string[],
  auditEvent: AuditEvent,
  bulk: boolean,
): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    // A generated load can be made again from its seed: losing the last batches to a crash of the server
    // costs nothing, so this transaction does not wait for its commit record to reach the disk.
    await client.query('SET LOCAL synchronous_commit = off');
    const { rows } = await client.query<{ id: number }>(
      `SELECT nextval(pg_get_serial_sequence('dossiers', 'id'))::int AS id FROM generate_series(1, $1::int)`,
      [plans.length],
    );
    const ids = rows.map((r) => r.id);
    if (bulk) {
      // Replica mode turns off the triggers of these tables for this transaction only (the other sessions
      // keep them), chosen over ALTER TABLE … DISABLE TRIGGER, which would take an exclusive lock and turn
      // them off for everyone until re-enabled. What that skips, deliberately:
      // - the foreign-key checks, ~50 index probes a dossier (its 6.6 events name dossier, actor, unit and
      //   agency): every id written here comes from the province just loaded or the sequence above;
      // - the append-only trigger of dossier_events, which guards UPDATE and DELETE, not COPY;
      // - the statistics trigger, replaced below by the very statement it runs (statistics_upsert).
      await client.query('SET LOCAL session_replication_role = replica');
    }
    await copyInto(
      client,
      'dossiers',
      DOSSIER_COLUMNS,
      plans.map((p, i) => dossierRecord(p, codes[i], ids[i])),
    );
    await copyInto(
      client,
      'dossier_events',
      EVENT_COLUMNS,
      plans.flatMap((p, i) => eventRecords(p, ids[i])),
    );
    await copyInto(client, 'dossier_steps', STEP_COLUMNS, stepRecords(plans, ids));
    await copyInto(
      client,
      'ratings',
      RATING_COLUMNS,
      ratingRecords(plans, ids).map((r) => ({ ...r, reasons: textArray(r.reasons) })),
    );
    if (bulk) {
      // What dossiers_statistics_insert would have added: statistics_upsert over the batch's rows.
      const { rows } = await client.query<{ q: string }>(
        `SELECT statistics_upsert(format('SELECT *, 1 AS sign FROM dossiers WHERE id = ANY(%L::int[])', $1::text)) AS q`,
        [`{${ids.join(',')}}`],
      );
      await client.query(rows[0].q);
    }
    await audit.record(onClient(client), auditEvent);
    await client.query('COMMIT');
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw e;
  } finally {
    client.release();
  }
}
