import { Args, Authorized, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { Role } from '../../graphql/auth-checker';
import type { GraphQLContext } from '../../graphql/context';
import { ownerScopeOf } from '../permissions/owner-scope';
import { MemberType } from '../members/member.types';
import { LeadStatusType } from '../statuses/status.types';
import { DashboardArgs, LeadConversionArgs, LeadsPerDayArgs } from './dashboard.inputs';
import { DashboardService } from './dashboard.service';
import { LeadConversion, LeadDayCount, LeadOwnerCount, LeadStatusCount } from './dashboard.types';

// Stateless (every query goes through the request's tenant transaction), so one instance serves all requests.
const dashboard = new DashboardService();

/** Dashboard aggregates, with dashboard.read; over the caller's own leads only without leads.read.all. */
@Resolver()
export class DashboardResolver {
  @Authorized<Role>('dashboard.read')
  @Query(() => [LeadStatusCount], { description: 'Live leads per status, every status included, in pipeline order.' })
  async leadCountsByStatus(@Args() args: DashboardArgs, @Ctx() ctx: GraphQLContext): Promise<LeadStatusCount[]> {
    return dashboard.countsByStatus(args.filter, ctx.loaders, await ownerScopeOf(ctx));
  }

  @Authorized<Role>('dashboard.read')
  @Query(() => [LeadOwnerCount], { description: 'Live leads per owner (owner null: unassigned), most leads first.' })
  async leadCountsByOwner(@Args() args: DashboardArgs, @Ctx() ctx: GraphQLContext): Promise<LeadOwnerCount[]> {
    return dashboard.countsByOwner(args.filter, ctx.loaders, await ownerScopeOf(ctx));
  }

  @Authorized<Role>('dashboard.read')
  @Query(() => [LeadDayCount], { description: 'Live leads created per day, every day of the range present (zero-filled).' })
  async leadsCreatedPerDay(@Args() args: LeadsPerDayArgs, @Ctx() ctx: GraphQLContext): Promise<LeadDayCount[]> {
    return dashboard.createdPerDay(args, ctx.loaders, await ownerScopeOf(ctx));
  }

  @Authorized<Role>('dashboard.read')
  @Query(() => LeadConversion, { description: 'Won, lost and open among live leads created in [from, to).' })
  async leadConversion(@Args() args: LeadConversionArgs, @Ctx() ctx: GraphQLContext): Promise<LeadConversion> {
    return dashboard.conversion(args, ctx.loaders, await ownerScopeOf(ctx));
  }
}

@Resolver(() => LeadStatusCount)
export class LeadStatusCountResolver {
  @FieldResolver(() => LeadStatusType)
  async status(@Root() row: LeadStatusCount, @Ctx() ctx: GraphQLContext): Promise<LeadStatusType> {
    return (await ctx.loaders.statusById(row.statusId))!;
  }
}

@Resolver(() => LeadOwnerCount)
export class LeadOwnerCountResolver {
  @FieldResolver(() => MemberType, { nullable: true, description: 'Null for unassigned leads, or when the owner left the tenant.' })
  owner(@Root() row: LeadOwnerCount, @Ctx() ctx: GraphQLContext): Promise<MemberType | null> | null {
    return row.ownerId ? ctx.loaders.memberById.load(row.ownerId) : null;
  }
}

/** Every resolver class of the module, for graphql/schema.ts. */
export const DASHBOARD_RESOLVERS = [DashboardResolver, LeadStatusCountResolver, LeadOwnerCountResolver] as const;
