import { createContext, use, useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ApiError, setCsrfToken, setUnauthorizedHandler } from '../api/client';
import * as auth from '../api/auth';
import type { RoleCode, User } from '../api/types';

type Session = {
  /** False until a remembered session has been checked with the server. */
  ready: boolean;
  user: User | null;
  login: (username: string, password: string) => Promise<User>;
  logout: () => Promise<void>;
};

// The cookie is httpOnly, so the page cannot see it; this flag says a session may exist, which
// spares anonymous citizens a /me request answered 401 on every visit.
const HINT_KEY = 'motcua.session';

function remember(on: boolean): void {
  try {
    if (on) localStorage.setItem(HINT_KEY, '1');
    else localStorage.removeItem(HINT_KEY);
  } catch {
    // Without storage the session still works for this tab; it is just not looked up on reload.
  }
}

function remembered(): boolean {
  try {
    return localStorage.getItem(HINT_KEY) === '1';
  } catch {
    return false;
  }
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<User | null>(null);
  const [ready, setReady] = useState(() => !remembered());

  const clear = useCallback(() => {
    setCsrfToken(null);
    remember(false);
    setUser(null);
  }, []);

  useEffect(() => {
    setUnauthorizedHandler(clear);
    return () => setUnauthorizedHandler(null);
  }, [clear]);

  useEffect(() => {
    if (!remembered()) return;
    let live = true;
    auth
      .fetchMe()
      .then((me) => {
        if (!live) return;
        setCsrfToken(me.csrfToken);
        setUser(me.user);
      })
      .catch((err: unknown) => {
        // Only a refused session is forgotten; a network failure keeps the hint for the next load.
        if (live && err instanceof ApiError && err.status === 401) clear();
      })
      .finally(() => live && setReady(true));
    return () => {
      live = false;
    };
  }, [clear]);

  const login = useCallback(async (username: string, password: string) => {
    const res = await auth.login(username, password);
    setCsrfToken(res.csrfToken);
    remember(true);
    setUser(res.user);
    return res.user;
  }, []);

  const logout = useCallback(async () => {
    try {
      await auth.logout();
    } finally {
      clear();
    }
  }, [clear]);

  const value = useMemo<Session>(() => ({ ready, user, login, logout }), [ready, user, login, logout]);
  return <SessionContext value={value}>{children}</SessionContext>;
}

export function useSession(): Session {
  const ctx = use(SessionContext);
  if (!ctx) throw new Error('useSession outside SessionProvider');
  return ctx;
}

export const ADMIN_ROLES: readonly RoleCode[] = ['agency_admin', 'province_admin'];

export function hasAnyRole(user: User | null, roles: readonly RoleCode[]): boolean {
  return !!user && user.roles.some((r) => roles.includes(r.role));
}
