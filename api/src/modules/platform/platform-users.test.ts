import { randomUUID } from 'node:crypto';
import { errorCode } from '../../../test/admin-fixtures';
import { addMember, createTestTenant, login, startTestServer, TEST_PASSWORD, type TestServer, type TestTenant } from '../../../test/helpers';
import { until, within, wsTestClient } from '../../../test/ws-client';
import { ensureUser } from '../users/user.service';

/**
 * Platform admins disable (and enable) user accounts: login fails, every live session is revoked in one transaction
 * with the audit row, and every API process of the deployment refuses the sessions once the broadcast reaches it,
 * whatever it remembered of them (ADR 0010); open websockets close. Nothing of another user changes.
 */

let server: TestServer;
let two: TestServer; // a second API process of the same deployment (same Redis prefix)
let a: TestTenant;
let b: TestTenant;
let admin: { id: string; token: string };

const DISABLE = `mutation($id: ID!, $r: String!) { disableUser(id: $id, reason: $r) { id email disabledAt revokedSessions } }`;
const ENABLE = `mutation($id: ID!) { enableUser(id: $id) { id disabledAt revokedSessions } }`;
const ME = `{ me { id } }`;
const LEADS = `{ myPermissions { permissions } }`; // needs a live session and membership, no permission
type Changed = { disableUser: { id: string; email: string; disabledAt: string | null; revokedSessions: number } };

beforeAll(async () => {
  server = await startTestServer();
  two = await startTestServer({ REDIS_PREFIX: server.platform.config.redis.prefix });
  [a, b] = await Promise.all([createTestTenant(server, { direct: true }), createTestTenant(server, { direct: true })]);
  const email = `ops-${randomUUID().slice(0, 8)}@platform.test`;
  const { user } = await server.platform.db.tx((q) => ensureUser(q, { email, name: 'Ops', password: TEST_PASSWORD, isPlatformAdmin: true }));
  admin = { id: user.id, token: (await login(server, email)).accessToken };
});
afterAll(async () => Promise.all([server?.close(), two?.close()]));

test('disabling revokes every session at once, here and in the other process; login fails; enabling lets them log in anew', async () => {
  const email = `target-${randomUUID().slice(0, 8)}@example.test`;
  const id = await addMember(server, a.tenant, email);
  await addMember(server, b.tenant, email);
  const [inA, inB] = [await login(server, email, a.tenant.slug), await login(server, email, b.tenant.slug)];
  const bystander = await login(server, a.adminEmail, a.tenant.slug);
  // Both processes remember the sessions as live (ADR 0010), and a websocket is open on the other one.
  for (const s of [server, two]) for (const t of [inA, inB]) expect((await s.gql(LEADS, {}, { token: t.accessToken })).errors).toBeUndefined();
  const socket = wsTestClient(two.url, inA.accessToken);
  await socket.connected;

  const requestId = `test-${randomUUID()}`;
  const res = await server.gql<Changed>(DISABLE, { id, r: 'left the company' }, { token: admin.token, headers: { 'x-request-id': requestId } });
  expect(res.errors).toBeUndefined();
  expect(res.data!.disableUser).toMatchObject({ id, email, revokedSessions: 2 });
  expect(res.data!.disableUser.disabledAt).not.toBeNull();

  for (const t of [inA, inB]) expect(errorCode(await server.gql(ME, {}, { token: t.accessToken }))).toBe('UNAUTHENTICATED');
  const sent = Date.now();
  await until(async () => errorCode(await two.gql(ME, {}, { token: inB.accessToken })) === 'UNAUTHENTICATED', 2000, 'the other process refuses');
  expect(Date.now() - sent).toBeLessThan(two.platform.config.auth.cacheTtlMs);
  expect(errorCode(await two.gql(LEADS, {}, { token: inA.accessToken }))).toBe('UNAUTHENTICATED');
  expect((await within(socket.closed, 5000)).code).toBe(4401);
  await socket.dispose();
  expect(errorCode(await server.gql(`mutation($t: String!) { refresh(refreshToken: $t) { accessToken } }`, { t: inA.refreshToken }))).toBe('UNAUTHENTICATED');
  await expect(login(server, email)).rejects.toThrow('INVALID_CREDENTIALS');
  // Someone else's session in the same tenant is untouched.
  expect((await server.gql(LEADS, {}, { token: bystander.accessToken })).errors).toBeUndefined();

  const rows = await server.platform.db.rows<{ action: string; subject_user_id: string; tenant_ids: string[]; reason: string; actor_id: string }>(
    `select action, subject_user_id, tenant_ids::text[] as tenant_ids, reason, actor_id from control.platform_audit where request_id = $1`,
    [requestId],
  );
  expect(rows).toEqual([{ action: 'platform.users.disable', subject_user_id: id, tenant_ids: [a.tenant.id, b.tenant.id], reason: 'left the company', actor_id: admin.id }]);
  const log = await server.gql<{ platformAuditLog: { edges: Array<{ node: { action: string; subjectUserId: string | null } }> } }>(
    `query($t: ID) { platformAuditLog(first: 1, tenantId: $t) { edges { node { action subjectUserId } } } }`, { t: b.tenant.id }, { token: admin.token });
  expect(log.data!.platformAuditLog.edges[0]!.node).toEqual({ action: 'platform.users.disable', subjectUserId: id });

  const enabled = await server.gql<{ enableUser: { disabledAt: string | null; revokedSessions: number } }>(ENABLE, { id }, { token: admin.token });
  expect(enabled.data!.enableUser).toEqual({ id, disabledAt: null, revokedSessions: 0 });
  // Old sessions stay revoked; a new login works.
  expect(errorCode(await server.gql(ME, {}, { token: inA.accessToken }))).toBe('UNAUTHENTICATED');
  const again = await login(server, email, a.tenant.slug);
  expect((await server.gql(LEADS, {}, { token: again.accessToken })).errors).toBeUndefined();
});

test('refusals: not yourself, a blank reason, an unknown user; none of them writes anything', async () => {
  const count = async () => (await server.platform.db.one<{ n: number }>(`select count(*)::int as n from control.platform_audit where subject_user_id is not null`))!.n;
  const before = await count();
  const self = await server.gql(DISABLE, { id: admin.id, r: 'oops' }, { token: admin.token });
  expect(errorCode(self)).toBe('BAD_USER_INPUT');
  const email = `blank-${randomUUID().slice(0, 8)}@example.test`;
  const id = await addMember(server, a.tenant, email);
  expect(errorCode(await server.gql(DISABLE, { id, r: '   ' }, { token: admin.token }))).toBe('BAD_USER_INPUT');
  expect(errorCode(await server.gql(DISABLE, { id: randomUUID(), r: 'x' }, { token: admin.token }))).toBe('NOT_FOUND');
  expect(errorCode(await server.gql(DISABLE, { id: 'junk', r: 'x' }, { token: admin.token }))).toBe('NOT_FOUND');
  expect(await count()).toBe(before);
  expect((await login(server, email)).accessToken).toBeTruthy();
  expect((await server.gql(ME, {}, { token: admin.token })).errors).toBeUndefined();
});
