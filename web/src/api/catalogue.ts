import { api } from './client';
import type { Agency, Field, Level, List, Page, Procedure, ProcedureSummary } from './types';

// Reference lists change rarely: one request per visit, forgotten on failure so a retry asks again.
function cached<T>(load: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | null = null;
  return () => {
    pending ??= load().catch((err: unknown) => {
      pending = null;
      throw err;
    });
    return pending;
  };
}

export const fetchFields = cached(() => api<List<Field>>('/api/fields').then((r) => r.items));
export const fetchLevels = cached(() => api<List<Level>>('/api/levels').then((r) => r.items));
export const fetchAgencies = cached(() => api<List<Agency>>('/api/agencies').then((r) => r.items));

export type ProcedureQuery = {
  q?: string;
  field?: string;
  level?: string;
  agency?: string;
  page: number;
  pageSize: number;
};

export function searchProcedures(query: ProcedureQuery, signal?: AbortSignal): Promise<Page<ProcedureSummary>> {
  return api('/api/procedures', { query, signal });
}

export function fetchProcedure(code: string, signal?: AbortSignal): Promise<Procedure> {
  return api(`/api/procedures/${encodeURIComponent(code)}`, { signal });
}
