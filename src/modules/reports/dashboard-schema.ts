import { z } from 'zod';
import { date } from '../calendar/schema';
import { reportFilters, summaryShape } from './schema';

const code = z.string().trim().min(1).max(100);
const ref = z.object({ code: z.string(), name: z.string() });

/** `GET /api/reports/trend`: the summary's filters; one summary per calendar month of the period. */
export const trendQuery = reportFilters;
export const trendResponse = z.object({
  months: z.array(z.object({ month: z.string(), from: z.string(), to: z.string(), ...summaryShape })),
});

/** `GET /api/reports/overdue`: the dossiers behind `inProgress.overdue`, with their holder. */
export const overdueQuery = reportFilters.extend({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});
export type OverdueQuery = z.infer<typeof overdueQuery>;
export const overdueResponse = z.object({
  items: z.array(
    z.object({
      code: z.string(),
      procedure: ref,
      agency: ref,
      channel: z.string(),
      status: z.string(),
      receivedAt: z.string(),
      /** The original appointment, the one statistics judge against. */
      dueAt: z.string(),
      /** Vietnam days from the appointment's day to the day the period ends. */
      daysLate: z.number(),
      holder: z.object({
        unit: ref.nullable(),
        officer: z.object({ username: z.string(), fullName: z.string() }).nullable(),
      }),
    }),
  ),
  total: z.number(),
});

/** `GET /api/public/statistics`: no login, no personal data, no officer. */
export const publicStatisticsQuery = z.object({ from: date, to: date, agency: code.optional() });
export type PublicStatisticsQuery = z.infer<typeof publicStatisticsQuery>;

const publicNumbers = {
  received: z.number(),
  resolved: z.object({ early: z.number(), onTime: z.number(), late: z.number(), total: z.number() }),
  inProgress: z.object({ total: z.number(), overdue: z.number() }),
  onTimeRate: z.number().nullable(),
};
export const publicStatisticsResponse = z.object({
  from: z.string(),
  to: z.string(),
  agency: ref.nullable(),
  total: z.object(publicNumbers),
  agencies: z.array(z.object({ code: z.string().nullable(), name: z.string(), ...publicNumbers })),
  procedures: z.array(z.object({ code: z.string().nullable(), name: z.string(), ...publicNumbers })),
});
