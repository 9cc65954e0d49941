/**
 * The signed-in session: tokens and the tenant they are bound to. Kept in memory and mirrored to localStorage so
 * a reload or a second tab stays signed in; `subscribe` feeds React (useSyncExternalStore) and the Apollo links.
 * Other tabs' changes arrive through the `storage` event, so a refresh or sign-out in one tab is seen by all.
 */
export interface SessionMembership {
  tenantId: string;
  slug: string;
  name: string;
  status: string;
}

export interface Session {
  accessToken: string;
  /** Epoch milliseconds. */
  accessTokenExpiresAt: number;
  refreshToken: string;
  refreshTokenExpiresAt: number;
  tenant: { id: string; slug: string; name: string } | null;
  memberships: SessionMembership[];
}

const KEY = 'leadplane.session';
type Listener = () => void;

export interface SessionStore {
  get(): Session | null;
  set(next: Session | null): void;
  subscribe(listener: Listener): () => void;
}

export function createSessionStore(storage: Storage | null = typeof window === 'undefined' ? null : window.localStorage): SessionStore {
  let current = read(storage);
  const listeners = new Set<Listener>();
  const notify = () => listeners.forEach((l) => l());

  if (typeof window !== 'undefined') {
    window.addEventListener('storage', (e) => {
      if (e.key !== KEY) return;
      current = read(storage);
      notify();
    });
  }

  return {
    get: () => current,
    set(next) {
      current = next;
      try {
        if (next) storage?.setItem(KEY, JSON.stringify(next));
        else storage?.removeItem(KEY);
      } catch {
        // Private mode or a full quota: the session still works in this tab.
      }
      notify();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** Re-reads what another tab may have written since (used after waiting for the cross-tab refresh lock). */
export function readStoredSession(storage: Storage | null = typeof window === 'undefined' ? null : window.localStorage): Session | null {
  return read(storage);
}

function read(storage: Storage | null): Session | null {
  try {
    const raw = storage?.getItem(KEY);
    if (!raw) return null;
    const s = JSON.parse(raw) as Session;
    if (typeof s.accessToken !== 'string' || typeof s.refreshToken !== 'string') return null;
    if (s.refreshTokenExpiresAt <= Date.now()) return null;
    return s;
  } catch {
    return null;
  }
}
