import { randomBytes, randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { testState } from '../../../test/state';
import { MemoryStore, RedisStore, type KeyValueStore } from '../../lib/kv';
import { InProcessBus } from '../../lib/pubsub';
import { AuthCache } from '../auth/auth-cache';
import { PermissionCache } from './permission-cache';

/**
 * The permission cache answers a request with one key-value round trip, and a role change makes every entry of its
 * tenant (and only of its tenant) stale at once. Run against the real Redis of the run when there is one, and the
 * in-process store the app uses without Redis.
 */

const redisUrl = testState().redisUrl;
const redis = redisUrl ? new Redis(redisUrl, { lazyConnect: true }) : undefined;
afterAll(async () => redis?.quit());

/** The store, counting the round trips made through it. */
function counted(store: KeyValueStore) {
  const calls: string[] = [];
  const wrapped = new Proxy(store, {
    get(target, prop, receiver) {
      const v = Reflect.get(target, prop, receiver) as unknown;
      return typeof v === 'function' ? (...args: unknown[]) => (calls.push(String(prop)), (v as (...a: unknown[]) => unknown).apply(target, args)) : v;
    },
  });
  return { store: wrapped, calls };
}

const stores: Array<[string, () => KeyValueStore]> = [['memory', () => new MemoryStore()]];
if (redis) stores.push(['redis', () => new RedisStore(redis)]);

describe.each(stores)('%s store', (_name, make) => {
  test('a hit is one round trip; a change in the tenant makes its entries stale, not those of another tenant', async () => {
    const { store, calls } = counted(make());
    const cache = new PermissionCache(store, new InProcessBus(), `lpt:${randomBytes(4).toString('hex')}:`);
    const [tenantA, tenantB, user] = [randomUUID(), randomUUID(), randomUUID()];
    let rolesA = ['leads.read.all'];
    const loads = { a: 0, b: 0 };
    const getA = () => cache.get(tenantA, user, async () => (loads.a++, rolesA));
    const getB = () => cache.get(tenantB, user, async () => (loads.b++, ['leads.read.own']));

    expect([...(await getA())]).toEqual(['leads.read.all']);
    expect([...(await getB())]).toEqual(['leads.read.own']);
    calls.length = 0;
    expect([...(await getA())]).toEqual(['leads.read.all']);
    expect(calls).toEqual(['mget']);
    expect(loads).toEqual({ a: 1, b: 1 });

    rolesA = ['leads.read.own'];
    await cache.invalidateTenant(tenantA);
    expect([...(await getA())]).toEqual(['leads.read.own']);
    expect([...(await getB())]).toEqual(['leads.read.own']);
    expect(loads).toEqual({ a: 2, b: 1 });
  });

  test("in front of the store, this process's memory: no round trip for a repeat, per tenant and user, dropped by the tenant's change", async () => {
    const { store, calls } = counted(make());
    const bus = new InProcessBus();
    const prefix = `lpt:${randomBytes(4).toString('hex')}:`;
    const local = new AuthCache(bus, prefix, 5000);
    await local.start();
    const cache = new PermissionCache(store, bus, prefix, local);
    const [tenantA, tenantB, user, other] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    let rolesA = ['leads.read.all'];
    const loads = { a: 0, b: 0, other: 0 };
    const getA = () => cache.get(tenantA, user, async () => (loads.a++, rolesA));
    const getB = () => cache.get(tenantB, user, async () => (loads.b++, ['leads.read.own']));
    const getOther = () => cache.get(tenantA, other, async () => (loads.other++, ['leads.create']));
    try {
      expect([[...(await getA())], [...(await getB())], [...(await getOther())]]).toEqual([['leads.read.all'], ['leads.read.own'], ['leads.create']]);
      calls.length = 0;
      expect([[...(await getA())], [...(await getB())], [...(await getOther())]]).toEqual([['leads.read.all'], ['leads.read.own'], ['leads.create']]);
      expect(calls).toEqual([]);
      rolesA = ['leads.read.own'];
      await cache.invalidateTenant(tenantA);
      expect([...(await getA())]).toEqual(['leads.read.own']); // at once: this process dropped it before invalidateTenant returned
      expect([...(await getB())]).toEqual(['leads.read.own']);
      expect(loads).toEqual({ a: 2, b: 1, other: 1 });
      await getOther();
      expect(loads.other).toBe(2);
    } finally {
      await local.stop();
      await bus.close();
    }
  });

  test('permissions read while a change commits are stored as stale: the next request reads them again', async () => {
    const { store } = counted(make());
    const cache = new PermissionCache(store, new InProcessBus(), `lpt:${randomBytes(4).toString('hex')}:`);
    const [tenant, user] = [randomUUID(), randomUUID()];
    let loads = 0;
    // The version is read, then a change lands (and bumps it) before the permissions are stored.
    await cache.get(tenant, user, async () => {
      loads++;
      await cache.invalidateTenant(tenant);
      return ['leads.read.all'];
    });
    await cache.get(tenant, user, async () => (loads++, ['leads.read.own']));
    expect(loads).toBe(2);
  });
});
