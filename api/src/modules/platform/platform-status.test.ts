import { randomUUID } from 'node:crypto';
import { errorCode } from '../../../test/admin-fixtures';
import { createTestTenant, login, startTestServer, TEST_PASSWORD, uniqueSlug, type TestServer, type TestTenant } from '../../../test/helpers';
import { sleep, wsTestClient, type WsTestClient } from '../../../test/ws-client';
import { ensureUser } from '../users/user.service';

/** suspendTenant / reactivateTenant end to end: HTTP refused at resolution, login refused, sockets closed, then back. */

const SUB = `subscription { leadChanged { kind } }`;
const LEADS = `{ leads(first: 5) { edges { node { id } } } }`;
const SUSPEND = `mutation($id: ID!, $reason: String!) { suspendTenant(id: $id, reason: $reason) { id status failureReason } }`;
const REACTIVATE = `mutation($id: ID!) { reactivateTenant(id: $id) { id status failureReason } }`;

let server: TestServer;
let adminToken: string;
let adminId: string;
let s: TestTenant;
let other: TestTenant;
const clients: WsTestClient[] = [];

beforeAll(async () => {
  server = await startTestServer();
  [s, other] = await Promise.all([createTestTenant(server, { direct: true }), createTestTenant(server, { direct: true })]);
  const email = `ops-${randomUUID().slice(0, 8)}@platform.test`;
  const { user } = await server.platform.db.tx((q) => ensureUser(q, { email, name: 'Ops', password: TEST_PASSWORD, isPlatformAdmin: true }));
  adminId = user.id;
  adminToken = (await login(server, email)).accessToken;
});
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.dispose()));
});
afterAll(async () => server?.close());

/** A connected socket whose subscription the server has set up (it delivered one of our own events). */
async function subscribed(token: string) {
  const c = wsTestClient(server.url, token);
  clients.push(c);
  await c.connected;
  const feed = c.subscribe<{ leadChanged: { kind: string } }>(SUB);
  await feed.prime(
    async () => {
      await server.gql(`mutation { createLead(input: { name: "p" }) { id } }`, {}, { token });
      return '';
    },
    (item) => item.data?.leadChanged.kind === 'created',
  );
  return c;
}

/** Like ws-client's `within`, but clears its timer, so no 5-second timer outlives the test run. */
async function within<T>(p: Promise<T>, ms = 5000): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`nothing within ${ms} ms`)), ms)));
  try {
    return await Promise.race([p, late]);
  } finally {
    clearTimeout(timer);
  }
}

const auditFor = (tenantId: string, action: string) =>
  server.platform.db.rows<{ actor_id: string; reason: string | null }>(
    `select actor_id, reason from control.platform_audit where action = $2 and tenant_ids = array[$1::uuid] order by id`,
    [tenantId, action],
  );

test('suspend: users get TENANT_SUSPENDED on tenant data and at login, their sockets close; reactivate: all works again', async () => {
  const token = (await login(server, s.adminEmail, s.tenant.slug)).accessToken;
  const otherToken = (await login(server, other.adminEmail, other.tenant.slug)).accessToken;
  expect((await server.gql(LEADS, {}, { token })).errors).toBeUndefined();
  const socket = await subscribed(token);
  const bystander = await subscribed(otherToken);

  const suspended = await server.gql<{ suspendTenant: { status: string; failureReason: string } }>(SUSPEND, { id: s.tenant.id, reason: 'unpaid invoice' }, { token: adminToken });
  expect(suspended.errors).toBeUndefined();
  expect(suspended.data!.suspendTenant).toMatchObject({ status: 'suspended', failureReason: 'unpaid invoice' });
  expect(await auditFor(s.tenant.id, 'platform.tenants.suspend')).toEqual([{ actor_id: adminId, reason: 'unpaid invoice' }]);

  const closed = await within(socket.closed);
  expect(closed).toMatchObject({ code: 4403 });
  expect(closed.reason).toMatch(/suspended/);
  expect(await Promise.race([bystander.closed, sleep(300).then(() => 'open')])).toBe('open');

  expect(errorCode(await server.gql(LEADS, {}, { token }))).toBe('TENANT_SUSPENDED');
  expect(errorCode(await server.gql(`mutation { createLead(input: { name: "late" }) { id } }`, {}, { token }))).toBe('TENANT_SUSPENDED');
  const relogin = await server.gql(`mutation($e: String!, $p: String!, $t: String) { login(email: $e, password: $p, tenant: $t) { accessToken } }`, {
    e: s.adminEmail, p: TEST_PASSWORD, t: s.tenant.slug,
  });
  expect(errorCode(relogin)).toBe('TENANT_SUSPENDED');
  // A new socket may open (the token is valid) but its tenant subscription is refused.
  const late = wsTestClient(server.url, token);
  clients.push(late);
  await late.connected.catch(() => undefined);
  const refused = late.subscribe(SUB);
  expect((await refused.next()).errors?.[0]?.extensions?.code).toBe('TENANT_SUSPENDED');
  // Other tenants are untouched.
  expect((await server.gql(LEADS, {}, { token: otherToken })).errors).toBeUndefined();

  // Platform admins still see it, numbers included (read-only).
  const view = await server.gql<{ platformTenant: { status: string; dataRead: string; leadCount: number } }>(
    `query($id: ID!) { platformTenant(id: $id) { status dataRead leadCount } }`, { id: s.tenant.id }, { token: adminToken });
  expect(view.data!.platformTenant).toMatchObject({ status: 'suspended', dataRead: 'READ', leadCount: expect.any(Number) });

  const back = await server.gql<{ reactivateTenant: { status: string; failureReason: string | null } }>(REACTIVATE, { id: s.tenant.id }, { token: adminToken });
  expect(back.data!.reactivateTenant).toEqual({ id: s.tenant.id, status: 'active', failureReason: null });
  expect(await auditFor(s.tenant.id, 'platform.tenants.reactivate')).toEqual([{ actor_id: adminId, reason: null }]);
  expect((await server.gql(LEADS, {}, { token })).errors).toBeUndefined();
  const fresh = (await login(server, s.adminEmail, s.tenant.slug)).accessToken;
  expect((await server.gql(LEADS, {}, { token: fresh })).errors).toBeUndefined();
  await subscribed(fresh);
});

test('suspending twice keeps the first suspension time; both requests are recorded', async () => {
  const t = await createTestTenant(server, { direct: true });
  await server.gql(SUSPEND, { id: t.tenant.id, reason: 'first' }, { token: adminToken });
  const at = async () => (await server.platform.db.one<{ suspended_at: Date }>('select suspended_at from control.tenants where id = $1', [t.tenant.id]))!.suspended_at;
  const first = await at();
  const again = await server.gql<{ suspendTenant: { status: string } }>(SUSPEND, { id: t.tenant.id, reason: 'second' }, { token: adminToken });
  expect(again.data!.suspendTenant.status).toBe('suspended');
  expect(await at()).toEqual(first);
  expect((await auditFor(t.tenant.id, 'platform.tenants.suspend')).map((r) => r.reason)).toEqual(['first', 'second']);
});

test('only active or suspended tenants change status; unknown ids are NOT_FOUND; a blank reason is refused', async () => {
  const rec = await server.platform.provisioner.createRecord({ slug: uniqueSlug('prov'), name: 'Provisioning' });
  expect(errorCode(await server.gql(SUSPEND, { id: rec.id, reason: 'r' }, { token: adminToken }))).toBe('TENANT_NOT_READY');
  expect(errorCode(await server.gql(REACTIVATE, { id: rec.id }, { token: adminToken }))).toBe('TENANT_NOT_READY');
  expect(errorCode(await server.gql(SUSPEND, { id: randomUUID(), reason: 'r' }, { token: adminToken }))).toBe('NOT_FOUND');
  expect(errorCode(await server.gql(REACTIVATE, { id: 'not-a-uuid' }, { token: adminToken }))).toBe('NOT_FOUND');
  expect(errorCode(await server.gql(SUSPEND, { id: other.tenant.id, reason: '   ' }, { token: adminToken }))).toBe('BAD_USER_INPUT');
  expect(await auditFor(rec.id, 'platform.tenants.suspend')).toEqual([]);
  expect((await server.platform.registry.byId(other.tenant.id))!.status).toBe('active');
});
