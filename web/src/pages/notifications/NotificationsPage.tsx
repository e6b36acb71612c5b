import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useI18n } from '../../i18n/i18n';
import { useAsync } from '../../lib/useAsync';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { formatDateTime } from '../../lib/datetime';
import {
  fetchNotifications,
  markAllNotificationsRead,
  markNotificationRead,
  type AppNotification,
} from '../../api/notifications';
import { Button } from '../../components/Button';
import { PagedList } from '../../components/PagedList';
import { ErrorMessage } from '../../components/Status';
import { useUnreadCount } from './unread';
import { DossierLink } from '../../components/DossierLink';

const PAGE_SIZE = 20;

/** The user's notifications, newest first: reminders of dossiers due or overdue, news of their dossiers. */
export function NotificationsPage() {
  const { t } = useI18n();
  const s = t.notifications;
  useDocumentTitle(s.title);
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const unreadOnly = params.get('unread') === '1';
  const list = useAsync(
    (signal) => fetchNotifications({ unread: unreadOnly, page, pageSize: PAGE_SIZE }, signal),
    [page, unreadOnly],
  );
  const { refresh } = useUnreadCount();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const change = async (call: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await call();
      list.reload();
      refresh();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const setQuery = (next: { page?: number; unread?: boolean }) => {
    const q: Record<string, string> = {};
    if ((next.unread ?? unreadOnly) === true) q.unread = '1';
    if ((next.page ?? 1) > 1) q.page = String(next.page);
    setParams(q);
  };

  return (
    <>
      <h1>{s.title}</h1>
      <p className="lead">{s.intro}</p>
      <PagedList
        id="notifications-count"
        list={list}
        heading={(d) => s.count(d.total, d.unread)}
        placeholder={s.title}
        empty={s.empty}
        controls={
          <>
            <div className="form-actions">
              <label className="check-row">
                <input type="checkbox" checked={unreadOnly} onChange={(e) => setQuery({ unread: e.target.checked })} />{' '}
                {s.unreadOnly}
              </label>
              <Button
                variant="secondary"
                busy={busy}
                disabled={!list.data || list.data.unread === 0}
                onClick={() => void change(markAllNotificationsRead)}
              >
                {s.markAllRead}
              </Button>
            </div>
            {error !== null && <ErrorMessage error={error} />}
          </>
        }
        page={page}
        pageSize={PAGE_SIZE}
        onPage={(n) => setQuery({ page: n })}
      >
        {(items) => (
          <ul className="notification-list">
            {items.map((n) => (
              <NotificationItem
                key={n.id}
                n={n}
                busy={busy}
                onRead={() => void change(() => markNotificationRead(n.id))}
              />
            ))}
          </ul>
        )}
      </PagedList>
    </>
  );
}

function NotificationItem({ n, busy, onRead }: { n: AppNotification; busy: boolean; onRead: () => void }) {
  const { t, lang } = useI18n();
  const s = t.notifications;
  const headingId = `notification-${n.id}`;
  return (
    <li className={n.readAt ? 'notification' : 'notification notification-unread'} aria-labelledby={headingId}>
      <h3 id={headingId}>
        {!n.readAt && <span className="badge urgency urgency-soon">{s.unread}</span>}{' '}
        {lang === 'vi' ? n.title : n.titleEn}
      </h3>
      <p className="notification-time">{formatDateTime(n.createdAt)}</p>
      <p className="notification-body">{lang === 'vi' ? n.body : n.bodyEn}</p>
      {n.dossierCodes.length > 0 && (
        <p>
          {s.dossiers}:{' '}
          {n.dossierCodes.map((code, i) => (
            <span key={code}>
              {i > 0 && ', '}
              <DossierLink code={code} />
            </span>
          ))}
        </p>
      )}
      {!n.readAt && (
        <Button variant="ghost" busy={busy} onClick={onRead}>
          {s.markRead}
        </Button>
      )}
    </li>
  );
}
