import type { ColumnType, Generated, Selectable } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;

/** One step of an accepted dossier's internal process (migration 0009): the plan and its progress. */
export interface DossierStepTable {
  dossier_id: number;
  seq: number;
  name: string;
  /** The agency processing the step: the receiving agency, or another one for a liên thông step. */
  agency_id: number;
  unit_id: number;
  /** reception | specialist | unit_leader | agency_leader */
  role: string;
  duration_value: number;
  duration_unit: string;
  /** The officer the step is assigned to (specialist steps); desk and leader steps are their unit's. */
  assignee_user_id: number | null;
  started_at: Timestamp | null;
  /** Planned until the step starts, then fixed for that start. */
  due_at: Timestamp;
  completed_at: Timestamp | null;
  completed_by: number | null;
  /** early | on_time | late: of the last completion against the step's due time. */
  timeliness: string | null;
  /** How many times the step was started (a send-back starts it again). */
  visits: Generated<number>;
}

/** Liên thông: a hand-over to another agency and that agency's part, with its own due time and result. */
export interface DossierTransferTable {
  id: Generated<number>;
  dossier_id: number;
  /** The dossier event (its seq) that made the hand-over. */
  event_seq: number;
  from_agency_id: number;
  to_agency_id: number;
  from_step_seq: number;
  to_step_seq: number;
  sent_at: Timestamp;
  sent_by: number;
  /** When the receiving agency's run of steps is due. */
  due_at: Timestamp;
  /** When that run ended: handed on, sent back, or the result made ready there. */
  completed_at: Timestamp | null;
  timeliness: string | null;
}

/** Auto-assignment per agency; an agency without a row follows its nearest ancestor's (default off). */
export interface WorkflowSettingsTable {
  agency_id: number;
  auto_assign: boolean;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface WorkflowTables {
  dossier_steps: DossierStepTable;
  dossier_transfers: DossierTransferTable;
  workflow_settings: WorkflowSettingsTable;
}

export type DossierStepRow = Selectable<DossierStepTable>;
export type DossierTransferRow = Selectable<DossierTransferTable>;
