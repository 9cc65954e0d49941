import { assertUuid } from '../tenancy/names';

/**
 * Every pub/sub channel name is built here, from the deployment prefix, a tenant id and a topic:
 * no code concatenates channel names itself, so no event can be published on another tenant's channel.
 */
export enum Topic {
  LEAD_ASSIGNED = 'lead-assigned',
  LEAD_CHANGED = 'lead-changed',
  PERMISSIONS_CHANGED = 'permissions-changed',
}

export enum SystemTopic {
  /** Cache invalidation for tenants, sessions and memberships, fanned out to every API process. */
  INVALIDATE = 'invalidate',
}

export function tenantChannel(prefix: string, tenantId: string, topic: Topic): string {
  return `${prefix}t:${assertUuid(tenantId)}:${topic}`;
}

export function systemChannel(prefix: string, topic: SystemTopic): string {
  return `${prefix}sys:${topic}`;
}
