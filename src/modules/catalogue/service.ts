import type { Db, Executor } from '../../db/database';
import { conflict, invalid, notFound } from '../../shared/errors';
import type { Principal } from '../identity/rules';
import { publishDecision, upsertField, type Actor } from './publish';
import { effectiveDeadline, normalizeContent, rankCandidates, searchQuery, vietnamDate, versionInForce } from './rules';
import type { ListQuery, FieldEntry, ContentInput, DecisionInput } from './schema';
import { catalogueChanged, listInForce, searchInForce } from './search-index';
import type { ListFilter } from './search-store';
import { findAgencies, findFields, findProcedure, listFields, listLevels, unitsOf } from './store';
import { implementingAgencies, loadVersion, versionHeads, versionImplementedBy } from './version-store';
import { cachedVersion } from './version-cache';
import { publicDetail, versionDetail, type ProcedureVersionDetail, type PublicDetail } from './views';
import { pageLimits } from '../../shared/paging';

export type { ProcedureVersionDetail, PublicDetail } from './views';
export { importProcedures, importProceduresTx, importProceduresXlsx } from './import';
export type { ImportReport, ImportRejection } from './import';

const procedureNotFound = () => notFound('Procedure', 'thủ tục', 'code');

/** The id of the version of `code` in force on `date`, or null (unknown code, not yet or no longer in force). */
async function versionIdAt(db: Executor, code: string, date: string): Promise<number | null> {
  const procedure = await findProcedure(db, code);
  if (!procedure) return null;
  return versionInForce(await versionHeads(db, procedure.id), date)?.id ?? null;
}

/** The version of a procedure in force at `at` (its date in Vietnam): what a dossier received then follows. */
export async function findVersionInForce(
  db: Executor,
  procedureCode: string,
  at: Date,
): Promise<ProcedureVersionDetail | null> {
  const id = await versionIdAt(db, procedureCode, vietnamDate(at));
  return id === null ? null : versionDetail(await loadVersion(db, id));
}

/**
 * `findVersionInForce` from the process's copy of `db`'s catalogue (version-cache.ts), read through `tx`
 * on a miss. The intake's hot path; the returned detail is shared, never change it.
 */
export function findVersionInForceCached(
  db: Db,
  tx: Executor,
  procedureCode: string,
  at: Date,
): Promise<ProcedureVersionDetail | null> {
  return cachedVersion(db, procedureCode, vietnamDate(at), () => findVersionInForce(tx, procedureCode, at));
}

/** Whether the agency implements this version (the agency's level and activity read now, not cached). */
export function implementsVersion(db: Executor, versionId: number, agencyId: number): Promise<boolean> {
  return versionImplementedBy(db, versionId, agencyId);
}

/** Whether the agency implements the version of the procedure in force at `at` (default: now). */
export async function isImplementedBy(
  db: Executor,
  procedureId: number,
  agencyId: number,
  at: Date = new Date(),
): Promise<boolean> {
  const v = versionInForce(await versionHeads(db, procedureId), vietnamDate(at));
  return v !== null && versionImplementedBy(db, v.id, agencyId);
}

const vietnameseOrder = new Intl.Collator('vi');

/** Fields in Vietnamese alphabetical order (the database's collation differs between servers). */
export async function fieldList(db: Db) {
  const rows = (await listFields(db)).sort((a, b) => vietnameseOrder.compare(a.name, b.name));
  return { items: rows.map((f) => ({ code: f.code, name: f.name, nameEn: f.nameEn })) };
}

async function listFilter(db: Db, q: ListQuery, now: Date): Promise<ListFilter> {
  const filter: ListFilter = { date: q.at ?? vietnamDate(now) };
  if (q.field) {
    const [field] = await findFields(db, [q.field]);
    if (!field) throw invalid('field', `Lĩnh vực mã "${q.field}" không tồn tại`, `Unknown field code "${q.field}"`);
    filter.fieldId = field.id;
  }
  if (q.level) {
    if (!(await listLevels(db)).some((l) => l.code === q.level)) {
      throw invalid('level', `Cấp thực hiện "${q.level}" không tồn tại`, `Unknown level "${q.level}"`);
    }
    filter.level = q.level;
  }
  if (q.agency) {
    const [agency] = await findAgencies(db, [q.agency]);
    if (!agency) throw invalid('agency', `Cơ quan mã "${q.agency}" không tồn tại`, `Unknown agency code "${q.agency}"`);
    filter.agency = agency;
  }
  return filter;
}

/** The public catalogue: procedures in force today (or `at`), searched without diacritics, best match first. */
export async function searchProcedures(db: Db, q: ListQuery, now = new Date()) {
  const filter = await listFilter(db, q, now);
  const query = searchQuery(q.q);
  const { offset } = pageLimits(q);
  const matching = query
    ? rankCandidates(query, await searchInForce(db, filter, query))
    : await listInForce(db, filter);
  const items = matching.slice(offset, offset + q.pageSize).map((item) => ({
    code: item.code,
    name: item.name,
    field: item.field,
    level: item.level,
    deadline: item.deadline,
    reducedDeadline: item.reducedDeadline,
    fees: item.fees,
    channels: item.channels,
    onlineLevel: item.onlineLevel,
    effectiveDeadline: effectiveDeadline(item.deadline, item.reducedDeadline),
  }));
  return { items, total: matching.length, page: q.page, pageSize: q.pageSize };
}

async function publicView(db: Executor, versionId: number): Promise<PublicDetail> {
  const v = await loadVersion(db, versionId);
  const implementing = await implementingAgencies(db, versionId);
  const others = await findAgencies(
    db,
    v.content.process.flatMap((s) => (s.agency ? [s.agency] : [])),
  );
  const units = await unitsOf(
    db,
    [...implementing, ...others].map((a) => a.id),
  );
  return publicDetail(v, implementing, others, units);
}

/** The full procedure in force on `at` (default today); 404 when unknown or not in force then. */
export async function getProcedure(db: Db, code: string, at?: string, now = new Date()): Promise<PublicDetail> {
  const date = at ?? vietnamDate(now);
  const id = await versionIdAt(db, code, date);
  if (id === null) {
    if (!(await findProcedure(db, code))) throw procedureNotFound();
    throw notFound(
      `Procedure version in force on ${date}`,
      `phiên bản thủ tục có hiệu lực vào ngày ${date} (thủ tục chưa có hiệu lực hoặc đã bị bãi bỏ)`,
      'code',
    );
  }
  return publicView(db, id);
}

/** Every version with its decision, oldest first, marking the one in force today. */
export async function procedureHistory(db: Db, code: string, now = new Date()) {
  const procedure = await findProcedure(db, code);
  if (!procedure) throw procedureNotFound();
  const heads = await versionHeads(db, procedure.id);
  const inForce = versionInForce(heads, vietnamDate(now));
  const versions = await Promise.all(heads.map((h) => loadVersion(db, h.id)));
  return {
    code,
    items: versions.map((v) => ({
      version: v.seq,
      name: v.content.name,
      field: { code: v.content.field, name: v.fieldName },
      level: v.content.level,
      deadline: v.content.deadline,
      reducedDeadline: v.content.reducedDeadline,
      decision: v.decision,
      inForce: v.id === inForce?.id,
    })),
  };
}

const apiActor = (p: Principal): Actor => ({ userId: p.userId, principal: p, via: 'api' });

/** Creates a procedure with its first version (an administrator, within their scope). */
export async function createProcedure(
  db: Db,
  p: Principal,
  body: ContentInput & { code: string; decision: DecisionInput },
): Promise<PublicDetail> {
  return db
    .transaction()
    .execute(async (tx) => {
      const r = await publishDecision(tx, body.code, normalizeContent(body), body.decision, apiActor(p));
      if (r.versionId === null) {
        throw conflict('PROCEDURE_EXISTS', 'Mã thủ tục đã tồn tại', 'The procedure code exists', 'code');
      }
      return publicView(tx, r.versionId);
    })
    .finally(catalogueChanged);
}

/** Publishes an amended or replacing version, in force from its decision's effective date. */
export async function publishVersion(
  db: Db,
  p: Principal,
  code: string,
  body: ContentInput & { decision: DecisionInput },
): Promise<PublicDetail> {
  return db
    .transaction()
    .execute(async (tx) => {
      if (!(await findProcedure(tx, code))) throw procedureNotFound();
      const r = await publishDecision(tx, code, normalizeContent(body), body.decision, apiActor(p));
      if (r.versionId === null) {
        throw conflict(
          'VERSION_UNCHANGED',
          'Nội dung giống phiên bản hiện hành; không có gì để công bố',
          'The content equals the latest version; nothing to publish',
        );
      }
      return publicView(tx, r.versionId);
    })
    .finally(catalogueChanged);
}

/** Abolishes a procedure from the decision's effective date; it stays listed until the day before. */
export async function abolishProcedure(
  db: Db,
  p: Principal,
  code: string,
  decision: Omit<DecisionInput, 'type'>,
): Promise<{ code: string; abolishedFrom: string }> {
  return db
    .transaction()
    .execute(async (tx) => {
      if (!(await findProcedure(tx, code))) throw procedureNotFound();
      const r = await publishDecision(tx, code, null, { ...decision, type: 'abolished' }, apiActor(p));
      if (r.versionId === null) {
        throw conflict('ALREADY_ABOLISHED', 'Thủ tục đã bị bãi bỏ', 'The procedure is already abolished', 'code');
      }
      return { code, abolishedFrom: decision.effectiveFrom };
    })
    .finally(catalogueChanged);
}

/** Creates or renames a field (lĩnh vực); the province administrator only. */
export async function saveField(db: Db, p: Principal, f: FieldEntry) {
  const result = await db
    .transaction()
    .execute((tx) => upsertField(tx, f, apiActor(p)))
    .finally(catalogueChanged);
  return { code: f.code, name: f.name, nameEn: f.nameEn || null, result };
}
