import type { Executor } from '../../db/database';
import { loadWorkCalendar } from '../../modules/calendar/service';
import type { WorkCalendar } from '../../modules/calendar/rules';
import type { ImportVersion } from '../../modules/reports/import-rules';
import { procedureVersions } from '../../modules/reports/import-store';
import { durationMinutes, type StepRole } from '../../modules/workflow/rules';

/**
 * The province the generator files dossiers in, read from the database once: agencies with their
 * calendars, units and officers by role, and the catalogue's procedures with every version's
 * internal process and fees. Whatever is seeded (the demo province, or a real catalogue) is used.
 */
export type GenUnit = { id: number; code: string; name: string; officers: Map<string, number[]> };
export type GenAgency = {
  id: number;
  code: string;
  name: string;
  level: string;
  calendar: WorkCalendar;
  units: Map<string, GenUnit>;
  /** The one-stop desk (a unit of kind desk), where dossiers are received. */
  desk: GenUnit | null;
};
export type GenStep = {
  seq: number;
  name: string;
  unitCode: string;
  role: StepRole;
  /** Liên thông: the agency processing the step; null for the receiving agency. */
  agencyId: number | null;
  minutes: number;
  durationValue: number;
  durationUnit: string;
};
export type GenVersion = ImportVersion & {
  steps: GenStep[];
  fees: { name: string; amount: number; note: string | null }[];
  channels: string[];
};
export type GenProcedure = { code: string; fieldCode: string; versions: GenVersion[]; agencyIds: number[] };
export type Province = {
  agencies: Map<number, GenAgency>;
  procedures: GenProcedure[];
  /** The citizen account online dossiers are filed from. */
  citizenUserId: number;
};

async function loadAgencies(db: Executor): Promise<Map<number, GenAgency>> {
  const rows = await db.selectFrom('agencies').select(['id', 'code', 'name', 'level']).orderBy('id').execute();
  const units = await db
    .selectFrom('units')
    .select(['id', 'agency_id', 'code', 'name', 'kind'])
    .orderBy('id')
    .execute();
  const roles = await db
    .selectFrom('user_roles as r')
    .innerJoin('users as u', 'u.id', 'r.user_id')
    .select(['r.user_id', 'r.role', 'r.unit_id'])
    .where('r.unit_id', 'is not', null)
    .orderBy('r.user_id')
    .execute();
  const agencies = new Map<number, GenAgency>();
  for (const a of rows) {
    const own = units.filter((u) => u.agency_id === a.id);
    const byCode = new Map<string, GenUnit>();
    for (const u of own) {
      const officers = new Map<string, number[]>();
      for (const r of roles.filter((x) => x.unit_id === u.id)) {
        officers.set(r.role, [...(officers.get(r.role) ?? []), r.user_id]);
      }
      byCode.set(u.code, { id: u.id, code: u.code, name: u.name, officers });
    }
    const deskRow = own.find((u) => u.kind === 'desk');
    agencies.set(a.id, {
      ...a,
      calendar: await loadWorkCalendar(db, a.id),
      units: byCode,
      desk: deskRow ? byCode.get(deskRow.code)! : null,
    });
  }
  return agencies;
}

async function versionDetails(db: Executor, versionIds: number[]) {
  const steps = await db
    .selectFrom('procedure_steps')
    .select(['version_id', 'seq', 'name', 'unit_code', 'role', 'agency_id', 'duration_value', 'duration_unit'])
    .where('version_id', 'in', versionIds)
    .orderBy('version_id')
    .orderBy('seq')
    .execute();
  const fees = await db
    .selectFrom('procedure_fees')
    .select(['version_id', 'name', 'amount', 'note'])
    .where('version_id', 'in', versionIds)
    .orderBy('version_id')
    .orderBy('seq')
    .execute();
  const meta = await db
    .selectFrom('procedure_versions')
    .select(['id', 'channels', 'level', 'all_agencies_of_level'])
    .where('id', 'in', versionIds)
    .execute();
  const listed = await db
    .selectFrom('procedure_version_agencies')
    .select(['version_id', 'agency_id'])
    .where('version_id', 'in', versionIds)
    .orderBy('agency_id')
    .execute();
  return { steps, fees, meta, listed };
}

export async function loadProvince(db: Executor): Promise<Province> {
  const agencies = await loadAgencies(db);
  const codes = await db.selectFrom('procedures').select('code').orderBy('code').execute();
  const all = new Map<string, ImportVersion[]>();
  for (const { code } of codes) all.set(code, await procedureVersions(db, code));
  const ids = [...all.values()].flat().map((v) => v.id);
  const procedures: GenProcedure[] = [];
  if (ids.length > 0) {
    const d = await versionDetails(db, ids);
    for (const [code, versions] of all) {
      const detailed: GenVersion[] = versions.map((v) => ({
        ...v,
        steps: d.steps
          .filter((s) => s.version_id === v.id)
          .map((s) => ({
            seq: s.seq,
            name: s.name,
            unitCode: s.unit_code,
            role: s.role as StepRole,
            agencyId: s.agency_id,
            minutes: durationMinutes({ value: s.duration_value, unit: s.duration_unit }),
            durationValue: s.duration_value,
            durationUnit: s.duration_unit,
          })),
        fees: d.fees
          .filter((f) => f.version_id === v.id)
          .map((f) => ({ name: f.name, amount: f.amount, note: f.note })),
        channels: d.meta.find((m) => m.id === v.id)!.channels,
      }));
      const latest = d.meta.find((m) => m.id === versions[versions.length - 1].id)!;
      const agencyIds = latest.all_agencies_of_level
        ? [...agencies.values()].filter((a) => a.level === latest.level && a.desk).map((a) => a.id)
        : d.listed.filter((l) => l.version_id === latest.id).map((l) => l.agency_id);
      const receiving = agencyIds.filter((id) => agencies.get(id)?.desk);
      if (receiving.length > 0)
        procedures.push({ code, fieldCode: versions[0].fieldCode, versions: detailed, agencyIds: receiving });
    }
  }
  const citizen = await db
    .selectFrom('user_roles')
    .select('user_id')
    .where('role', '=', 'citizen')
    .orderBy('user_id')
    .executeTakeFirst();
  if (procedures.length === 0)
    throw new Error('The catalogue has no procedure a one-stop desk receives: seed or import one first.');
  if (!citizen) throw new Error('No citizen account to file online dossiers from: seed the demo province first.');
  return { agencies, procedures, citizenUserId: citizen.user_id };
}
