import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { PIPELINE_READERS, type Role } from '../../graphql/auth-checker';
import { actorOf, type GraphQLContext } from '../../graphql/context';
import { CreateLeadStatusInput, UpdateLeadStatusInput } from './status.inputs';
import { StatusService } from './status.service';
import { LeadStatusTransitionType, LeadStatusType } from './status.types';

const statuses = new StatusService();

@Resolver()
export class StatusResolver {
  @Authorized<Role>(...PIPELINE_READERS)
  @Query(() => [LeadStatusType], { description: 'The pipeline, in order.' })
  leadStatuses(@Ctx() ctx: GraphQLContext): Promise<LeadStatusType[]> {
    return statuses.list(ctx.loaders);
  }

  @Authorized<Role>(...PIPELINE_READERS)
  @Query(() => [LeadStatusTransitionType], { description: 'The workflow: every allowed move between statuses.' })
  leadStatusTransitions(@Ctx() ctx: GraphQLContext): Promise<LeadStatusTransitionType[]> {
    return statuses.transitions(ctx.loaders);
  }

  @Authorized<Role>('statuses.manage')
  @Mutation(() => LeadStatusType)
  createLeadStatus(@Arg('input') input: CreateLeadStatusInput, @Ctx() ctx: GraphQLContext): Promise<LeadStatusType> {
    return statuses.create(input, ctx.loaders);
  }

  @Authorized<Role>('statuses.manage')
  @Mutation(() => LeadStatusType)
  updateLeadStatus(@Arg('id', () => ID) id: string, @Arg('input') input: UpdateLeadStatusInput, @Ctx() ctx: GraphQLContext): Promise<LeadStatusType> {
    return statuses.update(id, input, ctx.loaders);
  }

  @Authorized<Role>('statuses.manage')
  @Mutation(() => ID, {
    description:
      'Refused with STATUS_IN_USE while leads have the status and no moveLeadsTo is given; with it, they move in the same transaction. ' +
      'The default status (STATUS_IS_DEFAULT) and the last status (LAST_STATUS) cannot be deleted.',
  })
  deleteLeadStatus(
    @Arg('id', () => ID) id: string,
    @Arg('moveLeadsTo', () => ID, { nullable: true }) moveLeadsTo: string | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<string> {
    return statuses.remove(id, moveLeadsTo ?? null, actorOf(ctx).userId, ctx.loaders);
  }

  @Authorized<Role>('statuses.manage')
  @Mutation(() => [LeadStatusType], { description: 'Returns every status, since the previous default changes too.' })
  setDefaultLeadStatus(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<LeadStatusType[]> {
    return statuses.setDefault(id, ctx.loaders);
  }

  @Authorized<Role>('statuses.manage')
  @Mutation(() => [LeadStatusType], { description: 'ids must list every status exactly once, in the new order.' })
  reorderLeadStatuses(@Arg('ids', () => [ID]) ids: string[], @Ctx() ctx: GraphQLContext): Promise<LeadStatusType[]> {
    return statuses.reorder(ids, ctx.loaders);
  }

  @Authorized<Role>('statuses.manage')
  @Mutation(() => LeadStatusType, { description: 'Replaces the statuses a lead may move to from fromStatusId.' })
  setLeadStatusTransitions(
    @Arg('fromStatusId', () => ID) fromStatusId: string,
    @Arg('toStatusIds', () => [ID]) toStatusIds: string[],
    @Ctx() ctx: GraphQLContext,
  ): Promise<LeadStatusType> {
    return statuses.setTransitions(fromStatusId, toStatusIds, ctx.loaders);
  }
}

@Resolver(() => LeadStatusType)
export class StatusFieldsResolver {
  @FieldResolver(() => [LeadStatusType], { description: 'The statuses a lead in this status may move to, in pipeline order.' })
  allowedTransitions(@Root() status: LeadStatusType, @Ctx() ctx: GraphQLContext): Promise<LeadStatusType[]> {
    return statuses.allowedTransitions(status.id, ctx.loaders);
  }
}
