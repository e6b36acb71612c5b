export const notificationsVi = {
  nav: 'Thông báo',
  unreadBadge: (n: number) => `${n} thông báo chưa đọc`,
  title: 'Thông báo',
  intro: 'Nhắc việc hằng ngày về hồ sơ sắp đến hạn, quá hạn và tin về hồ sơ của bạn.',
  count: (total: number, unread: number) => `${total} thông báo, ${unread} chưa đọc`,
  unreadOnly: 'Chỉ hiện thông báo chưa đọc',
  empty: 'Không có thông báo nào.',
  markRead: 'Đánh dấu đã đọc',
  markAllRead: 'Đánh dấu tất cả đã đọc',
  unread: 'Chưa đọc',
  dossiers: 'Hồ sơ liên quan',
};
