import pg from 'pg';
import { addMember, createTestTenant, login, startTestServer, type TestServer, type TestTenant } from '../../test/helpers';
import { until } from '../../test/ws-client';

/**
 * The context factory checks the session and the membership of the tenant the request names in one control-plane
 * statement. A live answer is remembered for AUTH_CACHE_TTL_MS (ADR 0010): a logout, or a deactivation or removal
 * through the app, counts from the next request all the same (the change drops it); a change made behind the app's
 * back (SQL) counts once the memory ends, at once with AUTH_CACHE_TTL_MS=0.
 */
let server: TestServer;
let strict: TestServer;
let brief: TestServer;
let a: TestTenant;
let b: TestTenant;
const sent: string[] = [];
const original = pg.Client.prototype.query;
const LEADS = `{ leads(first: 1) { edges { node { id } } } }`;
const code = (res: { errors?: Array<{ extensions?: { code?: unknown } }> }) => res.errors?.[0]?.extensions?.code;

beforeAll(async () => {
  [server, strict, brief] = await Promise.all([startTestServer(), startTestServer({ AUTH_CACHE_TTL_MS: '0' }), startTestServer({ AUTH_CACHE_TTL_MS: '400' })]);
  [a, b] = [await createTestTenant(server, { direct: true }), await createTestTenant(server, { direct: true })];
  pg.Client.prototype.query = function watched(this: pg.Client, ...args: unknown[]) {
    const first = args[0] as string | { text?: string };
    sent.push(typeof first === 'string' ? first : (first?.text ?? ''));
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof original;
});
afterAll(async () => {
  pg.Client.prototype.query = original;
  await Promise.all([server?.close(), strict?.close(), brief?.close()]);
});

test('a tenant request costs one control-plane statement (session and membership together), a repeated one none while remembered', async () => {
  const { accessToken } = await login(server, a.adminEmail, a.tenant.slug);
  const control = () => sent.filter((s) => /\bcontrol\./.test(s)).length;
  sent.length = 0;
  expect((await server.gql(LEADS, {}, { token: accessToken })).errors).toBeUndefined();
  expect(control()).toBe(1);
  sent.length = 0;
  expect((await server.gql(LEADS, {}, { token: accessToken })).errors).toBeUndefined();
  expect(control()).toBe(0);
  // With the memory off, every request asks.
  expect((await strict.gql(LEADS, {}, { token: accessToken })).errors).toBeUndefined(); // its registry learns the tenant
  sent.length = 0;
  expect((await strict.gql(LEADS, {}, { token: accessToken })).errors).toBeUndefined();
  expect((await strict.gql(LEADS, {}, { token: accessToken })).errors).toBeUndefined();
  expect(control()).toBe(2);
});

test('a member deactivated or removed behind the app’s back: refused from the next request with the memory off, once it ends otherwise', async () => {
  const MINE = `{ myPermissions { permissions } }`;
  const email = `m-${Date.now()}@ctx.test`;
  const userId = await addMember(server, a.tenant, email);
  const { accessToken } = await login(server, email, a.tenant.slug);
  const membership = (status: string) =>
    server.platform.db.rows(`update control.memberships set status = $3 where tenant_id = $1 and user_id = $2`, [a.tenant.id, userId, status]);
  for (const s of [strict, brief]) expect((await s.gql(MINE, {}, { token: accessToken })).errors).toBeUndefined();
  await membership('deactivated');
  const refused = await strict.gql(MINE, {}, { token: accessToken });
  expect([code(refused), refused.errors?.[0]?.message]).toEqual(['FORBIDDEN', 'You are not a member of this tenant']);
  // `brief` remembers the member for 400 ms at most: refused by then, whatever was remembered.
  const changed = Date.now();
  await until(async () => code(await brief.gql(MINE, {}, { token: accessToken })) === 'FORBIDDEN', 2000, 'brief refuses');
  expect(Date.now() - changed).toBeLessThan(1000);
  await membership('active');
  expect((await strict.gql(MINE, {}, { token: accessToken })).errors).toBeUndefined();
  expect((await brief.gql(MINE, {}, { token: accessToken })).errors).toBeUndefined(); // refusals are not remembered
  await server.platform.db.rows(`delete from control.memberships where tenant_id = $1 and user_id = $2`, [a.tenant.id, userId]);
  expect(code(await strict.gql(MINE, {}, { token: accessToken }))).toBe('FORBIDDEN');
});

test("a token's tenant claim counts only behind a live session", async () => {
  const { accessToken } = await login(server, a.adminEmail, a.tenant.slug);
  expect((await server.gql(LEADS, {}, { token: accessToken })).errors).toBeUndefined(); // remembered as live
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
