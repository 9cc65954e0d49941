import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { Role } from '../../graphql/auth-checker';
import type { GraphQLContext } from '../../graphql/context';
import { NotFoundError } from '../../graphql/errors';
import { CreateTenantInput } from './tenant.inputs';
import { TenantAdminView, TenantStatusEnum, TenantType } from './tenant.types';

@Resolver()
export class TenantResolver {
  @Authorized<Role>('platform-admin')
  @Mutation(() => TenantType, { description: 'Platform admins: create a tenant. It is provisioned in the background; poll `tenantStatus`.' })
  async createTenant(@Arg('input') input: CreateTenantInput, @Ctx() ctx: GraphQLContext): Promise<TenantType> {
    return ctx.services.tenants.create(input);
  }

  @Authorized<Role>('platform-admin')
  @Query(() => TenantAdminView, { description: 'Platform admins: a tenant and its lifecycle status.' })
  async tenantStatus(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<TenantAdminView> {
    const t = await ctx.services.tenants.get({ id });
    if (!t) throw new NotFoundError('Tenant');
    return t;
  }

  @Authorized<Role>('platform-admin')
  @Query(() => [TenantAdminView], { description: 'Platform admins: every tenant, optionally by status.' })
  async tenants(
    @Ctx() ctx: GraphQLContext,
    @Arg('status', () => TenantStatusEnum, { nullable: true }) status?: TenantStatusEnum,
  ): Promise<TenantAdminView[]> {
    return ctx.services.tenants.list({ status });
  }

  @Authorized<Role>('public')
  @Query(() => TenantType, { nullable: true, description: 'The tenant this request is scoped to, if any.' })
  currentTenant(@Ctx() ctx: GraphQLContext): TenantType | null {
    return ctx.tenant;
  }
}
