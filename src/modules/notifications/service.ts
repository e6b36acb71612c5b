import type { Db } from '../../db/database';
import { audit } from '../../shared/audit';
import { notFound } from '../../shared/errors';
import { formatVietnamTime } from '../calendar/rules';
import type { Principal } from '../identity/rules';
import type { NotificationKind } from './rules';
import * as store from './store';
import type { NotificationRow } from './tables';
import { pageLimits } from '../../shared/paging';

export function notificationView(n: NotificationRow) {
  return {
    id: n.id,
    kind: n.kind as NotificationKind,
    title: n.title,
    titleEn: n.title_en,
    body: n.body,
    bodyEn: n.body_en,
    dossierCodes: n.dossier_codes,
    createdAt: formatVietnamTime(n.created_at),
    readAt: n.read_at ? formatVietnamTime(n.read_at) : null,
  };
}

export type NotificationView = ReturnType<typeof notificationView>;

/** The caller's own notifications, newest first, with the counts a badge shows. */
export async function listNotifications(
  db: Db,
  principal: Principal,
  q: { unread: boolean; page: number; pageSize: number },
) {
  const [rows, counts] = await Promise.all([
    store.listNotifications(db, principal.userId, {
      unreadOnly: q.unread,
      ...pageLimits(q),
    }),
    store.countNotifications(db, principal.userId),
  ]);
  return {
    items: rows.map(notificationView),
    total: q.unread ? counts.unread : counts.total,
    unread: counts.unread,
    page: q.page,
    pageSize: q.pageSize,
  };
}

export function notificationCounts(db: Db, principal: Principal) {
  return store.countNotifications(db, principal.userId);
}

/** Marks one of the caller's notifications read; another user's is "not found", as if it did not exist. */
export async function markRead(db: Db, principal: Principal, id: number, now = new Date()): Promise<NotificationView> {
  return db.transaction().execute(async (tx) => {
    const n = await store.findNotification(tx, principal.userId, id);
    if (!n) throw notFound('Notification', 'thông báo', 'id');
    if (n.read_at) return notificationView(n);
    await store.setRead(tx, n.id, now);
    await audit.record(tx, {
      actorUserId: principal.userId,
      action: 'notification.read',
      entityType: 'notification',
      entityId: n.id,
    });
    return notificationView({ ...n, read_at: now });
  });
}

export async function markAllRead(db: Db, principal: Principal, now = new Date()): Promise<{ marked: number }> {
  return db.transaction().execute(async (tx) => {
    const ids = await store.setAllRead(tx, principal.userId, now);
    if (ids.length > 0) {
      await audit.record(tx, {
        actorUserId: principal.userId,
        action: 'notification.read_all',
        entityType: 'user',
        entityId: principal.userId,
        data: { count: ids.length },
      });
    }
    return { marked: ids.length };
  });
}
