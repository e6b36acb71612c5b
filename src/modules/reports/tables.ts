import type { Generated } from 'kysely';

/**
 * Flows of one Vietnam day (migration 0008): kept by triggers on `dossiers`, added at commit (0012),
 * rolled up by month in `statistics_monthly`; never written by code.
 */
export interface StatisticsDailyTable {
  agency_id: number;
  /** 'YYYY-MM-DD' in Vietnam. */
  day: string;
  /** received | resolved_early | resolved_on_time | resolved_late | withdrawn | refused */
  metric: string;
  channel: string;
  field_code: string;
  procedure_code: string;
  /** The unit and officer holding the dossier (`dossiers.holder_unit_id`, `holder_user_id`). */
  unit_id: number | null;
  officer_id: number | null;
  n: number;
}

/** The columns migration 0008 adds to `dossiers`; queries of this module see them through `withTables`. */
export interface DossierStatisticsColumns {
  /** The identifier in the system an imported dossier came from; null for live dossiers. */
  external_id: string | null;
  source: Generated<'live' | 'import'>;
  /** `resolutionTimeliness` of the result, written with `resolved_at`: early | on_time | late. */
  resolution_timeliness: string | null;
}

export interface ReportTables {
  statistics_daily: StatisticsDailyTable;
}
