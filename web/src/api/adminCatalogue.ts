import { api } from './client';
import type {
  Channel,
  DecisionType,
  DossierComponent,
  Duration,
  Fee,
  OnlineLevel,
  Procedure,
  ProcessRole,
} from './types';

export type ClockOnResume = 'restart' | 'resume';

/** One step as docs/catalogue-format.md writes it: unit codes, and `agency` for a liên thông step. */
export type StepInput = { name: string; unit: string; role: ProcessRole; agency: string | null; duration: Duration };

/** The content of a version, the import format without `code` and `decision`. */
export type ProcedureContent = {
  name: string;
  field: string;
  level: string;
  /** Null: every agency of `level`. */
  agencies: string[] | null;
  resultAgency: string | null;
  resultType: string | null;
  deadline: Duration;
  reducedDeadline: Duration | null;
  fees: Fee[];
  components: DossierComponent[];
  requirements: string | null;
  legalBasis: string[];
  channels: Channel[];
  onlineLevel: OnlineLevel;
  clockOnResume: ClockOnResume;
  process: StepInput[];
};

export type DecisionInput = { number: string; date: string; type: DecisionType; effectiveFrom: string };

/** The public detail with what an editor needs beyond the citizen's page. */
export type EditableProcedure = Procedure & {
  version: number;
  allAgenciesOfLevel: boolean;
  clockOnResume: ClockOnResume;
};

export type VersionEntry = {
  version: number;
  name: string;
  field: { code: string; name: string };
  level: string;
  deadline: Duration;
  reducedDeadline: Duration | null;
  decision: DecisionInput & { effectiveTo?: string | null };
  inForce: boolean;
};

export type ImportRejection = {
  index: number | null;
  code: string | null;
  sheet: string | null;
  row: number | null;
  errorCode: string;
  field: string | null;
  message: string;
  messageVi: string;
};

export type ImportReport = {
  fields: { created: number; updated: number; unchanged: number };
  created: number;
  versioned: number;
  abolished: number;
  unchanged: number;
  rejected: ImportRejection[];
};

const procedurePath = (code: string) => `/api/procedures/${encodeURIComponent(code)}`;

export function fetchVersions(code: string, signal?: AbortSignal): Promise<VersionEntry[]> {
  return api<{ items: VersionEntry[] }>(`${procedurePath(code)}/versions`, { signal }).then((r) => r.items);
}

/** The version in force on `at` (YYYY-MM-DD): an editor asks for the latest one, even if not yet in force. */
export function fetchProcedureAt(code: string, at: string, signal?: AbortSignal): Promise<EditableProcedure> {
  return api(procedurePath(code), { query: { at }, signal });
}

export function createProcedure(body: ProcedureContent & { code: string; decision: DecisionInput }) {
  return api<EditableProcedure>('/api/procedures', { method: 'POST', body });
}

export function publishVersion(code: string, body: ProcedureContent & { decision: DecisionInput }) {
  return api<EditableProcedure>(`${procedurePath(code)}/versions`, { method: 'POST', body });
}

export function abolishProcedure(code: string, decision: Omit<DecisionInput, 'type'>) {
  return api<{ code: string; abolishedFrom: string }>(`${procedurePath(code)}/abolish`, {
    method: 'POST',
    body: { decision },
  });
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A catalogue file that cannot be sent: not JSON or XLSX, or JSON that does not parse. */
export class ImportFileError extends Error {
  constructor(readonly reason: 'type' | 'json') {
    super(reason);
    this.name = 'ImportFileError';
  }
}

/**
 * Sends a catalogue file as the import route takes it: a workbook as the raw body with its media
 * type, a JSON document as JSON (parsed here first, so a broken file is told apart from a rejected one).
 */
export async function importCatalogue(file: File): Promise<ImportReport> {
  const name = file.name.toLowerCase();
  if (name.endsWith('.xlsx')) {
    return api('/api/procedures/import', { method: 'POST', body: new Blob([file], { type: XLSX_TYPE }) });
  }
  if (!name.endsWith('.json')) throw new ImportFileError('type');
  let document: unknown;
  try {
    document = JSON.parse(await file.text());
  } catch {
    throw new ImportFileError('json');
  }
  return api('/api/procedures/import', { method: 'POST', body: document });
}
