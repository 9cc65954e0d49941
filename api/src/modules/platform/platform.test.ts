import { randomUUID } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { errorCode, inTenant } from '../../../test/admin-fixtures';
import { addMember, createTestTenant, login, startTestServer, TEST_PASSWORD, uniqueSlug, type TestServer, type TestTenant } from '../../../test/helpers';
import { ensureUser } from '../users/user.service';

/** Cross-tenant views for platform admins: exact numbers, one audit row per view, and no other door. */

let server: TestServer;
let admin: { id: string; email: string; token: string };
let a: TestTenant;
let b: TestTenant;
let c: TestTenant;
let d: TestTenant;
let provisioning: { id: string };

const TENANT_FIELDS = `id slug name status schemaVersion memberCount leadCount lastActivityAt dataRead createdAt`;
const ONE = `query($id: ID!) { platformTenant(id: $id) { ${TENANT_FIELDS} } }`;
const PAGE = `query($first: Int, $after: String, $status: TenantStatus) {
  platformTenants(first: $first, after: $after, status: $status) { edges { cursor node { ${TENANT_FIELDS} } } pageInfo { hasNextPage endCursor } } }`;

interface View { id: string; status: string; memberCount: number; leadCount: number | null; lastActivityAt: string | null; dataRead: string; createdAt: string }
interface Page { platformTenants: { edges: Array<{ cursor: string; node: View }>; pageInfo: { hasNextPage: boolean; endCursor: string | null } } }

/** Runs as `token` under a fresh request id, so the audit rows of exactly this request can be found. */
async function asRequest<T>(token: string | undefined, query: string, variables: Record<string, unknown> = {}) {
  const requestId = `test-${randomUUID()}`;
  const res = await server.gql<T>(query, variables, { token, headers: { 'x-request-id': requestId, 'user-agent': 'platform-test/1.0' } });
  return { res, requestId };
}

const auditRows = (requestId: string) =>
  server.platform.db.rows<{ actor_id: string; action: string; tenant_ids: string[]; client_ip: string; user_agent: string }>(
    `select actor_id, action, tenant_ids::text[] as tenant_ids, client_ip, user_agent from control.platform_audit where request_id = $1`,
    [requestId],
  );

const seedLeads = (t: TestTenant, n: number) =>
  inTenant(server, t, `insert into leads (name, status_id) select 'L' || g, (select id from lead_statuses where is_default) from generate_series(1, $1) g`, [n]);

beforeAll(async () => {
  server = await startTestServer();
  [a, b, c, d] = (await Promise.all([0, 1, 2, 3].map(() => createTestTenant(server, { direct: true })))) as [TestTenant, TestTenant, TestTenant, TestTenant];
  const email = `ops-${randomUUID().slice(0, 8)}@platform.test`;
  const { user } = await server.platform.db.tx((q) => ensureUser(q, { email, name: 'Ops', password: TEST_PASSWORD, isPlatformAdmin: true }));
  admin = { id: user.id, email, token: (await login(server, email)).accessToken };

  // a: 3 live leads, 1 deleted, an activity in 2031; 3 members.
  await seedLeads(a, 4);
  await inTenant(server, a, `update leads set deleted_at = now() where id = (select min(id::text)::uuid from leads)`);
  await inTenant(server, a, `insert into lead_activities (lead_id, kind, created_at) select id, 'note', '2031-03-04T05:06:07.123Z' from leads limit 1`);
  await addMember(server, a.tenant, `m1@${a.tenant.slug}.test`);
  await addMember(server, a.tenant, `m2@${a.tenant.slug}.test`);
  // b: 5 leads, last touched in 2030, no activity. c: nothing. d: 2 leads, then suspended.
  await seedLeads(b, 5);
  await inTenant(server, b, `update leads set updated_at = '2030-01-02T03:04:05.000Z'`);
  await seedLeads(d, 2);
  await server.services.tenants.setStatus(d.tenant.id, 'suspended');
  provisioning = await server.platform.provisioner.createRecord({ slug: uniqueSlug('prov'), name: 'Still provisioning' });
});
afterAll(async () => server?.close());

const expected = () => ({
  [a.tenant.id]: { status: 'active', memberCount: 3, leadCount: 3, lastActivityAt: '2031-03-04T05:06:07.123Z', dataRead: 'READ' },
  [b.tenant.id]: { status: 'active', memberCount: 1, leadCount: 5, lastActivityAt: '2030-01-02T03:04:05.000Z', dataRead: 'READ' },
  [c.tenant.id]: { status: 'active', memberCount: 1, leadCount: 0, lastActivityAt: null, dataRead: 'READ' },
  [d.tenant.id]: { status: 'suspended', memberCount: 1, leadCount: 2, dataRead: 'READ' },
  [provisioning.id]: { status: 'provisioning', memberCount: 0, leadCount: null, lastActivityAt: null, dataRead: 'NO_DATA' },
});

test('platformTenant: exact numbers per tenant (suspended ones too), and one audit row per view naming the tenant', async () => {
  for (const [id, want] of Object.entries(expected())) {
    const { res, requestId } = await asRequest<{ platformTenant: View }>(admin.token, ONE, { id });
    expect(res.errors).toBeUndefined();
    expect(res.data!.platformTenant).toMatchObject({ id, ...want });
    expect(await auditRows(requestId)).toEqual([
      { actor_id: admin.id, action: 'platform.tenants.read', tenant_ids: [id], client_ip: expect.any(String), user_agent: 'platform-test/1.0' },
    ]);
  }
  // d's last activity is its leads' insertion, moments ago.
  const { res } = await asRequest<{ platformTenant: View }>(admin.token, ONE, { id: d.tenant.id });
  expect(Date.now() - Date.parse(res.data!.platformTenant.lastActivityAt!)).toBeLessThan(60_000);
});

test('platformTenants: every page is audited with exactly its tenants; pages are keyset-stable, newest first', async () => {
  const seen: View[] = [];
  const cursors: Array<string | null> = [null];
  for (let i = 0; i < 50; i++) {
    const { res, requestId } = await asRequest<Page>(admin.token, PAGE, { first: 3, after: cursors.at(-1) });
    expect(res.errors).toBeUndefined();
    const { edges, pageInfo } = res.data!.platformTenants;
    expect((await auditRows(requestId)).map((r) => r.tenant_ids)).toEqual([edges.map((e) => e.node.id)]);
    seen.push(...edges.map((e) => e.node));
    cursors.push(pageInfo.endCursor);
    if (!pageInfo.hasNextPage || (i > 0 && Object.keys(expected()).every((id) => seen.some((v) => v.id === id)))) break;
  }
  expect(new Set(seen.map((v) => v.id)).size).toBe(seen.length);
  const keys = seen.map((v) => v.createdAt);
  expect([...keys].sort().reverse()).toEqual(keys);
  for (const [id, want] of Object.entries(expected())) expect(seen.find((v) => v.id === id)).toMatchObject(want);
});

test('platformTenants(status:) filters; a page of 50 reads quickly with bounded concurrency', async () => {
  const started = Date.now();
  const { res } = await asRequest<Page>(admin.token, PAGE, { first: 50, status: 'suspended' });
  const nodes = res.data!.platformTenants.edges.map((e) => e.node);
  expect(nodes.every((n) => n.status === 'suspended')).toBe(true);
  expect(nodes.find((n) => n.id === d.tenant.id)).toMatchObject(expected()[d.tenant.id]!);
  const all = await asRequest<Page>(admin.token, PAGE, { first: 50 });
  expect(all.res.errors).toBeUndefined();
  expect(Date.now() - started).toBeLessThan(10_000);
});

test('bad paging arguments are BAD_USER_INPUT and record nothing', async () => {
  for (const variables of [{ first: 51 }, { first: 0 }, { after: 'not-a-cursor' }, { after: Buffer.from('{"k":"audit","v":["1"]}').toString('base64url') }]) {
    const { res, requestId } = await asRequest(admin.token, PAGE, variables);
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(await auditRows(requestId)).toEqual([]);
  }
  const missing = await asRequest(admin.token, ONE, { id: randomUUID() });
  expect(errorCode(missing.res)).toBe('NOT_FOUND');
});

test('non-admins get FORBIDDEN, anonymous callers UNAUTHENTICATED, and neither leaves an audit row', async () => {
  const member = (await login(server, a.adminEmail)).accessToken;
  const ops = [
    [PAGE, {}],
    [ONE, { id: a.tenant.id }],
    [`{ platformAuditLog { edges { node { id } } } }`, {}],
    [`mutation($id: ID!) { suspendTenant(id: $id, reason: "x") { status } }`, { id: a.tenant.id }],
    [`mutation($id: ID!) { reactivateTenant(id: $id) { status } }`, { id: d.tenant.id }],
    [`mutation($id: ID!) { disableUser(id: $id, reason: "x") { id } }`, { id: admin.id }],
    [`mutation($id: ID!) { enableUser(id: $id) { id } }`, { id: admin.id }],
  ] as const;
  for (const [query, variables] of ops) {
    for (const [token, code] of [[member, 'FORBIDDEN'], [undefined, 'UNAUTHENTICATED']] as const) {
      const { res, requestId } = await asRequest(token, query, variables);
      expect(errorCode(res)).toBe(code);
      expect(await auditRows(requestId)).toEqual([]);
    }
  }
  expect((await server.platform.registry.byId(a.tenant.id))!.status).toBe('active');
});

test('platformAuditLog: newest first, filtered by tenant, paged', async () => {
  const { requestId } = await asRequest(admin.token, ONE, { id: c.tenant.id });
  const q = `query($tenantId: ID, $after: String) { platformAuditLog(first: 1, tenantId: $tenantId, after: $after) {
    edges { cursor node { id action tenantIds actorId actorEmail requestId userAgent } } pageInfo { hasNextPage endCursor } } }`;
  type Log = { platformAuditLog: { edges: Array<{ node: { id: string; requestId: string; tenantIds: string[] } }>; pageInfo: { hasNextPage: boolean; endCursor: string } } };
  const first = await server.gql<Log>(q, { tenantId: c.tenant.id }, { token: admin.token });
  expect(first.data!.platformAuditLog.edges[0]!.node).toMatchObject({
    requestId, action: 'platform.tenants.read', tenantIds: [c.tenant.id], actorId: admin.id, actorEmail: admin.email, userAgent: 'platform-test/1.0',
  });
  expect(first.data!.platformAuditLog.pageInfo.hasNextPage).toBe(true);
  const next = await server.gql<Log>(q, { tenantId: c.tenant.id, after: first.data!.platformAuditLog.pageInfo.endCursor }, { token: admin.token });
  const older = next.data!.platformAuditLog.edges[0]!.node;
  expect(BigInt(older.id)).toBeLessThan(BigInt(first.data!.platformAuditLog.edges[0]!.node.id));
  expect(older.tenantIds).toContain(c.tenant.id);
});

test('the audit trail is append-only', async () => {
  const oldest = `(select min(id) from control.platform_audit)`;
  await expect(server.platform.db.rows(`update control.platform_audit set actor_id = null where id = ${oldest}`)).rejects.toMatchObject({ code: '42501' });
  await expect(server.platform.db.rows(`delete from control.platform_audit where id = ${oldest}`)).rejects.toMatchObject({ code: '42501' });
});

test("a platform admin who is not a member cannot read a tenant's leads through `leads`: platform views are the only door", async () => {
  const LEADS = `{ leads(first: 5) { edges { node { id } } } }`;
  expect(errorCode(await server.gql(LEADS, {}, { token: admin.token }))).toBe('TENANT_REQUIRED');
  const byLogin = await server.gql(`mutation($t: String) { login(email: "${admin.email}", password: "${TEST_PASSWORD}", tenant: $t) { accessToken } }`, { t: a.tenant.slug });
  expect(errorCode(byLogin)).toBe('NOT_A_MEMBER');
  expect(errorCode(await server.gql(`mutation { switchTenant(slug: "${a.tenant.slug}") { accessToken } }`, {}, { token: admin.token }))).toBe('NOT_A_MEMBER');
  // Even a genuine token of the admin's live session that claims the tenant is refused: membership is checked per request.
  const { sid } = jwt.decode(admin.token) as { sid: string };
  const cfg = server.platform.config.jwt;
  const claiming = jwt.sign({ sid, tid: a.tenant.id }, cfg.secret, { algorithm: 'HS256', subject: admin.id, issuer: cfg.issuer, audience: cfg.audience, expiresIn: 60 });
  expect(errorCode(await server.gql(LEADS, {}, { token: claiming }))).toBe('FORBIDDEN');
  expect(errorCode(await server.gql(`mutation { createLead(input: { name: "x" }) { id } }`, {}, { token: claiming }))).toBe('FORBIDDEN');
  expect(await inTenant(server, a, `select 1 from leads where name = 'x'`)).toEqual([]);
});
