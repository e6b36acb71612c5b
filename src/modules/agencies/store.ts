import { calendarChanged } from '../calendar/cache';
import type { Updateable } from 'kysely';
import type { Executor } from '../../db/database';
import type { AgencyTable, UnitTable } from '../identity/tables';

export type Agency = {
  id: number;
  code: string;
  name: string;
  nameEn: string | null;
  level: string;
  kind: string;
  parentId: number | null;
  parentCode: string | null;
  path: string;
  address: string | null;
  phone: string | null;
  active: boolean;
};

export type Unit = {
  id: number;
  agencyId: number;
  agencyCode: string;
  agencyPath: string;
  code: string;
  name: string;
  kind: string;
  active: boolean;
};

function agencyQuery(db: Executor) {
  return db
    .selectFrom('agencies as a')
    .leftJoin('agencies as p', 'p.id', 'a.parent_id')
    .select([
      'a.id',
      'a.code',
      'a.name',
      'a.name_en as nameEn',
      'a.level',
      'a.kind',
      'a.parent_id as parentId',
      'p.code as parentCode',
      'a.path',
      'a.address',
      'a.phone',
      'a.active',
    ]);
}

export function listLevels(db: Executor) {
  return db.selectFrom('levels').select(['code', 'name', 'name_en as nameEn']).orderBy('sort_order').execute();
}

export function levelExists(db: Executor, code: string) {
  return db.selectFrom('levels').select('code').where('code', '=', code).executeTakeFirst();
}

/** Agencies, optionally only active ones and only inside the given subtrees (materialised paths). */
export function listAgencies(db: Executor, opts: { activeOnly: boolean; within?: string[] }): Promise<Agency[]> {
  let q = agencyQuery(db);
  if (opts.activeOnly) q = q.where('a.active', '=', true);
  const within = opts.within;
  if (within) {
    if (within.length === 0) return Promise.resolve([]);
    q = q.where((eb) => eb.or(within.map((path) => eb('a.path', 'like', `${path}%`))));
  }
  return q.execute();
}

export function findAgencyByCode(db: Executor, code: string): Promise<Agency | undefined> {
  return agencyQuery(db).where('a.code', '=', code).executeTakeFirst();
}

export async function insertAgency(
  tx: Executor,
  a: Omit<Agency, 'id' | 'path' | 'parentId' | 'parentCode' | 'active'>,
  parent: Agency,
): Promise<number> {
  calendarChanged();
  const row = await tx
    .insertInto('agencies')
    .values({
      code: a.code,
      name: a.name,
      name_en: a.nameEn,
      level: a.level,
      kind: a.kind,
      parent_id: parent.id,
      path: '',
      address: a.address,
      phone: a.phone,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  // The path holds the new id, known only after the insert.
  await tx
    .updateTable('agencies')
    .set({ path: `${parent.path}${row.id}/` })
    .where('id', '=', row.id)
    .execute();
  return row.id;
}

export async function updateAgency(tx: Executor, id: number, patch: Updateable<AgencyTable>): Promise<void> {
  calendarChanged(); // a calendar is the agency's and its ancestors' (calendar/cache.ts)
  await tx.updateTable('agencies').set(patch).where('id', '=', id).execute();
}

export async function hasActiveChildren(db: Executor, agencyId: number): Promise<boolean> {
  const row = await db
    .selectFrom('agencies')
    .select('id')
    .where('parent_id', '=', agencyId)
    .where('active', '=', true)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

function unitQuery(db: Executor) {
  return db
    .selectFrom('units as u')
    .innerJoin('agencies as a', 'a.id', 'u.agency_id')
    .select([
      'u.id',
      'u.agency_id as agencyId',
      'a.code as agencyCode',
      'a.path as agencyPath',
      'u.code',
      'u.name',
      'u.kind',
      'u.active',
    ]);
}

export function listUnits(db: Executor, agencyId: number, opts: { activeOnly: boolean }): Promise<Unit[]> {
  let q = unitQuery(db).where('u.agency_id', '=', agencyId);
  if (opts.activeOnly) q = q.where('u.active', '=', true);
  return q.orderBy('u.code').execute();
}

export function findUnit(db: Executor, id: number): Promise<Unit | undefined> {
  return unitQuery(db).where('u.id', '=', id).executeTakeFirst();
}

export function findUnitByCode(db: Executor, agencyId: number, code: string): Promise<Unit | undefined> {
  return unitQuery(db).where('u.agency_id', '=', agencyId).where('u.code', '=', code).executeTakeFirst();
}

let unitWrites = 0;

/** A unit was created or changed in this process: call it during the write's transaction and after it ends. */
export function unitsChanged(): void {
  unitWrites++;
}

/** How many unit writes this process has seen (shared/process-cache.ts). */
export const unitsGeneration = (): number => unitWrites;

export async function insertUnit(
  tx: Executor,
  u: { agencyId: number; code: string; name: string; kind: string },
): Promise<number> {
  unitsChanged();
  const row = await tx
    .insertInto('units')
    .values({ agency_id: u.agencyId, code: u.code, name: u.name, kind: u.kind })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateUnit(tx: Executor, id: number, patch: Updateable<UnitTable>): Promise<void> {
  unitsChanged();
  await tx.updateTable('units').set(patch).where('id', '=', id).execute();
}

/** PostgreSQL's unique_violation: a concurrent insert won the race for a unique key. */
export function isUniqueViolation(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: unknown }).code === '23505';
}
