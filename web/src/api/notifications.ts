import { api } from './client';

/** An in-app notification (src/modules/notifications): a reminder or news of the user's dossier. */
export type AppNotification = {
  id: number;
  kind: string;
  title: string;
  titleEn: string;
  body: string;
  bodyEn: string;
  dossierCodes: string[];
  createdAt: string;
  readAt: string | null;
};

export type NotificationPage = {
  items: AppNotification[];
  total: number;
  unread: number;
  page: number;
  pageSize: number;
};

export function fetchNotifications(
  query: { unread: boolean; page: number; pageSize: number },
  signal?: AbortSignal,
): Promise<NotificationPage> {
  return api('/api/notifications', { query: { ...query, unread: query.unread ? 1 : undefined }, signal });
}

export function fetchUnreadCount(signal?: AbortSignal): Promise<{ unread: number; total: number }> {
  return api('/api/notifications/count', { signal });
}

export const markNotificationRead = (id: number) =>
  api<AppNotification>(`/api/notifications/${id}/read`, { method: 'POST' });

export const markAllNotificationsRead = () =>
  api<{ marked: number }>('/api/notifications/read-all', { method: 'POST' });
