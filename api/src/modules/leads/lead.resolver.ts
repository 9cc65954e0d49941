import { IsIn, Length } from 'class-validator';
import { Arg, Args, ArgsType, Ctx, Field, ID, Mutation, Query, Resolver } from 'type-graphql';
import { actorOf, type GraphQLContext } from '../../graphql/context';
import { ActivityKind, LeadActivityType } from '../activities/activity.types';
import { CreateLeadInput, LeadsArgs, UpdateLeadInput } from './lead.inputs';
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

const req = (ctx: GraphQLContext): Req => ({ actor: actorOf(ctx), loaders: ctx.loaders });

@Resolver()
export class LeadResolver {
  @Query(() => LeadType, { nullable: true })
  async lead(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<LeadType | null> {
    return ctx.services.leads.get(id, req(ctx));
  }

  @Query(() => LeadConnection, { description: 'Leads, filtered and ordered, as a Relay connection (keyset cursors).' })
  async leads(@Args() args: LeadsArgs, @Ctx() ctx: GraphQLContext): Promise<LeadConnection> {
    return ctx.services.leads.list(args, req(ctx));
  }

  @Mutation(() => LeadType)
  async createLead(@Arg('input') input: CreateLeadInput, @Ctx() ctx: GraphQLContext): Promise<LeadType> {
    return ctx.services.leads.create(input, req(ctx));
  }

  @Mutation(() => LeadType)
  async updateLead(@Arg('id', () => ID) id: string, @Arg('input') input: UpdateLeadInput, @Ctx() ctx: GraphQLContext): Promise<LeadType> {
    return ctx.services.leads.update(id, input, req(ctx));
  }

  @Mutation(() => LeadType, { description: 'Soft delete: the lead can be restored.' })
  async deleteLead(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<LeadType> {
    return ctx.services.leads.setDeleted(id, true, req(ctx));
  }

  @Mutation(() => LeadType)
  async restoreLead(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<LeadType> {
    return ctx.services.leads.setDeleted(id, false, req(ctx));
  }

  @Mutation(() => LeadType, { description: 'Refused with TRANSITION_NOT_ALLOWED when the workflow forbids the move.' })
  async changeLeadStatus(@Arg('id', () => ID) id: string, @Arg('statusId', () => ID) statusId: string, @Ctx() ctx: GraphQLContext): Promise<LeadType> {
    return ctx.services.leads.changeStatus(id, statusId, req(ctx));
  }

  @Mutation(() => LeadType, { description: 'Assign to a member of this tenant, or unassign with null.' })
  async assignLead(
    @Arg('leadId', () => ID) leadId: string,
    @Arg('userId', () => ID, { nullable: true }) userId: string | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<LeadType> {
    return ctx.services.leads.assign(leadId, userId ?? null, req(ctx));
  }

  @Mutation(() => BulkAssignResult, { description: 'All or nothing: if any id is not a live lead of this tenant, nothing changes.' })
  async assignLeads(
    @Arg('ids', () => [ID]) ids: string[],
    @Arg('userId', () => ID, { nullable: true }) userId: string | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<BulkAssignResult> {
    const leads = await ctx.services.leads.assignMany(ids, userId ?? null, req(ctx));
    return { count: leads.length, leads };
  }

  @Mutation(() => LeadActivityType)
  async addLeadNote(@Args() args: AddNoteArgs, @Ctx() ctx: GraphQLContext): Promise<LeadActivityType> {
    return ctx.services.leads.addNote(args.leadId, args.kind, args.body, req(ctx));
  }
}
