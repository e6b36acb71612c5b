import { sql, type SqlBool } from 'kysely';
import type { Executor, Tx } from '../../db/database';
import type { Period } from '../reports/rules';
import type { RatingChannel, RatingLevel, RatingReason } from './rules';

/** What rating a dossier needs to know of it; never the applicant's personal data. */
export type RatedDossier = {
  id: number;
  code: string;
  agency_id: number;
  agency_path: string;
  agency_name: string;
  procedure_code: string;
  procedure_name: string;
  status: string;
  returned_at: Date | null;
  holder_unit_id: number | null;
  holder_user_id: number | null;
  applicant_user_id: number | null;
};

function dossierQuery(db: Executor) {
  return db
    .selectFrom('dossiers as d')
    .innerJoin('agencies as a', 'a.id', 'd.agency_id')
    .select([
      'd.id',
      'd.code',
      'd.agency_id',
      'a.path as agency_path',
      'a.name as agency_name',
      'd.procedure_code',
      'd.procedure_name',
      'd.status',
      'd.returned_at',
      'd.holder_unit_id',
      'd.holder_user_id',
      'd.applicant_user_id',
    ]);
}

/** The dossier, its row locked: ratings of one dossier wait for each other. */
export async function lockDossier(tx: Tx, where: { code: string } | { id: number }): Promise<RatedDossier | undefined> {
  const q = dossierQuery(tx).forUpdate('d');
  return ('code' in where ? q.where('d.code', '=', where.code) : q.where('d.id', '=', where.id)).executeTakeFirst();
}

export async function findDossierById(db: Executor, id: number): Promise<RatedDossier | undefined> {
  return dossierQuery(db).where('d.id', '=', id).executeTakeFirst();
}

export async function isRated(db: Executor, dossierId: number): Promise<boolean> {
  const row = await db.selectFrom('ratings').select('id').where('dossier_id', '=', dossierId).executeTakeFirst();
  return row !== undefined;
}

export type NewRating = {
  dossier: RatedDossier;
  level: RatingLevel;
  reasons: RatingReason[];
  comment: string | null;
  channel: RatingChannel;
  ratedAt: Date;
  ratedBy: number | null;
};

/**
 * Whom a rating counts for: the officer who returned the result — the one the applicant met at the
 * desk, whom the kiosk's "dossier just returned" is about — and the unit they returned it for, so a
 * unit's satisfaction is the sum of its officers'. The holder is no answer: leader steps have no
 * assignee and neither "result ready" nor "return" moves the holder, so a walked dossier ends with
 * no officer and at the leaders' unit. A dossier returned without a `return` event (imported) keeps
 * its holder. Migration 0013 applied the same rule to the ratings recorded before it.
 */
async function ratedOfficer(tx: Tx, d: RatedDossier): Promise<{ unit_id: number | null; officer_id: number | null }> {
  const returned = await tx
    .selectFrom('dossier_events')
    .select(['actor_unit_id as unit_id', 'actor_user_id as officer_id'])
    .where('dossier_id', '=', d.id)
    .where('action', '=', 'return')
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  return returned ?? { unit_id: d.holder_unit_id, officer_id: d.holder_user_id };
}

/** Inserts the rating; false when the dossier already has one (the unique constraint decides). */
export async function insertRating(tx: Tx, r: NewRating): Promise<boolean> {
  const row = await tx
    .insertInto('ratings')
    .values({
      dossier_id: r.dossier.id,
      agency_id: r.dossier.agency_id,
      procedure_code: r.dossier.procedure_code,
      ...(await ratedOfficer(tx, r.dossier)),
      level: r.level,
      reasons: r.reasons,
      comment: r.comment,
      channel: r.channel,
      rated_at: r.ratedAt,
      rated_by: r.ratedBy,
    })
    .onConflict((oc) => oc.constraint('ratings_one_per_dossier').doNothing())
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

export async function saveLink(tx: Executor, dossierId: number, tokenHash: string, expiresAt: Date): Promise<void> {
  await tx
    .insertInto('rating_links')
    .values({ dossier_id: dossierId, token_hash: tokenHash, expires_at: expiresAt })
    .onConflict((oc) =>
      oc.column('dossier_id').doUpdateSet({ token_hash: tokenHash, expires_at: expiresAt, used_at: null }),
    )
    .execute();
}

export async function findLink(db: Executor, tokenHash: string) {
  return db
    .selectFrom('rating_links')
    .select(['dossier_id', 'expires_at', 'used_at'])
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
}

export async function useLink(tx: Tx, dossierId: number, at: Date): Promise<void> {
  await tx.updateTable('rating_links').set({ used_at: at }).where('dossier_id', '=', dossierId).execute();
}

/** Dossiers returned at the agency since `since` and not rated yet, the latest first. */
export async function recentReturns(db: Executor, agencyId: number, since: Date) {
  return db
    .selectFrom('dossiers as d')
    .leftJoin('ratings as r', 'r.dossier_id', 'd.id')
    .select(['d.code', 'd.procedure_name', 'd.returned_at'])
    .where('d.agency_id', '=', agencyId)
    .where('d.status', '=', 'returned')
    .where('d.returned_at', '>=', since)
    .where('r.id', 'is', null)
    .orderBy('d.returned_at', 'desc')
    .limit(20)
    .execute();
}

export const RATING_GROUPS = ['agency', 'unit', 'officer', 'procedure'] as const;
export type RatingGroup = (typeof RATING_GROUPS)[number];
const GROUP_COLUMN: Record<RatingGroup, string> = {
  agency: 'r.agency_id',
  unit: 'r.unit_id',
  officer: 'r.officer_id',
  procedure: 'r.procedure_code',
};

export const inPaths = (column: string, paths: readonly string[]) =>
  sql<SqlBool>`${sql.ref(column)} IN (SELECT id FROM agencies WHERE ${sql.join(
    paths.map((p) => sql`path LIKE ${`${p}%`}`),
    sql` OR `,
  )})`;

/**
 * The ratings a result reads: made in the period, in the agencies of `paths` (alias `r`). The counts
 * and the list of rated dossiers share it, so the list holds exactly the dossiers counted.
 */
export const ratingsInScope = (paths: readonly string[], p: Period) =>
  sql<SqlBool>`${inPaths('r.agency_id', paths)} AND r.rated_at >= ${p.start}::timestamptz AND r.rated_at < ${p.end}::timestamptz`;

/** Ratings made in the period in the agencies of `paths`, per group and level. */
export async function ratingCounts(
  db: Executor,
  paths: readonly string[],
  p: Period,
  groupBy: RatingGroup | null,
): Promise<{ key: string | null; level: string; n: number }[]> {
  const key = groupBy === null ? sql`NULL::text` : sql`CAST(${sql.ref(GROUP_COLUMN[groupBy])} AS text)`;
  const { rows } = await sql<{ key: string | null; level: string; n: number }>`
    SELECT ${key} AS key, r.level, COUNT(*) AS n
    FROM ratings r
    WHERE ${ratingsInScope(paths, p)}
    GROUP BY 1, 2`.execute(db);
  return rows;
}

/** The rated dossiers behind `ratingCounts`' numbers, the latest rating first; no applicant data. */
export async function ratedDossiers(
  db: Executor,
  paths: readonly string[],
  p: Period,
  level: RatingLevel | undefined,
  page: { limit: number; offset: number },
) {
  let q = db.selectFrom('ratings as r').where(ratingsInScope(paths, p));
  if (level) q = q.where('r.level', '=', level);
  const rows = await q
    .innerJoin('dossiers as d', 'd.id', 'r.dossier_id')
    .innerJoin('agencies as a', 'a.id', 'r.agency_id')
    .leftJoin('units as u', 'u.id', 'r.unit_id')
    .leftJoin('users as o', 'o.id', 'r.officer_id')
    .select([
      'd.code',
      'r.procedure_code',
      'd.procedure_name',
      'a.code as agency_code',
      'a.name as agency_name',
      'r.level',
      'r.reasons',
      'r.channel',
      'r.rated_at',
      'u.code as unit_code',
      'u.name as unit_name',
      'o.username as officer_username',
      'o.full_name as officer_name',
    ])
    .orderBy('r.rated_at', 'desc')
    .orderBy('r.id', 'desc')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  const { n } = await q.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  return { rows, total: Number(n) };
}
