import { calendarChanged } from '../calendar/cache';
import type { Db } from '../../db/database';
import { audit } from '../../shared/audit';
import { requireRoleOver } from '../../shared/auth';
import { AppError, conflict, forbidden, invalid, notFound } from '../../shared/errors';
import { ADMIN_ROLES } from '../identity/roles';
import type { Principal } from '../identity/rules';
import { ADMIN_READ_ROLES, readScopePaths, treeOrder } from './rules';
import type { CreateAgencyInput, CreateUnitInput, UpdateAgencyInput, UpdateUnitInput } from './schema';
import * as store from './store';
import type { Agency, Unit } from './store';

export const agencyView = (a: Agency) => ({
  code: a.code,
  name: a.name,
  nameEn: a.nameEn,
  level: a.level,
  kind: a.kind,
  parentCode: a.parentCode,
});
const adminAgencyView = (a: Agency) => ({ ...agencyView(a), address: a.address, phone: a.phone, active: a.active });
export const unitView = (u: Unit) => ({
  id: u.id,
  agency: u.agencyCode,
  code: u.code,
  name: u.name,
  kind: u.kind,
  active: u.active,
});

const agencyNotFound = () => notFound('Agency', 'cơ quan');
const unitNotFound = () => notFound('Unit', 'đơn vị');

/** Loads an agency by code or throws 404 (the tree is public, so existence is no secret). */
export async function loadAgency(db: Db, code: string): Promise<Agency> {
  const agency = await store.findAgencyByCode(db, code);
  if (!agency) throw agencyNotFound();
  return agency;
}

/** The published tree (active agencies only), parents before children. */
export async function publicAgencyTree(db: Db) {
  return treeOrder(await store.listAgencies(db, { activeOnly: true })).map(agencyView);
}

/** One active agency with its active units; no people. */
export async function publicAgency(db: Db, code: string) {
  const agency = await store.findAgencyByCode(db, code);
  if (!agency || !agency.active) throw agencyNotFound();
  const units = await store.listUnits(db, agency.id, { activeOnly: true });
  return {
    ...agencyView(agency),
    address: agency.address,
    phone: agency.phone,
    units: units.map((u) => ({ code: u.code, name: u.name, kind: u.kind })),
  };
}

export const listLevels = store.listLevels;

export async function adminListAgencies(db: Db, actor: Principal) {
  const rows = await store.listAgencies(db, { activeOnly: false, within: readScopePaths(actor) });
  return treeOrder(rows).map(adminAgencyView);
}

export async function adminGetAgency(db: Db, actor: Principal, code: string) {
  const agency = await loadAgency(db, code);
  requireRoleOver(actor, ADMIN_READ_ROLES, agency.path);
  const units = await store.listUnits(db, agency.id, { activeOnly: false });
  return { ...adminAgencyView(agency), units: units.map(unitView) };
}

function withUniqueConflict<T>(run: () => Promise<T>, make: () => AppError): Promise<T> {
  return run().catch((err: unknown) => {
    throw store.isUniqueViolation(err) ? make() : err;
  });
}

const agencyCodeTaken = () =>
  conflict('AGENCY_CODE_TAKEN', 'Mã định danh đã được sử dụng', 'The agency code is already in use', 'code');

/** Creates an agency under a parent inside the actor's administration scope. */
export async function createAgency(db: Db, actor: Principal, input: CreateAgencyInput) {
  const agency = await withUniqueConflict(
    () =>
      db.transaction().execute(async (tx) => {
        const parent = await store.findAgencyByCode(tx, input.parentCode);
        if (!parent) throw invalid('parentCode', 'Cơ quan cấp trên không tồn tại', 'Unknown parent agency');
        requireRoleOver(actor, ADMIN_ROLES, parent.path);
        if (!parent.active) {
          throw invalid('parentCode', 'Cơ quan cấp trên đã ngừng hoạt động', 'The parent agency is inactive');
        }
        if (!(await store.levelExists(tx, input.level))) {
          throw invalid('level', 'Cấp thực hiện không tồn tại', 'Unknown level');
        }
        if (await store.findAgencyByCode(tx, input.code)) throw agencyCodeTaken();
        const id = await store.insertAgency(
          tx,
          {
            code: input.code,
            name: input.name,
            nameEn: input.nameEn ?? null,
            level: input.level,
            kind: input.kind,
            address: input.address ?? null,
            phone: input.phone ?? null,
          },
          parent,
        );
        await audit.record(tx, {
          actorUserId: actor.userId,
          action: 'agency.create',
          entityType: 'agency',
          entityId: input.code,
          agencyId: id,
          data: { parentCode: parent.code, level: input.level, kind: input.kind },
        });
        return (await store.findAgencyByCode(tx, input.code))!;
      }),
    agencyCodeTaken,
  );
  return adminAgencyView(agency);
}

/** Edits an agency; opening or closing it is for the administrators of its parent, not its own. */
export async function updateAgency(db: Db, actor: Principal, code: string, input: UpdateAgencyInput) {
  const agency = await db
    .transaction()
    .execute(async (tx) => {
      const current = await store.findAgencyByCode(tx, code);
      if (!current) throw agencyNotFound();
      requireRoleOver(actor, ADMIN_ROLES, current.path);
      if (input.active !== undefined && input.active !== current.active) {
        const parent = current.parentCode ? await store.findAgencyByCode(tx, current.parentCode) : undefined;
        if (!parent) throw forbidden();
        requireRoleOver(actor, ADMIN_ROLES, parent.path);
        if (!input.active && (await store.hasActiveChildren(tx, current.id))) {
          throw conflict(
            'AGENCY_HAS_ACTIVE_CHILDREN',
            'Cơ quan còn cơ quan trực thuộc đang hoạt động',
            'The agency still has active child agencies',
            'active',
          );
        }
        if (input.active && !parent.active) {
          throw conflict(
            'PARENT_INACTIVE',
            'Cơ quan cấp trên đã ngừng hoạt động',
            'The parent agency is inactive',
            'active',
          );
        }
      }
      await store.updateAgency(tx, current.id, {
        name: input.name,
        name_en: input.nameEn,
        address: input.address,
        phone: input.phone,
        active: input.active,
      });
      await audit.record(tx, {
        actorUserId: actor.userId,
        action: 'agency.update',
        entityType: 'agency',
        entityId: code,
        agencyId: current.id,
        data: { fields: changedFields(input), ...(input.active === undefined ? {} : { active: input.active }) },
      });
      return (await store.findAgencyByCode(tx, code))!;
    })
    .finally(calendarChanged); // and after the commit (calendar/cache.ts)
  return adminAgencyView(agency);
}

/** Names of the fields a patch sets, for the audit trail (never their values: phones stay out of it). */
export function changedFields(patch: object): string[] {
  return Object.entries(patch)
    .filter(([, v]) => v !== undefined)
    .map(([k]) => k)
    .sort();
}

export async function listAgencyUnits(db: Db, actor: Principal, code: string) {
  const agency = await loadAgency(db, code);
  requireRoleOver(actor, ADMIN_READ_ROLES, agency.path);
  return (await store.listUnits(db, agency.id, { activeOnly: false })).map(unitView);
}

const unitCodeTaken = () =>
  conflict(
    'UNIT_CODE_TAKEN',
    'Mã đơn vị đã có trong cơ quan này',
    'The unit code is already used in this agency',
    'code',
  );

export async function createUnit(db: Db, actor: Principal, agencyCode: string, input: CreateUnitInput) {
  const unit = await withUniqueConflict(
    () =>
      db
        .transaction()
        .execute(async (tx) => {
          const agency = await store.findAgencyByCode(tx, agencyCode);
          if (!agency) throw agencyNotFound();
          requireRoleOver(actor, ADMIN_ROLES, agency.path);
          if (await store.findUnitByCode(tx, agency.id, input.code)) throw unitCodeTaken();
          const id = await store.insertUnit(tx, { agencyId: agency.id, ...input });
          await audit.record(tx, {
            actorUserId: actor.userId,
            action: 'unit.create',
            entityType: 'unit',
            entityId: id,
            agencyId: agency.id,
            data: { code: input.code, kind: input.kind },
          });
          return (await store.findUnit(tx, id))!;
        })
        .finally(store.unitsChanged), // and after the commit (shared/process-cache.ts)
    unitCodeTaken,
  );
  return unitView(unit);
}

export async function updateUnit(db: Db, actor: Principal, id: number, input: UpdateUnitInput) {
  const unit = await db
    .transaction()
    .execute(async (tx) => {
      const current = await store.findUnit(tx, id);
      if (!current) throw unitNotFound();
      requireRoleOver(actor, ADMIN_ROLES, current.agencyPath);
      await store.updateUnit(tx, id, { name: input.name, kind: input.kind, active: input.active });
      await audit.record(tx, {
        actorUserId: actor.userId,
        action: 'unit.update',
        entityType: 'unit',
        entityId: id,
        agencyId: current.agencyId,
        data: { fields: changedFields(input), ...(input.active === undefined ? {} : { active: input.active }) },
      });
      return (await store.findUnit(tx, id))!;
    })
    .finally(store.unitsChanged); // and after the commit (shared/process-cache.ts)
  return unitView(unit);
}
