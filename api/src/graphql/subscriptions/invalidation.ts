import type { Platform } from '../../platform';
import { SystemTopic, systemChannel } from '../topics';

/**
 * What travels on the invalidation channel (SystemTopic.INVALIDATE), to every API process.
 * `tenant`: the tenant record changed (tenancy/registry.ts); `session`: a session was revoked (auth.service.ts);
 * `access`: roles or memberships of the tenant `id` changed (PermissionCache.invalidateTenant).
 */
export type Invalidation = { kind: 'tenant'; id: string; slug?: string } | { kind: 'session'; id: string } | { kind: 'access'; id: string };

/** The tags of AuthCache entries (modules/auth/auth-cache.ts) that an invalidation drops. */
export const authTag = {
  session: (sessionId: string) => `s:${sessionId}`,
  tenant: (tenantId: string) => `t:${tenantId}`,
};

export function parseInvalidation(raw: string): Invalidation | null {
  try {
    const msg = JSON.parse(raw) as { kind?: unknown; id?: unknown; slug?: unknown };
    if (typeof msg.id !== 'string') return null;
    if (msg.kind === 'session') return { kind: 'session', id: msg.id };
    if (msg.kind === 'access') return { kind: 'access', id: msg.id };
    if (msg.kind === 'tenant') return { kind: 'tenant', id: msg.id, slug: typeof msg.slug === 'string' ? msg.slug : undefined };
  } catch {
    /* malformed: ignored */
  }
  return null;
}

/**
 * Tells every API process that these sessions are revoked, so their open websockets close now.
 * Best effort by design: the revocation itself is already durable in control.sessions (HTTP refuses the
 * session at once); if the bus is down, a socket still closes when its access token expires.
 */
export async function publishSessionsRevoked(platform: Pick<Platform, 'bus' | 'config' | 'logger' | 'authCache'>, sessionIds: string[]): Promise<void> {
  // This process forgets them before the caller answers; the others when the broadcast reaches them.
  for (const id of sessionIds) platform.authCache.drop(authTag.session(id));
  const channel = systemChannel(platform.config.redis.prefix, SystemTopic.INVALIDATE);
  for (const id of sessionIds) {
    const msg: Invalidation = { kind: 'session', id };
    try {
      await platform.bus.publish(channel, JSON.stringify(msg));
    } catch (err) {
      platform.logger.error('session revocation not broadcast', { err: String(err), session: id });
    }
  }
}
