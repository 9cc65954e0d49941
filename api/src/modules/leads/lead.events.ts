import type { MessageBus } from '../../lib/pubsub';
import { Topic, tenantChannel } from '../../graphql/topics';
import { afterTenantCommit, currentTenant } from '../../tenancy/context';

export type LeadChangeKind = 'created' | 'updated' | 'status' | 'assigned' | 'deleted' | 'restored';

/** What travels on the bus: ids only; subscribers load what they may see inside their own tenant scope. */
export interface LeadEvent {
  tenantId: string;
  leadId: string;
  kind: LeadChangeKind;
  actorId: string | null;
  ownerId: string | null;
  previousOwnerId: string | null;
  fields: string[];
  at: string;
}

/**
 * Queues a lead event to be published once the operation's tenant transaction commits: a rolled-back change
 * never produces an event. Assignment changes also go to the lead-assigned topic.
 */
export function publishAfterCommit(bus: MessageBus, prefix: string, e: Omit<LeadEvent, 'tenantId' | 'at'>): void {
  const tenantId = currentTenant().id;
  const event: LeadEvent = { ...e, tenantId, at: new Date().toISOString() };
  afterTenantCommit(async () => {
    const payload = JSON.stringify(event);
    await bus.publish(tenantChannel(prefix, tenantId, Topic.LEAD_CHANGED), payload);
    if (e.kind === 'assigned' || (e.kind === 'created' && e.ownerId)) {
      await bus.publish(tenantChannel(prefix, tenantId, Topic.LEAD_ASSIGNED), payload);
    }
  });
}
