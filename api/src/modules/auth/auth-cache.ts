import type { MessageBus } from '../../lib/pubsub';
import { authTag, parseInvalidation } from '../../graphql/subscriptions/invalidation';
import { SystemTopic, systemChannel } from '../../graphql/topics';

interface Entry {
  value: unknown;
  expires: number;
  tags: string[];
}

/**
 * This process's memory of the authorization facts every request needs: a session is live (and its user a member of the
 * tenant), and what the user may do in the tenant. Without it each request asks PostgreSQL and Redis (a round trip
 * each, the two PostGraphile's fastest configuration does not make); with it, a repeated request asks nothing.
 * ADR 0010 records the trade.
 *
 * What keeps a fact from outliving its truth:
 * - every change that can end it broadcasts on the invalidation channel after it commits (a session revoked; the
 *   roles or memberships of a tenant changed; a tenant record changed), and every process drops the facts it tagged;
 *   the process that made the change drops them before it answers, without waiting for the broadcast;
 * - while the bus may be missing messages (Redis subscriber disconnected, and until its subscriptions are confirmed
 *   again), nothing is served from here or stored, and everything stored before is dropped;
 * - a fact read from the database while an invalidation arrived is not stored (a generation counter), so a read that
 *   started before a revocation cannot put the revoked session back;
 * - every fact expires after `ttlMs` at the latest (AUTH_CACHE_TTL_MS; 0 turns this memory off), a session's fact at
 *   its session's expiry if sooner: the bound for a change made where no broadcast reaches (a manual SQL update).
 * The memory is bounded (`maxEntries`, oldest dropped first). Keys name the session, the user and the tenant, and a
 * value is only ever returned for the exact key it was stored under: a fact of one tenant cannot answer for another.
 */
export class AuthCache {
  private readonly entries = new Map<string, Entry>();
  private readonly byTag = new Map<string, Set<string>>();
  private generation = 0;
  private unsubscribe?: () => Promise<void>;
  private removeGap?: () => void;

  constructor(
    private readonly bus: MessageBus,
    private readonly prefix: string,
    readonly ttlMs: number,
    private readonly maxEntries = 100_000,
  ) {}

  async start(): Promise<void> {
    if (this.ttlMs <= 0) return;
    this.removeGap = this.bus.onGap(() => this.clear());
    this.unsubscribe = await this.bus.subscribe(systemChannel(this.prefix, SystemTopic.INVALIDATE), (raw) => {
      const msg = parseInvalidation(raw);
      if (!msg) return;
      this.drop(msg.kind === 'session' ? authTag.session(msg.id) : authTag.tenant(msg.id));
    });
  }

  async stop(): Promise<void> {
    this.removeGap?.();
    await this.unsubscribe?.();
    this.clear();
  }

  private get serving(): boolean {
    return this.unsubscribe !== undefined && this.bus.live;
  }

  /** Taken before reading what `set` will store: `set` refuses it when an invalidation arrived in between. */
  mark(): number {
    return this.generation;
  }

  get<V>(key: string): V | undefined {
    if (!this.serving) return undefined;
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expires <= Date.now()) {
      this.remove(key);
      return undefined;
    }
    return entry.value as V;
  }

  /** Stores `value` under `key` until `notAfter` (ms since the epoch) or the TTL, unless anything invalidated since `mark`. */
  set(key: string, value: unknown, tags: string[], mark: number, notAfter = Infinity): void {
    if (!this.serving || mark !== this.generation) return;
    const expires = Math.min(Date.now() + this.ttlMs, notAfter);
    if (!(expires > Date.now())) return;
    this.remove(key);
    while (this.entries.size >= this.maxEntries) this.remove(this.entries.keys().next().value as string);
    this.entries.set(key, { value, expires, tags });
    for (const tag of tags) {
      let keys = this.byTag.get(tag);
      if (!keys) this.byTag.set(tag, (keys = new Set()));
      keys.add(key);
    }
  }

  /** Forgets everything tagged `tag`, and anything being read meanwhile. */
  drop(tag: string): void {
    this.generation++;
    for (const key of this.byTag.get(tag) ?? []) this.remove(key);
  }

  clear(): void {
    this.generation++;
    this.entries.clear();
    this.byTag.clear();
  }

  get size(): number {
    return this.entries.size;
  }

  private remove(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    for (const tag of entry.tags) {
      const keys = this.byTag.get(tag);
      keys?.delete(key);
      if (keys?.size === 0) this.byTag.delete(tag);
    }
  }
}
