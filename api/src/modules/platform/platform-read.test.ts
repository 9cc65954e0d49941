import { tenantDb } from '../../tenancy/context';
import { withTenant } from '../../tenancy/with-tenant';
import { inTenant } from '../../../test/admin-fixtures';
import { createTestTenant, startTestServer, uniqueSlug, type TestServer, type TestTenant } from '../../../test/helpers';
import { mapLimit, readTenantAsPlatform } from './platform-read';

/** The helper behind every platform view: read-only, the tenant's own role, its own schema, nothing else. */

let server: TestServer;
let a: TestTenant;
let b: TestTenant;
let suspended: TestTenant;

const seedLeads = (t: TestTenant, n: number) =>
  inTenant(server, t, `insert into leads (name, status_id) select 'L' || g, (select id from lead_statuses where is_default) from generate_series(1, $1) g`, [n]);
const leadCount = async (t: TestTenant) => (await inTenant<{ n: number }>(server, t, 'select count(*)::int as n from leads'))[0]!.n;

beforeAll(async () => {
  server = await startTestServer();
  [a, b, suspended] = (await Promise.all([0, 1, 2].map(() => createTestTenant(server, { direct: true })))) as [TestTenant, TestTenant, TestTenant];
  await seedLeads(a, 2);
  await seedLeads(suspended, 1);
  await server.services.tenants.setStatus(suspended.tenant.id, 'suspended');
  suspended.tenant = (await server.platform.registry.byId(suspended.tenant.id))!;
});
afterAll(async () => server?.close());

const whoAmI = (t: TestTenant) =>
  readTenantAsPlatform(server.platform, t.tenant, () =>
    tenantDb().one<{ role: string; ro: string; schemas: string[] }>(
      `select current_user as role, current_setting('transaction_read_only') as ro, current_schemas(false)::text[] as schemas`,
    ),
  );

test("runs in the tenant's own schema, as the tenant's own role, with transaction_read_only on", async () => {
  for (const t of [a, b]) {
    expect(await whoAmI(t)).toEqual({ role: t.tenant.dbRole, ro: 'on', schemas: [t.tenant.schemaName] });
  }
  expect(await readTenantAsPlatform(server.platform, a.tenant, () => tenantDb().one('select count(*)::int as n from leads'))).toEqual({ n: 2 });
});

test('a write inside the unit fails with 25006 read_only_sql_transaction, and nothing is written', async () => {
  const writes = [
    `insert into leads (name, status_id) select 'sneaky', id from lead_statuses where is_default`,
    `update leads set name = 'changed'`,
    `delete from leads`,
    `create table sneaky (id int)`,
  ];
  for (const sql of writes) {
    await expect(readTenantAsPlatform(server.platform, a.tenant, () => tenantDb().query(sql))).rejects.toMatchObject({ code: '25006' });
  }
  // Nor can the unit switch itself back to read-write.
  await expect(
    readTenantAsPlatform(server.platform, a.tenant, () => tenantDb().query(`set transaction read write`)),
  ).rejects.toMatchObject({ code: '25001' });
  expect(await leadCount(a)).toBe(2);
  expect(await inTenant(server, a, `select 1 from leads where name in ('sneaky', 'changed')`)).toEqual([]);
});

test("another tenant's schema is out of reach even when named explicitly (42501)", async () => {
  await expect(
    readTenantAsPlatform(server.platform, a.tenant, () => tenantDb().query(`select count(*) from ${b.tenant.schemaName}.leads`)),
  ).rejects.toMatchObject({ code: '42501' });
});

test('a suspended tenant is readable here only: read-only, its own role; withTenant still refuses it', async () => {
  expect(suspended.tenant.status).toBe('suspended');
  expect(await whoAmI(suspended)).toEqual({ role: suspended.tenant.dbRole, ro: 'on', schemas: [suspended.tenant.schemaName] });
  await expect(
    readTenantAsPlatform(server.platform, suspended.tenant, () => tenantDb().query(`delete from leads`)),
  ).rejects.toMatchObject({ code: '25006' });
  // The core's gate is unchanged for everyone else (jobs, subscriptions, seeding).
  await expect(withTenant(server.platform.openSession, suspended.tenant, () => tenantDb().query('select 1'))).rejects.toMatchObject({
    extensions: { code: 'TENANT_SUSPENDED' },
  });
});

test('tenants without a live schema are refused before any SQL', async () => {
  const rec = await server.platform.provisioner.createRecord({ slug: uniqueSlug('prov'), name: 'Provisioning' });
  const ran = jest.fn();
  await expect(readTenantAsPlatform(server.platform, rec, ran)).rejects.toMatchObject({ extensions: { code: 'TENANT_NOT_READY' } });
  for (const status of ['failed', 'deleted'] as const) {
    await expect(readTenantAsPlatform(server.platform, { ...a.tenant, status }, ran)).rejects.toMatchObject({ extensions: { code: 'TENANT_NOT_READY' } });
  }
  expect(ran).not.toHaveBeenCalled();
});

test('mapLimit keeps at most `limit` in flight and returns results in input order', async () => {
  let inFlight = 0;
  let peak = 0;
  const out = await mapLimit(Array.from({ length: 13 }, (_, i) => i), 4, async (n) => {
    peak = Math.max(peak, ++inFlight);
    await new Promise((r) => setTimeout(r, 5 + ((n * 7) % 11)));
    inFlight--;
    return n * 2;
  });
  expect(peak).toBe(4);
  expect(out).toEqual(Array.from({ length: 13 }, (_, i) => i * 2));
  expect(await mapLimit([], 4, async () => 1)).toEqual([]);
});
