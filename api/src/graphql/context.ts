import type { IncomingHttpHeaders } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { Platform } from '../platform';
import { type AppError, ForbiddenError, UnauthenticatedError } from './errors';
import type { RequestScope } from '../tenancy/context';
import type { TenantRecord } from '../tenancy/tenant';
import type { Resolution } from '../tenancy/resolvers';
import { bearerToken, verifyAccessToken, type AccessClaims } from '../modules/auth/tokens';
import type { Services } from '../services';
import { createLoaders, type Loaders } from './loaders';

export type Principal =
  | { kind: 'user'; userId: string; sessionId: string; isPlatformAdmin: boolean; tokenTenantId: string | null }
  | { kind: 'apikey'; apiKeyId: string; tenantId: string };

export interface GraphQLContext {
  requestId: string;
  ip: string;
  userAgent: string;
  headers: IncomingHttpHeaders;
  principal: Principal | null;
  /** Why authentication failed, when a credential was presented and refused. */
  authError: AppError | null;
  /** The request's tenant scope; tenant data is reached through it only (tenancy/context.ts). */
  scope: RequestScope;
  /** The resolved tenant (active, and the caller may use it), or null. */
  tenant: TenantRecord | null;
  /** What the tenant resolver chain said, before the caller's access to it was checked. */
  resolution: Resolution;
  services: Services;
  /** Per-request DataLoaders, bound to this request's tenant scope. */
  loaders: Loaders;
  /** Filled on first use by modules/permissions/guard.ts. */
  permissionCache?: Promise<ReadonlySet<string>>;
}

export interface ContextInput {
  headers: IncomingHttpHeaders;
  ip: string;
  /** graphql-ws passes the token in connectionParams instead of a header. */
  authorization?: string;
}

/**
 * One context factory for HTTP and websockets: authenticate, resolve the tenant through the configured chain,
 * decide whether the caller may use that tenant, and prepare the (lazy) tenant transaction.
 */
export function createContextFactory(platform: Platform, services: Services) {
  return async function buildContext(input: ContextInput): Promise<GraphQLContext> {
    let claims: AccessClaims | null = null;
    let authError: AppError | null = null;
    let principal: Principal | null = null;
    try {
      const token = bearerToken(input.authorization ?? headerValue(input.headers.authorization));
      if (token) claims = verifyAccessToken(platform.config.jwt, token);
    } catch (err) {
      authError = err as AppError;
    }
    // Session and membership are checked in one control-plane statement, so the tenant is resolved first, taking the
    // token's tenant claim as if the session were live. When it is not (or the resolution failed), the resolution is
    // redone exactly as without this shortcut: a token whose session is dead names no tenant.
    const tokenTenantId = claims?.tid ?? null;
    const resolve = (tid: string | null) => platform.resolution.resolve({ headers: input.headers, tokenTenantId: tid });
    let resolution: Resolution | undefined = await resolve(tokenTenantId).catch(() => undefined);
    let membership: { tenantId: string; member: boolean } | undefined;
    if (claims) {
      try {
        const candidate = resolution?.tenant && !resolution.denied ? resolution.tenant.id : null;
        const user = await services.sessions.check(claims.sid, claims.sub, candidate);
        principal = { kind: 'user', userId: user.id, sessionId: claims.sid, isPlatformAdmin: user.isPlatformAdmin, tokenTenantId };
        if (candidate && user.member !== null) membership = { tenantId: candidate, member: user.member };
      } catch (err) {
        authError = err as AppError;
      }
    }
    if (!resolution || (tokenTenantId && !principal)) resolution = await resolve(principal ? tokenTenantId : null);

    if (resolution.apiKeyId && resolution.tenant && !principal) {
      principal = { kind: 'apikey', apiKeyId: resolution.apiKeyId, tenantId: resolution.tenant.id };
    }

    let denied: AppError | undefined = resolution.denied;
    const tenant = resolution.tenant;
    if (tenant && !denied) {
      if (!principal) denied = authError ?? new UnauthenticatedError('Sign in to use this tenant');
      else if (principal.kind === 'user') {
        const member = membership?.tenantId === tenant.id ? membership.member : await services.sessions.isActiveMember(tenant.id, principal.userId);
        if (!member) denied = new ForbiddenError('You are not a member of this tenant');
      }
    }

    const scope: RequestScope = {
      tenant: denied ? undefined : tenant,
      tenantDenied: denied,
      // The operation is not parsed yet: the tenant-transaction plugin marks a query read only before it executes.
      openSession: (t) => platform.openSession(t, { readOnly: scope.readOnly === true }),
    };
    return {
      requestId: headerValue(input.headers['x-request-id'])?.slice(0, 100) ?? randomUUID(),
      ip: input.ip,
      userAgent: headerValue(input.headers['user-agent'])?.slice(0, 500) ?? '',
      headers: input.headers,
      principal,
      authError,
      scope,
      tenant: scope.tenant ?? null,
      resolution,
      services,
      loaders: createLoaders(scope),
    };
  };
}

export function headerValue(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}

export function requireUser(ctx: GraphQLContext): Extract<Principal, { kind: 'user' }> {
  if (ctx.principal?.kind === 'user') return ctx.principal;
  throw ctx.authError ?? new UnauthenticatedError();
}

export function requirePlatformAdmin(ctx: GraphQLContext): Extract<Principal, { kind: 'user' }> {
  const user = requireUser(ctx);
  if (!user.isPlatformAdmin) throw new ForbiddenError('Platform administrators only');
  return user;
}

/** Who did it, for activities and audit: a user, or an integration's API key. */
export function actorOf(ctx: GraphQLContext): { userId: string | null; apiKeyId?: string } {
  if (ctx.principal?.kind === 'user') return { userId: ctx.principal.userId };
  if (ctx.principal?.kind === 'apikey') return { userId: null, apiKeyId: ctx.principal.apiKeyId };
  throw ctx.authError ?? new UnauthenticatedError();
}
