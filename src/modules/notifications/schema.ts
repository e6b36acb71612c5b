import { z } from 'zod';
import { NOTIFICATION_KINDS } from './rules';

export const listQuery = z.object({
  /** `unread=1` lists the unread ones only. */
  unread: z.stringbool().default(false),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export const idParams = z.object({
  id: z.coerce
    .number()
    .int('Mã thông báo là số nguyên / The notification id is a whole number')
    .positive('Mã thông báo là số dương / The notification id is positive')
    .max(Number.MAX_SAFE_INTEGER),
});

export const notificationView = z.object({
  id: z.number(),
  kind: z.enum(NOTIFICATION_KINDS),
  title: z.string(),
  titleEn: z.string(),
  body: z.string(),
  bodyEn: z.string(),
  /** The dossiers it is about, for links. */
  dossierCodes: z.array(z.string()),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});

export const countsResponse = z.object({ unread: z.number(), total: z.number() });

export const listResponse = z.object({
  items: z.array(notificationView),
  /** How many match the filter, for paging. */
  total: z.number(),
  unread: z.number(),
  page: z.number(),
  pageSize: z.number(),
});

export const readAllResponse = z.object({ marked: z.number() });
