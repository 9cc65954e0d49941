import { tenantManager, currentTenant } from './context';
import { withTenant } from './with-tenant';
import { createTestTenant, startTestServer, type TestServer } from '../../test/helpers';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

test('a provisioned tenant is active, seeded and reachable only through its own transaction', async () => {
  const a = await createTestTenant(server);
  expect(a.tenant.status).toBe('active');
  const statuses = await withTenant(server.platform.openSession, a.tenant, async () => {
    expect(currentTenant().id).toBe(a.tenant.id);
    const m = await tenantManager();
    return m.query(`select key from lead_statuses order by position`);
  });
  expect(statuses.map((s: { key: string }) => s.key)).toEqual(['new', 'contacted', 'qualified', 'proposal', 'won', 'lost']);
});

test('reading the tenant outside a tenant scope fails closed', async () => {
  expect(() => currentTenant()).toThrow(expect.objectContaining({ code: 'TENANT_REQUIRED' }));
  await expect(tenantManager()).rejects.toMatchObject({ code: 'TENANT_REQUIRED' });
});
