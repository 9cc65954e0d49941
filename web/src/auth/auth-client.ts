import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { getFragmentData } from '../gql';
import type { AuthPayloadFieldsFragment } from '../gql/graphql';
import {
  AcceptInvitationDocument,
  AuthPayloadFields,
  LoginDocument,
  LogoutDocument,
  RefreshDocument,
  SwitchTenantDocument,
} from './auth-documents';
import { readStoredSession, type Session, type SessionStore } from './session-store';

export const GRAPHQL_PATH = '/graphql';

/** A GraphQL error answered by the API, with its `extensions.code`. */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/**
 * Sign-in, token refresh, tenant switch and sign-out. These run over plain fetch, outside Apollo, so that token
 * handling never depends on the cache and the Apollo links can call `freshAccessToken()` without recursion.
 */
export class AuthClient {
  private refreshing: Promise<Session | null> | null = null;

  constructor(
    readonly store: SessionStore,
    private readonly fetchImpl: typeof fetch = (...args) => fetch(...args),
  ) {}

  async login(email: string, password: string, tenant?: string): Promise<Session> {
    const data = await this.request(LoginDocument, { email, password, tenant: tenant || null });
    return this.adopt(getFragmentData(AuthPayloadFields, data.login));
  }

  async switchTenant(slug: string): Promise<Session> {
    const token = await this.freshAccessToken();
    const data = await this.request(SwitchTenantDocument, { slug }, token);
    return this.adopt(getFragmentData(AuthPayloadFields, data.switchTenant));
  }

  async logout(): Promise<void> {
    const session = this.store.get();
    this.store.set(null);
    if (!session) return;
    // The tokens are forgotten first: a failed call must not leave the user signed in here.
    await this.request(LogoutDocument, {}, session.accessToken).catch(() => undefined);
  }

  acceptInvitation(token: string, password: string, name?: string) {
    return this.request(AcceptInvitationDocument, { token, password, name: name || null }).then((d) => d.acceptInvitation);
  }

  /** The access token, refreshed first when it expires within 30 s; null when signed out. */
  async freshAccessToken(): Promise<string | null> {
    const session = this.store.get();
    if (!session) return null;
    if (session.accessTokenExpiresAt - Date.now() > 30_000) return session.accessToken;
    return (await this.refresh())?.accessToken ?? null;
  }

  /**
   * Rotates the refresh token once, however many callers ask at the same time. Refresh tokens are single-use and
   * a reused one revokes the session, so tabs take turns through a Web Lock and a tab that waited adopts the
   * tokens the other tab stored instead of presenting the spent one.
   */
  refresh(): Promise<Session | null> {
    this.refreshing ??= this.withLock(async () => {
      const before = this.store.get();
      const stored = readStoredSession();
      if (stored && before && stored.refreshToken !== before.refreshToken && stored.accessTokenExpiresAt - Date.now() > 30_000) {
        this.store.set(stored);
        return stored;
      }
      const current = stored ?? before;
      if (!current) return null;
      try {
        const data = await this.request(RefreshDocument, { refreshToken: current.refreshToken });
        return this.adopt(getFragmentData(AuthPayloadFields, data.refresh));
      } catch (err) {
        if (err instanceof ApiError) this.store.set(null); // refused: the session is over
        throw err;
      }
    }).finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  private async withLock<T>(fn: () => Promise<T>): Promise<T> {
    const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
    return locks ? locks.request('leadplane.refresh', fn) : fn();
  }

  private adopt(p: AuthPayloadFieldsFragment): Session {
    const session: Session = {
      accessToken: p.accessToken,
      accessTokenExpiresAt: Date.parse(p.accessTokenExpiresAt),
      refreshToken: p.refreshToken,
      refreshTokenExpiresAt: Date.parse(p.refreshTokenExpiresAt),
      tenant: p.tenant ? { id: p.tenant.id, slug: p.tenant.slug, name: p.tenant.name } : null,
      memberships: p.memberships.map((m) => ({ tenantId: m.tenantId, slug: m.slug, name: m.name, status: m.status })),
    };
    this.store.set(session);
    return session;
  }

  private async request<TData, TVars>(doc: TypedDocumentNode<TData, TVars>, variables: TVars, token?: string | null): Promise<TData> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (token) headers.authorization = `Bearer ${token}`;
    let res: Response;
    try {
      res = await this.fetchImpl(GRAPHQL_PATH, { method: 'POST', headers, body: JSON.stringify({ query: print(doc), variables }) });
    } catch {
      throw new ApiError('NETWORK_ERROR', 'The server cannot be reached. Check your connection and try again.');
    }
    const body = (await res.json().catch(() => null)) as { data?: TData; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> } | null;
    const first = body?.errors?.[0];
    if (first) throw new ApiError(String(first.extensions?.code ?? 'INTERNAL_SERVER_ERROR'), first.message, first.extensions ?? {});
    if (!body?.data) throw new ApiError('SERVER_ERROR', `The server answered ${res.status}.`);
    return body.data;
  }
}
