import { z } from 'zod';

export const DURATION_UNITS = ['working_days', 'working_hours'] as const;
export const CHANNELS = ['direct', 'postal', 'online'] as const;
/** Dịch vụ công trực tuyến toàn trình / một phần / không. */
export const ONLINE_LEVELS = ['full', 'partial', 'none'] as const;
/** After a supplement the deadline restarts in full, or resumes with the time left. */
export const CLOCK_ON_RESUME = ['restart', 'resume'] as const;
export const DECISION_TYPES = ['new', 'amended', 'replaced', 'abolished'] as const;
export const STEP_ROLES = ['reception', 'specialist', 'unit_leader', 'agency_leader'] as const;

export type DurationUnit = (typeof DURATION_UNITS)[number];
export type DecisionType = (typeof DECISION_TYPES)[number];

const text = (max: number) => z.string().trim().min(1).max(max);
/** Optional text: empty means none (rules turn '' into null). */
const optionalText = (max: number) => z.string().trim().max(max).nullable().default(null);
const isoDate = z.iso.date();
const code = z
  .string()
  .trim()
  .min(1)
  .max(50)
  .regex(/^[\p{L}\p{N}._-]+$/u, 'letters, digits, dot, dash or underscore only');

export const durationSchema = z.object({
  value: z.number().int().positive().max(1000),
  unit: z.enum(DURATION_UNITS),
});

export const feeSchema = z.object({
  name: text(500),
  /** Integer đồng. */
  amount: z.number().int().min(0).max(1_000_000_000_000),
  note: optionalText(1000),
});

export const componentSchema = z.object({
  name: text(1000),
  originals: z.number().int().min(0).max(100).default(1),
  copies: z.number().int().min(0).max(100).default(0),
  required: z.boolean().default(true),
  template: optionalText(1000),
});

export const stepSchema = z.object({
  name: text(500),
  unit: code,
  role: z.enum(STEP_ROLES),
  /** Liên thông: the code of another agency that processes this step. */
  agency: code.nullable().default(null),
  duration: durationSchema,
});

export const contentSchema = z.object({
  name: text(500),
  field: code,
  level: code,
  /** Implementing agencies; omitted or null → every agency of `level`. */
  agencies: z.array(code).min(1).max(1000).nullable().default(null),
  resultAgency: optionalText(500),
  resultType: optionalText(500),
  deadline: durationSchema,
  reducedDeadline: durationSchema.nullable().default(null),
  fees: z.array(feeSchema).max(100).default([]),
  components: z.array(componentSchema).max(200).default([]),
  requirements: optionalText(10_000),
  legalBasis: z.array(text(1000)).max(200).default([]),
  channels: z.array(z.enum(CHANNELS)).min(1).max(3),
  onlineLevel: z.enum(ONLINE_LEVELS).default('none'),
  clockOnResume: z.enum(CLOCK_ON_RESUME).default('restart'),
  process: z.array(stepSchema).min(1).max(100),
});

export const decisionSchema = z.object({
  number: text(100),
  date: isoDate,
  type: z.enum(DECISION_TYPES),
  effectiveFrom: isoDate,
});

export const procedureCodeSchema = code;

/** One entry of docs/catalogue-format.md other than an abolition. */
export const procedureEntrySchema = contentSchema.extend({ code, decision: decisionSchema });
/** An abolition needs only the code and its decision. */
export const abolitionEntrySchema = z.object({
  code,
  decision: decisionSchema.extend({ type: z.literal('abolished') }),
});
export const fieldEntrySchema = z.object({ code, name: text(200), nameEn: optionalText(200) });

export type ContentInput = z.output<typeof contentSchema>;
export type DecisionInput = z.output<typeof decisionSchema>;
export type ProcedureEntry = z.output<typeof procedureEntrySchema>;
export type FieldEntry = z.output<typeof fieldEntrySchema>;

// HTTP bodies and queries.
const decisionOf = <T extends readonly [DecisionType, ...DecisionType[]]>(types: T) =>
  decisionSchema.extend({ type: z.enum(types) });

export const createBody = contentSchema.extend({ code, decision: decisionOf(['new', 'amended', 'replaced']) });
export const versionBody = contentSchema.extend({ decision: decisionOf(['amended', 'replaced']) });
export const abolishBody = z.object({ decision: decisionSchema.omit({ type: true }) });
export const fieldBody = z.object({ name: text(200), nameEn: optionalText(200) });

export const codeParams = z.object({ code });
export const componentParams = z.object({ code, seq: z.coerce.number().int().min(1).max(1000) });
export const atQuery = z.object({ at: isoDate.optional() });
export const listQuery = z.object({
  q: z.string().max(200).optional(),
  field: code.optional(),
  level: code.optional(),
  agency: code.optional(),
  at: isoDate.optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type ListQuery = z.output<typeof listQuery>;
