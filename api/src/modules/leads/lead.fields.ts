import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import type { GraphQLContext } from '../../graphql/context';
import { BadInputError } from '../../graphql/errors';
import { LeadActivityConnection, LeadActivityType } from '../activities/activity.types';
import { visibleCustomValues } from '../custom-fields/custom-field.validation';
import { MemberType } from '../members/member.types';
import { LeadStatusType } from '../statuses/status.types';
import { TeamType } from '../teams/team.types';
import { encodeActivityCursor } from './lead.service';
import { LeadConnection, LeadType } from './lead.types';

/**
 * The parent row as the resolvers receive it. Typed through Readonly<> on purpose: a class type here would make
 * type-graphql copy every row into a new LeadType instance for every field resolver call (convertToType), 100 copies
 * for the owner and status of a 50-lead page; a mapped type reflects as Object, and the row is passed as it is.
 */
type Row = Readonly<LeadType>;

/**
 * Lead relations, each through a per-request loader (one statement per relation for a whole page), except status and
 * owner when the row was read with them (LEAD_READ_COLUMNS, LEAD_BY_ID_COLUMNS): then they are answered at once, without a promise.
 */
@Resolver(() => LeadType)
export class LeadFieldsResolver {
  @FieldResolver(() => LeadStatusType)
  status(@Root() lead: Row, @Ctx() ctx: GraphQLContext): LeadStatusType | Promise<LeadStatusType> {
    return lead.joinedStatus ?? ctx.loaders.statusById(lead.statusId).then((s) => s!);
  }

  @FieldResolver(() => MemberType, { nullable: true })
  owner(@Root() lead: Row, @Ctx() ctx: GraphQLContext): MemberType | Promise<MemberType | null> | null {
    if (!lead.ownerId) return null;
    return lead.joinedOwner !== undefined ? lead.joinedOwner : ctx.loaders.memberById.load(lead.ownerId);
  }

  @FieldResolver(() => MemberType, { nullable: true })
  createdBy(@Root() lead: Row, @Ctx() ctx: GraphQLContext): Promise<MemberType | null> | null {
    return lead.createdById ? ctx.loaders.memberById.load(lead.createdById) : null;
  }

  @FieldResolver(() => TeamType, { nullable: true })
  team(@Root() lead: Row, @Ctx() ctx: GraphQLContext): Promise<TeamType | null> | null {
    return lead.teamId ? ctx.loaders.teamById.load(lead.teamId) : null;
  }

  @FieldResolver(() => GraphQLJSONObject, { description: 'Values of the custom fields defined now, keyed by field key.' })
  async customFields(@Root() lead: Row, @Ctx() ctx: GraphQLContext): Promise<Record<string, unknown>> {
    return visibleCustomValues(await ctx.loaders.customFields(), lead.custom);
  }

  @FieldResolver(() => Int)
  activityCount(@Root() lead: Row, @Ctx() ctx: GraphQLContext): Promise<number> {
    return ctx.loaders.activityCountByLead.load(lead.id);
  }

  @FieldResolver(() => LeadActivityType, { nullable: true })
  latestActivity(@Root() lead: Row, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.latestActivityByLead.load(lead.id);
  }

  @FieldResolver(() => LeadActivityConnection, { description: 'Newest first.' })
  async activities(
    @Root() lead: Row,
    @Ctx() ctx: GraphQLContext,
    @Arg('first', () => Int, { defaultValue: 20 }) first: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ): Promise<LeadActivityConnection> {
    return activityPage(ctx, lead.id, first, after);
  }
}

/** One page of a lead's activities, newest first (Lead.activities and the leadActivities query). */
export async function activityPage(ctx: GraphQLContext, leadId: string, first: number, after?: string | null): Promise<LeadActivityConnection> {
  if (first < 0 || first > 100) throw new BadInputError('Invalid page size', [{ field: 'first', message: 'must be 0 to 100' }]);
  const page = await ctx.services.leads.activities(leadId, first, after ?? undefined);
  const edges = page.rows.map((node) => ({ cursor: encodeActivityCursor(node), node }));
  return { edges, hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null, totalCount: page.total };
}

@Resolver(() => LeadConnection)
export class LeadConnectionResolver {
  @FieldResolver(() => Int, { description: 'All leads matching the filter (ignores the cursor). One extra statement.' })
  totalCount(@Root() conn: Readonly<LeadConnection>, @Ctx() ctx: GraphQLContext): Promise<number> {
    return ctx.services.leads.count(conn);
  }
}

@Resolver(() => LeadActivityType)
export class LeadActivityFieldsResolver {
  @FieldResolver(() => MemberType, { nullable: true })
  actor(@Root() a: LeadActivityType, @Ctx() ctx: GraphQLContext): Promise<MemberType | null> | null {
    return a.actorId ? ctx.loaders.memberById.load(a.actorId) : null;
  }
}
