import { AppError, conflict, invalid } from '../../shared/errors';
import { foldVietnamese } from '../../shared/text';
import { CHANNELS, type ContentInput, type DecisionType, type DurationUnit } from './schema';

export type Duration = { value: number; unit: DurationUnit };
export type Step = { name: string; unit: string; role: string; agency: string | null; duration: Duration };
export type Fee = { name: string; amount: number; note: string | null };
export type Component = { name: string; originals: number; copies: number; required: boolean; template: string | null };

/** The whole content of one version, normalised so that equal content compares equal. */
export type ProcedureContent = {
  name: string;
  field: string;
  level: string;
  agencies: string[] | null;
  resultAgency: string | null;
  resultType: string | null;
  deadline: Duration;
  reducedDeadline: Duration | null;
  fees: Fee[];
  components: Component[];
  requirements: string | null;
  legalBasis: string[];
  channels: string[];
  onlineLevel: string;
  clockOnResume: string;
  process: Step[];
};

/** The process budget counts one working day as 8 working hours (catalogue-format.md). */
export const HOURS_PER_WORKING_DAY = 8;

export function durationHours(d: Duration): number {
  return d.unit === 'working_days' ? d.value * HOURS_PER_WORKING_DAY : d.value;
}

/** The deadline dossiers are held to: the province's reduced one when set, else the statutory one. */
export function effectiveDeadline(deadline: Duration, reduced: Duration | null): Duration {
  return reduced ?? deadline;
}

const durationVi = (d: Duration) => `${d.value} ${d.unit === 'working_days' ? 'ngày' : 'giờ'} làm việc`;
const durationEn = (d: Duration) =>
  `${d.value} working ${d.unit === 'working_days' ? 'day' : 'hour'}${d.value === 1 ? '' : 's'}`;

const emptyToNull = (s: string | null) => (s ? s : null);

/** Empty texts become null, agencies are a sorted set, channels a set in their canonical order. */
export function normalizeContent(c: ContentInput): ProcedureContent {
  return {
    name: c.name,
    field: c.field,
    level: c.level,
    agencies: c.agencies ? [...new Set(c.agencies)].sort() : null,
    resultAgency: emptyToNull(c.resultAgency),
    resultType: emptyToNull(c.resultType),
    deadline: { value: c.deadline.value, unit: c.deadline.unit },
    reducedDeadline: c.reducedDeadline ? { value: c.reducedDeadline.value, unit: c.reducedDeadline.unit } : null,
    fees: c.fees.map((f) => ({ name: f.name, amount: f.amount, note: emptyToNull(f.note) })),
    components: c.components.map((x) => ({
      name: x.name,
      originals: x.originals,
      copies: x.copies,
      required: x.required,
      template: emptyToNull(x.template),
    })),
    requirements: emptyToNull(c.requirements),
    legalBasis: [...c.legalBasis],
    channels: CHANNELS.filter((ch) => c.channels.includes(ch)),
    onlineLevel: c.onlineLevel,
    clockOnResume: c.clockOnResume,
    process: c.process.map((s) => ({
      name: s.name,
      unit: s.unit,
      role: s.role,
      agency: s.agency,
      duration: { value: s.duration.value, unit: s.duration.unit },
    })),
  };
}

/** Both sides come from `normalizeContent` (or the store in the same key order). */
export function sameContent(a: ProcedureContent, b: ProcedureContent): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Step durations add up to no more than the effective deadline. */
export function checkProcessBudget(c: Pick<ProcedureContent, 'deadline' | 'reducedDeadline' | 'process'>): void {
  const total = c.process.reduce((sum, s) => sum + durationHours(s.duration), 0);
  const limit = effectiveDeadline(c.deadline, c.reducedDeadline);
  const limitHours = durationHours(limit);
  if (total <= limitHours) return;
  throw new AppError(
    'PROCESS_EXCEEDS_DEADLINE',
    400,
    `Tổng thời gian các bước quy trình (${total} giờ làm việc) vượt quá thời hạn giải quyết ` +
      `(${durationVi(limit)} = ${limitHours} giờ làm việc)`,
    `The process steps add up to ${total} working hours, more than the deadline of ${durationEn(limit)} ` +
      `(${limitHours} working hours)`,
    'process',
    { totalHours: total, deadlineHours: limitHours },
  );
}

/** The content's own consistency: deadlines, channels and the process budget. */
export function checkContent(c: ProcedureContent): void {
  if (c.reducedDeadline && durationHours(c.reducedDeadline) > durationHours(c.deadline)) {
    throw invalid(
      'reducedDeadline',
      `Thời hạn rút ngắn (${durationVi(c.reducedDeadline)}) dài hơn thời hạn theo quy định (${durationVi(c.deadline)})`,
      `The reduced deadline (${durationEn(c.reducedDeadline)}) is longer than the statutory one (${durationEn(c.deadline)})`,
    );
  }
  if ((c.onlineLevel !== 'none') !== c.channels.includes('online')) {
    throw invalid(
      'onlineLevel',
      'Mức độ dịch vụ công trực tuyến phải là "none" khi và chỉ khi không nhận hồ sơ trực tuyến',
      'onlineLevel must be "none" exactly when the channels do not include "online"',
    );
  }
  checkProcessBudget(c);
}

export type VersionHead = { seq: number; effectiveFrom: string; decisionType: DecisionType | string };

/**
 * The version in force on `date` (YYYY-MM-DD): the latest announced version with effectiveFrom ≤ date,
 * unless that one is the abolition. Dossiers keep the version in force when they were received.
 */
export function versionInForce<T extends VersionHead>(versions: readonly T[], date: string): T | null {
  let best: T | null = null;
  for (const v of versions) {
    if (v.effectiveFrom > date) continue;
    if (!best || v.effectiveFrom > best.effectiveFrom || (v.effectiveFrom === best.effectiveFrom && v.seq > best.seq)) {
      best = v;
    }
  }
  return best && best.decisionType !== 'abolished' ? best : null;
}

export type DecisionPlan = 'create' | 'version' | 'abolish' | 'unchanged';

/**
 * What a decision does to a procedure whose latest version is `latest` (null: unknown code):
 * creates it, adds a version, abolishes it, or changes nothing (same content announced again).
 */
export function planDecision(
  latest: VersionHead | null,
  decision: { type: DecisionType; effectiveFrom: string },
  unchangedContent: boolean,
): DecisionPlan {
  const abolish = decision.type === 'abolished';
  if (!latest) {
    if (abolish) {
      throw new AppError('NOT_FOUND', 404, 'Không tìm thấy thủ tục cần bãi bỏ', 'No such procedure to abolish', 'code');
    }
    return 'create';
  }
  const wasAbolished = latest.decisionType === 'abolished';
  if (wasAbolished && abolish) return 'unchanged';
  if (!wasAbolished && !abolish && unchangedContent) return 'unchanged';
  if (wasAbolished && decision.type !== 'new') {
    throw conflict(
      'PROCEDURE_ABOLISHED',
      'Thủ tục đã bị bãi bỏ; chỉ có thể công bố lại bằng quyết định công bố mới',
      'The procedure was abolished; only a decision of type "new" can announce it again',
      'decision.type',
    );
  }
  if (!wasAbolished && decision.type === 'new') {
    throw conflict(
      'PROCEDURE_EXISTS',
      'Mã thủ tục đã tồn tại; nội dung thay đổi cần quyết định sửa đổi, bổ sung hoặc thay thế',
      'The procedure code exists; changed content needs an amended or replaced decision',
      'code',
    );
  }
  if (decision.effectiveFrom <= latest.effectiveFrom) {
    throw conflict(
      'VERSION_NOT_LATER',
      `Ngày có hiệu lực phải sau ngày hiệu lực của phiên bản hiện tại (${latest.effectiveFrom})`,
      `The effective date must be after that of the latest version (${latest.effectiveFrom})`,
      'decision.effectiveFrom',
    );
  }
  return abolish ? 'abolish' : 'version';
}

/** Today's date in Vietnam (UTC+7 all year): the catalogue's "today". */
export function vietnamDate(instant: Date): string {
  return new Date(instant.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}

/** A name or query as search compares it: no diacritics (đ → d), lowercase, words of letters and digits. */
export function searchText(s: string): string {
  return foldVietnamese(s)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

export type SearchQuery = { text: string; words: string[]; code: string };

/** Null when the query has no letters or digits, so it filters nothing. */
export function searchQuery(q: string | undefined): SearchQuery | null {
  const text = searchText(q ?? '');
  if (!text) return null;
  return { text, words: [...new Set(text.split(' '))], code: (q ?? '').trim() };
}

/** `similarity` is the trigram similarity of the folded name and query (pg_trgm). */
export type SearchCandidate = { code: string; searchName: string; similarity: number };

/**
 * How well a name matches, best first: the code itself, the exact name, a name starting with the
 * query, the query as a phrase of whole words, every word as a whole word, every word inside a
 * word, and last a name only similar (typos).
 */
export function matchTier(q: SearchQuery, c: SearchCandidate): number {
  const name = c.searchName;
  const padded = ` ${name} `;
  if (c.code.toLowerCase() === q.code.toLowerCase()) return 0;
  if (name === q.text) return 1;
  if (name.startsWith(q.text)) return 2;
  if (padded.includes(` ${q.text} `)) return 3;
  if (q.words.every((w) => padded.includes(` ${w} `))) return 4;
  if (q.words.every((w) => name.includes(w))) return 5;
  return 6;
}

/** Best match first; within a tier the more similar, then the shorter name, then the code. */
export function rankCandidates<T extends SearchCandidate>(q: SearchQuery, candidates: readonly T[]): T[] {
  return candidates
    .map((c) => ({ c, tier: matchTier(q, c) }))
    .sort(
      (a, b) =>
        a.tier - b.tier ||
        b.c.similarity - a.c.similarity ||
        a.c.searchName.length - b.c.searchName.length ||
        (a.c.code < b.c.code ? -1 : a.c.code > b.c.code ? 1 : 0),
    )
    .map((x) => x.c);
}

/** An agency with the unit codes it has. */
export type AgencyUnits = { code: string; units: readonly string[] };

/**
 * Each step's unit exists where the step runs: in its liên thông agency when it names one, else in
 * every implementing agency (the dossier is routed to that unit of whichever agency receives it).
 */
export function checkStepUnits(
  process: readonly Pick<Step, 'unit' | 'agency'>[],
  implementing: readonly AgencyUnits[],
  others: readonly AgencyUnits[],
): void {
  process.forEach((s, i) => {
    const where = s.agency ? others.filter((a) => a.code === s.agency) : implementing;
    const missing = where.find((a) => !a.units.includes(s.unit));
    if (missing) {
      throw invalid(
        `process.${i}.unit`,
        `Cơ quan ${missing.code} không có đơn vị mã "${s.unit}"`,
        `Agency ${missing.code} has no unit with code "${s.unit}"`,
      );
    }
  });
}
