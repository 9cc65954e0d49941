import { Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context';
import { MemberType } from '../members/member.types';
import { LeadStatusType } from '../statuses/status.types';
import { DashboardArgs, LeadConversionArgs, LeadsPerDayArgs } from './dashboard.inputs';
import { DashboardService } from './dashboard.service';
import { LeadConversion, LeadDayCount, LeadOwnerCount, LeadStatusCount } from './dashboard.types';

// Stateless (every query goes through the request's tenant transaction), so one instance serves all requests.
const dashboard = new DashboardService();

/** Dashboard aggregates, for any member of the tenant (the tenant scope refuses everyone else). */
@Resolver()
export class DashboardResolver {
  @Query(() => [LeadStatusCount], { description: 'Live leads per status, every status included, in pipeline order.' })
  leadCountsByStatus(@Args() args: DashboardArgs, @Ctx() ctx: GraphQLContext): Promise<LeadStatusCount[]> {
    return dashboard.countsByStatus(args.filter, ctx.loaders);
  }

  @Query(() => [LeadOwnerCount], { description: 'Live leads per owner (owner null: unassigned), most leads first.' })
  leadCountsByOwner(@Args() args: DashboardArgs, @Ctx() ctx: GraphQLContext): Promise<LeadOwnerCount[]> {
    return dashboard.countsByOwner(args.filter, ctx.loaders);
  }

  @Query(() => [LeadDayCount], { description: 'Live leads created per day, every day of the range present (zero-filled).' })
  leadsCreatedPerDay(@Args() args: LeadsPerDayArgs, @Ctx() ctx: GraphQLContext): Promise<LeadDayCount[]> {
    return dashboard.createdPerDay(args, ctx.loaders);
  }

  @Query(() => LeadConversion, { description: 'Won, lost and open among live leads created in [from, to).' })
  leadConversion(@Args() args: LeadConversionArgs, @Ctx() ctx: GraphQLContext): Promise<LeadConversion> {
    return dashboard.conversion(args, ctx.loaders);
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
