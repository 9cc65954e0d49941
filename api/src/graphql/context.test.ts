import pg from 'pg';
import { addMember, createTestTenant, login, startTestServer, type TestServer, type TestTenant } from '../../test/helpers';

/**
 * The context factory checks the session and the membership of the tenant the request names in one control-plane
 * statement, on every request (nothing cached): a logout, a deactivation or a removal counts from the next request.
 */
let server: TestServer;
let a: TestTenant;
let b: TestTenant;
const sent: string[] = [];
const original = pg.Client.prototype.query;
const LEADS = `{ leads(first: 1) { edges { node { id } } } }`;
const code = (res: { errors?: Array<{ extensions?: { code?: unknown } }> }) => res.errors?.[0]?.extensions?.code;

beforeAll(async () => {
  server = await startTestServer();
  [a, b] = [await createTestTenant(server, { direct: true }), await createTestTenant(server, { direct: true })];
  pg.Client.prototype.query = function watched(this: pg.Client, ...args: unknown[]) {
    const first = args[0] as string | { text?: string };
    sent.push(typeof first === 'string' ? first : (first?.text ?? ''));
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof original;
});
afterAll(async () => {
  pg.Client.prototype.query = original;
  await server?.close();
});

test('a tenant request costs one control-plane statement: session and membership together', async () => {
  const { accessToken } = await login(server, a.adminEmail, a.tenant.slug);
  expect((await server.gql(LEADS, {}, { token: accessToken })).errors).toBeUndefined();
  sent.length = 0;
  expect((await server.gql(LEADS, {}, { token: accessToken })).errors).toBeUndefined();
  expect(sent.filter((s) => /\bcontrol\./.test(s))).toHaveLength(1);
});

test('a member deactivated or removed is refused from the next request on', async () => {
  const MINE = `{ myPermissions { permissions } }`;
  const email = `m-${Date.now()}@ctx.test`;
  const userId = await addMember(server, a.tenant, email);
  const { accessToken } = await login(server, email, a.tenant.slug);
  const membership = (status: string) =>
    server.platform.db.rows(`update control.memberships set status = $3 where tenant_id = $1 and user_id = $2`, [a.tenant.id, userId, status]);
  expect((await server.gql(MINE, {}, { token: accessToken })).errors).toBeUndefined();
  await membership('deactivated');
  const refused = await server.gql(MINE, {}, { token: accessToken });
  expect([code(refused), refused.errors?.[0]?.message]).toEqual(['FORBIDDEN', 'You are not a member of this tenant']);
  await membership('active');
  expect((await server.gql(MINE, {}, { token: accessToken })).errors).toBeUndefined();
  await server.platform.db.rows(`delete from control.memberships where tenant_id = $1 and user_id = $2`, [a.tenant.id, userId]);
  expect(code(await server.gql(MINE, {}, { token: accessToken }))).toBe('FORBIDDEN');
});

test("a token's tenant claim counts only behind a live session", async () => {
  const { accessToken } = await login(server, a.adminEmail, a.tenant.slug);
  expect((await server.gql(`mutation { logout }`, {}, { token: accessToken })).errors).toBeUndefined();
  const res = await server.gql(LEADS, {}, { token: accessToken });
  expect(code(res)).toBe('UNAUTHENTICATED');
  expect(res.data?.leads ?? null).toBeNull();
});

test('a member of one tenant is refused in another, whichever tenant the token names', async () => {
  const { accessToken } = await login(server, b.adminEmail, b.tenant.slug);
  expect((await server.gql(LEADS, {}, { token: accessToken })).errors).toBeUndefined();
  const other = await server.gql(`{ leads(first: 1) { edges { node { id } } } }`, {}, { token: accessToken, headers: { 'x-tenant': a.tenant.slug } });
  // Either the header is not a strategy here (the token's tenant is used) or it names another tenant: never a's data.
  expect(JSON.stringify(other.data ?? null)).not.toContain(a.tenant.id);
});
