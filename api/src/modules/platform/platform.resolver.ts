import { Arg, Args, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { Role } from '../../graphql/auth-checker';
import { requirePlatformAdmin, type GraphQLContext } from '../../graphql/context';
import { BadInputError } from '../../graphql/errors';
import { TenantAdminView } from '../tenants/tenant.types';
import type { AuditActor } from './platform-audit.service';
import { PlatformAuditLogArgs, PlatformTenantsArgs, SuspendTenantArgs } from './platform.inputs';
import { platformService } from './platform.service';
import { pageInfo, PlatformAuditConnection, PlatformTenantConnection, PlatformTenantType, PlatformUserType } from './platform.types';
import type { TenantStatus } from '../../tenancy/tenant';

/**
 * Platform administrators only (control.users.is_platform_admin), whatever tenant the request names: declared with
 * @Authorized for the schema-wide check, and asserted again here where the audit actor is taken from the principal.
 */
function adminActor(ctx: GraphQLContext): AuditActor {
  const user = requirePlatformAdmin(ctx);
  return { actorId: user.userId, clientIp: ctx.ip, userAgent: ctx.userAgent, requestId: ctx.requestId };
}

@Resolver()
export class PlatformResolver {
  @Authorized<Role>('platform-admin')
  @Query(() => PlatformTenantConnection, {
    description: "Platform admins: tenants, newest first, with each tenant's numbers read read-only through its own role. Audited.",
  })
  async platformTenants(@Args() args: PlatformTenantsArgs, @Ctx() ctx: GraphQLContext): Promise<PlatformTenantConnection> {
    const actor = adminActor(ctx);
    const page = await platformService(ctx.services).listTenants(actor, { status: args.status as TenantStatus | undefined, first: args.first, after: args.after });
    return { edges: page.rows.map((node) => ({ cursor: node.cursor, node })), pageInfo: pageInfo(page.rows, page.hasNextPage) };
  }

  @Authorized<Role>('platform-admin')
  @Query(() => PlatformTenantType, { description: 'Platform admins: one tenant with its numbers. Audited.' })
  async platformTenant(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<PlatformTenantType> {
    return platformService(ctx.services).getTenant(adminActor(ctx), id);
  }

  @Authorized<Role>('platform-admin')
  @Query(() => PlatformAuditConnection, { description: 'Platform admins: what platform admins did, newest first.' })
  async platformAuditLog(@Args() args: PlatformAuditLogArgs, @Ctx() ctx: GraphQLContext): Promise<PlatformAuditConnection> {
    requirePlatformAdmin(ctx);
    const page = await platformService(ctx.services).listAudit(args);
    return { edges: page.rows.map((node) => ({ cursor: node.cursor, node })), pageInfo: pageInfo(page.rows, page.hasNextPage) };
  }

  @Authorized<Role>('platform-admin')
  @Mutation(() => TenantAdminView, {
    description: "Platform admins: suspend a tenant. Its users are refused (TENANT_SUSPENDED) and its open websockets close. Audited.",
  })
  async suspendTenant(@Args() args: SuspendTenantArgs, @Ctx() ctx: GraphQLContext): Promise<TenantAdminView> {
    const actor = adminActor(ctx);
    const reason = args.reason.trim();
    if (!reason) throw new BadInputError('A reason is required', [{ field: 'reason', message: 'must not be blank' }]);
    return platformService(ctx.services).setStatus(actor, args.id, 'suspended', reason);
  }

  @Authorized<Role>('platform-admin')
  @Mutation(() => TenantAdminView, { description: 'Platform admins: reactivate a suspended tenant. Audited.' })
  async reactivateTenant(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<TenantAdminView> {
    return platformService(ctx.services).setStatus(adminActor(ctx), id, 'active', null);
  }

  @Authorized<Role>('platform-admin')
  @Mutation(() => PlatformUserType, {
    description:
      'Platform admins: disable a user account. Login fails from then on, every live session is revoked at once (in every API process, and open websockets close); not yourself. Audited.',
  })
  async disableUser(@Arg('id', () => ID) id: string, @Arg('reason') reason: string, @Ctx() ctx: GraphQLContext): Promise<PlatformUserType> {
    const actor = adminActor(ctx);
    const why = reason.trim();
    if (!why) throw new BadInputError('A reason is required', [{ field: 'reason', message: 'must not be blank' }]);
    if (why.length > 1000) throw new BadInputError('The reason is too long', [{ field: 'reason', message: 'at most 1000 characters' }]);
    return platformService(ctx.services).setUserDisabled(actor, id, true, why);
  }

  @Authorized<Role>('platform-admin')
  @Mutation(() => PlatformUserType, { description: 'Platform admins: enable a disabled user account again (they log in anew). Audited.' })
  async enableUser(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<PlatformUserType> {
    return platformService(ctx.services).setUserDisabled(adminActor(ctx), id, false, null);
  }
}
