import type { GraphQLContext } from '../../graphql/context';
import { ForbiddenError, UnauthenticatedError } from '../../graphql/errors';
import { currentTenant, tenantDb } from '../../tenancy/context';
import type { Permission } from './catalog';

/**
 * The caller's permissions in the current tenant, from the roles they hold (tenant schema), once per request.
 * Until the tenant-administration issue lands, this guards the admin mutations only.
 */
export async function permissionsOf(ctx: GraphQLContext): Promise<Set<string>> {
  const tenant = currentTenant();
  if (ctx.principal?.kind !== 'user') return new Set();
  const userId = ctx.principal.userId;
  ctx.permissionCache ??= ctx.services.permissions.get(tenant.id, userId, async () =>
    (
      await tenantDb().query<{ p: string }>(
        `select distinct unnest(r.permissions) as p from member_roles mr join roles r on r.id = mr.role_id where mr.user_id = $1`,
        [userId],
      )
    ).map((r) => r.p),
  );
  return ctx.permissionCache;
}

export async function requirePermission(ctx: GraphQLContext, permission: Permission): Promise<void> {
  if (!ctx.principal) throw ctx.authError ?? new UnauthenticatedError();
  if (!(await permissionsOf(ctx)).has(permission)) throw new ForbiddenError(`This needs the ${permission} permission`);
}
