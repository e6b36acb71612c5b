import { z } from 'zod';

const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).nullish();
const fileIds = z.array(z.number().int().positive()).max(50).optional();

/** Every action names the dossier version it was decided on (optimistic concurrency). */
const actionBase = z.object({ version: z.number().int().min(1), files: fileIds });

export const commentBody = actionBase.extend({ comment: optionalText(2000) });

export const reasonBody = actionBase.extend({ reason: text(2000) });

export const assignBody = actionBase.extend({
  /** The officer's user id (as the history shows it). */
  assignee: z.number().int().positive(),
  comment: optionalText(2000),
});

export const sendBackBody = reasonBody.extend({ toStep: z.number().int().min(1).max(100) });

export const pauseBody = actionBase.extend({
  items: z
    .array(
      z.object({
        componentId: z.number().int().positive().nullish(),
        name: optionalText(500),
        reason: text(1000),
      }),
    )
    .min(1)
    .max(100),
  comment: optionalText(2000),
});

export const resumeBody = actionBase.extend({
  components: z
    .array(
      z.object({
        componentId: z.number().int().positive(),
        originals: z.number().int().min(0).max(100).default(0),
        copies: z.number().int().min(0).max(100).default(0),
        files: z.array(z.number().int().positive()).max(20).default([]),
      }),
    )
    .max(200)
    .optional(),
  comment: optionalText(2000),
});

export const apologyBody = actionBase.extend({
  reason: text(2000),
  /** The new appointment, with its offset: later than the current one, on a working day. */
  newDueAt: z.iso.datetime({ offset: true }).transform((s) => new Date(s)),
  /** The unit at fault: a unit code of `agency` (default: the agency holding the dossier). */
  faultUnit: z.object({ agency: text(50).optional(), unit: text(20) }),
});

const page = {
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
};

export const inboxQuery = z.object(page);

export const transfersQuery = z.object({
  direction: z.enum(['in', 'out']),
  /** One of the caller's agencies (its subtree); default all of them. */
  agency: text(50).optional(),
  status: z.enum(['open', 'completed']).optional(),
  ...page,
});

export const agencyParams = z.object({ agency: text(50) });

export const settingsBody = z.object({ autoAssign: z.boolean() });
