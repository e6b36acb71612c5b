import { z } from 'zod';
import { isValidDate } from './rules';

/** The years the lunar algorithm and the statutory rules are checked for (with margin). */
const FIRST_YEAR = 1900;
const LAST_YEAR = 2199;
/** Longest range `GET /api/calendar/days` lists at once: three years. */
export const MAX_RANGE_DAYS = 3 * 366;

const agencyCode = z.string().trim().min(1).max(50);

export const date = z
  .string()
  .refine(isValidDate, 'Ngày phải có dạng YYYY-MM-DD và có thật / Date must be a real date written YYYY-MM-DD')
  .refine(
    (d) => Number(d.slice(0, 4)) >= FIRST_YEAR && Number(d.slice(0, 4)) <= LAST_YEAR,
    `Năm phải từ ${FIRST_YEAR} đến ${LAST_YEAR} / The year must be ${FIRST_YEAR}–${LAST_YEAR}`,
  );

/**
 * An ISO 8601 time with its offset. An unencoded '+' in a query string arrives as a space
 * (`from=2026-02-13T09:00:00+07:00`), so a space before the offset is read as '+'.
 */
const instant = z
  .string()
  .transform((s) => s.replace(/ (\d{2}:\d{2})$/, '+$1'))
  .pipe(
    z.iso.datetime({
      offset: true,
      message:
        'Thời điểm phải theo ISO 8601 có múi giờ, ví dụ 2026-02-13T09:00:00+07:00 / Time must be ISO 8601 with an offset',
    }),
  )
  .transform((s) => new Date(s))
  .refine(
    (d) => d.getUTCFullYear() >= FIRST_YEAR && d.getUTCFullYear() <= LAST_YEAR,
    `Năm phải từ ${FIRST_YEAR} đến ${LAST_YEAR} / The year must be ${FIRST_YEAR}–${LAST_YEAR}`,
  );

const hm = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Giờ phải có dạng HH:MM, ví dụ 07:30 / Time of day must be HH:MM, e.g. 07:30');

export const deadlineQuery = z.object({
  agency: agencyCode.optional(),
  from: instant,
  value: z.coerce
    .number()
    .int('Thời hạn phải là số nguyên / The value must be a whole number')
    .min(1, 'Thời hạn phải lớn hơn 0 / The value must be at least 1')
    .max(365, 'Thời hạn tối đa 365 / The value must be at most 365'),
  unit: z.enum(
    ['working_days', 'working_hours'],
    'Đơn vị là working_days hoặc working_hours / Unit must be working_days or working_hours',
  ),
  explain: z.stringbool().optional(),
});

export const daysQuery = z
  .object({ agency: agencyCode.optional(), from: date, to: date })
  .refine((q) => q.from <= q.to, {
    path: ['to'],
    message: 'Ngày kết thúc phải sau ngày bắt đầu / "to" must not be before "from"',
  })
  .refine((q) => (Date.parse(q.to) - Date.parse(q.from)) / 86_400_000 < MAX_RANGE_DAYS, {
    path: ['to'],
    message: `Khoảng ngày tối đa ${MAX_RANGE_DAYS} ngày / The range may span at most ${MAX_RANGE_DAYS} days`,
  });

export const agencyQuery = z.object({ agency: agencyCode.optional() });
export const dateParams = z.object({ date });
export const codeParams = z.object({ code: agencyCode });

const text = (max: number) => z.string().trim().min(1).max(max);

export const dayBody = z.object({
  working: z.boolean(),
  name: text(200),
  nameEn: text(200).optional(),
  /** Số và ngày của văn bản, e.g. "Công văn 8726/VPCP-KGVX ngày 26/11/2024". */
  decision: text(200).optional(),
});

export const settingsBody = z.object({
  officeHours: z
    .array(z.object({ start: hm, end: hm }))
    .min(1)
    .max(4),
  cutoff: hm,
});

/** Office hours as stored in `calendar_settings.office_hours` (jsonb), parsed when read. */
export const storedOfficeHours = z.array(z.object({ start: hm, end: hm })).min(1);

const bilingual = z.object({ vi: z.string(), en: z.string() });
const daySource = z.enum(['weekday', 'weekend', 'statutory', 'compensation', 'announcement']);

export const deadlineResponse = z.object({
  dueAt: z.string(),
  explanation: z
    .object({
      receivedAt: z.string(),
      receipt: z.object({
        date: z.string(),
        countedDate: z.string(),
        moved: z.boolean(),
        reason: bilingual.nullable(),
      }),
      counted: z.array(z.object({ date: z.string(), ordinal: z.number(), minutes: z.number().optional() })),
      skipped: z.array(
        z.object({
          date: z.string(),
          source: daySource,
          reason: bilingual,
          decision: z.string().nullable(),
          agency: z.string().nullable(),
        }),
      ),
      summary: bilingual,
    })
    .optional(),
});

export const dayView = z.object({
  date: z.string(),
  working: z.boolean(),
  name: z.string(),
  nameEn: z.string(),
  source: daySource,
  decision: z.string().nullable(),
  agency: z.string().nullable(),
});

export const daysResponse = z.object({ items: z.array(dayView) });

export const settingsResponse = z.object({
  agency: z.string(),
  officeHours: z.array(z.object({ start: z.string(), end: z.string() })),
  cutoff: z.string(),
  /** Where the settings come from: the agency itself, an ancestor, or the defaults. */
  source: z.enum(['own', 'inherited', 'default']),
  inheritedFrom: z.string().nullable(),
});
