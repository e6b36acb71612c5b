import type { notificationsVi } from './notifications.vi';

export const notificationsEn: typeof notificationsVi = {
  nav: 'Notifications',
  unreadBadge: (n: number) => `${n} unread ${n === 1 ? 'notification' : 'notifications'}`,
  title: 'Notifications',
  intro: 'Daily reminders of dossiers falling due or overdue, and news of your dossiers.',
  count: (total: number, unread: number) => `${total} notifications, ${unread} unread`,
  unreadOnly: 'Show unread notifications only',
  empty: 'No notifications.',
  markRead: 'Mark as read',
  markAllRead: 'Mark all as read',
  unread: 'Unread',
  dossiers: 'Dossiers',
};
