import { z } from 'zod';
import { date } from '../calendar/schema';
import { CHANNELS } from '../dossiers/lifecycle';
import { METRICS } from './rules';

const code = z.string().trim().min(1).max(100);

export const GROUPS = ['agency', 'unit', 'field', 'procedure', 'officer', 'channel'] as const;
export type GroupBy = (typeof GROUPS)[number];

/**
 * The value of the `unit` and `officer` filters that selects the dossiers held by no unit or no officer
 * (every imported dossier): the "none" row of a summary grouped by unit or officer drills down with it.
 * No real value can be it: unit codes are capitals and digits (`^[A-Z][A-Z0-9]{0,15}$`) and usernames
 * start with a lowercase letter or digit (`^[a-z0-9][a-z0-9._-]{2,49}$`, agencies/schema.ts).
 */
export const NO_HOLDER = '_none';

/**
 * The filters every report takes. `agency` includes its subtree, or only itself with `agencyOnly=true`
 * (a row of the summary grouped by agency or unit counts that agency's own dossiers); `unit` is a unit
 * code (MC, VHXH…) inside the agencies reported on; `officer` a username; unit and officer are the
 * dossier's holder, and `NO_HOLDER` (`_none`) for either means the dossier has none.
 */
export const reportFilters = z.object({
  from: date,
  to: date,
  agency: code.optional(),
  agencyOnly: z.enum(['true', 'false']).optional(),
  field: code.optional(),
  procedure: code.optional(),
  unit: code.optional(),
  officer: code.optional(),
  channel: z.enum(CHANNELS).optional(),
});
export type ReportFilters = z.infer<typeof reportFilters>;

export const summaryQuery = reportFilters.extend({ groupBy: z.enum(GROUPS).optional() });
export type SummaryQuery = z.infer<typeof summaryQuery>;

export const drillDownQuery = reportFilters.extend({
  metric: z.enum(METRICS),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});
export type DrillDownQuery = z.infer<typeof drillDownQuery>;

export const summaryShape = {
  received: z.object({
    carriedOver: z.number(),
    online: z.number(),
    direct: z.number(),
    postal: z.number(),
    total: z.number(),
  }),
  resolved: z.object({ early: z.number(), onTime: z.number(), late: z.number(), total: z.number() }),
  inProgress: z.object({ withinDeadline: z.number(), overdue: z.number(), total: z.number() }),
  withdrawn: z.number(),
  refused: z.number(),
  onTimeRate: z.number().nullable(),
};

/** The group a row counts: an agency, unit, field, procedure, officer or channel; code null = none. */
const groupKey = z.object({ code: z.string().nullable(), name: z.string(), agency: z.string().optional() });

/** api.md's summary; with `groupBy`, the same numbers per group in `rows` (their sum is the total). */
export const summaryResponse = z.object({
  ...summaryShape,
  rows: z.array(z.object({ group: groupKey, ...summaryShape })).optional(),
});

const ref = z.object({ code: z.string(), name: z.string() });
export const drillDownResponse = z.object({
  items: z.array(
    z.object({
      code: z.string(),
      procedure: ref,
      agency: ref,
      channel: z.string(),
      receivedAt: z.string(),
      acceptedAt: z.string().nullable(),
      /** The original appointment: the one statistics judge against. */
      dueAt: z.string().nullable(),
      resolvedAt: z.string().nullable(),
      withdrawnAt: z.string().nullable(),
      refusedAt: z.string().nullable(),
      status: z.string(),
      classification: z.enum(['early', 'onTime', 'late', 'withinDeadline', 'overdue']).nullable(),
    }),
  ),
  total: z.number(),
});

export const importResponse = z.object({
  imported: z.number(),
  updated: z.number(),
  rejected: z.array(
    z.object({ line: z.number(), error: z.string(), errorVi: z.string(), field: z.string().optional() }),
  ),
  rejectedCount: z.number(),
});

const instant = z.iso.datetime({ offset: true }).transform((s) => new Date(s));

/** The statuses an imported dossier may state; it must agree with its times (import-rules.ts). */
export const IMPORT_STATUSES = ['in_progress', 'supplement_requested', 'resolved', 'returned', 'withdrawn'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

/** One line of an import file (api.md "Import of historical dossiers"); other keys are ignored. */
export const importLine = z.object({
  externalId: code,
  agency: code,
  procedure: code,
  channel: z.enum(CHANNELS),
  receivedAt: instant,
  dueAt: instant.nullish(),
  resolvedAt: instant.nullish(),
  returnedAt: instant.nullish(),
  withdrawnAt: instant.nullish(),
  status: z.enum(IMPORT_STATUSES).nullish(),
});
export type ImportLine = z.infer<typeof importLine>;

/** The tracking book of one agency: the dossiers it received from `from` to `to`, both included. */
export const trackingBookQuery = z.object({ agency: code, from: date, to: date });
