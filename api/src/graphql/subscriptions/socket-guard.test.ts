import { randomBytes } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { addMember, createTestTenant, hasRedis, login, startTestServer, uniqueSlug, type TestServer, type TestTenant } from '../../../test/helpers';
import { sleep, within, wsTestClient, type WsTestClient } from '../../../test/ws-client';
import { grantRole } from '../../../test/permission-fixtures';

const SUB = `subscription { leadChanged { kind } }`;
const PREFIX = `lpt:${randomBytes(4).toString('hex')}:`;
let server: TestServer;
let a: TestTenant;
const clients: WsTestClient[] = [];
const ws = (token?: string, s: TestServer = server) => {
  const c = wsTestClient(s.url, token);
  clients.push(c);
  return c;
};

beforeAll(async () => {
  server = await startTestServer({ REDIS_PREFIX: PREFIX });
  a = await createTestTenant(server, { direct: true });
});
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.dispose()));
});
afterAll(async () => server?.close());

const logout = (token: string, s = server) => s.gql(`mutation { logout }`, {}, { token });

/** A connected socket with a live subscription (the server has run its subscribe step). */
async function subscribed(token: string, s = server) {
  const c = ws(token, s);
  await c.connected;
  const feed = c.subscribe<{ leadChanged: { kind: string } }>(SUB);
  await feed.prime(
    async () => {
      await s.gql(`mutation { createLead(input: { name: "p" }) { id } }`, {}, { token });
      return '';
    },
    (item) => item.data?.leadChanged.kind === 'created',
  );
  return c;
}

test('a presented token that is invalid is refused at connection_init (4401)', async () => {
  const garbage = ws('not-a-jwt');
  await expect(garbage.connected).rejects.toThrow();
  expect(await within(garbage.closed)).toMatchObject({ code: 4401 });

  const cfg = server.platform.config.jwt;
  const forged = jwt.sign({ sid: a.adminId }, 'some-other-secret-0123456789-0123456789', { algorithm: 'HS256', subject: a.adminId, issuer: cfg.issuer, audience: cfg.audience, expiresIn: 60 });
  expect(await within(ws(forged).closed)).toMatchObject({ code: 4401 });
});

test('without a token the socket connects, but subscribing fails with the typed error', async () => {
  const anon = ws();
  await anon.connected;
  const feed = anon.subscribe(SUB);
  expect((await feed.next()).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
});

test('logout closes the session sockets (4401), not the other sessions of the same user', async () => {
  const first = (await login(server, a.adminEmail)).accessToken;
  const second = (await login(server, a.adminEmail)).accessToken;
  const doomed = await subscribed(first);
  const kept = await subscribed(second);
  expect((await logout(first)).errors).toBeUndefined();
  expect(await within(doomed.closed)).toMatchObject({ code: 4401, reason: 'Session revoked' });
  expect(await Promise.race([kept.closed, sleep(300).then(() => 'open')])).toBe('open');
});

test('logout on another API process closes the socket too (Redis fan-out)', async () => {
  if (!hasRedis) return;
  const other = await startTestServer({ REDIS_PREFIX: PREFIX });
  try {
    const token = (await login(server, a.adminEmail)).accessToken;
    const c = await subscribed(token);
    await logout(token, other);
    expect(await within(c.closed)).toMatchObject({ code: 4401, reason: 'Session revoked' });
  } finally {
    await other.close();
  }
});

test('the socket closes when its access token expires (4401)', async () => {
  const real = (await login(server, a.adminEmail)).accessToken;
  const { sid } = jwt.decode(real) as { sid: string };
  const cfg = server.platform.config.jwt;
  const short = jwt.sign({ sid, tid: a.tenant.id }, cfg.secret, { algorithm: 'HS256', subject: a.adminId, issuer: cfg.issuer, audience: cfg.audience, expiresIn: 2 });
  const opened = Date.now();
  const c = await subscribed(short);
  expect(await within(c.closed, 10_000)).toMatchObject({ code: 4401, reason: 'Access token expired' });
  expect(Date.now() - opened).toBeGreaterThan(1000);
});

test('suspending a tenant closes its sockets (4403), and only its sockets', async () => {
  const c = await createTestTenant(server, { direct: true });
  const email = `m-${uniqueSlug()}@example.test`;
  await grantRole(server, c.tenant, await addMember(server, c.tenant, email), 'agent');
  await grantRole(server, a.tenant, await addMember(server, a.tenant, email), 'agent');
  const inC = await subscribed((await login(server, email, c.tenant.slug)).accessToken);
  const inA = await subscribed((await login(server, email, a.tenant.slug)).accessToken);
  await server.services.tenants.setStatus(c.tenant.id, 'suspended');
  expect(await within(inC.closed)).toMatchObject({ code: 4403 });
  expect((await within(inC.closed)).reason).toMatch(/suspended/);
  expect(await Promise.race([inA.closed, sleep(300).then(() => 'open')])).toBe('open');
});
