import { createContext, use, useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useLocation } from 'react-router';
import { fetchUnreadCount } from '../../api/notifications';
import { useSession } from '../../session/session';

type UnreadCount = { unread: number; refresh: () => void };

const UnreadContext = createContext<UnreadCount>({ unread: 0, refresh: () => {} });
const POLL_MS = 60_000;

/** The signed-in user's unread notification count, read again on each navigation and every minute. */
export function UnreadCountProvider({ children }: { children: ReactNode }) {
  const { user } = useSession();
  const { pathname } = useLocation();
  const [unread, setUnread] = useState(0);
  const [tick, setTick] = useState(0);
  const refresh = useCallback(() => setTick((n) => n + 1), []);

  useEffect(() => {
    if (!user) {
      setUnread(0);
      return;
    }
    const controller = new AbortController();
    const load = () =>
      fetchUnreadCount(controller.signal).then(
        (c) => setUnread(c.unread),
        // A failed count is not worth an error on every page: the badge keeps its last value.
        () => {},
      );
    void load();
    const timer = setInterval(() => void load(), POLL_MS);
    return () => {
      controller.abort();
      clearInterval(timer);
    };
  }, [user, pathname, tick]);

  const value = useMemo(() => ({ unread, refresh }), [unread, refresh]);
  return <UnreadContext value={value}>{children}</UnreadContext>;
}

export const useUnreadCount = (): UnreadCount => use(UnreadContext);
