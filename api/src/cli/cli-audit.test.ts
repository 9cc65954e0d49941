import { createTestTenant, startTestServer, type TestServer } from '../../test/helpers';
import { setTenantStatus } from './tenant-commands';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server?.close());

test('suspending and reactivating from the CLI is recorded in control.platform_audit like the API does', async () => {
  const { tenant } = await createTestTenant(server, { direct: true });
  const write = process.stdout.write;
  process.stdout.write = (() => true) as typeof process.stdout.write;
  try {
    await setTenantStatus(server.platform, tenant.slug, 'suspended');
    await setTenantStatus(server.platform, tenant.slug, 'active');
  } finally {
    process.stdout.write = write;
  }
  const rows = await server.platform.db.rows<{ action: string; actor_id: string | null; user_agent: string }>(
    `select action, actor_id, user_agent from control.platform_audit where $1 = any(tenant_ids) order by at, id`,
    [tenant.id],
  );
  expect(rows.map((r) => r.action)).toEqual(['platform.tenants.suspend', 'platform.tenants.reactivate']);
  expect(rows.every((r) => r.actor_id === null && r.user_agent.startsWith('leadplane-cli ('))).toBe(true);
  expect((await server.platform.registry.byId(tenant.id))!.status).toBe('active');
});
