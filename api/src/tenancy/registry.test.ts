import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { createTestTenant, startTestServer, type TestServer, type TestTenant } from '../../test/helpers';
import { testState } from '../../test/state';
import type { ControlDb } from '../db/control-db';
import { MemoryStore, RedisStore, type KeyValueStore } from '../lib/kv';
import { InProcessBus } from '../lib/pubsub';
import { TenantRegistry } from './registry';

/**
 * The tenant registry's shared (Redis) level by id: a process that has not seen a tenant lately reads it with one
 * key-value round trip, and a status change made while another process was reading can never leave the old record
 * behind (the invalidation epoch). Several registries on one store stand for several API processes.
 */

const redisUrl = testState().redisUrl;
const redis = redisUrl ? new Redis(redisUrl, { lazyConnect: true }) : undefined;
let server: TestServer;
let t: TestTenant;

beforeAll(async () => {
  server = await startTestServer();
  t = await createTestTenant(server, { direct: true });
});
afterAll(async () => {
  await redis?.quit();
  await server?.close();
});

/** The control database, counting statements and optionally holding each one until `release()`. */
function controlDb() {
  const real = server.platform.db;
  let gate: Promise<void> | undefined;
  let release = () => undefined as void;
  const stats = { statements: 0 };
  const db = new Proxy(real, {
    get(target, prop, receiver) {
      if (prop !== 'one') return Reflect.get(target, prop, receiver) as unknown;
      return async (text: string, params?: unknown[]) => {
        stats.statements++;
        const row = await target.one(text, params);
        await gate; // the read is done; the caller has not stored it yet
        return row;
      };
    },
  }) as ControlDb;
  return {
    db,
    stats,
    hold() {
      gate = new Promise<void>((r) => (release = () => r()));
    },
    release: () => {
      gate = undefined;
      release();
    },
  };
}

const stores: Array<[string, () => KeyValueStore]> = [['memory', () => new MemoryStore()]];
if (redis) stores.push(['redis', () => new RedisStore(redis)]);

describe.each(stores)('%s store', (_name, makeStore) => {
  let store: KeyValueStore;
  let prefix: string;
  const registry = (db: ControlDb) => new TenantRegistry(db, store, new InProcessBus(), prefix, 5000);

  beforeEach(() => {
    store = makeStore();
    prefix = `lpt:${randomBytes(4).toString('hex')}:`;
  });

  test('a process that has not seen the tenant reads it from the shared level, without the control database', async () => {
    const first = controlDb();
    expect((await registry(first.db).byId(t.tenant.id))?.slug).toBe(t.tenant.slug);
    expect(first.stats.statements).toBe(1);
    const other = controlDb();
    expect((await registry(other.db).byId(t.tenant.id))?.slug).toBe(t.tenant.slug);
    expect(other.stats.statements).toBe(0);
  });

  test('a record read before a status change and stored after it is not stored: the next process reads the new status', async () => {
    const slow = controlDb();
    slow.hold();
    const reading = registry(slow.db).byId(t.tenant.id); // reads "active", then waits before storing it
    await new Promise((r) => setTimeout(r, 50));
    const admin = registry(server.platform.db);
    try {
      expect((await admin.setStatus(t.tenant.id, 'suspended'))?.status).toBe('suspended');
      slow.release();
      expect((await reading)?.status).toBe('active'); // what that request saw, before the change
      expect((await registry(controlDb().db).byId(t.tenant.id))?.status).toBe('suspended');
    } finally {
      await admin.setStatus(t.tenant.id, 'active');
      await server.platform.registry.invalidate(t.tenant);
    }
  });

  test('a lookup by slug racing a status change leaves nothing stale for the lookups by id', async () => {
    const slow = controlDb();
    slow.hold();
    const reading = registry(slow.db).bySlug(t.tenant.slug);
    await new Promise((r) => setTimeout(r, 50));
    const admin = registry(server.platform.db);
    try {
      expect((await admin.setStatus(t.tenant.id, 'suspended'))?.status).toBe('suspended');
      slow.release();
      expect((await reading)?.status).toBe('active');
      expect((await registry(controlDb().db).byId(t.tenant.id))?.status).toBe('suspended');
    } finally {
      await admin.setStatus(t.tenant.id, 'active');
      await server.platform.registry.invalidate(t.tenant);
    }
  });
});
