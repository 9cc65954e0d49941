import { IsIn, Length } from 'class-validator';
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, ArgsType, Authorized, Ctx, Field, ID, Info, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { Role } from '../../graphql/auth-checker';
import { actorOf, type GraphQLContext } from '../../graphql/context';
import { ownerScopeOf } from '../permissions/owner-scope';
import { requirePermission } from '../permissions/guard';
import { ActivityKind, LeadActivityConnection, LeadActivityType } from '../activities/activity.types';
import { NotFoundError } from '../../graphql/errors';
import { activityPage } from './lead.fields';
import { CreateLeadInput, LeadsArgs, UpdateLeadInput } from './lead.inputs';
import { pageProjection } from './lead.projection';
import { BulkAssignResult, LeadConnection, LeadType } from './lead.types';
import type { Req } from './lead.service';

@ArgsType()
class AddNoteArgs {
  @Field(() => ID) leadId!: string;
  @Field() @Length(1, 10_000) body!: string;
  @Field(() => ActivityKind, { defaultValue: ActivityKind.note, description: 'note, call or email' })
  @IsIn([ActivityKind.note, ActivityKind.call, ActivityKind.email], { message: 'kind must be note, call or email' })
  kind!: ActivityKind;
}

/** The caller, the request's loaders and which leads the caller works with (own leads only without leads.read.all). */
export const leadRequest = async (ctx: GraphQLContext): Promise<Req> => ({ actor: actorOf(ctx), loaders: ctx.loaders, ownerScope: await ownerScopeOf(ctx) });

/** Reading leads: every lead, or one's own (the service then scopes its SQL to them). */
const READ: Role[] = ['leads.read.all', 'leads.read.own'];

@Resolver()
export class LeadResolver {
  @Authorized<Role>(...READ)
  @Query(() => LeadType, { nullable: true })
  async lead(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<LeadType | null> {
    return ctx.services.leads.get(id, await leadRequest(ctx));
  }

  @Authorized<Role>(...READ)
  @Query(() => LeadActivityConnection, { description: "A lead's activity timeline, newest first; null lead (not visible) gives NOT_FOUND." })
  async leadActivities(
    @Arg('leadId', () => ID) leadId: string,
    @Ctx() ctx: GraphQLContext,
    @Arg('first', () => Int, { defaultValue: 20 }) first: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ): Promise<LeadActivityConnection> {
    // Visibility first (own scope included), through the same scoped lookup as lead(id).
    const lead = await ctx.services.leads.get(leadId, await leadRequest(ctx));
    if (!lead) throw new NotFoundError('Lead');
    return activityPage(ctx, lead.id, first, after);
  }

  @Authorized<Role>(...READ)
  @Query(() => LeadConnection, { description: 'Leads, filtered and ordered, as a Relay connection (keyset cursors).' })
  async leads(@Args() args: LeadsArgs, @Ctx() ctx: GraphQLContext, @Info() info: GraphQLResolveInfo): Promise<LeadConnection> {
    return ctx.services.leads.list(args, await leadRequest(ctx), pageProjection(info));
  }

  @Authorized<Role>('leads.create')
  @Mutation(() => LeadType)
  async createLead(@Arg('input') input: CreateLeadInput, @Ctx() ctx: GraphQLContext): Promise<LeadType> {
    // Choosing someone else as the owner is an assignment: it needs leads.assign like assignLead does.
    if (input.ownerId && ctx.principal?.kind === 'user' && input.ownerId.toLowerCase() !== ctx.principal.userId) {
      await requirePermission(ctx, 'leads.assign');
    }
    return ctx.services.leads.create(input, await leadRequest(ctx));
  }

  @Authorized<Role>('leads.update')
  @Mutation(() => LeadType)
  async updateLead(@Arg('id', () => ID) id: string, @Arg('input') input: UpdateLeadInput, @Ctx() ctx: GraphQLContext): Promise<LeadType> {
    return ctx.services.leads.update(id, input, await leadRequest(ctx));
  }

  @Authorized<Role>('leads.delete')
  @Mutation(() => LeadType, { description: 'Soft delete: the lead can be restored.' })
  async deleteLead(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<LeadType> {
    return ctx.services.leads.setDeleted(id, true, await leadRequest(ctx));
  }

  @Authorized<Role>('leads.delete')
  @Mutation(() => LeadType)
  async restoreLead(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<LeadType> {
    return ctx.services.leads.setDeleted(id, false, await leadRequest(ctx));
  }

  @Authorized<Role>('leads.update')
  @Mutation(() => LeadType, { description: 'Refused with TRANSITION_NOT_ALLOWED when the workflow forbids the move.' })
  async changeLeadStatus(@Arg('id', () => ID) id: string, @Arg('statusId', () => ID) statusId: string, @Ctx() ctx: GraphQLContext): Promise<LeadType> {
    return ctx.services.leads.changeStatus(id, statusId, await leadRequest(ctx));
  }

  @Authorized<Role>('leads.assign')
  @Mutation(() => LeadType, { description: 'Assign to a member of this tenant, or unassign with null.' })
  async assignLead(
    @Arg('leadId', () => ID) leadId: string,
    @Arg('userId', () => ID, { nullable: true }) userId: string | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<LeadType> {
    return ctx.services.leads.assign(leadId, userId ?? null, await leadRequest(ctx));
  }

  @Authorized<Role>('leads.assign')
  @Mutation(() => BulkAssignResult, { description: 'All or nothing: if any id is not a live lead of this tenant, nothing changes.' })
  async assignLeads(
    @Arg('ids', () => [ID]) ids: string[],
    @Arg('userId', () => ID, { nullable: true }) userId: string | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<BulkAssignResult> {
    const leads = await ctx.services.leads.assignMany(ids, userId ?? null, await leadRequest(ctx));
    return { count: leads.length, leads };
  }

  @Authorized<Role>('leads.update')
  @Mutation(() => LeadActivityType)
  async addLeadNote(@Args() args: AddNoteArgs, @Ctx() ctx: GraphQLContext): Promise<LeadActivityType> {
    return ctx.services.leads.addNote(args.leadId, args.kind, args.body, await leadRequest(ctx));
  }
}
