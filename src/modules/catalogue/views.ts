import { ROLE_NAMES, type Role } from '../identity/roles';
import { durationHours, effectiveDeadline, type Duration } from './rules';
import type { AgencyRef, UnitRef } from './store';
import type { StoredVersion } from './version-store';
import type { DecisionType } from './schema';

/** The version a dossier is received under: what the dossier lifecycle engine reads. */
export type ProcedureVersionDetail = {
  procedureId: number;
  versionId: number;
  /** 1, 2, … in the order the versions were announced. */
  version: number;
  code: string;
  name: string;
  fieldCode: string;
  fieldName: string;
  level: string;
  resultAgency: string | null;
  resultType: string | null;
  deadline: Duration;
  reducedDeadline: Duration | null;
  /** The reduced deadline when set, else the statutory one: dossiers are held to it. */
  effectiveDeadline: Duration;
  fees: { name: string; amount: number; note: string | null }[];
  components: {
    id: number;
    name: string;
    originals: number;
    copies: number;
    required: boolean;
    template: string | null;
  }[];
  requirements: string | null;
  legalBasis: string[];
  channels: string[];
  onlineLevel: string;
  clockOnResume: 'restart' | 'resume';
  steps: { seq: number; name: string; unitCode: string; role: string; agencyCode: string | null; duration: Duration }[];
  decision: { number: string; date: string; type: DecisionType; effectiveFrom: string; effectiveTo: string | null };
};

export function versionDetail(v: StoredVersion): ProcedureVersionDetail {
  const c = v.content;
  return {
    procedureId: v.procedureId,
    versionId: v.id,
    version: v.seq,
    code: v.code,
    name: c.name,
    fieldCode: c.field,
    fieldName: v.fieldName,
    level: c.level,
    resultAgency: c.resultAgency,
    resultType: c.resultType,
    deadline: c.deadline,
    reducedDeadline: c.reducedDeadline,
    effectiveDeadline: effectiveDeadline(c.deadline, c.reducedDeadline),
    fees: c.fees,
    components: c.components.map((x, i) => ({ id: v.componentIds[i], ...x })),
    requirements: c.requirements,
    legalBasis: c.legalBasis,
    channels: c.channels,
    onlineLevel: c.onlineLevel,
    clockOnResume: c.clockOnResume === 'resume' ? 'resume' : 'restart',
    steps: c.process.map((s, i) => ({
      seq: i + 1,
      name: s.name,
      unitCode: s.unit,
      role: s.role,
      agencyCode: s.agency,
      duration: s.duration,
    })),
    decision: v.decision,
  };
}

/** Where the template file of a component (1-based `seq`) of the version in force is downloaded. */
export const templateUrl = (code: string, seq: number) =>
  `/api/procedures/${encodeURIComponent(code)}/components/${seq}/template`;

/**
 * The public page of a procedure. A step's unit is named after the first implementing agency
 * that has it (or its liên thông agency), since the same unit code is named alike across agencies.
 */
export function publicDetail(v: StoredVersion, implementing: AgencyRef[], others: AgencyRef[], units: UnitRef[]) {
  const d = versionDetail(v);
  const agencyOf = (code: string | null) => (code ? others.find((a) => a.code === code) : undefined);
  const unitName = (code: string, agencyIds: number[]) =>
    units.find((u) => u.code === code && agencyIds.includes(u.agencyId))?.name ?? null;
  const steps = d.steps.map((s) => {
    const other = agencyOf(s.agencyCode);
    const agencyIds = other ? [other.id] : implementing.map((a) => a.id);
    return {
      seq: s.seq,
      name: s.name,
      unit: { code: s.unitCode, name: unitName(s.unitCode, agencyIds) },
      role: s.role,
      roleName: ROLE_NAMES[s.role as Role]?.vi ?? s.role,
      agency: other ? { code: other.code, name: other.name } : null,
      duration: s.duration,
    };
  });
  return {
    code: d.code,
    version: d.version,
    name: d.name,
    field: { code: d.fieldCode, name: d.fieldName },
    level: d.level,
    allAgenciesOfLevel: v.allAgenciesOfLevel,
    agencies: implementing.map((a) => ({ code: a.code, name: a.name })),
    resultAgency: d.resultAgency,
    resultType: d.resultType,
    deadline: d.deadline,
    reducedDeadline: d.reducedDeadline,
    effectiveDeadline: d.effectiveDeadline,
    fees: d.fees,
    // With their ids: an intake names the components it brings by id (POST /api/dossiers).
    components: d.components.map((x, i) => {
      const file = v.templateFiles[i];
      return {
        ...x,
        // The uploaded file of the form (mẫu đơn, tờ khai), downloadable without login.
        templateFile: file ? { fileName: file.fileName, size: file.size, url: templateUrl(d.code, i + 1) } : null,
      };
    }),
    requirements: d.requirements,
    legalBasis: d.legalBasis,
    channels: d.channels,
    onlineLevel: d.onlineLevel,
    clockOnResume: d.clockOnResume,
    process: {
      steps,
      totalHours: d.steps.reduce((sum, s) => sum + durationHours(s.duration), 0),
      budgetHours: durationHours(d.effectiveDeadline),
    },
    decision: d.decision,
  };
}
export type PublicDetail = ReturnType<typeof publicDetail>;
