import type { Migration } from 'kysely';
import * as m0001 from './0001_identity';
import * as m0002 from './0002_catalogue';
import * as m0003 from './0003_calendar';
import * as m0004 from './0004_dossiers';
import * as m0006 from './0006_notifications';
import * as m0008 from './0008_reports';
import * as m0009 from './0009_workflow';
import * as m0010 from './0010_feedback';
import * as m0011 from './0011_form_templates';
import * as m0012 from './0012_statistics_monthly';
import * as m0013 from './0013_ratings_returned_by';
import * as m0014 from './0014_statistics_trigger_static';
import * as m0015 from './0015_intake_numbers_check';
import * as m0016 from './0016_history_reference_checks';
import * as m0017 from './0017_distinct_reference_checks';
import * as m0018 from './0018_intake_counter_moves';

/** Every migration, in order. Names are stable: never rename one that has shipped. */
export const migrations: Record<string, Migration> = {
  '0001_identity': m0001,
  '0002_catalogue': m0002,
  '0003_calendar': m0003,
  '0004_dossiers': m0004,
  '0006_notifications': m0006,
  '0008_reports': m0008,
  '0009_workflow': m0009,
  '0010_feedback': m0010,
  '0011_form_templates': m0011,
  '0012_statistics_monthly': m0012,
  '0013_ratings_returned_by': m0013,
  '0014_statistics_trigger_static': m0014,
  '0015_intake_numbers_check': m0015,
  '0016_history_reference_checks': m0016,
  '0017_distinct_reference_checks': m0017,
  '0018_intake_counter_moves': m0018,
};
