import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useAuth } from '../auth/AuthProvider';

/** Signed-in pages: no session goes to sign-in, a session without a tenant to the workspace picker. */
export function RequireSession({ children }: { children: ReactNode }) {
  const { session } = useAuth();
  const location = useLocation();
  const from = location.pathname + location.search;
  if (!session) return <Navigate to="/login" replace state={{ from }} />;
  if (!session.tenant) return <Navigate to="/choose-tenant" replace state={{ from }} />;
  return <>{children}</>;
}
