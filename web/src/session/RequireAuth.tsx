import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useSession } from './session';
import { Loading } from '../components/Status';
import { paths } from '../paths';

/** Staff pages: wait for the session check, then send anonymous visitors to the login page and back. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { ready, user } = useSession();
  const location = useLocation();
  if (!ready) return <Loading />;
  if (!user) return <Navigate to={paths.login} replace state={{ from: location.pathname + location.search }} />;
  return children;
}
