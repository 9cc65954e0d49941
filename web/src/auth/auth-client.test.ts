import { ApiError, AuthClient } from './auth-client';
import { createSessionStore, type Session } from './session-store';

const hour = 3_600_000;
function payload(n: number, expiresInMs = 15 * 60_000) {
  const now = Date.now();
  return {
    accessToken: `h.${btoa(JSON.stringify({ sub: 'u1' }))}.s${n}`,
    accessTokenExpiresAt: new Date(now + expiresInMs).toISOString(),
    refreshToken: `lprt_${n}`,
    refreshTokenExpiresAt: new Date(now + 24 * hour).toISOString(),
    tenant: { __typename: 'Tenant', id: 't1', slug: 'acme', name: 'Acme' },
    memberships: [{ __typename: 'Membership', tenantId: 't1', slug: 'acme', name: 'Acme', status: 'active' }],
  };
}

/** A fake API over fetch: counts refresh calls and answers each with the next token pair. */
function fakeApi(opts: { refuse?: string } = {}) {
  const calls: Array<{ op: string; variables: Record<string, unknown> }> = [];
  let n = 1;
  const impl = (async (_url: string, init: { body: string }) => {
    const { query, variables } = JSON.parse(init.body) as { query: string; variables: Record<string, unknown> };
    const op = /mutation (\w+)/.exec(query)?.[1] ?? '?';
    calls.push({ op, variables });
    await new Promise((r) => setTimeout(r, 5));
    if (op === 'Refresh' && opts.refuse) {
      return { status: 200, json: async () => ({ errors: [{ message: 'no', extensions: { code: 'UNAUTHENTICATED', reason: opts.refuse } }] }) };
    }
    const field = op === 'Refresh' ? 'refresh' : op === 'Login' ? 'login' : 'switchTenant';
    return { status: 200, json: async () => ({ data: { [field]: { __typename: 'AuthPayload', ...payload(++n) } } }) };
  }) as unknown as typeof fetch;
  return { calls, impl };
}

function signedIn(store = createSessionStore(window.localStorage), expiresInMs = 1000): Session {
  const p = payload(1, expiresInMs);
  const s: Session = {
    accessToken: p.accessToken,
    accessTokenExpiresAt: Date.parse(p.accessTokenExpiresAt),
    refreshToken: p.refreshToken,
    refreshTokenExpiresAt: Date.parse(p.refreshTokenExpiresAt),
    tenant: { id: 't1', slug: 'acme', name: 'Acme' },
    memberships: [],
  };
  store.set(s);
  return s;
}

beforeEach(() => window.localStorage.clear());

test('concurrent callers of an expiring token share one refresh (a refresh token is single-use)', async () => {
  const api = fakeApi();
  const store = createSessionStore(window.localStorage);
  signedIn(store);
  const auth = new AuthClient(store, api.impl);
  const tokens = await Promise.all([auth.freshAccessToken(), auth.freshAccessToken(), auth.freshAccessToken()]);
  expect(api.calls.filter((c) => c.op === 'Refresh')).toHaveLength(1);
  expect(new Set(tokens).size).toBe(1);
  expect(store.get()?.refreshToken).toBe('lprt_2');
});

test('a token far from expiry is used as is', async () => {
  const api = fakeApi();
  const store = createSessionStore(window.localStorage);
  const s = signedIn(store, 10 * 60_000);
  const auth = new AuthClient(store, api.impl);
  await expect(auth.freshAccessToken()).resolves.toBe(s.accessToken);
  expect(api.calls).toHaveLength(0);
});

test('a refused refresh signs out (the session is over) and reports the code', async () => {
  const api = fakeApi({ refuse: 'REFRESH_TOKEN_REUSED' });
  const store = createSessionStore(window.localStorage);
  signedIn(store);
  const auth = new AuthClient(store, api.impl);
  await expect(auth.refresh()).rejects.toBeInstanceOf(ApiError);
  expect(store.get()).toBeNull();
  expect(window.localStorage.getItem('leadplane.session')).toBeNull();
});

test('a refresh done by another tab is adopted instead of presenting the spent token', async () => {
  const api = fakeApi();
  const store = createSessionStore(window.localStorage);
  signedIn(store);
  // Another tab rotated meanwhile and stored its new pair.
  const other = { ...store.get()!, refreshToken: 'lprt_other', accessToken: 'h.e30.other', accessTokenExpiresAt: Date.now() + 10 * 60_000 };
  window.localStorage.setItem('leadplane.session', JSON.stringify(other));
  const auth = new AuthClient(store, api.impl);
  const s = await auth.refresh();
  expect(api.calls).toHaveLength(0);
  expect(s?.refreshToken).toBe('lprt_other');
});

test('logout forgets the tokens even when the API cannot be reached', async () => {
  const store = createSessionStore(window.localStorage);
  signedIn(store, 10 * 60_000);
  const auth = new AuthClient(store, (async () => {
    throw new TypeError('offline');
  }) as unknown as typeof fetch);
  await auth.logout();
  expect(store.get()).toBeNull();
});
