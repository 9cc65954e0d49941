import type { ControlDb } from '../db/control-db';
import { parseInvalidation, type Invalidation } from '../graphql/subscriptions/invalidation';
import type { KeyValueStore } from '../lib/kv';
import type { MessageBus } from '../lib/pubsub';
import { SystemTopic, systemChannel } from '../graphql/topics';
import { TENANT_COLUMNS, type TenantRecord, type TenantStatus } from './tenant';
import { isUuid } from './names';

interface LocalEntry {
  value: TenantRecord | null;
  expires: number;
}

/** How long a tenant record read by id stays in Redis: invalidation, not expiry, is what keeps it true (below). */
export const SHARED_RECORD_TTL_MS = 10 * 60_000;

/**
 * Looks tenants up by slug or id with a two-level cache: in process (`ttlMs`, short), then Redis under a
 * tenant-prefixed key, then control.tenants. A status change invalidates both levels in every process
 * (through the invalidation channel), so a suspension takes effect on the next request everywhere.
 *
 * By id (every request with a token names its tenant by id) the Redis level lives SHARED_RECORD_TTL_MS, so a process
 * that has not seen a tenant for a few seconds pays one Redis read, not a control-plane query and two writes: with
 * thousands of tenants a short shared TTL made most requests miss. Such a long-lived entry must never be stale: a
 * reader stores what it read from the database only if the tenant's invalidation epoch (read with the entry, before the
 * database) is unchanged, and `invalidate` moves the epoch before deleting the entry. A status change committed while
 * a reader was between its read and its write therefore makes that write a no-op.
 */
export class TenantRegistry {
  private readonly local = new Map<string, LocalEntry>();
  private unsubscribe?: () => Promise<void>;
  private removeGap?: () => void;

  constructor(
    private readonly db: ControlDb,
    private readonly kv: KeyValueStore,
    private readonly bus: MessageBus,
    private readonly prefix: string,
    private readonly ttlMs: number,
  ) {}

  async start(): Promise<void> {
    // Invalidations published while the subscriber was cut off never arrive: forget everything at such a gap.
    this.removeGap = this.bus.onGap(() => this.local.clear());
    this.unsubscribe = await this.bus.subscribe(systemChannel(this.prefix, SystemTopic.INVALIDATE), (raw) => {
      const msg = parseInvalidation(raw); // null when malformed: ignored
      if (msg?.kind === 'tenant') this.dropLocal(msg.id, msg.slug);
    });
  }

  async stop(): Promise<void> {
    this.removeGap?.();
    await this.unsubscribe?.();
  }

  private redisKeyById(id: string) {
    return `${this.prefix}t:${id}:record`;
  }
  private epochKeyById(id: string) {
    return `${this.prefix}t:${id}:record:epoch`;
  }
  private redisKeyBySlug(slug: string) {
    return `${this.prefix}slug:${slug}`;
  }

  private dropLocal(id?: string, slug?: string) {
    if (id) this.local.delete(`id:${id}`);
    if (slug) this.local.delete(`slug:${slug}`);
  }

  async byId(id: string): Promise<TenantRecord | null> {
    if (!isUuid(id)) return null;
    return this.lookup(`id:${id}`, async () => {
      const [cached, epoch] = await this.kv.mget([this.redisKeyById(id), this.epochKeyById(id)]);
      if (cached) return JSON.parse(cached) as TenantRecord;
      const t = await this.read('id = $1', id);
      if (t && this.ttlMs > 0) await this.kv.setIfGuard(this.epochKeyById(id), epoch ?? null, this.redisKeyById(id), JSON.stringify(t), SHARED_RECORD_TTL_MS);
      return t;
    });
  }

  async bySlug(slug: string): Promise<TenantRecord | null> {
    if (typeof slug !== 'string' || slug.length > 64) return null;
    return this.lookup(`slug:${slug}`, async () => {
      const id = await this.kv.get(this.redisKeyBySlug(slug));
      if (id) {
        const cached = await this.kv.get(this.redisKeyById(id));
        if (cached) return JSON.parse(cached) as TenantRecord;
      }
      return this.loadBySlug(slug);
    });
  }

  private async lookup(key: string, fetch: () => Promise<TenantRecord | null>): Promise<TenantRecord | null> {
    const hit = this.local.get(key);
    if (hit && hit.expires > Date.now()) return hit.value;
    const value = await fetch();
    if (this.ttlMs > 0) {
      const expires = Date.now() + this.ttlMs;
      // A miss is remembered only locally and briefly, so a flood of unknown hosts does not reach the database.
      this.local.set(key, { value, expires });
      if (value) {
        this.local.set(`id:${value.id}`, { value, expires });
        this.local.set(`slug:${value.slug}`, { value, expires });
      }
    }
    return value;
  }

  private read(where: string, arg: string): Promise<TenantRecord | null> {
    return this.db.one<TenantRecord>(`select ${TENANT_COLUMNS} from control.tenants where ${where}`, [arg]);
  }

  /**
   * By slug, only the slug's id is shared: the record under the id key is written by byId alone, behind the epoch
   * guard (this read cannot take the epoch before knowing the id, so its record could be one a suspension just made
   * stale).
   */
  private async loadBySlug(slug: string): Promise<TenantRecord | null> {
    const t = await this.read('slug = $1', slug);
    if (t && this.ttlMs > 0) await this.kv.set(this.redisKeyBySlug(t.slug), t.id, this.ttlMs);
    return t;
  }

  /** Forget a tenant everywhere: this process, Redis, and every other API process. */
  async invalidate(t: { id: string; slug: string }): Promise<void> {
    this.dropLocal(t.id, t.slug);
    // The epoch first: a reader that read the old one can no longer store what it read before this change.
    await this.kv.incr(this.epochKeyById(t.id), 2 * SHARED_RECORD_TTL_MS);
    await this.kv.del(this.redisKeyById(t.id), this.redisKeyBySlug(t.slug));
    await this.bus.publish(systemChannel(this.prefix, SystemTopic.INVALIDATE), JSON.stringify({ kind: 'tenant', id: t.id, slug: t.slug } satisfies Invalidation));
  }

  async setStatus(id: string, status: TenantStatus, reason?: string | null): Promise<TenantRecord | null> {
    const t = await this.db.one<TenantRecord>(
      `update control.tenants
          set status = $2, updated_at = now(), failure_reason = $3,
              activated_at = case when $2 = 'active' then coalesce(activated_at, now()) else activated_at end,
              suspended_at = case when $2 = 'suspended' then now() else null end,
              deleted_at   = case when $2 = 'deleted' then now() else deleted_at end
        where id = $1
        returning ${TENANT_COLUMNS}`,
      [id, status, reason ?? null],
    );
    if (t) await this.invalidate(t);
    return t;
  }
}
