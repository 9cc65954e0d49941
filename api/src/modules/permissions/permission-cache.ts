import type { KeyValueStore } from '../../lib/kv';
import type { MessageBus } from '../../lib/pubsub';
import { Topic, tenantChannel } from '../../graphql/topics';
import { assertUuid } from '../../tenancy/names';

/**
 * Permissions per (tenant, user), cached in Redis (or in process) under tenant-prefixed keys, each entry recording the
 * tenant's permission version it was computed at. Any role or membership change bumps the version: every API process
 * finds its entries stale on its next request and reloads from the tenant schema; live sessions hear it on the
 * permissions-changed topic.
 */
export class PermissionCache {
  constructor(
    private readonly kv: KeyValueStore,
    private readonly bus: MessageBus,
    private readonly prefix: string,
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
  async get(tenantId: string, userId: string, load: () => Promise<string[]>): Promise<Set<string>> {
    const entryKey = `${this.prefix}t:${assertUuid(tenantId)}:perms:u:${assertUuid(userId)}`;
    const [versionRaw, cached] = await this.kv.mget([this.versionKey(tenantId), entryKey]);
    const version = versionRaw ?? '0';
    if (cached !== null && cached !== undefined) {
      const entry = JSON.parse(cached) as { v: string; p: string[] };
      if (entry.v === version) return new Set(entry.p);
    }
    const perms = await load();
    await this.kv.set(entryKey, JSON.stringify({ v: version, p: perms }), this.ttlMs);
    return new Set(perms);
  }

  /** Call after the change committed: every entry of the tenant is stale from then on, and is replaced at its next read. */
  async invalidateTenant(tenantId: string, affectedUserIds: string[] = []): Promise<void> {
    await this.kv.incr(this.versionKey(tenantId), 30 * 86_400_000);
    await this.bus.publish(
      tenantChannel(this.prefix, tenantId, Topic.PERMISSIONS_CHANGED),
      JSON.stringify({ tenantId, userIds: affectedUserIds, at: new Date().toISOString() }),
    );
  }
}
