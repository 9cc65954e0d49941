import { Arg, Ctx, Field, FieldResolver, ID, ObjectType, registerEnumType, Resolver, Root, Subscription } from 'type-graphql';
import { actorOf, type GraphQLContext } from '../../graphql/context';
import { tenantEventStream } from '../../graphql/subscriptions/event-stream';
import { Topic } from '../../graphql/topics';
import { MemberType } from '../members/member.types';
import type { LeadEvent } from './lead.events';
import { LeadType } from './lead.types';

export enum LeadChangeKindEnum {
  created = 'created',
  updated = 'updated',
  status = 'status',
  assigned = 'assigned',
  deleted = 'deleted',
  restored = 'restored',
}
registerEnumType(LeadChangeKindEnum, { name: 'LeadChangeKind' });

@ObjectType('LeadEvent', { description: 'A committed change to a lead of the current tenant.' })
export class LeadEventType {
  @Field(() => LeadChangeKindEnum) kind!: LeadChangeKindEnum;
  @Field(() => [String], { description: 'Fields that changed (for updated: their names; status; owner).' }) fields!: string[];
  @Field() at!: Date;
  // Resolved per event by the field resolvers below, in the event's own tenant transaction:
  leadId!: string;
  actorId!: string | null;
  previousOwnerId!: string | null;
}

interface LeadAssignedArgs {
  toMe?: boolean | null;
}
interface LeadChangedArgs {
  leadId?: string | null;
}

/**
 * Live lead events over the websocket. The bus carries ids only (lead.events.ts); what a subscriber sees is
 * loaded per event inside its own tenant, with fresh loaders (graphql/subscriptions/event-stream.ts).
 */
@Resolver(() => LeadEventType)
export class LeadSubscriptionResolver {
  @Subscription(() => LeadEventType, {
    description: 'Leads assigned (or created with an owner); with toMe, only those now owned by the caller.',
    subscribe: ({ args, context }) =>
      tenantEventStream<LeadEvent>(context as GraphQLContext, Topic.LEAD_ASSIGNED, (e, user) => !(args as LeadAssignedArgs).toMe || e.ownerId === user.userId),
  })
  leadAssigned(@Root() event: LeadEvent, @Arg('toMe', () => Boolean, { defaultValue: false }) _toMe: boolean): LeadEventType {
    return view(event);
  }

  @Subscription(() => LeadEventType, {
    description: 'Every committed change to the leads of this tenant, or to one lead.',
    subscribe: ({ args, context }) => {
      const { leadId } = args as LeadChangedArgs;
      return tenantEventStream<LeadEvent>(context as GraphQLContext, Topic.LEAD_CHANGED, (e) => !leadId || e.leadId === leadId);
    },
  })
  leadChanged(@Root() event: LeadEvent, @Arg('leadId', () => ID, { nullable: true }) _leadId?: string): LeadEventType {
    return view(event);
  }

  @FieldResolver(() => LeadType, { nullable: true, description: 'Null when the lead can no longer be seen.' })
  lead(@Root() e: LeadEventType, @Ctx() ctx: GraphQLContext): Promise<LeadType | null> {
    return ctx.services.leads.get(e.leadId, { actor: actorOf(ctx), loaders: ctx.loaders });
  }

  @FieldResolver(() => MemberType, { nullable: true })
  actor(@Root() e: LeadEventType, @Ctx() ctx: GraphQLContext): Promise<MemberType | null> | null {
    return e.actorId ? ctx.loaders.memberById.load(e.actorId) : null;
  }

  @FieldResolver(() => MemberType, { nullable: true })
  previousOwner(@Root() e: LeadEventType, @Ctx() ctx: GraphQLContext): Promise<MemberType | null> | null {
    return e.previousOwnerId ? ctx.loaders.memberById.load(e.previousOwnerId) : null;
  }
}

function view(e: LeadEvent): LeadEventType {
  return {
    kind: e.kind as LeadChangeKindEnum,
    fields: e.fields,
    at: new Date(e.at),
    leadId: e.leadId,
    actorId: e.actorId,
    previousOwnerId: e.previousOwnerId,
  };
}
