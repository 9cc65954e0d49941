import type { KeyValueStore } from '../../lib/kv';
import type { MessageBus } from '../../lib/pubsub';
import { Topic, tenantChannel } from '../../graphql/topics';
import { assertUuid } from '../../tenancy/names';

/**
 * Permissions per (tenant, user), cached in Redis (or in process) under tenant-prefixed keys that embed the
 * tenant's permission version. Any role or membership change bumps the version: every API process misses on
 * its next request and reloads from the tenant schema; live sessions hear it on the permissions-changed topic.
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

  async get(tenantId: string, userId: string, load: () => Promise<string[]>): Promise<Set<string>> {
    const version = (await this.kv.get(this.versionKey(tenantId))) ?? '0';
    const key = `${this.prefix}t:${assertUuid(tenantId)}:perms:v${version}:${assertUuid(userId)}`;
    const cached = await this.kv.get(key);
    if (cached !== null) return new Set(JSON.parse(cached) as string[]);
    const perms = await load();
    await this.kv.set(key, JSON.stringify(perms), this.ttlMs);
    return new Set(perms);
  }

  /** Call after the change committed. Old entries simply expire; nobody reads them again. */
  async invalidateTenant(tenantId: string, affectedUserIds: string[] = []): Promise<void> {
    await this.kv.incr(this.versionKey(tenantId), 30 * 86_400_000);
    await this.bus.publish(
      tenantChannel(this.prefix, tenantId, Topic.PERMISSIONS_CHANGED),
      JSON.stringify({ tenantId, userIds: affectedUserIds, at: new Date().toISOString() }),
    );
  }
}
