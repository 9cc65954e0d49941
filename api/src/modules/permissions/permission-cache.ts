import type { KeyValueStore } from '../../lib/kv';
import type { MessageBus } from '../../lib/pubsub';
import { authTag, type Invalidation } from '../../graphql/subscriptions/invalidation';
import { SystemTopic, Topic, systemChannel, tenantChannel } from '../../graphql/topics';
import type { AuthCache } from '../auth/auth-cache';
import { assertUuid } from '../../tenancy/names';

/**
 * Permissions per (tenant, user), cached in Redis (or in process) under tenant-prefixed keys, each entry recording the
 * tenant's permission version it was computed at. Any role or membership change bumps the version: every API process
 * finds its entries stale on its next request and reloads from the tenant schema; live sessions hear it on the
 * permissions-changed topic. In front of that, this process's AuthCache (when given) remembers a user's set for a few
 * seconds, dropped by the `access` invalidation every process hears (and this one before the change's caller is answered).
 */
export class PermissionCache {
  constructor(
    private readonly kv: KeyValueStore,
    private readonly bus: MessageBus,
    private readonly prefix: string,
    private readonly local?: AuthCache,
    private readonly ttlMs = 300_000,
  ) {}

  private versionKey(tenantId: string) {
    return `${this.prefix}t:${assertUuid(tenantId)}:perms:version`;
  }

  /**
   * One round trip: the tenant's version and the user's entry, which records the version it was computed at. An entry
   * of another version is stale (roles changed since): the permissions are read again and stored with the version
   * read here, so a change committed meanwhile leaves that entry stale too, never the other way round.
   */
  async get(tenantId: string, userId: string, load: () => Promise<string[]>): Promise<ReadonlySet<string>> {
    const entryKey = `${this.prefix}t:${assertUuid(tenantId)}:perms:u:${assertUuid(userId)}`;
    const localKey = `perms|${tenantId}|${userId}`;
    const remembered = this.local?.get<ReadonlySet<string>>(localKey);
    if (remembered) return remembered;
    const mark = this.local?.mark() ?? 0;
    const [versionRaw, cached] = await this.kv.mget([this.versionKey(tenantId), entryKey]);
    const version = versionRaw ?? '0';
    let perms: ReadonlySet<string> | undefined;
    if (cached !== null && cached !== undefined) {
      const entry = JSON.parse(cached) as { v: string; p: string[] };
      if (entry.v === version) perms = new Set(entry.p);
    }
    if (!perms) {
      const loaded = await load();
      await this.kv.set(entryKey, JSON.stringify({ v: version, p: loaded }), this.ttlMs);
      perms = new Set(loaded);
    }
    this.local?.set(localKey, perms, [authTag.tenant(tenantId)], mark);
    return perms;
  }

  /** Call after the change committed: every entry of the tenant is stale from then on, and is replaced at its next read. */
  async invalidateTenant(tenantId: string, affectedUserIds: string[] = []): Promise<void> {
    await this.kv.incr(this.versionKey(tenantId), 30 * 86_400_000);
    // After the new version exists: whatever this process reads from now on is current.
    this.local?.drop(authTag.tenant(tenantId));
    const access: Invalidation = { kind: 'access', id: tenantId };
    await this.bus.publish(systemChannel(this.prefix, SystemTopic.INVALIDATE), JSON.stringify(access));
    await this.bus.publish(
      tenantChannel(this.prefix, tenantId, Topic.PERMISSIONS_CHANGED),
      JSON.stringify({ tenantId, userIds: affectedUserIds, at: new Date().toISOString() }),
    );
  }
}
