import { z } from 'zod';
import { date } from '../calendar/schema';
import { RATING_GROUPS } from './rating-store';
import { COMPLAINT_KINDS, COMPLAINT_STATUSES, QUALITY_COMPONENTS, RATING_LEVELS } from './rules';

const code = z.string().trim().min(1).max(100);
const text = (max: number) => z.string().trim().min(1).max(max);

export const codeParams = z.object({ code });
export const agencyParams = z.object({ agency: code });
export const tokenParams = z.object({ token: z.string().min(16).max(200) });

/** A rating: the level; reasons (codes of the fixed list) and a comment when not satisfied. */
export const ratingBody = z.object({
  level: z.enum(RATING_LEVELS),
  reasons: z.array(z.string().max(50)).max(10).optional(),
  comment: z.string().max(2000).nullish(),
});
export const kioskRatingBody = ratingBody.extend({ code });

export const ratingResponse = z.object({
  dossier: z.string(),
  level: z.string(),
  channel: z.string(),
  ratedAt: z.string(),
});

const reason = z.object({ code: z.string(), vi: z.string(), en: z.string() });
export const reasonsResponse = z.object({ items: z.array(reason) });
export const linkResponse = z.object({
  dossier: z.object({ code: z.string(), procedure: z.string(), agency: z.string(), returnedAt: z.string().nullable() }),
  rated: z.boolean(),
  reasons: z.array(reason),
});
export const kioskResponse = z.object({
  agency: z.object({ code: z.string(), name: z.string() }),
  items: z.array(z.object({ code: z.string(), procedure: z.string(), returnedAt: z.string().nullable() })),
  reasons: z.array(reason),
});

const period = { from: date, to: date, agency: code.optional() };
export const ratingSummaryQuery = z.object({ ...period, groupBy: z.enum(RATING_GROUPS).optional() });

const satisfaction = {
  verySatisfied: z.number(),
  satisfied: z.number(),
  notSatisfied: z.number(),
  total: z.number(),
  satisfactionRate: z.number().nullable(),
};
const group = z.object({ code: z.string().nullable(), name: z.string(), agency: z.string().optional() });
export const ratingSummaryResponse = z.object({
  ...satisfaction,
  rows: z.array(z.object({ group, ...satisfaction })).optional(),
});

/** The rated dossiers behind one number of the results: all ratings, or those of one level. */
export const ratedDossiersQuery = z.object({
  ...period,
  level: z.enum(RATING_LEVELS).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
const named = z.object({ code: z.string(), name: z.string() });
export const ratedDossiersResponse = z.object({
  items: z.array(
    z.object({
      code: z.string(),
      procedure: named,
      agency: named,
      level: z.string(),
      reasons: z.array(reason),
      channel: z.string(),
      ratedAt: z.string(),
      /** The unit and officer the rating counts for in the results per unit and officer. */
      unit: named.nullable(),
      officer: z.object({ username: z.string(), fullName: z.string() }).nullable(),
    }),
  ),
  total: z.number(),
});

export const evaluationQuery = z.object({ ...period, groupBy: z.enum(['officer', 'unit']).default('unit') });
export const evaluationResponse = z.object({
  rows: z.array(
    z.object({
      group,
      handled: z.number(),
      early: z.number(),
      onTime: z.number(),
      late: z.number(),
      onTimeRate: z.number().nullable(),
      lateCaused: z.number(),
      satisfaction: z.object(satisfaction),
    }),
  ),
});

export const indexQuery = z.object(period);
const weights = z.object(
  Object.fromEntries(QUALITY_COMPONENTS.map((k) => [k, z.number().min(0).max(1000)])) as {
    [K in (typeof QUALITY_COMPONENTS)[number]]: z.ZodNumber;
  },
);
const scores = z.object(
  Object.fromEntries(QUALITY_COMPONENTS.map((k) => [k, z.number().nullable()])) as {
    [K in (typeof QUALITY_COMPONENTS)[number]]: z.ZodNullable<z.ZodNumber>;
  },
);
export const indexResponse = z.object({
  weights,
  items: z.array(
    z.object({
      rank: z.number().nullable(),
      agency: z.object({ code: z.string(), name: z.string() }),
      components: scores,
      index: z.number().nullable(),
      coverage: z.number(),
    }),
  ),
});

/** Settings administrators edit: the complaint deadline (working days) and the index weights. */
export const settingsBody = z.object({
  complaintDeadlineDays: z.number().int().min(1).max(60),
  qualityWeights: weights,
});
export type FeedbackSettings = z.infer<typeof settingsBody>;

const phone = z
  .string()
  .trim()
  .regex(/^\+?[0-9 .-]{8,15}$/, 'Số điện thoại không hợp lệ / Invalid phone number');

/** A complaint or suggestion; the contact is private (staff of the agency only). */
export const complaintBody = z.object({
  agency: code,
  kind: z.enum(COMPLAINT_KINDS),
  title: text(200),
  content: text(5000),
  dossierCode: code.nullish(),
  contact: z.object({
    fullName: text(200),
    phone: phone.nullish(),
    email: z.email().max(200).nullish(),
  }),
});
export type ComplaintInput = z.infer<typeof complaintBody>;

export const assignBody = z.object({ assignee: code });
export const answerBody = z.object({ answer: text(10000) });
/** What is published: the title and question without personal data (default: as received). */
export const publishBody = z.object({ title: text(200).optional(), content: text(5000).optional() });

export const complaintListQuery = z.object({
  agency: code.optional(),
  status: z.enum(COMPLAINT_STATUSES).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export const publicListQuery = z.object({
  agency: code.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

const ref = z.object({ code: z.string(), name: z.string() });
const publicComplaint = z.object({
  code: z.string(),
  agency: ref,
  kind: z.string(),
  title: z.string(),
  content: z.string(),
  answer: z.string(),
  receivedAt: z.string(),
  answeredAt: z.string(),
  publishedAt: z.string(),
});
export const publicComplaintResponse = publicComplaint;
export const publicListResponse = z.object({ items: z.array(publicComplaint), total: z.number() });
export const submittedResponse = z.object({
  code: z.string(),
  status: z.string(),
  receivedAt: z.string(),
  dueAt: z.string(),
});

const officer = z.object({ username: z.string(), fullName: z.string() }).nullable();
const staffComplaint = z.object({
  code: z.string(),
  agency: ref,
  kind: z.string(),
  title: z.string(),
  channel: z.string(),
  status: z.string(),
  receivedAt: z.string(),
  dueAt: z.string(),
  overdue: z.boolean(),
  assignee: officer,
});
export const complaintListResponse = z.object({ items: z.array(staffComplaint), total: z.number() });
export const complaintDetailResponse = staffComplaint.extend({
  content: z.string(),
  dossierCode: z.string().nullable(),
  contact: z.object({ fullName: z.string(), phone: z.string().nullable(), email: z.string().nullable() }),
  answer: z.string().nullable(),
  answeredAt: z.string().nullable(),
  answeredBy: officer,
  publicTitle: z.string().nullable(),
  publicContent: z.string().nullable(),
  publishedAt: z.string().nullable(),
  history: z.array(
    z.object({
      at: z.string(),
      action: z.string(),
      actor: z.string().nullable(),
      data: z.record(z.string(), z.unknown()),
    }),
  ),
});
