import { conflict, invalid } from '../../shared/errors';

/**
 * The feedback rules, pure (docs/quality-index.md): satisfaction ratings, the complaint lifecycle,
 * officer and unit evaluation, and the service-quality index after Decision 766/QĐ-TTg.
 */

/** A share `n / d` in 0..1; null when there is nothing to measure (never 0 or 1 by default). */
export function rate(n: number, d: number): number | null {
  return d === 0 ? null : n / d;
}

// ---------------------------------------------------------------- ratings (đánh giá mức độ hài lòng)

export const RATING_LEVELS = ['very_satisfied', 'satisfied', 'not_satisfied'] as const;
export type RatingLevel = (typeof RATING_LEVELS)[number];
export const RATING_CHANNELS = ['kiosk', 'portal', 'link'] as const;
export type RatingChannel = (typeof RATING_CHANNELS)[number];

/** Why an applicant is not satisfied: a fixed list, so reasons can be counted. */
export const RATING_REASONS = {
  late: { vi: 'Trả kết quả trễ hẹn', en: 'The result came later than promised' },
  extra_documents: { vi: 'Yêu cầu thêm giấy tờ ngoài quy định', en: 'Documents beyond those required were asked for' },
  many_trips: { vi: 'Phải đi lại nhiều lần', en: 'Had to come back several times' },
  attitude: { vi: 'Thái độ cán bộ chưa đúng mực', en: 'The officer was not courteous' },
  unclear_guidance: { vi: 'Hướng dẫn không rõ ràng, đầy đủ', en: 'The guidance was unclear or incomplete' },
  extra_fees: { vi: 'Thu phí, lệ phí ngoài quy định', en: 'Fees beyond those set were charged' },
  result_error: { vi: 'Kết quả có sai sót', en: 'The result had errors' },
  other: { vi: 'Lý do khác', en: 'Another reason' },
} as const;
export type RatingReason = keyof typeof RATING_REASONS;
export const REASON_CODES = Object.keys(RATING_REASONS) as RatingReason[];

export type RatingInput = { level: RatingLevel; reasons?: readonly string[]; comment?: string | null };

/**
 * The reasons and comment kept with a rating: "not satisfied" names at least one reason of the list
 * (and "other" needs the text); the satisfied levels carry no reasons.
 */
export function checkRating(input: RatingInput): { reasons: RatingReason[]; comment: string | null } {
  const reasons = [...new Set(input.reasons ?? [])];
  const comment = input.comment?.trim() || null;
  const unknown = reasons.find((r) => !(REASON_CODES as string[]).includes(r));
  if (unknown !== undefined) {
    throw invalid('reasons', `Lý do không có trong danh mục: ${unknown}`, `Not a listed reason: ${unknown}`);
  }
  if (input.level !== 'not_satisfied') {
    if (reasons.length > 0) {
      throw invalid('reasons', 'Chỉ nêu lý do khi chưa hài lòng', 'Reasons are given only when not satisfied');
    }
    return { reasons: [], comment };
  }
  if (reasons.length === 0) {
    throw invalid('reasons', 'Vui lòng chọn ít nhất một lý do chưa hài lòng', 'Choose at least one reason');
  }
  if (reasons.includes('other') && comment === null) {
    throw invalid('comment', 'Vui lòng ghi rõ lý do khác', 'Please describe the other reason');
  }
  return { reasons: reasons as RatingReason[], comment };
}

export type LevelCounts = { verySatisfied: number; satisfied: number; notSatisfied: number };
export type Satisfaction = LevelCounts & { total: number; satisfactionRate: number | null };

/** Counts per level and the satisfaction rate: (very satisfied + satisfied) / all ratings. */
export function satisfactionOf(c: LevelCounts): Satisfaction {
  const total = c.verySatisfied + c.satisfied + c.notSatisfied;
  return { ...c, total, satisfactionRate: rate(c.verySatisfied + c.satisfied, total) };
}

export function levelCounts(rows: readonly { level: string; n: number }[]): LevelCounts {
  const c: LevelCounts = { verySatisfied: 0, satisfied: 0, notSatisfied: 0 };
  for (const r of rows) {
    if (r.level === 'very_satisfied') c.verySatisfied += r.n;
    else if (r.level === 'satisfied') c.satisfied += r.n;
    else c.notSatisfied += r.n;
  }
  return c;
}

/** How long after the return a kiosk may still record the rating of a dossier (at the desk, same visit). */
export const KIOSK_WINDOW_MS = 2 * 60 * 60 * 1000;
/** How long a rating link sent with the result stays valid. */
export const LINK_VALID_MS = 30 * 24 * 60 * 60 * 1000;

// ---------------------------------------------------------------- complaints (phản ánh, kiến nghị)

export const COMPLAINT_KINDS = ['complaint', 'suggestion'] as const;
export const COMPLAINT_STATUSES = ['received', 'assigned', 'answered', 'published'] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];
export const COMPLAINT_ACTIONS = ['assign', 'answer', 'publish'] as const;
export type ComplaintAction = (typeof COMPLAINT_ACTIONS)[number];

export const COMPLAINT_STATUS_NAMES: Record<ComplaintStatus, { vi: string; en: string }> = {
  received: { vi: 'Đã tiếp nhận', en: 'Received' },
  assigned: { vi: 'Đã phân công xử lý', en: 'Assigned' },
  answered: { vi: 'Đã trả lời', en: 'Answered' },
  published: { vi: 'Đã công khai', en: 'Published' },
};

/** The complaint lifecycle: received → assigned (again to reassign) → answered → published. */
const COMPLAINT_TRANSITIONS: Record<ComplaintAction, readonly ComplaintStatus[]> = {
  assign: ['received', 'assigned'],
  answer: ['assigned'],
  publish: ['answered'],
};
const COMPLAINT_TARGET: Record<ComplaintAction, ComplaintStatus> = {
  assign: 'assigned',
  answer: 'answered',
  publish: 'published',
};

/** The status `action` leads to from `status`; 409 when the complaint is not at a point that allows it. */
export function complaintTransition(status: ComplaintStatus, action: ComplaintAction): ComplaintStatus {
  if (!COMPLAINT_TRANSITIONS[action].includes(status)) {
    const s = COMPLAINT_STATUS_NAMES[status];
    throw conflict(
      'COMPLAINT_STATUS_CONFLICT',
      `Phản ánh, kiến nghị đang ở trạng thái "${s.vi}", không thể thực hiện thao tác này`,
      `The complaint is ${s.en.toLowerCase()}; this action is not allowed now`,
      'status',
    );
  }
  return COMPLAINT_TARGET[action];
}

/** Overdue: not answered by its due time (judged at `now`, or at the answer once there is one). */
export function complaintOverdue(c: { dueAt: Date; answeredAt: Date | null }, now: Date): boolean {
  return (c.answeredAt ?? now).getTime() > c.dueAt.getTime();
}

/** What stands in a published complaint where personal data was. */
export const REDACTED = '[…]';
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;
/**
 * An ID number (CMND 9 digits, CCCD 12: a run of 9 or more), or a phone number (0 or +84 and 8 to 10
 * more digits, maybe grouped by spaces, dots or hyphens); not a date, an amount of money or a dossier code.
 */
const ID_OR_PHONE = /(?<![\p{L}\p{N}.,-])(?:\d{9,}|(?:\+84|0)(?:[ .-]?\d){8,10})(?![\p{L}\p{N}])/gu;
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A complaint's text as the public may read it: the sender's name, phone and email, and any email
 * address or phone or ID number, replaced by `REDACTED` (domain.md: public when resolved, never
 * personal data). The publisher edits the rest; this catches what an edit forgets.
 */
export function withoutPersonalData(
  text: string,
  contact: { name: string; phone: string | null; email: string | null },
): string {
  let out = text.normalize('NFC');
  for (const known of [contact.email, contact.phone, contact.name]) {
    const value = known?.normalize('NFC').trim();
    if (!value) continue;
    // As a whole word: a sender named "An" leaves "Thanh" alone.
    out = out.replace(new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(value)}(?![\\p{L}\\p{N}])`, 'giu'), REDACTED);
  }
  return out.replace(EMAIL, REDACTED).replace(ID_OR_PHONE, REDACTED);
}

/**
 * Decree 20/2008/NĐ-CP leaves agencies 10 working days to deal with a citizen's feedback; the desk
 * may set another number (feedback settings).
 */
export const DEFAULT_COMPLAINT_DEADLINE_DAYS = 10;

// ---------------------------------------------------------------- evaluation of officers and units

export type StepCounts = { early: number; onTime: number; late: number };

export type EvaluationFacts = StepCounts & { lateCaused: number } & LevelCounts;

export type Evaluation = {
  handled: number;
  early: number;
  onTime: number;
  late: number;
  onTimeRate: number | null;
  lateCaused: number;
  satisfaction: Satisfaction;
};

/** Volume (steps completed), on-time rate, late dossiers caused (apologies) and satisfaction of one group. */
export function evaluationOf(f: EvaluationFacts): Evaluation {
  const handled = f.early + f.onTime + f.late;
  return {
    handled,
    early: f.early,
    onTime: f.onTime,
    late: f.late,
    onTimeRate: rate(f.early + f.onTime, handled),
    lateCaused: f.lateCaused,
    satisfaction: satisfactionOf(f),
  };
}

// ---------------------------------------------------------------- service-quality index (766/QĐ-TTg)

export const QUALITY_COMPONENTS = ['disclosure', 'progress', 'onlineUse', 'digitisation', 'satisfaction'] as const;
export type QualityComponent = (typeof QUALITY_COMPONENTS)[number];
export type QualityWeights = Record<QualityComponent, number>;
/** Each component in 0..1, null when the agency has nothing to measure it by in the period. */
export type QualityScores = Record<QualityComponent, number | null>;

/**
 * The points Decision 766/QĐ-TTg gives the groups this system measures: công khai, minh bạch 18;
 * tiến độ giải quyết 20; dịch vụ công trực tuyến 12; số hóa hồ sơ 22; mức độ hài lòng 18 (online
 * payment, 10 points, is not measured here).
 */
export const DEFAULT_WEIGHTS: QualityWeights = {
  disclosure: 18,
  progress: 20,
  onlineUse: 12,
  digitisation: 22,
  satisfaction: 18,
};

export function checkWeights(w: QualityWeights): QualityWeights {
  for (const k of QUALITY_COMPONENTS) {
    if (!Number.isFinite(w[k]) || w[k] < 0) {
      throw invalid(`weights.${k}`, 'Trọng số phải là số không âm', 'A weight must be a non-negative number');
    }
  }
  if (QUALITY_COMPONENTS.every((k) => w[k] === 0)) {
    throw invalid('weights', 'Phải có ít nhất một trọng số dương', 'At least one weight must be positive');
  }
  return w;
}

/**
 * The index on a 0–100 scale: the weighted mean of the components that have data,
 * `100 · Σ wᵢ·cᵢ / Σ wᵢ` over those components; `coverage` is the share of the weight they carry.
 * A component without data is left out rather than counted as 0 or 1; null when none has data.
 */
export function qualityIndex(
  scores: QualityScores,
  weights: QualityWeights,
): { index: number | null; coverage: number } {
  let sum = 0;
  let weight = 0;
  let all = 0;
  for (const k of QUALITY_COMPONENTS) {
    all += weights[k];
    const c = scores[k];
    if (c === null || weights[k] === 0) continue;
    sum += weights[k] * c;
    weight += weights[k];
  }
  return {
    index: weight === 0 ? null : Math.round((1000 * sum) / weight) / 10,
    coverage: all === 0 ? 0 : weight / all,
  };
}

/**
 * Ranks by index (higher first), ties sharing a rank (1, 2, 2, 4), then by code for a stable order;
 * agencies without an index come last, unranked.
 */
export function rankByIndex<T extends { code: string; index: number | null }>(rows: readonly T[]) {
  const sorted = [...rows].sort(
    (a, b) => (b.index ?? -1) - (a.index ?? -1) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  );
  return sorted.map((r, i) => {
    const first = sorted.findIndex((s) => s.index === r.index);
    return { ...r, rank: r.index === null ? null : (first === -1 ? i : first) + 1 };
  });
}

export type PublishedProcedure = {
  components: number;
  steps: number;
  legalBasis: number;
  hasResultType: boolean;
  deadlineValue: number;
};

/**
 * A procedure is disclosed with complete data (công khai đầy đủ) when its public entry lists the
 * dossier components, the internal process, the legal basis, the result and a deadline.
 */
export function disclosureComplete(p: PublishedProcedure): boolean {
  return p.components > 0 && p.steps > 0 && p.legalBasis > 0 && p.hasResultType && p.deadlineValue > 0;
}
