/** Response shapes of the server API (api.md and the catalogue import format). */

export type DurationUnit = 'working_days' | 'working_hours';
export type Duration = { value: number; unit: DurationUnit };
export type Channel = 'direct' | 'postal' | 'online';
export type OnlineLevel = 'full' | 'partial' | 'none';
export type DecisionType = 'new' | 'amended' | 'replaced' | 'abolished';
export type ProcessRole = 'reception' | 'specialist' | 'unit_leader' | 'agency_leader';

export type List<T> = { items: T[] };
export type Page<T> = { items: T[]; total: number };

export type Field = { code: string; name: string; nameEn?: string | null };
export type Level = { code: string; name: string; nameEn?: string | null };
export type Agency = { code: string; name: string; nameEn?: string | null; level: string; parentCode: string | null };

export type Fee = { name: string; amount: number; note?: string | null };

export type ProcedureSummary = {
  code: string;
  name: string;
  field: Field;
  level: string;
  deadline: Duration;
  reducedDeadline?: Duration | null;
  fees: Fee[];
  channels: Channel[];
  onlineLevel?: OnlineLevel;
};

export type DossierComponent = {
  name: string;
  originals: number;
  copies: number;
  required: boolean;
  template?: string | null;
  /** The downloadable file of the form, when one was uploaded. */
  templateFile?: { fileName: string; size: number; url: string } | null;
};

export type ProcessStep = {
  seq: number;
  name: string;
  /** A unit of the implementing agency, or of `agency` for a liên thông step. */
  unit: { code: string; name: string | null };
  role: ProcessRole;
  agency: { code: string; name: string } | null;
  duration: Duration;
};

/** Steps with their total against the effective deadline, both in working hours (8 per day). */
export type ProcessPlan = { steps: ProcessStep[]; totalHours: number; budgetHours: number };

export type Decision = { number: string; date: string; type: DecisionType; effectiveFrom: string };

export type Procedure = ProcedureSummary & {
  agencies?: { code: string; name: string }[];
  resultAgency?: string | null;
  resultType?: string | null;
  components: DossierComponent[];
  requirements?: string | null;
  legalBasis: string[];
  effectiveDeadline: Duration;
  process: ProcessPlan;
  decision?: Decision | null;
};

/** Why a day is special: a statutory holiday, its weekend compensation, or an administrator's announcement. */
export type DaySource = 'statutory' | 'compensation' | 'announcement';

export type CalendarDay = {
  date: string;
  working: boolean;
  name: string;
  nameEn?: string | null;
  source?: DaySource;
  /** The announcement it follows, e.g. "Công văn 8726/VPCP-KGVX ngày 26/11/2024". */
  decision?: string | null;
  /** The agency that set it; null for the common calendar. */
  agency?: string | null;
};

export type RoleCode =
  | 'citizen'
  | 'reception'
  | 'specialist'
  | 'unit_leader'
  | 'agency_leader'
  | 'agency_admin'
  | 'province_admin'
  | 'inspector';

export type RoleGrant = { role: RoleCode; roleName: string; roleNameEn: string; agency: string; unitId: number | null };
export type User = { username: string; fullName: string; roles: RoleGrant[] };
