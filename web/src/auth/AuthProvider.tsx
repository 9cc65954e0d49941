import { ApolloProvider } from '@apollo/client/react';
import { createContext, useContext, useEffect, useMemo, useRef, useSyncExternalStore, type ReactNode } from 'react';
import { createApollo, type LeadplaneApollo } from '../apollo/client';
import { AuthClient } from './auth-client';
import type { Session } from './session-store';

interface AuthContextValue {
  auth: AuthClient;
  session: Session | null;
  /** The user id (JWT `sub`) of the session, or null. */
  userId: string | null;
}

const AuthContext = createContext<AuthContextValue | null>(null);

/** `sub` of a JWT, read without verifying: only to key the Apollo client; the API verifies every token. */
export function tokenSubject(token: string): string | null {
  try {
    const payload = token.split('.')[1];
    if (!payload) return null;
    const json = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/'))) as { sub?: unknown };
    return typeof json.sub === 'string' ? json.sub : null;
  } catch {
    return null;
  }
}

/**
 * Provides the session and an Apollo client bound to it. The client is rebuilt whenever the user or the tenant
 * changes (sign-in, switch, sign-out, or another tab doing so), so one tenant's cache never serves another.
 */
export function AuthProvider({ auth, children, makeApollo = createApollo }: { auth: AuthClient; children: ReactNode; makeApollo?: typeof createApollo }) {
  const session = useSyncExternalStore(auth.store.subscribe, auth.store.get, auth.store.get);
  const userId = session ? tokenSubject(session.accessToken) : null;
  const key = session ? `${userId}:${session.tenant?.id ?? '-'}` : 'signed-out';
  const apollo: LeadplaneApollo = useMemo(() => makeApollo(auth), [key]); // eslint-disable-line react-hooks/exhaustive-deps
  // The previous client is disposed once its successor is in place (not in an effect cleanup: StrictMode runs
  // cleanups on a live component, which would stop the client still in use).
  const previous = useRef<LeadplaneApollo | null>(null);
  useEffect(() => {
    if (previous.current && previous.current !== apollo) previous.current.dispose();
    previous.current = apollo;
  }, [apollo]);
  const value = useMemo(() => ({ auth, session, userId }), [auth, session, userId]);
  return (
    <AuthContext.Provider value={value}>
      <ApolloProvider client={apollo.client} key={key}>
        {children}
      </ApolloProvider>
    </AuthContext.Provider>
  );
}

export function useAuth(): AuthContextValue {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth outside AuthProvider');
  return ctx;
}
