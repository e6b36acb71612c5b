import { z } from 'zod';
import { FORM_KINDS } from '../documents/rule-sets';
import { CHANNELS, DOSSIER_STATUSES } from './lifecycle';

const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).nullish();
const fileIds = (max: number) => z.array(z.number().int().positive()).max(max);

/** Idempotency-Key is required on intake; other headers pass through untouched. */
export const idempotencyHeaders = z.looseObject({
  'idempotency-key': z
    .string({ error: 'Idempotency-Key header required' })
    .trim()
    .min(1)
    .max(200)
    .regex(/^[\x21-\x7e]+$/, 'printable ASCII only'),
});

export const applicantSchema = z.object({
  /** A person gives the CCCD number; an organisation its tax code. */
  kind: z.enum(['person', 'organisation']).default('person'),
  fullName: text(200),
  idNumber: z.string().trim().min(1).max(20),
  phone: optionalText(30),
  email: z.email().max(200).nullish(),
  address: optionalText(500),
});

const componentCount = z.object({
  componentId: z.number().int().positive(),
  originals: z.number().int().min(0).max(100).default(0),
  copies: z.number().int().min(0).max(100).default(0),
  /** Uploaded scans of this component (POST /api/dossier-files). */
  files: fileIds(20).default([]),
});

export const intakeBody = z.object({
  procedure: text(50),
  agency: text(50),
  channel: z.enum(CHANNELS),
  applicant: applicantSchema,
  components: z.array(componentCount).max(200).default([]),
  files: fileIds(50).default([]),
  comment: optionalText(2000),
});

/** Every transition names the version it was decided on (optimistic concurrency). */
const transitionBase = z.object({
  version: z.number().int().min(1),
  files: fileIds(50).optional(),
});

export const acceptBody = transitionBase.extend({ comment: optionalText(2000) });

export const supplementBody = transitionBase.extend({
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

export const resubmitBody = transitionBase.extend({
  components: z.array(componentCount).max(200).optional(),
  comment: optionalText(2000),
});

export const reasonBody = transitionBase.extend({ reason: text(2000) });

export const codeParams = z.object({ code: text(80) });

export const formParams = codeParams.extend({
  form: z.enum(FORM_KINDS),
});

export const fileParams = codeParams.extend({ fileId: z.coerce.number().int().positive() });

export const searchQuery = z.object({
  status: z.enum(DOSSIER_STATUSES).optional(),
  agency: text(50).optional(),
  /** The dossier code or its beginning. */
  code: text(80).optional(),
  /** Applicant name, diacritics optional. */
  name: text(200).optional(),
  /** CCCD number or tax code, exact. */
  idNumber: text(20).optional(),
  procedure: text(50).optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  order: z.enum(['asc', 'desc']).default('desc'),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
