import type { Executor, Tx } from '../../db/database';
import { audit } from '../../shared/audit';
import { requireRoleOver } from '../../shared/auth';
import { conflict, forbidden, invalid } from '../../shared/errors';
import { ADMIN_ROLES } from '../identity/roles';
import type { Principal } from '../identity/rules';
import type { DecisionInput, FieldEntry } from './schema';
import {
  checkContent,
  checkStepUnits,
  planDecision,
  sameContent,
  searchText,
  type DecisionPlan,
  type ProcedureContent,
} from './rules';
import {
  findFields,
  findProcedure,
  insertField,
  insertProcedure,
  loadOrganisation,
  lockProcedure,
  updateField,
  type AgencyRef,
  type Organisation,
} from './store';
import {
  closeVersion,
  copyVersion,
  implementingAgencies,
  insertVersion,
  keepTemplateFiles,
  loadVersion,
  versionHeads,
} from './version-store';

/** Who publishes: `principal` null is the system itself (demo seed, CLI), which may do everything. */
export type Actor = { userId: number | null; principal: Principal | null; via: 'api' | 'import' };

export type PublishResult = { plan: DecisionPlan; code: string; versionId: number | null };

type Refs = {
  fieldId: number;
  agencyIds: number[] | null;
  implementing: AgencyRef[];
  stepAgencyIds: (number | null)[];
};

/** Reads the organisation once per import (or per change through the API): an import does not change it. */
export type OrganisationSource = (db: Executor) => Promise<Organisation>;
export function organisationOnce(): OrganisationSource {
  let loaded: Promise<Organisation> | undefined;
  return (db) => (loaded ??= loadOrganisation(db));
}

/** Field, level, agencies and units of the content must exist: else 400 naming the field at fault. */
async function resolveRefs(tx: Tx, c: ProcedureContent, org: Organisation): Promise<Refs> {
  const [field] = await findFields(tx, [c.field]);
  if (!field) throw invalid('field', `Lĩnh vực mã "${c.field}" không tồn tại`, `Unknown field code "${c.field}"`);
  if (!org.levels.includes(c.level)) {
    throw invalid('level', `Cấp thực hiện "${c.level}" không tồn tại`, `Unknown level "${c.level}"`);
  }
  const agencyOf = (code: string) => org.agencies.find((a) => a.code === code);
  const implementing = c.agencies
    ? c.agencies.map((code, i) => {
        const a = agencyOf(code);
        if (!a) throw invalid(`agencies.${i}`, `Cơ quan mã "${code}" không tồn tại`, `Unknown agency code "${code}"`);
        if (a.level !== c.level) {
          throw invalid(
            `agencies.${i}`,
            `Cơ quan ${code} không thuộc cấp thực hiện "${c.level}"`,
            `Agency ${code} is not of the level "${c.level}"`,
          );
        }
        return a;
      })
    : org.agencies.filter((a) => a.level === c.level && a.active);
  const stepAgencies = c.process.map((s, i) => {
    if (!s.agency) return null;
    const a = agencyOf(s.agency);
    if (!a) {
      throw invalid(
        `process.${i}.agency`,
        `Cơ quan mã "${s.agency}" không tồn tại`,
        `Unknown agency code "${s.agency}"`,
      );
    }
    return a;
  });
  const withUnits = (a: AgencyRef) => ({
    code: a.code,
    units: org.units.filter((u) => u.agencyId === a.id).map((u) => u.code),
  });
  const others = stepAgencies.filter((a): a is NonNullable<typeof a> => a !== null);
  checkStepUnits(c.process, implementing.map(withUnits), others.map(withUnits));
  return {
    fieldId: field.id,
    agencyIds: c.agencies ? implementing.map((a) => a.id) : null,
    implementing,
    stepAgencyIds: stepAgencies.map((a) => a?.id ?? null),
  };
}

/**
 * An administrator manages a procedure only when every agency implementing it lies inside the
 * subtree where they hold an admin role; one implemented nowhere only the province administrator.
 */
export function requireScope(actor: Actor, agencies: AgencyRef[]): void {
  const p = actor.principal;
  if (!p) return;
  if (agencies.length === 0) {
    if (!p.grants.some((g) => g.role === 'province_admin')) throw forbidden();
    return;
  }
  for (const a of agencies) requireRoleOver(p, ADMIN_ROLES, a.path);
}

/**
 * Applies one decision to a procedure inside `tx`: validates everything before writing anything,
 * then creates the procedure, adds a version (closing the previous one) or abolishes it.
 * `content` is null only for an abolition.
 */
export async function publishDecision(
  tx: Tx,
  code: string,
  content: ProcedureContent | null,
  decision: DecisionInput,
  actor: Actor,
  organisation: OrganisationSource = organisationOnce(),
): Promise<PublishResult> {
  const procedure = await findProcedure(tx, code);
  if (procedure) await lockProcedure(tx, procedure.id);
  const heads = procedure ? await versionHeads(tx, procedure.id) : [];
  const latest = heads.at(-1) ?? null;
  const current = latest ? await loadVersion(tx, latest.id) : null;
  let refs: Refs | null = null;
  if (content) {
    checkContent(content);
    refs = await resolveRefs(tx, content, await organisation(tx));
  }
  const live = latest !== null && latest.decisionType !== 'abolished';
  // A decision already on record with the same content is the same announcement read again
  // (re-importing a catalogue file that holds a procedure's whole history).
  const recorded = heads.find(
    (h) =>
      h.decisionNumber === decision.number &&
      h.effectiveFrom === decision.effectiveFrom &&
      h.decisionType === decision.type,
  );
  if (
    recorded &&
    content &&
    recorded.id !== latest?.id &&
    sameContent((await loadVersion(tx, recorded.id)).content, content)
  ) {
    return { plan: 'unchanged', code, versionId: null };
  }
  const unchanged = live && content !== null && sameContent(current!.content, content);
  const plan = planDecision(latest, decision, unchanged);
  if (plan === 'unchanged') return { plan, code, versionId: null };

  requireScope(actor, [...(latest ? await implementingAgencies(tx, latest.id) : []), ...(refs?.implementing ?? [])]);
  let procedureId = procedure?.id;
  if (!procedureId) {
    const id = await insertProcedure(tx, code);
    if (id === null) throw conflict('PROCEDURE_EXISTS', 'Mã thủ tục đã tồn tại', 'The procedure code exists', 'code');
    procedureId = id;
  }
  const seq = (latest?.seq ?? 0) + 1;
  if (latest) await closeVersion(tx, latest.id, decision.effectiveFrom);
  const versionId =
    plan === 'abolish'
      ? await copyVersion(tx, latest!.id, seq, decision, actor.userId)
      : await insertVersion(tx, {
          procedureId,
          seq,
          content: content!,
          searchName: searchText(content!.name),
          fieldId: refs!.fieldId,
          agencyIds: refs!.agencyIds,
          stepAgencyIds: refs!.stepAgencyIds,
          decision,
          createdBy: actor.userId,
        });
  if (latest && plan !== 'abolish') await keepTemplateFiles(tx, latest.id, versionId);
  await audit.record(tx, {
    actorUserId: actor.userId,
    action: plan === 'create' ? 'procedure.create' : plan === 'abolish' ? 'procedure.abolish' : 'procedure.version',
    entityType: 'procedure',
    entityId: code,
    data: {
      version: seq,
      decision: decision.number,
      type: decision.type,
      effectiveFrom: decision.effectiveFrom,
      via: actor.via,
    },
  });
  return { plan, code, versionId };
}

export type FieldResult = 'created' | 'updated' | 'unchanged';

/** Creates or renames a field; only the province administrator (or the system) changes fields. */
export async function upsertField(tx: Tx, f: FieldEntry, actor: Actor): Promise<FieldResult> {
  const [existing] = await findFields(tx, [f.code]);
  const nameEn = f.nameEn ? f.nameEn : null;
  if (existing && existing.name === f.name && existing.nameEn === nameEn) return 'unchanged';
  if (actor.principal && !actor.principal.grants.some((g) => g.role === 'province_admin')) throw forbidden();
  if (existing) await updateField(tx, existing.id, { name: f.name, nameEn });
  else await insertField(tx, { code: f.code, name: f.name, nameEn });
  await audit.record(tx, {
    actorUserId: actor.userId,
    action: existing ? 'field.update' : 'field.create',
    entityType: 'field',
    entityId: f.code,
    data: { name: f.name, via: actor.via },
  });
  return existing ? 'updated' : 'created';
}
