import { createHash, randomBytes } from 'node:crypto';
import type { Db, Tx } from '../../db/database';
import { audit } from '../../shared/audit';
import { requireRoleOver } from '../../shared/auth';
import { AppError, conflict, notFound } from '../../shared/errors';
import type { Principal } from '../identity/rules';
import { formatVietnamTime } from '../calendar/dates';
import { groupNames } from '../reports/store';
import { periodOf } from '../reports/rules';
import * as store from './rating-store';
import {
  KIOSK_WINDOW_MS,
  LINK_VALID_MS,
  RATING_REASONS,
  checkRating,
  levelCounts,
  satisfactionOf,
  type RatingChannel,
  type RatingInput,
  type RatingLevel,
  type RatingReason,
} from './rules';
import { RESULT_ROLES, agencyByCode, scopeOf } from './scope';
import { pageLimits } from '../../shared/paging';

/**
 * Satisfaction ratings (đánh giá mức độ hài lòng) of returned dossiers, one per dossier, from the
 * desk's kiosk, the citizen's portal account, or the one-time link sent with the returned result.
 */

export const hashToken = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

/**
 * Creates the one-time rating link of a returned dossier inside the return's transaction and answers
 * the token to put in the applicant's message; only its hash is stored.
 */
export async function issueRatingLink(tx: Tx, dossierId: number, now: Date): Promise<string> {
  const token = randomBytes(24).toString('base64url');
  await store.saveLink(tx, dossierId, hashToken(token), new Date(now.getTime() + LINK_VALID_MS));
  return token;
}

const alreadyRated = () =>
  conflict(
    'RATING_EXISTS',
    'Hồ sơ này đã được đánh giá; mỗi hồ sơ chỉ được đánh giá một lần',
    'This dossier has already been rated; a dossier is rated once',
  );

const notReturned = () =>
  conflict(
    'DOSSIER_NOT_RETURNED',
    'Chỉ đánh giá được hồ sơ đã trả kết quả',
    'Only a dossier whose result has been returned can be rated',
    'code',
  );

const ratingView = (d: store.RatedDossier, r: { level: string; channel: RatingChannel; ratedAt: Date }) => ({
  dossier: d.code,
  level: r.level,
  channel: r.channel,
  ratedAt: formatVietnamTime(r.ratedAt),
});

/** The one writer of a rating: the dossier is locked, returned, not rated yet; the rating is audited. */
async function record(
  tx: Tx,
  d: store.RatedDossier,
  input: RatingInput,
  channel: RatingChannel,
  ratedBy: number | null,
  now: Date,
) {
  if (d.status !== 'returned') throw notReturned();
  const { reasons, comment } = checkRating(input);
  const inserted = await store.insertRating(tx, {
    dossier: d,
    level: input.level,
    reasons,
    comment,
    channel,
    ratedAt: now,
    ratedBy,
  });
  if (!inserted) throw alreadyRated();
  await store.useLink(tx, d.id, now);
  await audit.record(tx, {
    actorUserId: ratedBy,
    action: 'rating.record',
    entityType: 'dossier',
    entityId: d.code,
    agencyId: d.agency_id,
    data: { level: input.level, channel, reasons },
  });
  return ratingView(d, { level: input.level, channel, ratedAt: now });
}

const linkNotFound = () => notFound('Rating link', 'đường dẫn đánh giá', 'token');

async function validLink(db: Db | Tx, token: string, now: Date) {
  const link = await store.findLink(db, hashToken(token));
  if (!link) throw linkNotFound();
  if (link.expires_at.getTime() <= now.getTime()) {
    throw new AppError(
      'RATING_LINK_EXPIRED',
      410,
      'Đường dẫn đánh giá đã hết hạn',
      'The rating link has expired',
      'token',
    );
  }
  return link;
}

/** What the rating page shows for a link: the dossier by code and procedure, no personal data. */
export async function linkInfo(db: Db, token: string, now = new Date()) {
  const link = await validLink(db, token, now);
  const d = await store.findDossierById(db, link.dossier_id);
  if (!d) throw linkNotFound();
  return {
    dossier: { code: d.code, procedure: d.procedure_name, agency: d.agency_name, returnedAt: iso(d.returned_at) },
    rated: link.used_at !== null || (await store.isRated(db, d.id)),
    reasons: reasonList(),
  };
}

const iso = (d: Date | null) => (d === null ? null : formatVietnamTime(d));

export const reasonList = () => Object.entries(RATING_REASONS).map(([code, name]) => ({ code, ...name }));

/** A rating through the one-time link sent with the result. */
export async function rateByLink(db: Db, token: string, input: RatingInput, now = new Date()) {
  return db.transaction().execute(async (tx) => {
    const link = await validLink(tx, token, now);
    if (link.used_at !== null) throw alreadyRated();
    const d = await store.lockDossier(tx, { id: link.dossier_id });
    if (!d) throw linkNotFound();
    return record(tx, d, input, 'link', null, now);
  });
}

/** A rating on the portal by the citizen account that filed the dossier (others see no such dossier). */
export async function rateAsApplicant(
  db: Db,
  principal: Principal,
  code: string,
  input: RatingInput,
  now = new Date(),
) {
  return db.transaction().execute(async (tx) => {
    const d = await store.lockDossier(tx, { code });
    if (!d || d.applicant_user_id !== principal.userId) throw notFound('Dossier', 'hồ sơ', 'code');
    return record(tx, d, input, 'portal', principal.userId, now);
  });
}

/** The roles a desk kiosk is signed in with: the desk's reception officers. */
export const KIOSK_ROLES = ['reception'] as const;

/**
 * The kiosk of a desk lists the dossiers returned there in the last two hours and not rated yet, by
 * code and procedure only: the applicant who just received a result finds theirs on the printed
 * receipt and rates it in the same visit.
 */
export async function kioskReturns(db: Db, principal: Principal, agencyCode: string, now = new Date()) {
  const agency = await agencyByCode(db, agencyCode);
  requireRoleOver(principal, KIOSK_ROLES, agency.path);
  const rows = await store.recentReturns(db, agency.id, new Date(now.getTime() - KIOSK_WINDOW_MS));
  return {
    agency: { code: agency.code, name: agency.name },
    items: rows.map((r) => ({ code: r.code, procedure: r.procedure_name, returnedAt: iso(r.returned_at) })),
    reasons: reasonList(),
  };
}

/** A rating at the desk's kiosk: a dossier of that agency returned within the kiosk window. */
export async function rateAtKiosk(
  db: Db,
  principal: Principal,
  agencyCode: string,
  input: RatingInput & { code: string },
  now = new Date(),
) {
  return db.transaction().execute(async (tx) => {
    const agency = await agencyByCode(tx, agencyCode);
    requireRoleOver(principal, KIOSK_ROLES, agency.path);
    const d = await store.lockDossier(tx, { code: input.code });
    if (!d || d.agency_id !== agency.id) throw notFound('Dossier', 'hồ sơ', 'code');
    if (d.status === 'returned' && d.returned_at!.getTime() < now.getTime() - KIOSK_WINDOW_MS) {
      throw new AppError(
        'KIOSK_WINDOW_PASSED',
        409,
        'Hồ sơ đã trả kết quả quá 2 giờ: vui lòng đánh giá qua đường dẫn đã gửi hoặc Cổng dịch vụ công',
        'The result was returned more than 2 hours ago: rate it through the link sent or on the portal',
        'code',
      );
    }
    return record(tx, d, input, 'kiosk', principal.userId, now);
  });
}

export type RatingSummaryQuery = { from: string; to: string; agency?: string; groupBy?: store.RatingGroup };

/** Ratings made in the period, in total and per officer, unit, agency or procedure. */
export async function ratingSummary(db: Db, principal: Principal, q: RatingSummaryQuery) {
  const period = periodOf(q.from, q.to);
  const paths = await scopeOf(db, principal, RESULT_ROLES, q.agency);
  const counts = await store.ratingCounts(db, paths, period, q.groupBy ?? null);
  const total = satisfactionOf(levelCounts(counts));
  if (!q.groupBy) return total;
  const groups = new Map<string | null, { level: string; n: number }[]>();
  for (const c of counts) groups.set(c.key, [...(groups.get(c.key) ?? []), c]);
  const keys = [...groups.keys()].filter((k): k is string => k !== null);
  const names = new Map((await groupNames(db, q.groupBy, keys)).map((n) => [n.key, n]));
  const rows = [...groups.entries()].map(([key, rows]) => {
    const n = key === null ? undefined : names.get(key);
    const group = { code: n?.code ?? null, name: n?.name ?? '—', ...(n?.agency ? { agency: n.agency } : {}) };
    return { group, ...satisfactionOf(levelCounts(rows)) };
  });
  rows.sort((a, b) => b.total - a.total || String(a.group.code).localeCompare(String(b.group.code)));
  return { ...total, rows };
}

export type RatedDossierQuery = {
  from: string;
  to: string;
  agency?: string;
  level?: RatingLevel;
  page: number;
  pageSize: number;
};

/**
 * The rated dossiers behind a number of `ratingSummary` (one level, or all): the same roles, scope and
 * period, so `total` is the number the dashboard shows. Procedure, agency, level, reasons and the
 * unit and officer the rating counts for; never the applicant nor the free-text comment, which may name them.
 */
export async function ratedDossierList(db: Db, principal: Principal, q: RatedDossierQuery) {
  const period = periodOf(q.from, q.to);
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (tx) => {
      const paths = await scopeOf(tx, principal, RESULT_ROLES, q.agency);
      const page = pageLimits(q);
      const { rows, total } = await store.ratedDossiers(tx, paths, period, q.level, page);
      const items = rows.map((r) => ({
        code: r.code,
        procedure: { code: r.procedure_code, name: r.procedure_name },
        agency: { code: r.agency_code, name: r.agency_name },
        level: r.level,
        reasons: r.reasons.map((code) => ({
          code,
          ...(RATING_REASONS[code as RatingReason] ?? { vi: code, en: code }),
        })),
        channel: r.channel,
        ratedAt: formatVietnamTime(r.rated_at),
        unit: r.unit_code === null ? null : { code: r.unit_code, name: r.unit_name ?? r.unit_code },
        officer:
          r.officer_username === null
            ? null
            : { username: r.officer_username, fullName: r.officer_name ?? r.officer_username },
      }));
      return { items, total };
    });
}
