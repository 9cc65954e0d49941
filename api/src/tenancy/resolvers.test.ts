import { randomBytes } from 'node:crypto';
import jwt from 'jsonwebtoken';
import {
  addMember,
  createTestTenant,
  hasRedis,
  login,
  startTestServer,
  TEST_PASSWORD,
  uniqueSlug,
  type GqlResponse,
  type TestServer,
  type TestTenant,
} from '../../test/helpers';
import { hashApiKey } from './resolvers';
import type { TenantRecord } from './tenant';

/**
 * Tenant resolution through real HTTP requests: which tenant a request names (token claim, host, API key),
 * what happens when strategies disagree, and the status gates (suspended, not ready, unknown), including
 * cache invalidation in this process and, with Redis, in every other one.
 */

const CURRENT = `query { currentTenant { slug } }`;
const LOGIN = `mutation($email: String!, $password: String!, $tenant: String) {
  login(email: $email, password: $password, tenant: $tenant) { accessToken refreshToken tenant { slug } }
}`;
const REFRESH = `mutation($t: String!) { refresh(refreshToken: $t) { accessToken tenant { slug } } }`;
const SWITCH = `mutation($slug: String!) { switchTenant(slug: $slug) { tenant { slug } } }`;
const BASE = 'leadplane.test';

type Current = { currentTenant: { slug: string } | null };
type Opts = { token?: string; headers?: Record<string, string> };

const code = (res: GqlResponse<unknown>) => res.errors?.[0]?.extensions?.code;


const onHost = (host: string, token?: string): Opts => ({ token, headers: { host } });
const current = async (server: TestServer, o: Opts = {}) => {
  const res = await server.gql<Current>(CURRENT, {}, o);
  expect(res.errors).toBeUndefined();
  return res.data!.currentTenant?.slug ?? null;
};
const loginVia = (server: TestServer, email: string, o: Opts = {}, tenant?: string) =>
  server.gql<{ login: { accessToken: string; refreshToken: string; tenant: { slug: string } | null } }>(LOGIN, { email, password: TEST_PASSWORD, tenant }, o);

/** Polls briefly: an invalidation sent over Redis pub/sub reaches another process asynchronously. */
async function eventually(fn: () => Promise<unknown>, expected: unknown, ms = 2000) {
  const until = Date.now() + ms;
  let last: unknown;
  while (Date.now() < until) {
    last = await fn();
    if (JSON.stringify(last) === JSON.stringify(expected)) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  expect(last).toEqual(expected);
}

const startServer = (overrides: Record<string, string> = {}) => startTestServer(overrides);

let server: TestServer;
let a: TestTenant;
let b: TestTenant;
let multiEmail: string;

beforeAll(async () => {
  // A long cache TTL: anything that changes within a test changed because the cache was invalidated.
  server = await startServer({ TENANT_CACHE_TTL_MS: '600000' });
  [a, b] = await Promise.all([createTestTenant(server), createTestTenant(server, { direct: true })]);
  multiEmail = `multi-${uniqueSlug('u')}@example.test`;
  await addMember(server, a.tenant, multiEmail);
  await addMember(server, b.tenant, multiEmail);
});
afterAll(async () => {
  await server?.close();
});

describe('jwt strategy (default)', () => {
  test("the token's tenant claim selects the tenant", async () => {
    const ta = await login(server, a.adminEmail);
    const tb = await login(server, b.adminEmail);
    expect(await current(server, { token: ta.accessToken })).toBe(a.tenant.slug);
    expect(await current(server, { token: tb.accessToken })).toBe(b.tenant.slug);
    const multi = await login(server, multiEmail, b.tenant.slug);
    expect(await current(server, { token: multi.accessToken })).toBe(b.tenant.slug);
  });

  test('the claim is not enough: a deactivated membership loses the tenant at once', async () => {
    const email = `member-${uniqueSlug('u')}@example.test`;
    const id = await addMember(server, a.tenant, email);
    const t = await login(server, email);
    expect(await current(server, { token: t.accessToken })).toBe(a.tenant.slug);
    // The row, then the invalidation every membership change of the app makes after its commit (ADR 0010).
    const setMembership = async (status: string) => {
      await server.platform.db.rows('update control.memberships set status = $3 where tenant_id = $1 and user_id = $2', [a.tenant.id, id, status]);
      await server.services.permissions.invalidateTenant(a.tenant.id, [id]);
    };
    await setMembership('deactivated');
    expect(await current(server, { token: t.accessToken })).toBeNull();
    await setMembership('active');
    expect(await current(server, { token: t.accessToken })).toBe(a.tenant.slug);
  });

  test('no token, or a token without a tenant, names no tenant; the host is ignored', async () => {
    expect(await current(server)).toBeNull();
    const unbound = await login(server, multiEmail);
    expect(unbound.tenant).toBeNull();
    expect(await current(server, { token: unbound.accessToken })).toBeNull();
    expect(await current(server, onHost(`${a.tenant.slug}.${BASE}`, unbound.accessToken))).toBeNull();
  });
});

describe('host strategy', () => {
  let hs: TestServer;
  beforeAll(async () => {
    hs = await startServer({ TENANT_RESOLVERS: 'host', TENANT_BASE_DOMAIN: BASE });
  });
  afterAll(async () => {
    await hs?.close();
  });

  test('<slug>.<base domain> names the tenant; a non-member or anonymous caller gets none of it', async () => {
    const member = await login(hs, a.adminEmail);
    expect(await current(hs, onHost(`${a.tenant.slug}.${BASE}`, member.accessToken))).toBe(a.tenant.slug);
    expect(await current(hs, onHost(`${a.tenant.slug.toUpperCase()}.${BASE.toUpperCase()}:8080`, member.accessToken))).toBe(a.tenant.slug);
    expect(await current(hs, onHost(`${a.tenant.slug}.${BASE}`))).toBeNull();
    const outsider = await login(hs, b.adminEmail);
    expect(await current(hs, onHost(`${a.tenant.slug}.${BASE}`, outsider.accessToken))).toBeNull();
  });

  test('login on a tenant host binds to it without a tenant argument', async () => {
    // multiEmail belongs to both tenants: without the host it would get no tenant at all.
    const res = await loginVia(hs, multiEmail, onHost(`${b.tenant.slug}.${BASE}`));
    expect(res.errors).toBeUndefined();
    expect(res.data!.login.tenant?.slug).toBe(b.tenant.slug);
    const tid = (jwt.decode(res.data!.login.accessToken) as jwt.JwtPayload).tid;
    expect(tid).toBe(b.tenant.id);
  });

  test('the bare base domain, www, nested subdomains and other domains name nothing', async () => {
    for (const host of [BASE, `www.${BASE}`, `x.${a.tenant.slug}.${BASE}`, `${a.tenant.slug}.${BASE}.evil.example`, `${a.tenant.slug}-${BASE}`, `${a.tenant.slug}.evil${BASE}`, '127.0.0.1']) {
      const res = await loginVia(hs, multiEmail, onHost(host));
      expect({ host, errors: res.errors }).toEqual({ host, errors: undefined });
      expect({ host, tenant: res.data!.login.tenant }).toEqual({ host, tenant: null });
    }
    // A token bound to A does not help: this server does not read the claim.
    const bound = await login(hs, a.adminEmail);
    expect(bound.tenant?.slug).toBe(a.tenant.slug);
    expect(await current(hs, onHost(BASE, bound.accessToken))).toBeNull();
  });

  test('X-Forwarded-Host is believed only with TRUST_PROXY', async () => {
    const member = await login(hs, a.adminEmail);
    const forwarded = { ...onHost(BASE, member.accessToken) };
    forwarded.headers = { ...forwarded.headers, 'x-forwarded-host': `${a.tenant.slug}.${BASE}` };
    expect(await current(hs, forwarded)).toBeNull();
    const proxied = await startServer({ TENANT_RESOLVERS: 'host', TENANT_BASE_DOMAIN: BASE, TRUST_PROXY: 'true' });
    try {
      const t = await login(proxied, a.adminEmail);
      const viaProxy = { ...onHost(BASE, t.accessToken) };
      viaProxy.headers = { ...viaProxy.headers, 'x-forwarded-host': `${a.tenant.slug}.${BASE}` };
      expect(await current(proxied, viaProxy)).toBe(a.tenant.slug);
    } finally {
      await proxied.close();
    }
  });

  test('an unknown subdomain: currentTenant is null, non-tenant fields still work, login is TENANT_NOT_FOUND', async () => {
    const host = `${uniqueSlug('nope')}.${BASE}`;
    const t = await login(hs, a.adminEmail);
    const res = await hs.gql<{ currentTenant: unknown; me: { email: string; tenant: unknown } }>(
      `query { currentTenant { slug } me { email tenant { slug } } }`,
      {},
      onHost(host, t.accessToken),
    );
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({ currentTenant: null, me: { email: a.adminEmail, tenant: null } });
    const li = await loginVia(hs, a.adminEmail, onHost(host));
    expect(code(li)).toBe('TENANT_NOT_FOUND');
    expect(li.data).toBeNull();
  });
});

describe('api-key strategy', () => {
  let ks: TestServer;
  beforeAll(async () => {
    ks = await startServer({ TENANT_RESOLVERS: 'apikey' });
  });
  afterAll(async () => {
    await ks?.close();
  });

  async function insertKey(tenant: TenantRecord): Promise<{ id: string; key: string }> {
    const key = `lp_${randomBytes(24).toString('base64url')}`;
    expect(key).toHaveLength(35);
    const row = await ks.platform.db.one<{ id: string }>(
      `insert into control.api_keys (tenant_id, name, key_prefix, key_hash) values ($1, 'test', $2, $3) returning id`,
      [tenant.id, key.slice(0, 8), hashApiKey(key)],
    );
    return { id: row!.id, key };
  }
  const withKey = (key: string, token?: string): Opts => ({ token, headers: { 'x-api-key': key } });

  test('a key names its tenant and authenticates for it (but is not a user)', async () => {
    const ka = await insertKey(a.tenant);
    const kb = await insertKey(b.tenant);
    expect(await current(ks, withKey(ka.key))).toBe(a.tenant.slug);
    expect(await current(ks, withKey(kb.key))).toBe(b.tenant.slug);
    expect(await current(ks)).toBeNull();
    const me = await ks.gql(`query { me { id } }`, {}, withKey(ka.key));
    expect(code(me)).toBe('UNAUTHENTICATED');
    // A user token does not borrow a key's tenant the user is not a member of.
    const outsider = await login(ks, b.adminEmail);
    expect(await current(ks, withKey(ka.key, outsider.accessToken))).toBeNull();
  });

  test('unknown, malformed and revoked keys refuse the whole request', async () => {
    const revoked = await insertKey(a.tenant);
    expect(await current(ks, withKey(revoked.key))).toBe(a.tenant.slug);
    await ks.platform.db.rows(`update control.api_keys set revoked_at = now() where id = $1`, [revoked.id]);
    const cases = [`lp_${randomBytes(24).toString('base64url')}`, 'not-a-key', 'lp_short', `lp_${'a'.repeat(30)}!`, '', revoked.key];
    for (const key of cases) {
      const res = await ks.gql<Current>(CURRENT, {}, withKey(key));
      expect({ key, code: code(res), status: res.status }).toEqual({ key, code: 'UNAUTHENTICATED', status: 401 });
      expect(res.data?.currentTenant ?? null).toBeNull();
    }
  });
});

describe('chain jwt,host', () => {
  let cs: TestServer;
  beforeAll(async () => {
    cs = await startServer({ TENANT_RESOLVERS: 'jwt,host', TENANT_BASE_DOMAIN: BASE });
  });
  afterAll(async () => {
    await cs?.close();
  });

  test("a token for A on B's host (or an unknown host) is TENANT_MISMATCH; on A's host it works", async () => {
    const ta = await login(cs, a.adminEmail);
    const both = `query { me { id } currentTenant { slug } }`;
    for (const host of [`${b.tenant.slug}.${BASE}`, `${uniqueSlug('nope')}.${BASE}`]) {
      const res = await cs.gql<unknown>(both, {}, onHost(host, ta.accessToken));
      expect({ host, code: code(res) }).toEqual({ host, code: 'TENANT_MISMATCH' });
      expect(res.data ?? null).toBeNull();
    }
    expect(await current(cs, onHost(`${a.tenant.slug}.${BASE}`, ta.accessToken))).toBe(a.tenant.slug);
    expect(await current(cs, onHost(BASE, ta.accessToken))).toBe(a.tenant.slug);
  });

  test('a token without a tenant takes the host; login naming another tenant than the host is TENANT_MISMATCH', async () => {
    const unbound = await login(cs, multiEmail);
    expect(unbound.tenant).toBeNull();
    expect(await current(cs, onHost(`${b.tenant.slug}.${BASE}`, unbound.accessToken))).toBe(b.tenant.slug);
    // Login on A's host naming B: the user belongs to both, but the request and the argument disagree.
    const res = await loginVia(cs, multiEmail, onHost(`${a.tenant.slug}.${BASE}`), b.tenant.slug);
    expect(res.data).toBeNull();
    expect(code(res)).toBe('TENANT_MISMATCH');
    const same = await loginVia(cs, multiEmail, onHost(`${a.tenant.slug}.${BASE}`), a.tenant.slug);
    expect(same.data!.login.tenant?.slug).toBe(a.tenant.slug);
  });
});

describe('status gates', () => {
  test('suspension takes effect at once (cache invalidated) and reactivation restores access', async () => {
    const s = await createTestTenant(server, { direct: true });
    const t = await login(server, s.adminEmail);
    expect(t.tenant?.slug).toBe(s.tenant.slug);
    expect(await current(server, { token: t.accessToken })).toBe(s.tenant.slug); // warms the cache

    await server.platform.registry.setStatus(s.tenant.id, 'suspended');
    expect(await current(server, { token: t.accessToken })).toBeNull();
    expect(code(await loginVia(server, s.adminEmail, {}, s.tenant.slug))).toBe('TENANT_SUSPENDED');
    expect(code(await server.gql(SWITCH, { slug: s.tenant.slug }, { token: t.accessToken }))).toBe('TENANT_SUSPENDED');
    // Signing in still works, but binds to nothing; a refresh drops the suspended tenant from the session.
    const unbound = await loginVia(server, s.adminEmail);
    expect(unbound.errors).toBeUndefined();
    expect(unbound.data!.login.tenant).toBeNull();
    const r = await server.gql<{ refresh: { accessToken: string; tenant: unknown } }>(REFRESH, { t: t.refreshToken });
    expect(r.errors).toBeUndefined();
    expect(r.data!.refresh.tenant).toBeNull();
    expect((jwt.decode(r.data!.refresh.accessToken) as jwt.JwtPayload).tid).toBeUndefined();

    await server.platform.registry.setStatus(s.tenant.id, 'active');
    expect(await current(server, { token: t.accessToken })).toBe(s.tenant.slug);
    const again = await loginVia(server, s.adminEmail, {}, s.tenant.slug);
    expect(again.data!.login.tenant?.slug).toBe(s.tenant.slug);
  });

  test('a provisioning tenant is TENANT_NOT_READY; a deleted one TENANT_NOT_FOUND', async () => {
    const pending = await server.platform.provisioner.createRecord({ slug: uniqueSlug('prov'), name: 'Pending', adminUserId: a.adminId });
    expect(pending.status).toBe('provisioning');
    expect(code(await loginVia(server, a.adminEmail, {}, pending.slug))).toBe('TENANT_NOT_READY');
    // Even a validly signed token claiming it gets no tenant.
    const d = jwt.decode((await login(server, a.adminEmail)).accessToken) as jwt.JwtPayload;
    const cfg = server.platform.config.jwt;
    const claim = jwt.sign({ sid: d.sid, tid: pending.id }, cfg.secret, { algorithm: 'HS256', subject: d.sub, issuer: cfg.issuer, audience: cfg.audience, expiresIn: 60 });
    expect(await current(server, { token: claim })).toBeNull();

    const gone = await createTestTenant(server, { direct: true });
    await server.platform.registry.setStatus(gone.tenant.id, 'deleted');
    expect(code(await loginVia(server, gone.adminEmail, {}, gone.tenant.slug))).toBe('TENANT_NOT_FOUND');
  });

  (hasRedis ? test : test.skip)('the Redis cache key is tenant-prefixed, and a second process sees a status change at once', async () => {
    const prefix = `lpt:${randomBytes(4).toString('hex')}:`;
    const s1 = await startServer({ REDIS_PREFIX: prefix, TENANT_CACHE_TTL_MS: '600000' });
    const s2 = await startServer({ REDIS_PREFIX: prefix, TENANT_CACHE_TTL_MS: '600000' });
    try {
      const s = await createTestTenant(s1, { direct: true });
      const t = await login(s2, s.adminEmail);
      expect(await current(s2, { token: t.accessToken })).toBe(s.tenant.slug);
      expect(await current(s1, { token: t.accessToken })).toBe(s.tenant.slug);

      const key = `${prefix}t:${s.tenant.id}:record`;
      expect(await s1.platform.redis!.exists(key)).toBe(1);
      expect(JSON.parse((await s1.platform.redis!.get(key))!)).toMatchObject({ id: s.tenant.id, slug: s.tenant.slug, status: 'active' });

      await s1.platform.registry.setStatus(s.tenant.id, 'suspended');
      await eventually(() => current(s2, { token: t.accessToken }), null);
      // The shared record was dropped too: what is cached now is the new status.
      expect(JSON.parse((await s1.platform.redis!.get(key))!)).toMatchObject({ status: 'suspended' });
      expect(code(await loginVia(s2, s.adminEmail, {}, s.tenant.slug))).toBe('TENANT_SUSPENDED');

      await s1.platform.registry.setStatus(s.tenant.id, 'active');
      await eventually(() => current(s2, { token: t.accessToken }), s.tenant.slug);
    } finally {
      await Promise.all([s1.close(), s2.close()]);
    }
  });
});
