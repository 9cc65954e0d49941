import { adminTenant, memberWith, ok } from '../../../test/admin-fixtures';
import { startTestServer, type TestServer } from '../../../test/helpers';

/* members: the tenant's active members, from the tenant's `members` view; another tenant's users never appear. */

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server?.close());

test("members lists this tenant's active members, for every member to read, and nobody else's", async () => {
  const [a, b] = [await adminTenant(server), await adminTenant(server)];
  const agent = await memberWith(server, a, 'agent');
  const gone = await memberWith(server, a, null);
  await server.platform.db.rows(`update control.memberships set status = 'deactivated' where tenant_id = $1 and user_id = $2`, [a.tenant.id, gone.id]);
  await memberWith(server, b, 'agent');
  // A user in both tenants appears in each, once.
  await server.platform.db.rows(`insert into control.memberships (tenant_id, user_id) values ($1, $2)`, [b.tenant.id, agent.id]);

  const query = `{ members { id email name status } }`;
  const seenByAdmin = (await ok<{ members: Array<{ id: string; status: string }> }>(server, a.token, query)).members;
  expect(seenByAdmin.map((m) => m.id).sort()).toEqual([a.adminId, agent.id].sort());
  expect(seenByAdmin.every((m) => m.status === 'active')).toBe(true);
  expect(await ok(server, agent.token, query)).toEqual({ members: seenByAdmin });

  const seenInB = (await ok<{ members: Array<{ id: string }> }>(server, b.token, query)).members.map((m) => m.id);
  expect(seenInB).toHaveLength(3);
  expect(seenInB).toContain(agent.id);
  expect(seenInB).not.toContain(a.adminId);
});
