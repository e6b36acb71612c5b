import { sql } from 'kysely';
import type { Executor, Tx } from '../../db/database';
import { catalogueChanged } from './search-index';
import type { DecisionInput, DecisionType, DurationUnit } from './schema';
import type { Component, ProcedureContent } from './rules';
import { agenciesOfLevel, type AgencyRef } from './store';

export type VersionHeadRow = {
  id: number;
  seq: number;
  effectiveFrom: string;
  effectiveTo: string | null;
  decisionType: DecisionType;
  decisionNumber: string;
  decisionDate: string;
};

export async function versionHeads(db: Executor, procedureId: number): Promise<VersionHeadRow[]> {
  const rows = await db
    .selectFrom('procedure_versions')
    .select([
      'id',
      'seq',
      'effective_from as effectiveFrom',
      'effective_to as effectiveTo',
      'decision_type',
      'decision_number as decisionNumber',
      'decision_date as decisionDate',
    ])
    .where('procedure_id', '=', procedureId)
    .orderBy('seq')
    .execute();
  return rows.map(({ decision_type, ...r }) => ({ ...r, decisionType: decision_type as DecisionType }));
}

export type NewVersion = {
  procedureId: number;
  seq: number;
  content: ProcedureContent;
  searchName: string;
  fieldId: number;
  /** Ids of the listed agencies; null when every agency of the level implements it. */
  agencyIds: number[] | null;
  /** Liên thông agency id per step (same order as content.process). */
  stepAgencyIds: (number | null)[];
  decision: DecisionInput;
  createdBy: number | null;
};

/** Inserts a version with its agencies, components, fees and steps; returns its id. */
export async function insertVersion(tx: Tx, v: NewVersion): Promise<number> {
  catalogueChanged();
  const c = v.content;
  const { id } = await tx
    .insertInto('procedure_versions')
    .values({
      procedure_id: v.procedureId,
      seq: v.seq,
      name: c.name,
      search_name: v.searchName,
      field_id: v.fieldId,
      level: c.level,
      all_agencies_of_level: v.agencyIds === null,
      result_agency: c.resultAgency,
      result_type: c.resultType,
      deadline_value: c.deadline.value,
      deadline_unit: c.deadline.unit,
      reduced_deadline_value: c.reducedDeadline?.value ?? null,
      reduced_deadline_unit: c.reducedDeadline?.unit ?? null,
      requirements: c.requirements,
      legal_basis: c.legalBasis,
      channels: c.channels,
      online_level: c.onlineLevel,
      clock_on_resume: c.clockOnResume,
      decision_number: v.decision.number,
      decision_date: v.decision.date,
      decision_type: v.decision.type,
      effective_from: v.decision.effectiveFrom,
      created_by: v.createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (v.agencyIds?.length) {
    await tx
      .insertInto('procedure_version_agencies')
      .values(v.agencyIds.map((agency_id) => ({ version_id: id, agency_id })))
      .execute();
  }
  if (c.components.length) {
    await tx
      .insertInto('procedure_components')
      .values(c.components.map((x, i) => ({ version_id: id, seq: i + 1, ...x })))
      .execute();
  }
  if (c.fees.length) {
    await tx
      .insertInto('procedure_fees')
      .values(c.fees.map((f, i) => ({ version_id: id, seq: i + 1, ...f })))
      .execute();
  }
  await tx
    .insertInto('procedure_steps')
    .values(
      c.process.map((s, i) => ({
        version_id: id,
        seq: i + 1,
        name: s.name,
        unit_code: s.unit,
        role: s.role,
        agency_id: v.stepAgencyIds[i],
        duration_value: s.duration.value,
        duration_unit: s.duration.unit,
      })),
    )
    .execute();
  return id;
}

/**
 * A new version with the same content as `fromVersionId` under another decision: an abolition
 * keeps the last content so that the history shows what was abolished.
 */
export async function copyVersion(
  tx: Tx,
  fromVersionId: number,
  seq: number,
  decision: DecisionInput,
  createdBy: number | null,
): Promise<number> {
  const { rows } = await sql<{ id: number }>`
    INSERT INTO procedure_versions (procedure_id, seq, name, search_name, field_id, level, all_agencies_of_level,
      result_agency, result_type, deadline_value, deadline_unit, reduced_deadline_value, reduced_deadline_unit,
      requirements, legal_basis, channels, online_level, clock_on_resume,
      decision_number, decision_date, decision_type, effective_from, created_by)
    SELECT procedure_id, ${seq}, name, search_name, field_id, level, all_agencies_of_level,
      result_agency, result_type, deadline_value, deadline_unit, reduced_deadline_value, reduced_deadline_unit,
      requirements, legal_basis, channels, online_level, clock_on_resume,
      ${decision.number}, ${decision.date}::date, ${decision.type}, ${decision.effectiveFrom}::date, ${createdBy}::int
    FROM procedure_versions WHERE id = ${fromVersionId}
    RETURNING id`.execute(tx);
  const id = rows[0].id;
  await sql`
    INSERT INTO procedure_version_agencies (version_id, agency_id)
      SELECT ${id}, agency_id FROM procedure_version_agencies WHERE version_id = ${fromVersionId}`.execute(tx);
  await sql`
    INSERT INTO procedure_components (version_id, seq, name, originals, copies, required, template, template_sha256)
      SELECT ${id}, seq, name, originals, copies, required, template, template_sha256
      FROM procedure_components WHERE version_id = ${fromVersionId}`.execute(tx);
  await sql`
    INSERT INTO procedure_fees (version_id, seq, name, amount, note)
      SELECT ${id}, seq, name, amount, note FROM procedure_fees WHERE version_id = ${fromVersionId}`.execute(tx);
  await sql`
    INSERT INTO procedure_steps (version_id, seq, name, unit_code, role, agency_id, duration_value, duration_unit)
      SELECT ${id}, seq, name, unit_code, role, agency_id, duration_value, duration_unit
      FROM procedure_steps WHERE version_id = ${fromVersionId}`.execute(tx);
  return id;
}

export type TemplateFile = { sha256: string; fileName: string; size: number };

/**
 * A version written from content (an edit, an import) keeps the file of each component whose
 * template name equals one of the previous version's components with a file: same name, same form.
 */
export async function keepTemplateFiles(tx: Tx, fromVersionId: number, toVersionId: number): Promise<void> {
  await sql`
    UPDATE procedure_components n SET template_sha256 = (
      SELECT o.template_sha256 FROM procedure_components o
      WHERE o.version_id = ${fromVersionId} AND o.template = n.template AND o.template_sha256 IS NOT NULL
      ORDER BY o.seq LIMIT 1)
    WHERE n.version_id = ${toVersionId} AND n.template IS NOT NULL`.execute(tx);
}

/** The superseded version stays in force until the day the next one takes effect. */
export async function closeVersion(tx: Tx, versionId: number, effectiveTo: string): Promise<void> {
  catalogueChanged();
  await tx.updateTable('procedure_versions').set({ effective_to: effectiveTo }).where('id', '=', versionId).execute();
}

export type StoredVersion = {
  id: number;
  procedureId: number;
  code: string;
  seq: number;
  fieldName: string;
  allAgenciesOfLevel: boolean;
  content: ProcedureContent;
  componentIds: number[];
  /** Per component, the uploaded file of its template (form_templates), or null. */
  templateFiles: (TemplateFile | null)[];
  decision: { number: string; date: string; type: DecisionType; effectiveFrom: string; effectiveTo: string | null };
};

const duration = (value: number, unit: string) => ({ value, unit: unit as DurationUnit });

/** One version with all its content, in the key order `normalizeContent` produces. */
export async function loadVersion(db: Executor, versionId: number): Promise<StoredVersion> {
  const v = await db
    .selectFrom('procedure_versions as v')
    .innerJoin('procedures as p', 'p.id', 'v.procedure_id')
    .innerJoin('fields as f', 'f.id', 'v.field_id')
    .selectAll('v')
    .select(['p.code', 'f.code as field_code', 'f.name as field_name'])
    .where('v.id', '=', versionId)
    .executeTakeFirstOrThrow();
  const [agencies, components, fees, steps] = await Promise.all([
    db
      .selectFrom('procedure_version_agencies as va')
      .innerJoin('agencies as a', 'a.id', 'va.agency_id')
      .select('a.code')
      .where('va.version_id', '=', versionId)
      .orderBy('a.code')
      .execute(),
    db
      .selectFrom('procedure_components as c')
      .leftJoin('form_templates as t', 't.sha256', 'c.template_sha256')
      .selectAll('c')
      .select(['t.file_name', 't.size'])
      .where('c.version_id', '=', versionId)
      .orderBy('c.seq')
      .execute(),
    db.selectFrom('procedure_fees').selectAll().where('version_id', '=', versionId).orderBy('seq').execute(),
    db
      .selectFrom('procedure_steps as s')
      .leftJoin('agencies as a', 'a.id', 's.agency_id')
      .selectAll('s')
      .select('a.code as agency_code')
      .where('s.version_id', '=', versionId)
      .orderBy('s.seq')
      .execute(),
  ]);
  const componentOf = (x: (typeof components)[number]): Component => ({
    name: x.name,
    originals: x.originals,
    copies: x.copies,
    required: x.required,
    template: x.template,
  });
  return {
    id: v.id,
    procedureId: v.procedure_id,
    code: v.code,
    seq: v.seq,
    fieldName: v.field_name,
    allAgenciesOfLevel: v.all_agencies_of_level,
    componentIds: components.map((x) => x.id),
    templateFiles: components.map((x) =>
      x.template_sha256 && x.file_name !== null && x.size !== null
        ? { sha256: x.template_sha256, fileName: x.file_name, size: x.size }
        : null,
    ),
    decision: {
      number: v.decision_number,
      date: v.decision_date,
      type: v.decision_type as DecisionType,
      effectiveFrom: v.effective_from,
      effectiveTo: v.effective_to,
    },
    content: {
      name: v.name,
      field: v.field_code,
      level: v.level,
      agencies: v.all_agencies_of_level ? null : agencies.map((a) => a.code),
      resultAgency: v.result_agency,
      resultType: v.result_type,
      deadline: duration(v.deadline_value, v.deadline_unit),
      reducedDeadline:
        v.reduced_deadline_value === null ? null : duration(v.reduced_deadline_value, v.reduced_deadline_unit!),
      fees: fees.map((f) => ({ name: f.name, amount: f.amount, note: f.note })),
      components: components.map(componentOf),
      requirements: v.requirements,
      legalBasis: v.legal_basis,
      channels: v.channels,
      onlineLevel: v.online_level,
      clockOnResume: v.clock_on_resume,
      process: steps.map((s) => ({
        name: s.name,
        unit: s.unit_code,
        role: s.role,
        agency: s.agency_code,
        duration: duration(s.duration_value, s.duration_unit),
      })),
    },
  };
}

/** Agencies implementing a version: those listed, or every active agency of its level. */
export async function implementingAgencies(db: Executor, versionId: number): Promise<AgencyRef[]> {
  const v = await db
    .selectFrom('procedure_versions')
    .select(['level', 'all_agencies_of_level'])
    .where('id', '=', versionId)
    .executeTakeFirstOrThrow();
  if (v.all_agencies_of_level) return agenciesOfLevel(db, v.level);
  return db
    .selectFrom('procedure_version_agencies as va')
    .innerJoin('agencies as a', 'a.id', 'va.agency_id')
    .select(['a.id', 'a.code', 'a.name', 'a.level', 'a.path'])
    .where('va.version_id', '=', versionId)
    .orderBy('a.id')
    .execute();
}

/** Whether the agency implements the version: listed, or of the level the version is for; a closed agency none. */
export async function versionImplementedBy(db: Executor, versionId: number, agencyId: number): Promise<boolean> {
  const row = await sql<{ ok: boolean }>`
    SELECT EXISTS (
      SELECT 1 FROM procedure_versions v JOIN agencies a ON a.id = ${agencyId}
      WHERE v.id = ${versionId} AND a.active
        AND ((v.all_agencies_of_level AND a.level = v.level)
          OR EXISTS (SELECT 1 FROM procedure_version_agencies va WHERE va.version_id = v.id AND va.agency_id = a.id))
    ) AS ok`.execute(db);
  return row.rows[0].ok;
}
