import { api } from './client';
import type { ComponentCount, DossierStatus, NamedRef, SupplementRequestItem } from './dossiers';
import type { Duration } from './types';

/** The internal process of a dossier and the walk through it (src/modules/workflow/routes.ts). */

export type StepRole = 'reception' | 'specialist' | 'unit_leader' | 'agency_leader';
export type Timeliness = 'early' | 'on_time' | 'late';
type Person = { id: number; fullName: string };

export type ProcessStep = {
  seq: number;
  name: string;
  agency: NamedRef;
  /** The id matches `RoleGrant.unitId`. */
  unit: NamedRef & { id: number };
  role: StepRole;
  duration: Duration;
  assignee: Person | null;
  current: boolean;
  startedAt: string | null;
  dueAt: string | null;
  completedAt: string | null;
  completedBy: Person | null;
  timeliness: Timeliness | null;
  visits: number;
};

export type DossierProcess = {
  code: string;
  status: DossierStatus;
  version: number;
  currentStepSeq: number | null;
  steps: ProcessStep[];
};

export type InboxItem = {
  code: string;
  version: number;
  status: DossierStatus;
  procedure: NamedRef;
  /** `assign`: a specialist step waiting for its unit leader; `act`: the caller's to do. */
  kind: 'assign' | 'act';
  step: Pick<ProcessStep, 'seq' | 'name' | 'role' | 'agency' | 'unit' | 'startedAt' | 'dueAt'>;
  assignee: Person | null;
  dossierDueAt: string | null;
  overdue: boolean;
  dueSoon: boolean;
};

export type InboxPage = { items: InboxItem[]; total: number; page: number; pageSize: number };

/** A liên thông hand-over: from one agency to another, with the receiving side's due time and result. */
export type Transfer = {
  code: string;
  version: number;
  status: DossierStatus;
  procedure: NamedRef;
  from: NamedRef;
  to: NamedRef;
  fromStep: number;
  toStep: number;
  sentAt: string;
  dueAt: string | null;
  completedAt: string | null;
  timeliness: Timeliness | null;
};
export type TransferQuery = { direction: 'in' | 'out'; status?: 'open' | 'completed'; page: number; pageSize: number };

export function fetchTransfers(
  query: TransferQuery,
  signal?: AbortSignal,
): Promise<{ items: Transfer[]; total: number; page: number; pageSize: number }> {
  return api('/api/workflow/transfers', { query, signal });
}

const path = (code: string) => `/api/dossiers/${encodeURIComponent(code)}`;

export function fetchInbox(query: { page: number; pageSize: number }, signal?: AbortSignal): Promise<InboxPage> {
  return api('/api/workflow/inbox', { query, signal });
}

export function fetchProcess(code: string, signal?: AbortSignal): Promise<DossierProcess> {
  return api(`${path(code)}/process`, { signal });
}

type Versioned = { version: number };

/** Actions with an optional comment: complete the step, sign, mark the result ready, hand it back. */
export type CommentAction = 'forward' | 'approve' | 'result-ready' | 'return';
export const commentAction = (code: string, action: CommentAction, body: Versioned & { comment?: string }) =>
  api<unknown>(`${path(code)}/${action}`, { method: 'POST', body });

/** Actions that need their reason: propose a rejection, or sign it. */
export type ReasonAction = 'propose-rejection' | 'approve-rejection';
export const reasonAction = (code: string, action: ReasonAction, body: Versioned & { reason: string }) =>
  api<unknown>(`${path(code)}/${action}`, { method: 'POST', body });

/** The unit's specialists the unit leader may give the current step to, with the open steps each holds. */
export type Assignees = {
  code: string;
  version: number;
  step: { seq: number; name: string };
  assigneeId: number | null;
  officers: { id: number; fullName: string; openSteps: number }[];
};
export const fetchAssignees = (code: string, signal?: AbortSignal) =>
  api<Assignees>(`${path(code)}/assignees`, { signal });

export const assignStep = (code: string, body: Versioned & { assignee: number; comment?: string }) =>
  api<unknown>(`${path(code)}/assign`, { method: 'POST', body });

export const sendBack = (code: string, body: Versioned & { reason: string; toStep: number }) =>
  api<unknown>(`${path(code)}/send-back`, { method: 'POST', body });

/** A supplement asked during processing: the clock stops until it is handed in. */
export const pauseForSupplement = (
  code: string,
  body: Versioned & { items: SupplementRequestItem[]; comment?: string },
) => api<unknown>(`${path(code)}/pause`, { method: 'POST', body });

export const resumeWithSupplement = (
  code: string,
  body: Versioned & { components: ComponentCount[]; comment?: string },
) => api<unknown>(`${path(code)}/resume`, { method: 'POST', body });
