import { Args, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { Role } from '../../graphql/auth-checker';
import { requireUser, type GraphQLContext } from '../../graphql/context';
import { NotFoundError } from '../../graphql/errors';
import { AuthPayload, MeType } from './auth.types';
import { LoginArgs, RefreshArgs, SwitchTenantArgs } from './auth.inputs';
import type { AuthResult } from './auth.service';

@Resolver()
export class AuthResolver {
  @Authorized<Role>('public')
  @Mutation(() => AuthPayload, { description: 'Sign in. Failed attempts are throttled per account and per client address.' })
  async login(@Args() args: LoginArgs, @Ctx() ctx: GraphQLContext): Promise<AuthPayload> {
    const result = await ctx.services.auth.login(
      { email: args.email, password: args.password, tenantSlug: args.tenant, requestTenant: requestTenant(ctx) },
      client(ctx),
    );
    return payload(ctx, result);
  }

  @Authorized<Role>('public')
  @Mutation(() => AuthPayload, { description: 'Exchange a refresh token for new tokens (rotation).' })
  async refresh(@Args() args: RefreshArgs, @Ctx() ctx: GraphQLContext): Promise<AuthPayload> {
    return payload(ctx, await ctx.services.auth.refresh(args.refreshToken, client(ctx)));
  }

  @Authorized<Role>('authenticated')
  @Mutation(() => Boolean, { description: 'End the current session: its tokens stop working at once.' })
  async logout(@Ctx() ctx: GraphQLContext): Promise<boolean> {
    const user = requireUser(ctx);
    await ctx.services.auth.logout(user.sessionId);
    return true;
  }

  @Authorized<Role>('authenticated')
  @Mutation(() => AuthPayload, { description: 'New tokens bound to another tenant the user belongs to.' })
  async switchTenant(@Args() args: SwitchTenantArgs, @Ctx() ctx: GraphQLContext): Promise<AuthPayload> {
    const user = requireUser(ctx);
    return payload(ctx, await ctx.services.auth.switchTenant(user.sessionId, user.userId, args.slug, client(ctx)));
  }

  @Authorized<Role>('authenticated')
  @Query(() => MeType, { description: 'The signed-in user, the current tenant and the tenants they can switch to.' })
  async me(@Ctx() ctx: GraphQLContext): Promise<MeType> {
    const principal = requireUser(ctx);
    const user = await ctx.services.users.byId(principal.userId);
    if (!user) throw new NotFoundError('User');
    return {
      id: user.id,
      email: user.email,
      name: user.name,
      isPlatformAdmin: user.is_platform_admin,
      tenant: ctx.tenant,
      memberships: await ctx.services.auth.memberships(user.id),
    };
  }
}

function client(ctx: GraphQLContext) {
  return { ip: ctx.ip, userAgent: ctx.userAgent };
}

/** A tenant named by the host or an API key (not by a token: login replaces the token). */
function requestTenant(ctx: GraphQLContext) {
  const r = ctx.resolution;
  if (!r.strategies.some((s) => s !== 'jwt')) return null;
  if (r.denied) throw r.denied;
  return r.tenant ?? null;
}

async function payload(ctx: GraphQLContext, r: AuthResult): Promise<AuthPayload> {
  return { ...r, memberships: await ctx.services.auth.memberships(r.userId) };
}
