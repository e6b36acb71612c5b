/**
 * The procedure editor's state: the import format (docs/catalogue-format.md) with numbers kept as
 * typed text, rows carrying stable keys for React, and the conversions both ways. No I/O here.
 */
import type { Channel, DecisionType, DurationUnit, OnlineLevel, ProcessRole } from '../../api/types';
import type { ClockOnResume, DecisionInput, EditableProcedure, ProcedureContent } from '../../api/adminCatalogue';
import { HOURS_PER_DAY } from '../../lib/format';

export type DurationDraft = { value: string; unit: DurationUnit };
export type ComponentDraft = {
  key: string;
  name: string;
  originals: string;
  copies: string;
  required: boolean;
  template: string;
};
export type FeeDraft = { key: string; name: string; amount: string; note: string };
export type LegalDraft = { key: string; text: string };
/** `agency` is '' for the implementing agency itself, else the liên thông agency's code. */
export type StepDraft = {
  key: string;
  name: string;
  unit: string;
  role: ProcessRole;
  agency: string;
  duration: DurationDraft;
};

export type ProcedureDraft = {
  code: string;
  name: string;
  field: string;
  level: string;
  /** True: every agency of the level implements it (`agencies` null in the format). */
  allAgencies: boolean;
  agencies: string[];
  resultAgency: string;
  resultType: string;
  deadline: DurationDraft;
  hasReduced: boolean;
  reducedDeadline: DurationDraft;
  requirements: string;
  legalBasis: LegalDraft[];
  channels: Channel[];
  onlineLevel: OnlineLevel;
  clockOnResume: ClockOnResume;
  fees: FeeDraft[];
  components: ComponentDraft[];
  process: StepDraft[];
};

/** Decision dates as typed, dd/mm/yyyy. */
export type DecisionDraft = { type: DecisionType; number: string; date: string; effectiveFrom: string };

let counter = 0;
/** A key that stays with a row while rows move, so focus and typed text stay with it too. */
export const rowKey = () => `row-${++counter}`;

export const newComponent = (): ComponentDraft => ({
  key: rowKey(),
  name: '',
  originals: '1',
  copies: '0',
  required: true,
  template: '',
});
export const newFee = (): FeeDraft => ({ key: rowKey(), name: '', amount: '0', note: '' });
export const newLegal = (): LegalDraft => ({ key: rowKey(), text: '' });
export const newStep = (): StepDraft => ({
  key: rowKey(),
  name: '',
  unit: '',
  role: 'specialist',
  agency: '',
  duration: { value: '4', unit: 'working_hours' },
});

export function emptyDraft(): ProcedureDraft {
  return {
    code: '',
    name: '',
    field: '',
    level: '',
    allAgencies: true,
    agencies: [],
    resultAgency: '',
    resultType: '',
    deadline: { value: '', unit: 'working_days' },
    hasReduced: false,
    reducedDeadline: { value: '', unit: 'working_days' },
    requirements: '',
    legalBasis: [],
    channels: ['direct'],
    onlineLevel: 'none',
    clockOnResume: 'restart',
    fees: [],
    components: [newComponent()],
    process: [newStep()],
  };
}

const durationDraft = (d: { value: number; unit: DurationUnit }): DurationDraft => ({
  value: String(d.value),
  unit: d.unit,
});

/** The editor's starting point for a new version: the content of the latest one. */
export function draftFromProcedure(p: EditableProcedure): ProcedureDraft {
  return {
    code: p.code,
    name: p.name,
    field: p.field.code,
    level: p.level,
    allAgencies: p.allAgenciesOfLevel,
    agencies: p.allAgenciesOfLevel ? [] : (p.agencies ?? []).map((a) => a.code),
    resultAgency: p.resultAgency ?? '',
    resultType: p.resultType ?? '',
    deadline: durationDraft(p.deadline),
    hasReduced: !!p.reducedDeadline,
    reducedDeadline: p.reducedDeadline ? durationDraft(p.reducedDeadline) : { ...durationDraft(p.deadline) },
    requirements: p.requirements ?? '',
    legalBasis: p.legalBasis.map((text) => ({ key: rowKey(), text })),
    channels: p.channels,
    onlineLevel: p.onlineLevel ?? (p.channels.includes('online') ? 'partial' : 'none'),
    clockOnResume: p.clockOnResume,
    fees: p.fees.map((f) => ({ key: rowKey(), name: f.name, amount: String(f.amount), note: f.note ?? '' })),
    components: p.components.map((c) => ({
      key: rowKey(),
      name: c.name,
      originals: String(c.originals),
      copies: String(c.copies),
      required: c.required,
      template: c.template ?? '',
    })),
    process: p.process.steps.map((s) => ({
      key: rowKey(),
      name: s.name,
      unit: s.unit.code,
      role: s.role,
      agency: s.agency?.code ?? '',
      duration: durationDraft(s.duration),
    })),
  };
}

/** Typed text → a whole number; text that is not one becomes NaN, which the server names as the field at fault. */
export function wholeNumber(text: string): number {
  const compact = text.replace(/[\s.]/g, '');
  return /^\d+$/.test(compact) ? Number(compact) : Number.NaN;
}

const duration = (d: DurationDraft) => ({ value: wholeNumber(d.value), unit: d.unit });
const orNull = (s: string) => s.trim() || null;

export function toContent(d: ProcedureDraft): ProcedureContent {
  return {
    name: d.name,
    field: d.field,
    level: d.level,
    agencies: d.allAgencies ? null : d.agencies,
    resultAgency: orNull(d.resultAgency),
    resultType: orNull(d.resultType),
    deadline: duration(d.deadline),
    reducedDeadline: d.hasReduced ? duration(d.reducedDeadline) : null,
    fees: d.fees.map((f) => ({ name: f.name, amount: wholeNumber(f.amount), note: orNull(f.note) })),
    components: d.components.map((c) => ({
      name: c.name,
      originals: wholeNumber(c.originals),
      copies: wholeNumber(c.copies),
      required: c.required,
      template: orNull(c.template),
    })),
    requirements: orNull(d.requirements),
    legalBasis: d.legalBasis.map((l) => l.text),
    channels: d.channels,
    onlineLevel: d.channels.includes('online') ? d.onlineLevel : 'none',
    clockOnResume: d.clockOnResume,
    process: d.process.map((s) => ({
      name: s.name,
      unit: s.unit,
      role: s.role,
      agency: s.agency || null,
      duration: duration(s.duration),
    })),
  };
}

/** Hours of a typed duration, 1 working day = 8 working hours; 0 while it is not a positive whole number. */
export function draftHours(d: DurationDraft): number {
  const n = wholeNumber(d.value);
  if (!Number.isFinite(n) || n <= 0) return 0;
  return d.unit === 'working_days' ? n * HOURS_PER_DAY : n;
}

export type Budget = {
  usedHours: number;
  /** Hours of the effective deadline: the reduced one when set, else the statutory one; 0 while not typed. */
  budgetHours: number;
  reduced: boolean;
  over: boolean;
};

/** The process steps against the effective deadline, as the server checks it (PROCESS_EXCEEDS_DEADLINE). */
export function processBudget(d: ProcedureDraft): Budget {
  const usedHours = d.process.reduce((sum, s) => sum + draftHours(s.duration), 0);
  const reduced = d.hasReduced && draftHours(d.reducedDeadline) > 0;
  const budgetHours = draftHours(reduced ? d.reducedDeadline : d.deadline);
  return { usedHours, budgetHours, reduced, over: budgetHours > 0 && usedHours > budgetHours };
}

/** The list with the item at `index` moved by `delta` places (clamped to the ends). */
export function moveItem<T>(list: readonly T[], index: number, delta: number): T[] {
  const to = Math.max(0, Math.min(list.length - 1, index + delta));
  const next = list.slice();
  const [item] = next.splice(index, 1);
  next.splice(to, 0, item);
  return next;
}

/** The decision with its dates turned into YYYY-MM-DD, or the names of the dates that are not real dates. */
export function parseDecision(
  d: DecisionDraft,
  parseDate: (text: string) => string | null,
): { decision: DecisionInput; bad: [] } | { decision: null; bad: ('date' | 'effectiveFrom')[] } {
  const date = parseDate(d.date);
  const effectiveFrom = parseDate(d.effectiveFrom);
  if (!date || !effectiveFrom) {
    return {
      decision: null,
      bad: [...(date ? [] : ['date' as const]), ...(effectiveFrom ? [] : ['effectiveFrom' as const])],
    };
  }
  return { decision: { type: d.type, number: d.number, date, effectiveFrom }, bad: [] };
}

/** What each part of the editor gets: the draft, a way to change some of it, and the server's error at a path. */
export type SectionProps = {
  draft: ProcedureDraft;
  patch: (changes: Partial<ProcedureDraft>) => void;
  errorAt: (path: string) => string | undefined;
};
