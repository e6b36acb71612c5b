import { api, upload } from './client';
import { fetchProcedure } from './catalogue';
import type { Channel, DossierComponent, Fee, Procedure, RoleCode } from './types';

/** The dossier API (api.md "Dossiers" and src/modules/dossiers/routes.ts). */

export type DossierStatus =
  | 'submitted'
  | 'supplement_requested'
  | 'in_progress'
  | 'paused'
  | 'rejection_proposed'
  | 'resolved'
  | 'returned'
  | 'withdrawn'
  | 'refused';

export type ApplicantKind = 'person' | 'organisation';
export type Applicant = {
  kind: ApplicantKind;
  fullName: string;
  idNumber: string;
  phone: string | null;
  email: string | null;
  address: string | null;
};

export type NamedRef = { code: string; name: string };

export type ComponentCount = { componentId: number; originals: number; copies: number; files?: number[] };

export type IntakeInput = {
  procedure: string;
  agency: string;
  channel: Channel;
  applicant: Applicant;
  components: ComponentCount[];
};

/** A component as the dossier holds it: what the procedure asks for and what was handed in. */
export type HeldComponent = {
  componentId: number;
  name: string;
  required: boolean;
  requiredOriginals: number;
  requiredCopies: number;
  originals: number;
  copies: number;
};

export type FileMeta = {
  id: number;
  name: string;
  contentType: string;
  size: number;
  sha256: string;
  componentId: number | null;
};

export type HistoryEvent = {
  seq: number;
  /** A lifecycle action, or a workflow one the web may not know yet (then `actionName` says it). */
  action: string;
  actionName: string;
  fromStatus: DossierStatus | null;
  toStatus: DossierStatus;
  at: string;
  actor: { id: number; fullName: string; role: RoleCode };
  unit: NamedRef | null;
  agency: NamedRef | null;
  comment: string | null;
  data: Record<string, unknown>;
  files: FileMeta[];
};

/** The law a dossier is handled under, fixed when it was received: Decree 61/2018 or, from 1 July 2025, Decree 118/2025. */
export type RuleSet = 'nd61_2018' | 'nd118_2025';

type DossierHead = {
  code: string;
  status: DossierStatus;
  version: number;
  channel: Channel;
  ruleSet: RuleSet;
  procedure: NamedRef;
  agency: NamedRef;
  receivedAt: string;
  acceptedAt: string | null;
  dueAt: string | null;
  originalDueAt: string | null;
  resolvedAt: string | null;
  returnedAt: string | null;
  withdrawnAt: string | null;
  refusedAt: string | null;
  outcome: 'approved' | 'rejected' | null;
  holder: { agency: NamedRef; unit: NamedRef | null; user: { id: number; fullName: string } | null; name: string };
};

export type Dossier = DossierHead & {
  applicant: Applicant;
  components: HeldComponent[];
  fees: Fee[];
  feeTotal: number;
  history: HistoryEvent[];
};

/** Mẫu 01: giấy tiếp nhận hồ sơ và hẹn trả kết quả. */
export type Receipt = {
  code: string;
  agency: NamedRef & { address: string | null };
  procedure: NamedRef;
  applicant: Applicant;
  channel: Channel;
  components: { name: string; originals: number; copies: number }[];
  fees: Fee[];
  feeTotal: number;
  receivedAt: string;
  acceptedAt: string;
  dueAt: string;
  receivingOfficer: { fullName: string; role: string; unit: NamedRef | null };
};

export type IntakeResult = DossierHead & { receipt: Receipt | null };

export type DossierListItem = {
  code: string;
  status: DossierStatus;
  version: number;
  channel: Channel;
  procedure: NamedRef;
  agency: NamedRef;
  applicantName: string;
  receivedAt: string;
  acceptedAt: string | null;
  dueAt: string | null;
  holder: string;
};

export type DossierQuery = {
  status?: DossierStatus | '';
  code?: string;
  name?: string;
  idNumber?: string;
  procedure?: string;
  from?: string;
  to?: string;
  order?: 'asc' | 'desc';
  page: number;
  pageSize: number;
};

export type DossierPage = { items: DossierListItem[]; total: number; page: number; pageSize: number };

/** The public lookup: no personal data. */
export type PublicDossier = {
  code: string;
  procedure: string;
  status: DossierStatus;
  receivedAt: string;
  dueAt: string | null;
  resolvedAt: string | null;
  holder: string;
};

export type SupplementRequestItem = { componentId: number | null; name: string | null; reason: string };

/** A procedure with the ids of its components, which an intake names. */
export type IntakeProcedure = Procedure & { components: (DossierComponent & { id: number })[] };

const path = (code: string) => `/api/dossiers/${encodeURIComponent(code)}`;

export const fetchIntakeProcedure = (code: string, signal?: AbortSignal) =>
  fetchProcedure(code, signal) as Promise<IntakeProcedure>;

/** A fresh Idempotency-Key (getRandomValues works on plain-HTTP intranets, where randomUUID does not). */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `web-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/** The same key with the same body gives the same dossier: a retry after a lost answer files nothing twice. */
export function createDossier(input: IntakeInput, idempotencyKey: string): Promise<IntakeResult> {
  return api('/api/dossiers', { method: 'POST', body: input, headers: { 'idempotency-key': idempotencyKey } });
}

export function searchDossiers(query: DossierQuery, signal?: AbortSignal): Promise<DossierPage> {
  return api('/api/dossiers', { query, signal });
}

export function fetchDossier(code: string, signal?: AbortSignal): Promise<Dossier> {
  return api(path(code), { signal });
}

/** A printed form (Mẫu 01–06 of the dossier's rule set) as an A4 PDF, for a link the browser opens with the session cookie. */
export const formPdfUrl = (code: string, form: string) => `${path(code)}/forms/${form}.pdf`;

export function fetchReceipt(code: string, signal?: AbortSignal): Promise<Receipt> {
  return api(`${path(code)}/forms/receipt`, { signal });
}

export function fetchPublicDossier(code: string, signal?: AbortSignal): Promise<PublicDossier> {
  return api(`/api/public/dossiers/${encodeURIComponent(code)}`, { signal });
}

export const fileUrl = (code: string, fileId: number) => `${path(code)}/files/${fileId}`;

export function uploadDossierFile(file: File, signal?: AbortSignal): Promise<FileMeta> {
  const form = new FormData();
  form.append('file', file, file.name);
  return upload('/api/dossier-files', form, signal);
}

/** Every transition carries the version it was decided on; a stale one answers 409 with the current state. */
type Versioned = { version: number };

export const acceptDossier = (code: string, body: Versioned & { comment?: string }) =>
  api<Receipt>(`${path(code)}/accept`, { method: 'POST', body });

export const requestSupplement = (
  code: string,
  body: Versioned & { items: SupplementRequestItem[]; comment?: string },
) => api<unknown>(`${path(code)}/request-supplement`, { method: 'POST', body });

export const refuseDossier = (code: string, body: Versioned & { reason: string }) =>
  api<unknown>(`${path(code)}/refuse`, { method: 'POST', body });

export const withdrawDossier = (code: string, body: Versioned & { reason: string }) =>
  api<Dossier>(`${path(code)}/withdraw`, { method: 'POST', body });

export const resubmitDossier = (code: string, body: Versioned & { components: ComponentCount[]; comment?: string }) =>
  api<Dossier>(`${path(code)}/resubmit`, { method: 'POST', body });
