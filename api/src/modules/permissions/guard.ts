import type { GraphQLContext } from '../../graphql/context';
import { ForbiddenError, UnauthenticatedError } from '../../graphql/errors';
import type { SubscriptionContext } from '../../graphql/subscriptions/event-stream';
import { currentTenant, runInScope, tenantDb } from '../../tenancy/context';
import { withTenant } from '../../tenancy/with-tenant';
import { API_KEY_PERMISSIONS, type Permission } from './catalog';

/**
 * The caller's permissions in the current tenant, once per request (per event on a subscription): for a user, from
 * the roles they hold (tenant schema, through the shared PermissionCache); for an API key, API_KEY_PERMISSIONS.
 * Runs in the context's own request scope, so the auth checker (which type-graphql calls before any middleware)
 * can use it too.
 */
export async function permissionsOf(ctx: GraphQLContext): Promise<ReadonlySet<string>> {
  const principal = ctx.principal;
  if (principal?.kind === 'apikey') return new Set(API_KEY_PERMISSIONS);
  if (principal?.kind !== 'user') return new Set();
  const scope = ctx.scope;
  const tenant = runInScope(scope, currentTenant);
  const load = async () =>
    (
      await tenantDb().query<{ p: string }>(
        `select distinct unnest(r.permissions) as p from member_roles mr join roles r on r.id = mr.role_id where mr.user_id = $1`,
        [principal.userId],
      )
    ).map((r) => r.p);
  // Over HTTP the lookup joins the operation's transaction (the tenant-transaction plugin ends it). A websocket
  // context has no such end when subscribing, so there it is its own short unit of work: nothing stays open.
  const socket = (ctx as Partial<SubscriptionContext>).events !== undefined;
  ctx.permissionCache ??= ctx.services.permissions.get(tenant.id, principal.userId, () =>
    socket ? withTenant(scope.openSession, tenant, load) : runInScope(scope, load),
  );
  return ctx.permissionCache;
}

/**
 * Imperative check, for rules that depend on arguments. Root fields declare theirs with @Authorized instead
 * (graphql/auth-checker.ts), which a test requires of every one of them.
 */
export async function requirePermission(ctx: GraphQLContext, permission: Permission): Promise<void> {
  if (!ctx.principal) throw ctx.authError ?? new UnauthenticatedError();
  if (!(await permissionsOf(ctx)).has(permission)) throw new ForbiddenError(`This needs the ${permission} permission`);
}
