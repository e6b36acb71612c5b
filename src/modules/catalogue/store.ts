import type { Executor, Tx } from '../../db/database';
import { catalogueChanged } from './search-index';

export type AgencyRef = { id: number; code: string; name: string; level: string; path: string };
export type UnitRef = { agencyId: number; code: string; name: string };
export type FieldRow = { id: number; code: string; name: string; nameEn: string | null };

export async function listFields(db: Executor): Promise<FieldRow[]> {
  return db.selectFrom('fields').select(['id', 'code', 'name', 'name_en as nameEn']).execute();
}

export async function findFields(db: Executor, codes: string[]): Promise<FieldRow[]> {
  if (codes.length === 0) return [];
  return db
    .selectFrom('fields')
    .select(['id', 'code', 'name', 'name_en as nameEn'])
    .where('code', 'in', codes)
    .execute();
}

export async function insertField(tx: Tx, f: { code: string; name: string; nameEn: string | null }): Promise<number> {
  catalogueChanged();
  const row = await tx
    .insertInto('fields')
    .values({ code: f.code, name: f.name, name_en: f.nameEn })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateField(tx: Tx, id: number, f: { name: string; nameEn: string | null }): Promise<void> {
  catalogueChanged();
  await tx.updateTable('fields').set({ name: f.name, name_en: f.nameEn }).where('id', '=', id).execute();
}

export async function listLevels(db: Executor): Promise<{ code: string; name: string }[]> {
  return db.selectFrom('levels').select(['code', 'name']).orderBy('sort_order').execute();
}

const agencyColumns = ['id', 'code', 'name', 'level', 'path'] as const;

export async function findAgencies(db: Executor, codes: string[]): Promise<AgencyRef[]> {
  if (codes.length === 0) return [];
  return db.selectFrom('agencies').select(agencyColumns).where('code', 'in', codes).execute();
}

export async function agenciesOfLevel(db: Executor, level: string): Promise<AgencyRef[]> {
  return db
    .selectFrom('agencies')
    .select(agencyColumns)
    .where('level', '=', level)
    .where('active', '=', true)
    .orderBy('id')
    .execute();
}

export async function unitsOf(db: Executor, agencyIds: number[]): Promise<UnitRef[]> {
  if (agencyIds.length === 0) return [];
  return db
    .selectFrom('units')
    .select(['agency_id as agencyId', 'code', 'name'])
    .where('agency_id', 'in', agencyIds)
    .where('active', '=', true)
    .orderBy('agency_id')
    .execute();
}

/** Levels, agencies and active units: what procedures refer to. */
export type Organisation = {
  levels: string[];
  agencies: (AgencyRef & { active: boolean })[];
  units: UnitRef[];
};

export async function loadOrganisation(db: Executor): Promise<Organisation> {
  const [levels, agencies, units] = await Promise.all([
    listLevels(db),
    db
      .selectFrom('agencies')
      .select([...agencyColumns, 'active'])
      .orderBy('id')
      .execute(),
    db
      .selectFrom('units')
      .select(['agency_id as agencyId', 'code', 'name'])
      .where('active', '=', true)
      .orderBy('agency_id')
      .execute(),
  ]);
  return { levels: levels.map((l) => l.code), agencies, units };
}

export async function findProcedure(db: Executor, code: string): Promise<{ id: number; code: string } | undefined> {
  return db.selectFrom('procedures').select(['id', 'code']).where('code', '=', code).executeTakeFirst();
}

/** Locks the procedure so that concurrent versions of it are numbered one after the other. */
export async function lockProcedure(tx: Tx, id: number): Promise<void> {
  await tx.selectFrom('procedures').select('id').where('id', '=', id).forUpdate().execute();
}

/** Null when another transaction created the code first. */
export async function insertProcedure(tx: Tx, code: string): Promise<number | null> {
  catalogueChanged();
  const row = await tx
    .insertInto('procedures')
    .values({ code })
    .onConflict((oc) => oc.column('code').doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id ?? null;
}
