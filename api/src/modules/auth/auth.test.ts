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
} from '../../../test/helpers';

/**
 * Sign-in, tokens, refresh rotation, throttling and tenant binding, through real GraphQL over HTTP against
 * real PostgreSQL (and Redis when the run has one).
 */

const LOGIN = `mutation($email: String!, $password: String!, $tenant: String) {
  login(email: $email, password: $password, tenant: $tenant) {
    accessToken refreshToken tenant { id slug } memberships { slug status }
  }
}`;
const ME = `query { me { id email tenant { slug } memberships { slug } } }`;
const CURRENT_TENANT = `query { currentTenant { slug } }`;
const REFRESH = `mutation($t: String!) { refresh(refreshToken: $t) { accessToken refreshToken tenant { slug } } }`;
const SWITCH = `mutation($slug: String!) { switchTenant(slug: $slug) { accessToken refreshToken tenant { slug } memberships { slug } } }`;
const LOGOUT = `mutation { logout }`;

interface Tokens {
  accessToken: string;
  refreshToken: string;
  tenant: { id?: string; slug: string } | null;
  memberships?: Array<{ slug: string }>;
}

const code = (res: GqlResponse<unknown>) => res.errors?.[0]?.extensions?.code;
const slugs = (ms: Array<{ slug: string }> | undefined) => (ms ?? []).map((m) => m.slug).sort();

function tryLogin(server: TestServer, email: string, password = TEST_PASSWORD, tenant?: string) {
  return server.gql<{ login: Tokens }>(LOGIN, { email, password, tenant });
}

function refresh(server: TestServer, token: string) {
  return server.gql<{ refresh: Tokens }>(REFRESH, { t: token });
}


const startServer = (overrides: Record<string, string> = {}) => startTestServer(overrides);

let server: TestServer;
let a: TestTenant;
let b: TestTenant;
let multiEmail: string;

beforeAll(async () => {
  server = await startServer();
  [a, b] = await Promise.all([createTestTenant(server, { direct: true }), createTestTenant(server, { direct: true })]);
  multiEmail = `multi-${uniqueSlug('u')}@example.test`;
  await addMember(server, a.tenant, multiEmail);
  await addMember(server, b.tenant, multiEmail);
});
afterAll(async () => {
  await server?.close();
});

describe('login and tenant binding', () => {
  test('a user with one membership gets tokens bound to it; me and currentTenant work', async () => {
    const res = await tryLogin(server, a.adminEmail);
    expect(res.errors).toBeUndefined();
    const t = res.data!.login;
    expect(t.accessToken.split('.')).toHaveLength(3);
    expect(t.refreshToken).toMatch(/^lprt_/);
    expect(t.tenant?.slug).toBe(a.tenant.slug);

    const me = await server.gql<{ me: { id: string; email: string; tenant: { slug: string } | null } }>(ME, {}, { token: t.accessToken });
    expect(me.errors).toBeUndefined();
    expect(me.data!.me).toMatchObject({ id: a.adminId, email: a.adminEmail, tenant: { slug: a.tenant.slug } });
    const ct = await server.gql<{ currentTenant: { slug: string } | null }>(CURRENT_TENANT, {}, { token: t.accessToken });
    expect(ct.data!.currentTenant).toEqual({ slug: a.tenant.slug });
  });

  test('passwords are stored as argon2id', async () => {
    const row = await server.platform.db.one<{ password_hash: string }>('select password_hash from control.users where id = $1', [a.adminId]);
    expect(row!.password_hash.startsWith('$argon2id$')).toBe(true);
  });

  test('a user in two tenants gets no tenant at login, then switchTenant binds one', async () => {
    const res = await tryLogin(server, multiEmail);
    expect(res.errors).toBeUndefined();
    const t = res.data!.login;
    expect(t.tenant).toBeNull();
    expect(slugs(t.memberships)).toEqual([a.tenant.slug, b.tenant.slug].sort());
    const before = await server.gql<{ currentTenant: unknown }>(CURRENT_TENANT, {}, { token: t.accessToken });
    expect(before.data!.currentTenant).toBeNull();

    const sw = await server.gql<{ switchTenant: Tokens }>(SWITCH, { slug: b.tenant.slug }, { token: t.accessToken });
    expect(sw.errors).toBeUndefined();
    expect(sw.data!.switchTenant.tenant?.slug).toBe(b.tenant.slug);
    const tid = (jwt.decode(sw.data!.switchTenant.accessToken) as jwt.JwtPayload).tid;
    expect(tid).toBe(b.tenant.id);
    const me = await server.gql<{ me: { tenant: { slug: string } } }>(ME, {}, { token: sw.data!.switchTenant.accessToken });
    expect(me.data!.me.tenant.slug).toBe(b.tenant.slug);
    const ct = await server.gql<{ currentTenant: { slug: string } }>(CURRENT_TENANT, {}, { token: sw.data!.switchTenant.accessToken });
    expect(ct.data!.currentTenant.slug).toBe(b.tenant.slug);

    // Switching made the refresh token from login single-use history: presenting it now is reuse.
    const old = await refresh(server, t.refreshToken);
    expect(code(old)).toBe('UNAUTHENTICATED');
  });

  test('login with a tenant argument binds to it when the user is a member', async () => {
    const res = await tryLogin(server, multiEmail, TEST_PASSWORD, a.tenant.slug);
    expect(res.errors).toBeUndefined();
    expect(res.data!.login.tenant?.slug).toBe(a.tenant.slug);
  });

  test('switchTenant to a tenant the user is not a member of is NOT_A_MEMBER', async () => {
    const t = await login(server, a.adminEmail);
    const res = await server.gql(SWITCH, { slug: b.tenant.slug }, { token: t.accessToken });
    expect(code(res)).toBe('NOT_A_MEMBER');
    expect(res.data).toBeNull();
    const unknown = await server.gql(SWITCH, { slug: uniqueSlug('nope') }, { token: t.accessToken });
    expect(code(unknown)).toBe('TENANT_NOT_FOUND');
    const anonymous = await server.gql(SWITCH, { slug: a.tenant.slug });
    expect(code(anonymous)).toBe('UNAUTHENTICATED');
  });

  test('login naming a tenant the user does not belong to is NOT_A_MEMBER; an unknown one TENANT_NOT_FOUND', async () => {
    const notMember = await tryLogin(server, a.adminEmail, TEST_PASSWORD, b.tenant.slug);
    expect(code(notMember)).toBe('NOT_A_MEMBER');
    expect(notMember.data).toBeNull();
    const unknown = await tryLogin(server, a.adminEmail, TEST_PASSWORD, uniqueSlug('nope'));
    expect(code(unknown)).toBe('TENANT_NOT_FOUND');
  });

  test('a disabled user: existing tokens stop working and login fails like a wrong password', async () => {
    const email = `disabled-${uniqueSlug('u')}@example.test`;
    const id = await addMember(server, a.tenant, email);
    const t = await login(server, email);
    expect((await server.gql(ME, {}, { token: t.accessToken })).errors).toBeUndefined();
    // Disabled in SQL, behind the API's back (disableUser, which broadcasts, is platform-users.test.ts): what a process
    // remembers of the live session ends within AUTH_CACHE_TTL_MS (ADR 0010); this server remembers nothing.
    const strict = await startServer({ AUTH_CACHE_TTL_MS: '0' });
    try {
      expect((await strict.gql(ME, {}, { token: t.accessToken })).errors).toBeUndefined();
      await server.platform.db.rows('update control.users set disabled_at = now() where id = $1', [id]);
      expect(code(await strict.gql(ME, {}, { token: t.accessToken }))).toBe('UNAUTHENTICATED');
    } finally {
      await strict.close();
    }
    expect(code(await refresh(server, t.refreshToken))).toBe('UNAUTHENTICATED');
    expect(code(await tryLogin(server, email))).toBe('INVALID_CREDENTIALS');
  });

  test('wrong password and unknown email fail the same way (no account enumeration)', async () => {
    const wrong = await tryLogin(server, a.adminEmail, 'not-the-password');
    const unknown = await tryLogin(server, `nobody-${uniqueSlug('u')}@example.test`, TEST_PASSWORD);
    expect(code(wrong)).toBe('INVALID_CREDENTIALS');
    expect(code(unknown)).toBe('INVALID_CREDENTIALS');
    expect(wrong.errors![0]!.message).toBe(unknown.errors![0]!.message);
    expect(wrong.status).toBe(unknown.status);
    expect(wrong.data).toBeNull();
  });
});

describe('access-token refusals', () => {
  let valid: string;
  let claims: { sub: string; sid: string; tid?: string };

  /** A token signed exactly like the server does, with any part changeable. */
  function forge(payload: Record<string, unknown>, opts: jwt.SignOptions = {}, secret = server.platform.config.jwt.secret): string {
    const cfg = server.platform.config.jwt;
    return jwt.sign(payload, secret, { algorithm: 'HS256', issuer: cfg.issuer, audience: cfg.audience, expiresIn: 300, ...opts });
  }
  const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');

  async function expectRefused(token: string | undefined, headers?: Record<string, string>) {
    const res = await server.gql(ME, {}, { token, headers });
    expect(res.data?.me ?? null).toBeNull();
    expect(code(res)).toBe('UNAUTHENTICATED');
  }

  beforeAll(async () => {
    valid = (await login(server, a.adminEmail)).accessToken;
    const d = jwt.decode(valid) as jwt.JwtPayload;
    claims = { sub: d.sub!, sid: d.sid as string, tid: d.tid as string };
  });

  test('control: a token forged with the right secret, issuer and audience is accepted', async () => {
    const res = await server.gql<{ me: { id: string } }>(ME, {}, { token: forge({ sid: claims.sid, tid: claims.tid }, { subject: claims.sub }) });
    expect(res.errors).toBeUndefined();
    expect(res.data!.me.id).toBe(a.adminId);
  });

  test('missing token', () => expectRefused(undefined));
  test('malformed Authorization header', () => expectRefused(undefined, { authorization: `Token ${valid}` }));
  test('malformed JWT', () => expectRefused('not.a.jwt'));
  test('expired', () => expectRefused(forge({ sid: claims.sid }, { subject: claims.sub, expiresIn: -10 })));
  test('wrong signature', () => expectRefused(forge({ sid: claims.sid }, { subject: claims.sub }, 'another-secret-0123456789-0123456789-01234')));
  test('tampered payload', () => {
    const [h, , s] = valid.split('.');
    return expectRefused(`${h}.${b64({ ...(jwt.decode(valid) as object), tid: b.tenant.id })}.${s}`);
  });
  test('alg: none', () => {
    const cfg = server.platform.config.jwt;
    const now = Math.floor(Date.now() / 1000);
    const payload = { sid: claims.sid, sub: claims.sub, iss: cfg.issuer, aud: cfg.audience, iat: now, exp: now + 300 };
    return Promise.all([
      expectRefused(`${b64({ alg: 'none', typ: 'JWT' })}.${b64(payload)}.`),
      expectRefused(`${b64({ alg: 'none', typ: 'JWT' })}.${b64(payload)}`),
    ]);
  });
  test('wrong audience', () => expectRefused(forge({ sid: claims.sid }, { subject: claims.sub, audience: 'someone-else' })));
  test('wrong issuer', () => expectRefused(forge({ sid: claims.sid }, { subject: claims.sub, issuer: 'someone-else' })));
  test('HS512 instead of the pinned HS256', () => expectRefused(forge({ sid: claims.sid }, { subject: claims.sub, algorithm: 'HS512' })));
  test('missing sid', () => expectRefused(forge({ tid: claims.tid }, { subject: claims.sub })));
  test('missing sub', () => expectRefused(forge({ sid: claims.sid, tid: claims.tid })));
  test('sid of another user', async () => {
    const other = jwt.decode((await login(server, b.adminEmail)).accessToken) as jwt.JwtPayload;
    await expectRefused(forge({ sid: other.sid }, { subject: claims.sub }));
  });

  test('revoked session: after logout the old access and refresh tokens stop working', async () => {
    const t = await login(server, a.adminEmail);
    const ok = await server.gql(ME, {}, { token: t.accessToken });
    expect(ok.errors).toBeUndefined();
    const out = await server.gql<{ logout: boolean }>(LOGOUT, {}, { token: t.accessToken });
    expect(out.data?.logout).toBe(true);
    await expectRefused(t.accessToken);
    expect(code(await refresh(server, t.refreshToken))).toBe('UNAUTHENTICATED');
    // Other sessions of the same user are untouched.
    expect((await server.gql(ME, {}, { token: valid })).errors).toBeUndefined();
  });
});

describe('refresh-token rotation', () => {
  test('refresh rotates; reusing a rotated token revokes the whole session', async () => {
    const t = await login(server, a.adminEmail);
    const r1 = await refresh(server, t.refreshToken);
    expect(r1.errors).toBeUndefined();
    const n1 = r1.data!.refresh;
    expect(n1.refreshToken).not.toBe(t.refreshToken);
    expect(n1.tenant?.slug).toBe(a.tenant.slug);
    expect((await server.gql(ME, {}, { token: n1.accessToken })).errors).toBeUndefined();

    const r2 = await refresh(server, n1.refreshToken);
    expect(r2.errors).toBeUndefined();
    const n2 = r2.data!.refresh;

    const reused = await refresh(server, t.refreshToken);
    expect(code(reused)).toBe('UNAUTHENTICATED');
    expect(reused.errors![0]!.extensions!.reason).toBe('REFRESH_TOKEN_REUSED');

    // The newest refresh token and the current access token die with the session.
    const newest = await refresh(server, n2.refreshToken);
    expect(code(newest)).toBe('UNAUTHENTICATED');
    expect(newest.data).toBeNull();
    const me = await server.gql(ME, {}, { token: n2.accessToken });
    expect(code(me)).toBe('UNAUTHENTICATED');
  });

  test('garbage and unknown refresh tokens are UNAUTHENTICATED', async () => {
    for (const token of ['garbage', `lprt_${'A'.repeat(43)}`, `lprt_${'A'.repeat(42)}!`]) {
      const res = await refresh(server, token);
      expect(code(res)).toBe('UNAUTHENTICATED');
      expect(res.data).toBeNull();
    }
  });

  test('concurrent refreshes of the same token: exactly one succeeds', async () => {
    for (let round = 0; round < 3; round++) {
      const t = await login(server, a.adminEmail);
      const results = await Promise.all(Array.from({ length: 4 }, () => refresh(server, t.refreshToken)));
      const ok = results.filter((r) => r.data?.refresh);
      expect(ok).toHaveLength(1);
      for (const r of results.filter((x) => !x.data?.refresh)) {
        expect(code(r)).toBe('UNAUTHENTICATED');
        expect(r.errors![0]!.extensions!.reason).toBe('REFRESH_TOKEN_REUSED');
      }
      // Strict reuse detection: the losers presented a token already rotated, so the session ended for the
      // winner too (a racing replay is indistinguishable from a double-submit).
      expect(code(await refresh(server, ok[0]!.data!.refresh.refreshToken))).toBe('UNAUTHENTICATED');
    }
  });
});

describe('login throttling', () => {
  const LIMITS = { LOGIN_MAX_FAILURES_PER_ACCOUNT: '3', LOGIN_MAX_FAILURES_PER_IP: '6', LOGIN_THROTTLE_WINDOW_S: '60' };
  const servers: TestServer[] = [];
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.close()));
  });
  async function throttledServer(extra: Record<string, string> = {}) {
    const s = await startServer({ ...LIMITS, ...extra });
    servers.push(s);
    return s;
  }
  function expectThrottled(res: GqlResponse<unknown>) {
    expect(code(res)).toBe('LOGIN_THROTTLED');
    expect(res.data).toBeNull();
    const retry = res.errors![0]!.extensions!.retryAfterSeconds as number;
    expect(retry).toBeGreaterThan(0);
    expect(retry).toBeLessThanOrEqual(60);
  }

  test('per account: the 4th attempt is refused even with the right password; other accounts still work', async () => {
    const s = await throttledServer();
    const [victim, other] = [`victim-${uniqueSlug('u')}@example.test`, `other-${uniqueSlug('u')}@example.test`];
    await Promise.all([addMember(s, a.tenant, victim), addMember(s, a.tenant, other)]);
    for (let i = 0; i < 3; i++) expect(code(await tryLogin(s, victim, 'wrong-password'))).toBe('INVALID_CREDENTIALS');
    expectThrottled(await tryLogin(s, victim, TEST_PASSWORD));
    // Same address, another account: 3 failures so far, below the per-IP limit of 6.
    const res = await tryLogin(s, other, TEST_PASSWORD);
    expect(res.errors).toBeUndefined();
    expect(res.data!.login.accessToken).toBeTruthy();
    // Email case does not give a fresh counter.
    expectThrottled(await tryLogin(s, victim.toUpperCase(), TEST_PASSWORD));
  });

  test('per address: failures across different accounts block every account', async () => {
    const s = await throttledServer();
    const fresh = `fresh-${uniqueSlug('u')}@example.test`;
    await addMember(s, a.tenant, fresh);
    // 6 failures, 2 per account: no account reaches its own limit of 3.
    const sprayed = [0, 1, 2].map((i) => `spray-${i}-${uniqueSlug('u')}@example.test`);
    for (let i = 0; i < 6; i++) expect(code(await tryLogin(s, sprayed[i % 3]!, 'wrong-password'))).toBe('INVALID_CREDENTIALS');
    expectThrottled(await tryLogin(s, fresh, TEST_PASSWORD));
  });

  test('the address is the socket’s, or X-Forwarded-For’s only behind TRUST_PROXY', async () => {
    const from = (s: TestServer, ip: string, email: string, password = 'wrong-password') =>
      s.gql<{ login: Tokens }>(LOGIN, { email, password }, { headers: { 'x-forwarded-for': ip } });
    const spray = (i: number) => `fwd-${i}-${uniqueSlug('u')}@example.test`;
    for (const trusted of [false, true]) {
      const s = await throttledServer(trusted ? { TRUST_PROXY: 'true' } : {});
      const fresh = `fwd-fresh-${uniqueSlug('u')}@example.test`;
      await addMember(s, a.tenant, fresh);
      // 6 failures, each claiming another forwarded address, 2 per account.
      for (let i = 0; i < 6; i++) expect(code(await from(s, `203.0.113.${i + 1}`, spray(i % 3)))).toBe('INVALID_CREDENTIALS');
      const res = await from(s, '203.0.113.99', fresh, TEST_PASSWORD);
      // Behind a trusted proxy they were 6 clients and a 7th logs in; otherwise one socket address made 6 failures.
      if (trusted) expect(res.errors).toBeUndefined();
      else expectThrottled(res);
    }
  });

  test("a success clears the account's count", async () => {
    const s = await throttledServer({ LOGIN_MAX_FAILURES_PER_IP: '1000' });
    const user = `clears-${uniqueSlug('u')}@example.test`;
    await addMember(s, a.tenant, user);
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < 2; i++) expect(code(await tryLogin(s, user, 'wrong-password'))).toBe('INVALID_CREDENTIALS');
      expect((await tryLogin(s, user)).errors).toBeUndefined();
    }
  });

  test('concurrent wrong guesses cannot exceed the per-account limit', async () => {
    const s = await throttledServer({ LOGIN_MAX_FAILURES_PER_IP: '1000' });
    const victim = `burst-${uniqueSlug('u')}@example.test`;
    await addMember(s, a.tenant, victim);
    const results = await Promise.all(Array.from({ length: 12 }, () => tryLogin(s, victim, 'wrong-password')));
    const codes = results.map(code);
    expect(codes.filter((c) => c === 'INVALID_CREDENTIALS')).toHaveLength(3);
    expect(codes.filter((c) => c === 'LOGIN_THROTTLED')).toHaveLength(9);
  });

  (hasRedis ? test : test.skip)('the counters are shared by every API process through Redis', async () => {
    const prefix = `lpt:${uniqueSlug('shared').replace('-', '')}:`;
    const s1 = await throttledServer({ REDIS_PREFIX: prefix });
    const s2 = await throttledServer({ REDIS_PREFIX: prefix });
    const victim = `shared-${uniqueSlug('u')}@example.test`;
    await addMember(s1, a.tenant, victim);
    expect(code(await tryLogin(s1, victim, 'wrong-password'))).toBe('INVALID_CREDENTIALS');
    expect(code(await tryLogin(s2, victim, 'wrong-password'))).toBe('INVALID_CREDENTIALS');
    expect(code(await tryLogin(s1, victim, 'wrong-password'))).toBe('INVALID_CREDENTIALS');
    // Each process saw fewer than 3 failures itself; together they reached the limit.
    expectThrottled(await tryLogin(s2, victim, TEST_PASSWORD));
    expectThrottled(await tryLogin(s1, victim, TEST_PASSWORD));
  });
});

describe('cross-tenant isolation', () => {
  let hostServer: TestServer;
  beforeAll(async () => {
    hostServer = await startServer({ TENANT_RESOLVERS: 'jwt,host', TENANT_BASE_DOMAIN: 'leadplane.test' });
  });
  afterAll(async () => {
    await hostServer?.close();
  });

  test('a member of A with a token for A cannot reach B by any route', async () => {
    const t = await login(server, a.adminEmail);
    expect(t.tenant?.slug).toBe(a.tenant.slug);

    // switchTenant and login naming B
    expect(code(await server.gql(SWITCH, { slug: b.tenant.slug }, { token: t.accessToken }))).toBe('NOT_A_MEMBER');
    expect(code(await tryLogin(server, a.adminEmail, TEST_PASSWORD, b.tenant.slug))).toBe('NOT_A_MEMBER');

    // A validly signed token for the same session claiming B: the claim alone grants nothing.
    const d = jwt.decode(t.accessToken) as jwt.JwtPayload;
    const cfg = server.platform.config.jwt;
    const forged = jwt.sign({ sid: d.sid, tid: b.tenant.id }, cfg.secret, {
      algorithm: 'HS256',
      subject: d.sub,
      issuer: cfg.issuer,
      audience: cfg.audience,
      expiresIn: 300,
    });
    const viaClaim = await server.gql<{ currentTenant: unknown; me: { tenant: unknown } }>(`query { currentTenant { slug } me { tenant { slug } } }`, {}, { token: forged });
    expect(viaClaim.data!.currentTenant).toBeNull();
    expect(viaClaim.data!.me.tenant).toBeNull();

    // B's host with A's token: the whole request is refused.
    const onBHost = await hostServer.gql<{ currentTenant: unknown }>(CURRENT_TENANT, {}, { token: t.accessToken, headers: { host: `${b.tenant.slug}.leadplane.test` } });
    expect(code(onBHost)).toBe('TENANT_MISMATCH');
    expect(onBHost.status).toBe(400);
    expect(onBHost.data?.currentTenant ?? null).toBeNull();
    // A client-supplied X-Forwarded-Host is ignored without TRUST_PROXY: the token's tenant A stands.
    const forwarded = await hostServer.gql<{ currentTenant: { slug: string } | null }>(CURRENT_TENANT, {}, {
      token: t.accessToken,
      headers: { 'x-forwarded-host': `${b.tenant.slug}.leadplane.test` },
    });
    expect(forwarded.data?.currentTenant?.slug).toBe(a.tenant.slug);
    // Logging in on B's host, with or without naming a tenant.
    const onB = { host: `${b.tenant.slug}.leadplane.test` };
    expect(code(await hostServer.gql(LOGIN, { email: a.adminEmail, password: TEST_PASSWORD }, { headers: onB }))).toBe('NOT_A_MEMBER');
    const namingA = await hostServer.gql<{ login: Tokens | null }>(LOGIN, { email: a.adminEmail, password: TEST_PASSWORD, tenant: a.tenant.slug }, { headers: onB });
    expect(namingA.data?.login ?? null).toBeNull();
    expect(code(namingA)).toBe('TENANT_MISMATCH');

    // Control: the same token on A's host works.
    const own = await hostServer.gql<{ currentTenant: { slug: string } }>(CURRENT_TENANT, {}, { token: t.accessToken, headers: { host: `${a.tenant.slug}.leadplane.test` } });
    expect(own.errors).toBeUndefined();
    expect(own.data!.currentTenant.slug).toBe(a.tenant.slug);
  });
});
