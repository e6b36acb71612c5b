import { KIOSK_WINDOW_MS, checkRating, type RatingChannel, type RatingLevel } from '../../modules/feedback/rules';
import { resolutionTimeliness } from '../../modules/reports/rules';
import type { PlannedDossier } from './plan';
import type { Random } from './random';

/**
 * The satisfaction rating an applicant gives a returned dossier, pure (docs/quality-index.md): about
 * three in five returned dossiers are rated, at the desk's kiosk in the same visit, on the portal by
 * the citizen account that filed it online, or through the link sent with the result; most are very
 * satisfied or satisfied, a late result is more often not. A rating later than `asOf` is not made yet.
 */
export type PlannedRating = {
  level: RatingLevel;
  reasons: string[];
  comment: string | null;
  channel: RatingChannel;
  ratedAt: Date;
  /** The kiosk's reception officer or the citizen account; null for a link. */
  ratedBy: number | null;
};

const MINUTE = 60_000;
const RATED_SHARE = 0.6;

const PRAISE = [
  'Cán bộ hướng dẫn nhiệt tình, chu đáo.',
  'Trả kết quả sớm hơn ngày hẹn, cảm ơn bộ phận một cửa.',
  'Thủ tục nhanh gọn, không phải chờ lâu.',
];
/** Reasons other than "late" and "other", for a result on time that still disappointed. */
const COMPLAINTS = ['extra_documents', 'many_trips', 'attitude', 'unclear_guidance', 'result_error'] as const;
const OTHER_TEXT = [
  'Khu vực chờ đông, thiếu ghế ngồi.',
  'Không tra cứu được tiến độ hồ sơ trên Cổng dịch vụ công.',
  'Máy lấy số thứ tự bị hỏng.',
];

export function planRating(p: PlannedDossier, rng: Random, asOf: Date): PlannedRating | null {
  const s = p.state;
  if (s.status !== 'returned' || !s.returnedAt) return null;
  if (!rng.chance(RATED_SHARE)) return null;
  const returnEvent = p.events.find((e) => e.event.action === 'return')!;
  const online = p.applicantUserId !== null;
  const channel: RatingChannel = online ? (rng.chance(0.55) ? 'portal' : 'link') : rng.chance(0.7) ? 'kiosk' : 'link';
  const after =
    channel === 'kiosk'
      ? rng.int(1, KIOSK_WINDOW_MS / MINUTE - 15)
      : channel === 'portal'
        ? rng.int(60, 5 * 24 * 60)
        : rng.int(30, 10 * 24 * 60);
  const ratedAt = new Date(s.returnedAt.getTime() + after * MINUTE);
  if (ratedAt > asOf) return null;
  const late = s.resolvedAt && s.originalDueAt && resolutionTimeliness(s.resolvedAt, s.originalDueAt) === 'late';
  const u = rng.next();
  const notSatisfied = late ? 0.4 : 0.04;
  const level: RatingLevel =
    u < notSatisfied ? 'not_satisfied' : u < notSatisfied + 0.35 ? 'satisfied' : 'very_satisfied';
  let reasons: string[] = [];
  let comment: string | null = null;
  if (level === 'not_satisfied') {
    if (late) reasons.push('late');
    if (!late || rng.chance(0.3)) reasons.push(rng.chance(0.15) ? 'other' : rng.pick(COMPLAINTS));
    if (reasons.includes('other')) comment = rng.pick(OTHER_TEXT);
  } else if (level === 'very_satisfied' && rng.chance(0.08)) {
    comment = rng.pick(PRAISE);
  }
  reasons = checkRating({ level, reasons, comment }).reasons;
  const ratedBy =
    channel === 'kiosk' ? returnEvent.event.actor.userId : channel === 'portal' ? p.applicantUserId : null;
  return { level, reasons, comment, channel, ratedAt, ratedBy };
}
