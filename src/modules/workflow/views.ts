import type { Executor } from '../../db/database';
import { loadDetail } from '../dossiers/detail-store';
import { findDossierById } from '../dossiers/store';
import { detailView, time } from '../dossiers/views';
import type { StepRow } from './store';
import * as store from './store';

type TransferRow = Awaited<ReturnType<typeof store.transfersOf>>[number];

/** One step of the plan: where, who, when it started, was due and was done, and how timely. */
export function stepView(r: StepRow, currentSeq: number | null) {
  return {
    seq: r.seq,
    name: r.name,
    agency: { code: r.agency_code, name: r.agency_name },
    unit: { id: r.unit_id, code: r.unit_code, name: r.unit_name },
    role: r.role,
    duration: { value: r.duration_value, unit: r.duration_unit },
    assignee: r.assignee_user_id === null ? null : { id: r.assignee_user_id, fullName: r.assignee_name },
    current: r.seq === currentSeq,
    startedAt: time(r.started_at),
    dueAt: time(r.due_at),
    completedAt: time(r.completed_at),
    completedBy: r.completed_by === null ? null : { id: r.completed_by, fullName: r.completed_by_name },
    timeliness: r.timeliness,
    visits: r.visits,
  };
}

/** A liên thông part: the hand-over, the receiving agency's due time, and its own result. */
export function transferView(r: TransferRow) {
  return {
    from: { code: r.from_code, name: r.from_name },
    to: { code: r.to_code, name: r.to_name },
    fromStep: r.from_step_seq,
    toStep: r.to_step_seq,
    sentAt: time(r.sent_at),
    dueAt: time(r.due_at),
    completedAt: time(r.completed_at),
    timeliness: r.timeliness,
  };
}

/** The internal process of a dossier: its steps and its liên thông parts. */
export async function processView(db: Executor, dossierId: number, currentSeq: number | null) {
  const [steps, transfers] = await Promise.all([store.loadSteps(db, dossierId), store.transfersOf(db, dossierId)]);
  return { steps: steps.map((s) => stepView(s, currentSeq)), transfers: transfers.map(transferView) };
}

/** What a workflow action answers: the dossier with its history, and its process after the action. */
export async function dossierWithProcess(db: Executor, dossierId: number) {
  const d = await findDossierById(db, dossierId);
  return { ...detailView(await loadDetail(db, d)), process: await processView(db, d.id, d.current_step_seq) };
}
