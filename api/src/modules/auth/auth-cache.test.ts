import { randomBytes, randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { authTag, type Invalidation } from '../../graphql/subscriptions/invalidation';
import { SystemTopic, systemChannel } from '../../graphql/topics';
import { InProcessBus, RedisBus, type MessageBus } from '../../lib/pubsub';
import { testState } from '../../../test/state';
import { AuthCache } from './auth-cache';

/**
 * AuthCache (ADR 0010) against the buses it trusts: the in-process one and Redis, a real server. What must hold: an
 * invalidation drops what it names and nothing else; a read that raced an invalidation is not stored; nothing is served
 * while the bus may be missing messages, and nothing remembered from before such a gap survives it.
 */

const until = async (cond: () => boolean, ms = 5000) => {
  for (const end = Date.now() + ms; !cond(); ) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
};

const prefix = () => `lpt:${randomBytes(4).toString('hex')}:`;

describe('in one process', () => {
  let bus: MessageBus;
  let cache: AuthCache;
  let p: string;
  beforeEach(async () => {
    bus = new InProcessBus();
    p = prefix();
    cache = new AuthCache(bus, p, 5000, 4);
    await cache.start();
  });
  afterEach(async () => {
    await cache.stop();
    await bus.close();
  });

  test('a stored fact is served for its own key only, until it expires or its session does', async () => {
    const [s1, t1, t2] = [randomUUID(), randomUUID(), randomUUID()];
    cache.set(`k|${s1}|${t1}`, { member: true }, [authTag.session(s1), authTag.tenant(t1)], cache.mark());
    expect(cache.get(`k|${s1}|${t1}`)).toEqual({ member: true });
    expect(cache.get(`k|${s1}|${t2}`)).toBeUndefined();
    cache.set('soon', 1, [], cache.mark(), Date.now() + 30);
    expect(cache.get('soon')).toBe(1);
    await new Promise((r) => setTimeout(r, 40));
    expect(cache.get('soon')).toBeUndefined();
    cache.set('gone', 1, [], cache.mark(), Date.now() - 1);
    expect(cache.get('gone')).toBeUndefined();
  });

  test('a broadcast drops what it names, and only that', async () => {
    const [s1, s2, t1, t2] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    cache.set('a', 'a', [authTag.session(s1), authTag.tenant(t1)], cache.mark());
    cache.set('b', 'b', [authTag.session(s2), authTag.tenant(t2)], cache.mark());
    cache.set('c', 'c', [authTag.tenant(t1)], cache.mark());
    const send = (m: Invalidation) => bus.publish(systemChannel(p, SystemTopic.INVALIDATE), JSON.stringify(m));
    await send({ kind: 'session', id: s1 });
    await until(() => cache.get('a') === undefined);
    expect([cache.get('b'), cache.get('c')]).toEqual(['b', 'c']);
    await send({ kind: 'access', id: t1 });
    await until(() => cache.get('c') === undefined);
    expect(cache.get('b')).toBe('b');
    await send({ kind: 'tenant', id: t2 });
    await until(() => cache.get('b') === undefined);
    expect(cache.size).toBe(0);
  });

  test('a read that raced an invalidation is not stored', () => {
    const s1 = randomUUID();
    const mark = cache.mark();
    cache.drop(authTag.session(randomUUID())); // any invalidation, even of something else, while the read was out
    cache.set('raced', 'stale', [authTag.session(s1)], mark);
    expect(cache.get('raced')).toBeUndefined();
    cache.set('fresh', 'ok', [authTag.session(s1)], cache.mark());
    expect(cache.get('fresh')).toBe('ok');
  });

  test('bounded: the oldest entries go first', () => {
    for (const k of ['1', '2', '3', '4', '5', '6']) cache.set(k, k, [authTag.tenant(k)], cache.mark());
    expect(cache.size).toBe(4);
    expect([cache.get('1'), cache.get('2'), cache.get('3'), cache.get('6')]).toEqual([undefined, undefined, '3', '6']);
  });

  test('a TTL of 0 turns it off', async () => {
    const off = new AuthCache(bus, p, 0);
    await off.start();
    off.set('x', 1, [], off.mark());
    expect(off.get('x')).toBeUndefined();
    await off.stop();
  });
});

describe('over Redis', () => {
  const url = testState().redisUrl;
  const maybe = url ? test : test.skip;
  let pub: Redis;
  let sub: Redis;
  let other: Redis;
  let bus: RedisBus;
  let cache: AuthCache;
  let p: string;
  let subId: string;

  beforeEach(async () => {
    if (!url) return;
    p = prefix();
    pub = new Redis(url, { lazyConnect: true });
    sub = pub.duplicate();
    other = pub.duplicate();
    await Promise.all([pub.connect(), sub.connect(), other.connect()]);
    subId = String(await sub.client('ID')); // before it enters subscriber mode
    bus = new RedisBus(pub, sub);
    cache = new AuthCache(bus, p, 5000);
    await cache.start();
  });
  afterEach(async () => {
    if (!url) return;
    await cache.stop();
    await bus.close();
    pub.disconnect();
    other.disconnect();
  });

  maybe('another process’s revocation reaches this one', async () => {
    const s = randomUUID();
    cache.set('k', 'live', [authTag.session(s)], cache.mark());
    await other.publish(systemChannel(p, SystemTopic.INVALIDATE), JSON.stringify({ kind: 'session', id: s }));
    await until(() => cache.get('k') === undefined);
  });

  maybe('while the subscriber is cut off nothing is served or stored, and what was remembered is gone after it', async () => {
    const [s1, s2] = [randomUUID(), randomUUID()];
    cache.set('before', 'live', [authTag.session(s1)], cache.mark());
    expect(cache.get('before')).toBe('live');
    const mark = cache.mark();
    await other.client('KILL', 'ID', subId);
    await until(() => !bus.live);
    cache.set('during', 'live', [authTag.session(s2)], cache.mark());
    expect([cache.get('before'), cache.get('during')]).toEqual([undefined, undefined]);
    // ioredis reconnects and subscribes again; the bus is live only once Redis confirmed it.
    await until(() => bus.live);
    expect(cache.get('before')).toBeUndefined();
    cache.set('raced-the-gap', 'live', [authTag.session(s2)], mark);
    expect(cache.get('raced-the-gap')).toBeUndefined();
    cache.set('after', 'live', [authTag.session(s2)], cache.mark());
    expect(cache.get('after')).toBe('live');
    // …and messages reach it again.
    await other.publish(systemChannel(p, SystemTopic.INVALIDATE), JSON.stringify({ kind: 'session', id: s2 }));
    await until(() => cache.get('after') === undefined);
  });
});
