import { randomBytes } from 'node:crypto';
import { adminTenant, inTenant, type AdminTenant } from '../../../test/admin-fixtures';
import { createPrivateDatabase, startTestServer, type TestServer } from '../../../test/helpers';
import { AuditRetentionScheduler, enqueueRetention, purgeTenant, startAuditRetentionWorker } from '../../jobs/audit-retention.job';
import { QUEUE_SCHEMA } from '../../jobs/queue';

/*
 * Retention: purgeTenant deletes a tenant's entries older than its own retention, in batches, and touches no other
 * tenant; the pg-boss worker runs it for the tenant its job names; the in-process scheduler enqueues one job per
 * active tenant and day, however often it runs.
 * The jobs go to queues of this file's own: the shared test database has other files' servers, whose workers would
 * otherwise take them (and show the purge's statements in their own statement counts).
 */
const queueName = (what: string) => `audit-retention-test-${what}-${randomBytes(4).toString('hex')}`;

let db: Awaited<ReturnType<typeof createPrivateDatabase>>;
let server: TestServer;
let a: AdminTenant;
let b: AdminTenant;
beforeAll(async () => {
  // A database of its own: the scheduler enqueues for every active tenant, and other files create tenants meanwhile.
  db = await createPrivateDatabase('retention');
  server = await startTestServer({ DATABASE_URL: db.url }, { workers: false });
  [a, b] = await Promise.all([adminTenant(server), adminTenant(server)]);
});
afterAll(async () => {
  await server?.close();
  await db?.drop();
});

/** `n` entries `daysAgo` old, tagged so a test counts only its own. */
const seed = (t: AdminTenant, tag: string, daysAgo: number, n: number) =>
  inTenant(server, t, `insert into audit_log (at, action, target_id) select now() - make_interval(days => $1), 'test.seeded', $2 from generate_series(1, $3)`, [
    daysAgo,
    tag,
    n,
  ]);
const count = async (t: AdminTenant, tag: string) =>
  (await inTenant<{ n: number }>(server, t, `select count(*)::int as n from audit_log where target_id = $1`, [tag]))[0]!.n;
const setRetention = (t: AdminTenant, days: number) => inTenant(server, t, 'update tenant_settings set audit_retention_days = $1', [days]);

test("purgeTenant deletes only entries older than the tenant's retention, in batches, and only in that tenant", async () => {
  await Promise.all([setRetention(a, 30), setRetention(b, 30)]);
  await Promise.all([seed(a, 'old', 31, 5), seed(a, 'kept', 29, 3), seed(b, 'old', 31, 4)]);

  const result = await purgeTenant(server.platform, a.tenant.id, { batchSize: 2 });
  expect(result).toEqual({ deleted: 5, batches: 3 });
  expect([await count(a, 'old'), await count(a, 'kept'), await count(b, 'old')]).toEqual([0, 3, 4]);
  // Entries of this run (the admins' logins) are far younger than any retention.
  expect((await inTenant<{ n: number }>(server, a, `select count(*)::int as n from audit_log where action = 'auth.login'`))[0]!.n).toBe(1);

  // The retention is per tenant: B keeps its 31-day-old entries under a longer one.
  await setRetention(b, 60);
  expect(await purgeTenant(server.platform, b.tenant.id)).toEqual({ deleted: 0, batches: 1 });
  expect(await count(b, 'old')).toBe(4);
});

test('a suspended or unknown tenant is skipped, not purged', async () => {
  const c = await adminTenant(server);
  await setRetention(c, 1);
  await seed(c, 'old', 2, 2);
  await server.platform.registry.setStatus(c.tenant.id, 'suspended');
  expect(await purgeTenant(server.platform, c.tenant.id)).toEqual({ deleted: 0, batches: 0, skipped: 'TENANT_SUSPENDED' });
  expect(await purgeTenant(server.platform, '00000000-0000-4000-8000-000000000000')).toMatchObject({ skipped: 'TENANT_NOT_FOUND' });
  await server.platform.registry.setStatus(c.tenant.id, 'active');
  expect(await count(c, 'old')).toBe(2);
});

test('the worker purges the tenant its job names; a second job for the same tenant and day is refused', async () => {
  await setRetention(a, 10);
  await seed(a, 'job', 11, 3);
  const queue = queueName('worker');
  await startAuditRetentionWorker(server.jobs, server.platform, queue);
  const id = await enqueueRetention(server.jobs, a.tenant.id, new Date(), queue);
  expect(id).toEqual(expect.any(String));
  expect(await enqueueRetention(server.jobs, a.tenant.id, new Date(), queue)).toBeNull();
  const deadline = Date.now() + 20_000;
  while ((await count(a, 'job')) > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
  expect(await count(a, 'job')).toBe(0);
});

test('the scheduler enqueues one job per active tenant and day, however often it runs', async () => {
  const day = new Date(Date.UTC(2031, 0, 15, 12));
  // No worker serves this queue: the jobs stay where the test can read them.
  const queue = queueName('scheduler');
  const scheduler = new AuditRetentionScheduler(server.jobs, server.platform, { queueName: queue });
  const first = await scheduler.tick(day);
  expect(first).toBeGreaterThanOrEqual(2);
  expect(await scheduler.tick(day)).toBe(0);
  // Another process (its own scheduler) is refused by pg-boss itself.
  expect(await new AuditRetentionScheduler(server.jobs, server.platform, { queueName: queue }).tick(day)).toBe(0);

  const jobs = await server.platform.db.rows<{ key: string; data: { tenantId: string } }>(
    `select singleton_key as key, data from ${QUEUE_SCHEMA}.job where name = $1 and singleton_key like '%:2031-01-15'`,
    [queue],
  );
  for (const t of [a, b]) expect(jobs.filter((j) => j.data.tenantId === t.tenant.id).map((j) => j.key)).toEqual([`${t.tenant.id}:2031-01-15`]);
  await scheduler.stop();
});
