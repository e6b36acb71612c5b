import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from '../../config';
import type { Db } from '../../db/database';
import { requireUser } from '../../shared/auth';
import { countsResponse, idParams, listQuery, listResponse, notificationView, readAllResponse } from './schema';
import * as service from './service';

const TAGS = ['notifications'];

/** Every user's own in-app notifications (thông báo): reminders and news of their dossiers. */
export async function notificationRoutes(app: FastifyInstance, opts: { db: Db; config: Config }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = opts;

  r.get(
    '/api/notifications',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: TAGS,
        summary: 'Thông báo của tôi / My notifications',
        description:
          'Mới nhất trước; unread=1 chỉ lấy thông báo chưa đọc. / Newest first; unread=1 lists unread ones only.',
        querystring: listQuery,
        response: { 200: listResponse },
      },
    },
    async (request) => service.listNotifications(db, requireUser(request), request.query),
  );

  r.get(
    '/api/notifications/count',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: TAGS,
        summary: 'Số thông báo chưa đọc / Unread notification count',
        response: { 200: countsResponse },
      },
    },
    async (request) => service.notificationCounts(db, requireUser(request)),
  );

  r.post(
    '/api/notifications/:id/read',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: TAGS,
        summary: 'Đánh dấu đã đọc / Mark as read',
        params: idParams,
        response: { 200: notificationView },
      },
    },
    async (request) => service.markRead(db, requireUser(request), request.params.id),
  );

  r.post(
    '/api/notifications/read-all',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: TAGS,
        summary: 'Đánh dấu tất cả đã đọc / Mark all as read',
        response: { 200: readAllResponse },
      },
    },
    async (request) => service.markAllRead(db, requireUser(request)),
  );
}
