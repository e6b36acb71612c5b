import { sql, type Kysely } from 'kysely';

/**
 * Statistics (docs/statistics.md): what imported dossiers need in the dossiers table, the invariants
 * the period formulas rely on, the daily aggregate of flows kept by a trigger in the transaction of
 * every change, and the indexes that bound every report query by the period or the backlog.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- The Vietnam calendar day of an instant: UTC+07:00, without daylight saving since 1975 (calendar/dates.ts).
    CREATE FUNCTION statistics_vietnam_day(at timestamptz) RETURNS date LANGUAGE sql IMMUTABLE AS $$
      SELECT ((at AT TIME ZONE 'UTC') + interval '7 hours')::date
    $$;

    ALTER TABLE dossiers
      ADD COLUMN external_id text,
      ADD COLUMN source text NOT NULL DEFAULT 'live' CHECK (source IN ('live','import')),
      ADD COLUMN resolution_timeliness text CHECK (resolution_timeliness IN ('early','on_time','late')),
      ALTER COLUMN applicant_kind DROP NOT NULL,
      ALTER COLUMN applicant_name DROP NOT NULL,
      ALTER COLUMN applicant_name_folded DROP NOT NULL,
      ALTER COLUMN applicant_id_number DROP NOT NULL,
      ALTER COLUMN fees DROP NOT NULL,
      ALTER COLUMN fee_total DROP NOT NULL,
      ADD CONSTRAINT dossiers_external_id_key UNIQUE (external_id),
      ADD CONSTRAINT dossiers_external_id_imported CHECK ((external_id IS NOT NULL) = (source = 'import')),
      -- Historical records carry no applicant or fees; live dossiers keep every guarantee of 0004.
      ADD CONSTRAINT dossiers_live_applicant CHECK (source = 'import' OR (
        applicant_kind IS NOT NULL AND applicant_name IS NOT NULL AND applicant_name_folded IS NOT NULL
        AND applicant_id_number IS NOT NULL AND fees IS NOT NULL AND fee_total IS NOT NULL)),
      -- Whoever writes resolved_at writes reports/rules.ts resolutionTimeliness (classifyResolution against
      -- the original appointment) with it: a result is never left unclassified.
      ADD CONSTRAINT dossiers_resolution_classified CHECK ((resolved_at IS NULL) = (resolution_timeliness IS NULL)),
      -- received − resolved − withdrawn = in progress needs one closing, never before the acceptance.
      ADD CONSTRAINT dossiers_closed_once CHECK (resolved_at IS NULL OR withdrawn_at IS NULL),
      ADD CONSTRAINT dossiers_closed_after_accepted CHECK (COALESCE(resolved_at, withdrawn_at) >= accepted_at);

    -- Flows of each Vietnam day: one row per agency, day, metric and dimension, n dossiers.
    CREATE TABLE statistics_daily (
      agency_id int NOT NULL,
      day date NOT NULL,
      metric text NOT NULL CHECK (metric IN
        ('received','resolved_early','resolved_on_time','resolved_late','withdrawn','refused')),
      channel text NOT NULL,
      field_code text NOT NULL,
      procedure_code text NOT NULL,
      unit_id int,
      officer_id int,
      n int NOT NULL,
      CONSTRAINT statistics_daily_key
        UNIQUE NULLS NOT DISTINCT (agency_id, day, metric, channel, field_code, procedure_code, unit_id, officer_id)
    );

    -- The flows one dossier contributes: the Vietnam day and metric of each of its facts. The one SQL
    -- statement of the counting rules of docs/statistics.md.
    CREATE FUNCTION statistics_facts(
      accepted timestamptz, resolved timestamptz, withdrawn timestamptz, refused timestamptz, timeliness text
    ) RETURNS TABLE (day date, metric text) LANGUAGE sql IMMUTABLE AS $$
      SELECT statistics_vietnam_day(accepted), 'received'
        WHERE accepted IS NOT NULL
      UNION ALL
      SELECT statistics_vietnam_day(resolved), 'resolved_' || timeliness
        WHERE accepted IS NOT NULL AND resolved IS NOT NULL
      UNION ALL
      SELECT statistics_vietnam_day(withdrawn), 'withdrawn'
        WHERE accepted IS NOT NULL AND withdrawn IS NOT NULL
      UNION ALL
      SELECT statistics_vietnam_day(refused), 'refused'
        WHERE refused IS NOT NULL
    $$;

    -- The statement adding the facts of the rows of source (a query giving dossier rows and a sign,
    -- +1 or −1) to the flows. Keys are locked in one order, so concurrent changes wait, not deadlock.
    CREATE FUNCTION statistics_upsert(source text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
      SELECT format($q$
        INSERT INTO statistics_daily AS s
          (agency_id, day, metric, channel, field_code, procedure_code, unit_id, officer_id, n)
        SELECT r.agency_id, f.day, f.metric, r.channel, r.field_code, r.procedure_code,
               r.holder_unit_id, r.holder_user_id, sum(r.sign)
        FROM (%s) r
        CROSS JOIN LATERAL statistics_facts(r.accepted_at, r.resolved_at, r.withdrawn_at, r.refused_at,
                                            r.resolution_timeliness) f
        GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
        HAVING sum(r.sign) <> 0
        ORDER BY 1, 2, 3, 4, 5, 6, 7, 8
        ON CONFLICT ON CONSTRAINT statistics_daily_key DO UPDATE SET n = s.n + excluded.n
      $q$, source)
    $$;

    -- Transition tables are visible to this function's own statements only: it runs the upsert itself.
    CREATE FUNCTION statistics_on_dossier_change() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP = 'INSERT' THEN
        EXECUTE statistics_upsert('SELECT *, 1 AS sign FROM statistics_new');
      ELSIF TG_OP = 'UPDATE' THEN
        EXECUTE statistics_upsert('SELECT *, 1 AS sign FROM statistics_new UNION ALL SELECT *, -1 FROM statistics_old');
      ELSE
        EXECUTE statistics_upsert('SELECT *, -1 AS sign FROM statistics_old');
      END IF;
      RETURN NULL;
    END $$;

    CREATE TRIGGER dossiers_statistics_insert AFTER INSERT ON dossiers
      REFERENCING NEW TABLE AS statistics_new
      FOR EACH STATEMENT EXECUTE FUNCTION statistics_on_dossier_change();
    CREATE TRIGGER dossiers_statistics_update AFTER UPDATE ON dossiers
      REFERENCING OLD TABLE AS statistics_old NEW TABLE AS statistics_new
      FOR EACH STATEMENT EXECUTE FUNCTION statistics_on_dossier_change();
    CREATE TRIGGER dossiers_statistics_delete AFTER DELETE ON dossiers
      REFERENCING OLD TABLE AS statistics_old
      FOR EACH STATEMENT EXECUTE FUNCTION statistics_on_dossier_change();

    DO $$ BEGIN EXECUTE statistics_upsert('SELECT *, 1 AS sign FROM dossiers'); END $$;

    -- Flows in a period, per metric, for the drill-down lists.
    CREATE INDEX dossiers_accepted_idx ON dossiers (agency_id, accepted_at) WHERE accepted_at IS NOT NULL;
    CREATE INDEX dossiers_resolved_idx ON dossiers (agency_id, resolved_at) WHERE resolved_at IS NOT NULL;
    CREATE INDEX dossiers_withdrawn_idx ON dossiers (agency_id, withdrawn_at) WHERE withdrawn_at IS NOT NULL;
    CREATE INDEX dossiers_refused_idx ON dossiers (agency_id, refused_at) WHERE refused_at IS NOT NULL;
    -- Open at an instant T: accepted before T and not closed before T. The range index finds the
    -- backlog at T without reading the dossiers closed long before or received long after.
    CREATE INDEX dossiers_open_idx ON dossiers
      USING gist (tstzrange(accepted_at, COALESCE(resolved_at, withdrawn_at), '(]'))
      WHERE accepted_at IS NOT NULL;
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only');
}
