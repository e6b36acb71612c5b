import { api } from './client';
import type { Page } from './types';

/** Satisfaction ratings, complaints and suggestions, evaluation and the quality index (docs/quality-index.md). */

export type RatingLevel = 'very_satisfied' | 'satisfied' | 'not_satisfied';
export type Reason = { code: string; vi: string; en: string };
export type RatingInput = { level: RatingLevel; reasons?: string[]; comment?: string | null };
export type Rated = { dossier: string; level: RatingLevel; channel: string; ratedAt: string };

export type RatingLink = {
  dossier: { code: string; procedure: string; agency: string; returnedAt: string | null };
  rated: boolean;
  reasons: Reason[];
};

export const fetchRatingLink = (token: string, signal?: AbortSignal) =>
  api<RatingLink>(`/api/public/ratings/${encodeURIComponent(token)}`, { signal });
export const rateByLink = (token: string, body: RatingInput) =>
  api<Rated>(`/api/public/ratings/${encodeURIComponent(token)}`, { method: 'POST', body });
export const rateMyDossier = (code: string, body: RatingInput) =>
  api<Rated>(`/api/dossiers/${encodeURIComponent(code)}/rating`, { method: 'POST', body });

export type KioskReturns = {
  agency: { code: string; name: string };
  items: { code: string; procedure: string; returnedAt: string | null }[];
  reasons: Reason[];
};
export const fetchKioskReturns = (agency: string, signal?: AbortSignal) =>
  api<KioskReturns>(`/api/kiosk/${encodeURIComponent(agency)}/returns`, { signal });
export const rateAtKiosk = (agency: string, body: RatingInput & { code: string }) =>
  api<Rated>(`/api/kiosk/${encodeURIComponent(agency)}/ratings`, { method: 'POST', body });

export type ComplaintKind = 'complaint' | 'suggestion';
export type ComplaintStatus = 'received' | 'assigned' | 'answered' | 'published';
export type ComplaintInput = {
  agency: string;
  kind: ComplaintKind;
  title: string;
  content: string;
  dossierCode?: string | null;
  contact: { fullName: string; phone?: string | null; email?: string | null };
};
export type Submitted = { code: string; status: ComplaintStatus; receivedAt: string; dueAt: string };
export type PublicComplaint = {
  code: string;
  agency: { code: string; name: string };
  kind: ComplaintKind;
  title: string;
  content: string;
  answer: string;
  receivedAt: string;
  answeredAt: string;
  publishedAt: string;
};
type Officer = { username: string; fullName: string } | null;
export type StaffComplaint = {
  code: string;
  agency: { code: string; name: string };
  kind: ComplaintKind;
  title: string;
  channel: 'portal' | 'desk';
  status: ComplaintStatus;
  receivedAt: string;
  dueAt: string;
  overdue: boolean;
  assignee: Officer;
};
export type ComplaintDetail = StaffComplaint & {
  content: string;
  dossierCode: string | null;
  contact: { fullName: string; phone: string | null; email: string | null };
  answer: string | null;
  answeredAt: string | null;
  answeredBy: Officer;
  publicTitle: string | null;
  publicContent: string | null;
  publishedAt: string | null;
  history: { at: string; action: string; actor: string | null }[];
};

export const submitComplaint = (body: ComplaintInput) =>
  api<Submitted>('/api/public/complaints', { method: 'POST', body });
/** A complaint brought to the desk, recorded by its reception officer. */
export const recordComplaint = (body: ComplaintInput) => api<Submitted>('/api/complaints', { method: 'POST', body });
export const fetchPublishedComplaints = (q: { agency?: string; page?: number }, signal?: AbortSignal) =>
  api<Page<PublicComplaint>>('/api/public/complaints', { query: q, signal });
export const fetchComplaints = (q: { status?: ComplaintStatus | ''; page?: number }, signal?: AbortSignal) =>
  api<Page<StaffComplaint>>('/api/complaints', { query: q, signal });
export const fetchComplaint = (code: string, signal?: AbortSignal) =>
  api<ComplaintDetail>(`/api/complaints/${encodeURIComponent(code)}`, { signal });
const complaintAction = (code: string, action: string, body: object) =>
  api<ComplaintDetail>(`/api/complaints/${encodeURIComponent(code)}/${action}`, { method: 'POST', body });
export const assignComplaint = (code: string, assignee: string) => complaintAction(code, 'assign', { assignee });
export const answerComplaint = (code: string, answer: string) => complaintAction(code, 'answer', { answer });
export const publishComplaint = (code: string, body: { title?: string; content?: string }) =>
  complaintAction(code, 'publish', body);

export const QUALITY_COMPONENTS = ['disclosure', 'progress', 'onlineUse', 'digitisation', 'satisfaction'] as const;
export type QualityComponent = (typeof QUALITY_COMPONENTS)[number];
export type QualityRanking = {
  weights: Record<QualityComponent, number>;
  items: {
    rank: number | null;
    agency: { code: string; name: string };
    components: Record<QualityComponent, number | null>;
    index: number | null;
    coverage: number;
  }[];
};
export type EvaluationRow = {
  group: { code: string | null; name: string; agency?: string };
  handled: number;
  onTimeRate: number | null;
  lateCaused: number;
  satisfaction: { total: number; satisfactionRate: number | null };
};
type PeriodQuery = { from: string; to: string; agency?: string };
export const fetchQualityRanking = (q: PeriodQuery, signal?: AbortSignal) =>
  api<QualityRanking>('/api/feedback/quality-index', { query: q, signal });
export const fetchEvaluation = (q: PeriodQuery & { groupBy: 'unit' | 'officer' }, signal?: AbortSignal) =>
  api<{ rows: EvaluationRow[] }>('/api/feedback/evaluation', { query: q, signal });

export type RatingSummary = {
  verySatisfied: number;
  satisfied: number;
  notSatisfied: number;
  total: number;
  satisfactionRate: number | null;
};
export const fetchRatingSummary = (q: PeriodQuery, signal?: AbortSignal) =>
  api<RatingSummary>('/api/feedback/ratings', { query: q, signal });

/** A rated dossier behind the ratings numbers; no applicant data. */
export type RatedDossier = {
  code: string;
  procedure: { code: string; name: string };
  agency: { code: string; name: string };
  level: RatingLevel;
  reasons: Reason[];
  channel: 'kiosk' | 'portal' | 'link';
  ratedAt: string;
  unit: { code: string; name: string } | null;
  officer: { username: string; fullName: string } | null;
};
export const fetchRatedDossiers = (
  q: PeriodQuery & { level?: RatingLevel; page?: number; pageSize?: number },
  signal?: AbortSignal,
) => api<Page<RatedDossier>>('/api/feedback/ratings/dossiers', { query: q, signal });

export const fetchReasons = (signal?: AbortSignal) =>
  api<{ items: Reason[] }>('/api/public/rating-reasons', { signal }).then((r) => r.items);
