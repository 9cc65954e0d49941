import { createPrivateDatabase, startTestServer, TEST_PASSWORD, uniqueSlug, type TestServer } from '../../test/helpers';
import { PROVISION_DEAD_QUEUE, PROVISION_QUEUE, startProvisionWorker } from './provision-tenant.job';
import { QUEUE_SCHEMA } from './queue';

/**
 * A worker that dies during the LAST provisioning attempt never runs its own failure handling. pg-boss fails the
 * job by timeout and moves it to the dead-letter queue, whose worker marks the tenant failed: it must not stay
 * `provisioning` forever. Own database: no other test file's worker may take these jobs.
 */
let db: Awaited<ReturnType<typeof createPrivateDatabase>>;
let server: TestServer;

beforeAll(async () => {
  db = await createPrivateDatabase('dlq');
  server = await startTestServer({ DATABASE_URL: db.url, PROVISION_MAX_ATTEMPTS: '1' }, { workers: false });
});
afterAll(async () => {
  await server?.close();
  await db?.drop();
});

test('a job whose worker died on its last attempt ends with the tenant marked failed', async () => {
  const slug = uniqueSlug('dlq');
  const tenant = await server.services.tenants.create({ slug, name: 'Dies', adminEmail: `a@${slug}.test`, adminPassword: TEST_PASSWORD });
  // A worker takes the job... and dies: the job stays active until it expires.
  const [job] = await server.jobs.boss.fetch<{ tenantId: string }>(PROVISION_QUEUE);
  expect(job?.data.tenantId).toBe(tenant.id);
  await server.platform.db.rows(
    `update ${QUEUE_SCHEMA}.job set started_on = now() - interval '10 seconds', expire_in = interval '1 second' where id = $1`,
    [job!.id],
  );
  await server.jobs.boss.maintain();
  const dead = await server.platform.db.rows<{ data: { tenantId: string } }>(`select data from ${QUEUE_SCHEMA}.job where name = $1`, [PROVISION_DEAD_QUEUE]);
  expect(dead.map((d) => d.data.tenantId)).toEqual([tenant.id]);
  expect((await server.services.tenants.get({ id: tenant.id }))!.status).toBe('provisioning');

  await startProvisionWorker(server.jobs, server.platform);
  const deadline = Date.now() + 15_000;
  let t = await server.services.tenants.get({ id: tenant.id });
  while (t!.status === 'provisioning' && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 200));
    t = await server.services.tenants.get({ id: tenant.id });
  }
  expect(t).toMatchObject({ status: 'failed', failureReason: expect.stringMatching(/did not finish/) });
  const schema = await server.platform.db.one(`select 1 from pg_namespace where nspname = $1`, [tenant.schemaName]);
  expect(schema).toBeNull();
});
