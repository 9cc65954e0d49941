import { Arg, Authorized, Ctx, Field, FieldResolver, ID, ObjectType, registerEnumType, Resolver, Root, Subscription } from 'type-graphql';
import type { Role } from '../../graphql/auth-checker';
import type { GraphQLContext } from '../../graphql/context';
import { tenantEventStream, type EventPreparer, type SubscriptionContext } from '../../graphql/subscriptions/event-stream';
import { Topic } from '../../graphql/topics';
import { MemberType } from '../members/member.types';
import type { LeadEvent } from './lead.events';
import { leadRequest } from './lead.resolver';
import { LEAD_BY_ID_COLUMNS, LeadType, type LeadRow } from './lead.types';
import { isUuid } from '../../tenancy/names';

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
  /** The lead as it was read once for this delivery (null: it no longer exists), when set. */
  loaded?: LeadRow | null;
}

/** A LeadEvent as delivered: with the lead read for it. */
type ScopedLeadEvent = LeadEvent & { loaded?: LeadRow | null };

/**
 * The event's lead, read once per delivery in this process however many subscriptions receive it: keyed by the
 * delivery's event object, which TenantEvents hands to every listener of the tenant's channel (one object per
 * delivery, frozen). Read in a unit of work of its own in the event's tenant (the subscriber's, checked before
 * `prepare` runs), after the change committed (events are published after the commit), with the status and the owner
 * (LEAD_BY_ID_COLUMNS), through the batch reader: the reads of events arriving together, whatever their tenants, share
 * one round trip. A subscriber whose selection needs nothing more opens no transaction of its own.
 */
const leadsOfDeliveries = new WeakMap<object, Promise<LeadRow | null>>();

function leadOfDelivery(event: ScopedLeadEvent, ctx: GraphQLContext): Promise<LeadRow | null> {
  let lead = leadsOfDeliveries.get(event);
  if (!lead) {
    const { reader } = (ctx as SubscriptionContext).events;
    lead = isUuid(event.leadId)
      ? reader.read<LeadRow>(ctx.scope.tenant!, `select ${LEAD_BY_ID_COLUMNS} from leads l where l.id = $1`, event.leadId).then((rows) => rows[0] ?? null)
      : Promise.resolve(null);
    leadsOfDeliveries.set(event, lead);
  }
  return lead;
}

/**
 * Delivers an event only when the subscriber may see its lead. Someone who sees every lead gets the lead read once
 * for the delivery (above). Someone scoped to their own leads gets it only when their own read, with the owner
 * condition in the statement (LeadService.get), in the event's own transaction, finds it (theirs, still): the
 * decision stays in SQL, as everywhere else the owner scope applies, at one transaction per such subscriber.
 */
const visibleOnly: EventPreparer<ScopedLeadEvent> = async (event, ctx) => {
  const req = await leadRequest(ctx);
  const { loaded: _fromTheBus, ...e } = event;
  if (req.ownerScope === null) return { ...e, loaded: await leadOfDelivery(event, ctx) };
  const loaded = await ctx.services.leads.get(e.leadId, req);
  return loaded ? { ...e, loaded } : null;
};

/** Readonly<> so the root is passed as it is, not copied into a LeadEventType per field (see Row in lead.fields.ts). */
type EventRow = Readonly<LeadEventType>;

const READ: Role[] = ['leads.read.all', 'leads.read.own'];

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
  @Authorized<Role>(...READ)
  @Subscription(() => LeadEventType, {
    description: 'Leads assigned (or created with an owner); with toMe, only those now owned by the caller.',
    subscribe: ({ args, context }) =>
      tenantEventStream<ScopedLeadEvent>(
        context as GraphQLContext,
        Topic.LEAD_ASSIGNED,
        (e, user) => !(args as LeadAssignedArgs).toMe || e.ownerId === user.userId,
        visibleOnly,
      ),
  })
  leadAssigned(@Root() event: ScopedLeadEvent, @Arg('toMe', () => Boolean, { defaultValue: false }) _toMe: boolean): LeadEventType {
    return view(event);
  }

  @Authorized<Role>(...READ)
  @Subscription(() => LeadEventType, {
    description: 'Every committed change to the leads of this tenant (to those the caller owns, without leads.read.all), or to one lead.',
    subscribe: ({ args, context }) => {
      const { leadId } = args as LeadChangedArgs;
      return tenantEventStream<ScopedLeadEvent>(context as GraphQLContext, Topic.LEAD_CHANGED, (e) => !leadId || e.leadId === leadId, visibleOnly);
    },
  })
  leadChanged(@Root() event: ScopedLeadEvent, @Arg('leadId', () => ID, { nullable: true }) _leadId?: string): LeadEventType {
    return view(event);
  }

  @FieldResolver(() => LeadType, { nullable: true, description: 'Null when the lead can no longer be seen.' })
  async lead(@Root() e: EventRow, @Ctx() ctx: GraphQLContext): Promise<LeadType | null> {
    return e.loaded !== undefined ? e.loaded : ctx.services.leads.get(e.leadId, await leadRequest(ctx));
  }

  @FieldResolver(() => MemberType, { nullable: true })
  actor(@Root() e: EventRow, @Ctx() ctx: GraphQLContext): Promise<MemberType | null> | null {
    return e.actorId ? ctx.loaders.memberById.load(e.actorId) : null;
  }

  @FieldResolver(() => MemberType, { nullable: true })
  previousOwner(@Root() e: EventRow, @Ctx() ctx: GraphQLContext): Promise<MemberType | null> | null {
    return e.previousOwnerId ? ctx.loaders.memberById.load(e.previousOwnerId) : null;
  }
}

function view(e: ScopedLeadEvent): LeadEventType {
  return {
    kind: e.kind as LeadChangeKindEnum,
    fields: e.fields,
    at: new Date(e.at),
    leadId: e.leadId,
    actorId: e.actorId,
    previousOwnerId: e.previousOwnerId,
    loaded: e.loaded,
  };
}
