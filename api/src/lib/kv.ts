import type { Redis } from 'ioredis';

/**
 * A small key-value store with expiry: Redis when configured, a process-local map otherwise.
 * Used for shared caches and counters (login throttling). Keys are built by callers with their prefix.
 */
export interface KeyValueStore {
  get(key: string): Promise<string | null>;
  /** Several keys in one round trip, in order. */
  mget(keys: string[]): Promise<Array<string | null>>;
  set(key: string, value: string, ttlMs: number): Promise<void>;
  /**
   * Sets `key` only while `guardKey` still holds `expected` (null: absent), atomically; false when it did not. A
   * writer that read the guard before reading its source cannot store what an invalidation (which changes the
   * guard) made stale in between.
   */
  setIfGuard(guardKey: string, expected: string | null, key: string, value: string, ttlMs: number): Promise<boolean>;
  del(...keys: string[]): Promise<void>;
  /** Increments a counter, starting its window on first hit; returns the count and ms until the window ends. */
  incr(key: string, windowMs: number): Promise<{ count: number; ttlMs: number }>;
  /** Milliseconds until the key expires; -1 when it does not exist. */
  ttl(key: string): Promise<number>;
  close(): Promise<void>;
}

export class MemoryStore implements KeyValueStore {
  private readonly map = new Map<string, { value: string; expires: number }>();
  private sweep = setInterval(() => this.purge(), 60_000).unref();

  private live(key: string) {
    const e = this.map.get(key);
    if (!e) return undefined;
    if (e.expires <= Date.now()) {
      this.map.delete(key);
      return undefined;
    }
    return e;
  }
  private purge() {
    const now = Date.now();
    for (const [k, e] of this.map) if (e.expires <= now) this.map.delete(k);
  }
  async get(key: string) {
    return this.live(key)?.value ?? null;
  }
  async mget(keys: string[]) {
    return keys.map((k) => this.live(k)?.value ?? null);
  }
  async set(key: string, value: string, ttlMs: number) {
    this.map.set(key, { value, expires: Date.now() + ttlMs });
  }
  async setIfGuard(guardKey: string, expected: string | null, key: string, value: string, ttlMs: number) {
    if ((this.live(guardKey)?.value ?? null) !== expected) return false;
    await this.set(key, value, ttlMs);
    return true;
  }
  async del(...keys: string[]) {
    for (const k of keys) this.map.delete(k);
  }
  async incr(key: string, windowMs: number) {
    const e = this.live(key);
    if (!e) {
      this.map.set(key, { value: '1', expires: Date.now() + windowMs });
      return { count: 1, ttlMs: windowMs };
    }
    e.value = String(Number(e.value) + 1);
    return { count: Number(e.value), ttlMs: e.expires - Date.now() };
  }
  async ttl(key: string) {
    const e = this.live(key);
    return e ? e.expires - Date.now() : -1;
  }
  async close() {
    clearInterval(this.sweep);
    this.map.clear();
  }
}

const SET_IF_GUARD = `if (redis.call('GET', KEYS[1]) or '') ~= ARGV[1] then return 0 end
redis.call('SET', KEYS[2], ARGV[2], 'PX', ARGV[3])
return 1`;

export class RedisStore implements KeyValueStore {
  constructor(private readonly redis: Redis) {}
  async get(key: string) {
    return this.redis.get(key);
  }
  async mget(keys: string[]) {
    return keys.length ? this.redis.mget(...keys) : [];
  }
  async set(key: string, value: string, ttlMs: number) {
    await this.redis.set(key, value, 'PX', Math.max(1, Math.round(ttlMs)));
  }
  async setIfGuard(guardKey: string, expected: string | null, key: string, value: string, ttlMs: number) {
    // One script, so nothing runs between the comparison and the SET. '' stands for an absent guard (GET gives false).
    const done = await this.redis.eval(SET_IF_GUARD, 2, guardKey, key, expected ?? '', value, String(Math.max(1, Math.round(ttlMs))));
    return done === 1;
  }
  async del(...keys: string[]) {
    if (keys.length) await this.redis.del(...keys);
  }
  async incr(key: string, windowMs: number) {
    const res = (await this.redis
      .multi()
      .incr(key)
      .pexpire(key, windowMs, 'NX')
      .pttl(key)
      .exec()) as Array<[Error | null, number]>;
    return { count: Number(res[0]![1]), ttlMs: Number(res[2]![1]) };
  }
  async ttl(key: string) {
    const ms = await this.redis.pttl(key);
    return ms < 0 ? -1 : ms;
  }
  async close() {
    /* the connection is owned by the platform */
  }
}
