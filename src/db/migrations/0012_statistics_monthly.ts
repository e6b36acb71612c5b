import { sql, type Kysely } from 'kysely';

/**
 * Yearly statistics at province scale (docs/statistics.md, "Design for province scale"): a monthly
 * roll-up beside the daily aggregate, kept by the same statement, so a year sums twelve months, not
 * 365 days; and the open-interval index carries every column a backlog count reads, so those counts
 * are index-only scans.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- The daily aggregate rolled up by month (the month's first day): same dimensions, same counts.
    CREATE TABLE statistics_monthly (
      agency_id int NOT NULL,
      month date NOT NULL CHECK (month = date_trunc('month', month)::date),
      metric text NOT NULL,
      channel text NOT NULL,
      field_code text NOT NULL,
      procedure_code text NOT NULL,
      unit_id int,
      officer_id int,
      n int NOT NULL,
      CONSTRAINT statistics_monthly_key
        UNIQUE NULLS NOT DISTINCT (agency_id, month, metric, channel, field_code, procedure_code, unit_id, officer_id)
    );

    -- The statement adding the facts of source (dossier rows with a sign, +1 or −1) to both aggregates,
    -- run by the triggers of 0008 and by bulk writers. Keys are locked in one order — the month's rows
    -- (the main statement), then the day's (the WITH part, run after it), each in key order — so
    -- concurrent changes wait for each other rather than deadlock.
    CREATE OR REPLACE FUNCTION statistics_upsert(source text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
      SELECT format($q$
        WITH facts AS (
          SELECT r.agency_id, f.day, f.metric, r.channel, r.field_code, r.procedure_code,
                 r.holder_unit_id AS unit_id, r.holder_user_id AS officer_id, sum(r.sign) AS n
          FROM (%s) r
          CROSS JOIN LATERAL statistics_facts(r.accepted_at, r.resolved_at, r.withdrawn_at, r.refused_at,
                                              r.resolution_timeliness) f
          GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
          HAVING sum(r.sign) <> 0
        ),
        daily AS (
          INSERT INTO statistics_daily AS s
            (agency_id, day, metric, channel, field_code, procedure_code, unit_id, officer_id, n)
          SELECT * FROM facts
          ORDER BY 1, 2, 3, 4, 5, 6, 7, 8
          ON CONFLICT ON CONSTRAINT statistics_daily_key DO UPDATE SET n = s.n + excluded.n
        )
        INSERT INTO statistics_monthly AS s
          (agency_id, month, metric, channel, field_code, procedure_code, unit_id, officer_id, n)
        SELECT agency_id, date_trunc('month', day)::date, metric, channel, field_code, procedure_code,
               unit_id, officer_id, sum(n)
        FROM facts
        GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
        HAVING sum(n) <> 0
        ORDER BY 1, 2, 3, 4, 5, 6, 7, 8
        ON CONFLICT ON CONSTRAINT statistics_monthly_key DO UPDATE SET n = s.n + excluded.n
      $q$, source)
    $$;

    INSERT INTO statistics_monthly (agency_id, month, metric, channel, field_code, procedure_code, unit_id, officer_id, n)
    SELECT agency_id, date_trunc('month', day)::date, metric, channel, field_code, procedure_code, unit_id,
           officer_id, sum(n)
    FROM statistics_daily
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
    HAVING sum(n) <> 0;

    -- Everything a backlog count reads, so it never visits the table: the interval, the appointment,
    -- the scope and every grouping.
    DROP INDEX dossiers_open_idx;
    CREATE INDEX dossiers_open_idx ON dossiers
      USING gist (tstzrange(accepted_at, COALESCE(resolved_at, withdrawn_at), '(]'))
      INCLUDE (accepted_at, resolved_at, withdrawn_at, original_due_at, agency_id, holder_unit_id,
               holder_user_id, field_code, procedure_code, channel)
      WHERE accepted_at IS NOT NULL;
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only');
}
