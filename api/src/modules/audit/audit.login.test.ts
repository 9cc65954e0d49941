import { adminTenant, errorCode, inTenant, type AdminTenant } from '../../../test/admin-fixtures';
import { addMember, login, startTestServer, TEST_PASSWORD, uniqueSlug, type TestServer, type TestTenant } from '../../../test/helpers';

/*
 * Sign-in entries: a successful login into a tenant is `auth.login` there; a failed one that named a tenant (argument
 * or host) is `auth.login_failed` there, and nowhere else; a login that named no tenant writes nothing; an audit
 * failure never breaks a login.
 */

interface Entry {
  action: string;
  actor_id: string | null;
  target_id: string | null;
  args: Record<string, unknown> | null;
  ip: string | null;
  user_agent: string | null;
  request_id: string | null;
}

const LOGIN = `mutation($email: String!, $password: String!, $tenant: String) { login(email: $email, password: $password, tenant: $tenant) { accessToken } }`;

let server: TestServer;
let a: AdminTenant;
let b: AdminTenant;
beforeAll(async () => {
  server = await startTestServer();
  [a, b] = await Promise.all([adminTenant(server), adminTenant(server)]);
});
afterAll(async () => server?.close());

const authEntries = (t: TestTenant, s = server) =>
  inTenant<Entry>(s, t, `select action, actor_id, target_id, args, host(client_ip) as ip, user_agent, request_id from audit_log where action like 'auth.%' order by at, id`);

const attempt = (email: string, password: string, tenant?: string, headers: Record<string, string> = {}, s = server) =>
  s.gql(LOGIN, { email, password, tenant }, { headers: { 'x-request-id': 'req-login', 'user-agent': 'login-test', ...headers } });

test('a successful login into a tenant is recorded there, with who and from where; in no other tenant', async () => {
  const [beforeA, beforeB] = [(await authEntries(a)).length, (await authEntries(b)).length];
  const res = await attempt(a.adminEmail, TEST_PASSWORD, a.tenant.slug);
  expect(res.errors).toBeUndefined();
  const added = (await authEntries(a)).slice(beforeA);
  expect(added).toEqual([{ action: 'auth.login', actor_id: a.adminId, target_id: a.adminId, args: null, ip: '127.0.0.1', user_agent: 'login-test', request_id: 'req-login' }]);
  expect(await authEntries(b)).toHaveLength(beforeB);
});

test('a failed login naming a tenant is recorded there (actor and reason only for members), without the password', async () => {
  const stranger = `stranger-${uniqueSlug('u')}@example.test`;
  const [beforeA, beforeB] = [(await authEntries(a)).length, (await authEntries(b)).length];
  expect(errorCode(await attempt(a.adminEmail, 'wrong-password-1', a.tenant.slug))).toBe('INVALID_CREDENTIALS');
  expect(errorCode(await attempt(stranger, 'wrong-password-2', a.tenant.slug))).toBe('INVALID_CREDENTIALS');
  // B's admin, right password, but not a member of A: recorded in A (the tenant named), not in B.
  expect(errorCode(await attempt(b.adminEmail, TEST_PASSWORD, a.tenant.slug))).toBe('NOT_A_MEMBER');

  const added = (await authEntries(a)).slice(beforeA);
  expect(added.map((e) => [e.action, e.actor_id, e.args])).toEqual([
    ['auth.login_failed', a.adminId, { email: a.adminEmail, reason: 'INVALID_CREDENTIALS' }],
    // Not members of A: A cannot tell an unknown account from a right password for someone else's.
    ['auth.login_failed', null, { email: stranger, reason: 'NOT_A_MEMBER' }],
    ['auth.login_failed', null, { email: b.adminEmail, reason: 'NOT_A_MEMBER' }],
  ]);
  expect(added.every((e) => e.request_id === 'req-login' && e.ip === '127.0.0.1')).toBe(true);
  expect(JSON.stringify(added)).not.toMatch(/wrong-password|TEST_PASSWORD|correct-horse/);
  expect(await authEntries(b)).toHaveLength(beforeB);
});

test('a login that names no tenant writes nothing on failure, and nothing for a user who must still pick one', async () => {
  const before = (await authEntries(a)).length;
  // A has one membership: a failure without naming A is not A's to see.
  expect(errorCode(await attempt(a.adminEmail, 'wrong-password-3'))).toBe('INVALID_CREDENTIALS');
  expect(errorCode(await attempt(a.adminEmail, 'wrong-password-4', `nope-${uniqueSlug()}`))).toBe('INVALID_CREDENTIALS');
  expect(await authEntries(a)).toHaveLength(before);

  const multi = `multi-${uniqueSlug('u')}@example.test`;
  await addMember(server, a.tenant, multi);
  await addMember(server, b.tenant, multi);
  const [beforeA, beforeB] = [(await authEntries(a)).length, (await authEntries(b)).length];
  expect((await login(server, multi)).tenant).toBeNull();
  expect(await authEntries(a)).toHaveLength(beforeA);
  expect(await authEntries(b)).toHaveLength(beforeB);
  // Defaulted to the only membership: recorded there.
  await login(server, a.adminEmail);
  expect((await authEntries(a)).slice(beforeA).map((e) => [e.action, e.actor_id])).toEqual([['auth.login', a.adminId]]);
});

test('throttled attempts are not recorded (a flood must not become writes); the failures before are', async () => {
  const email = `victim-${uniqueSlug('u')}@${a.tenant.slug}.test`;
  await addMember(server, a.tenant, email);
  const before = (await authEntries(a)).length;
  const codes: unknown[] = [];
  for (let i = 0; i < 7; i++) codes.push(errorCode(await attempt(email, `bad-${i}`, a.tenant.slug)));
  expect(codes.slice(0, 5)).toEqual(Array(5).fill('INVALID_CREDENTIALS'));
  expect(codes.slice(5)).toEqual(['LOGIN_THROTTLED', 'LOGIN_THROTTLED']);
  expect((await authEntries(a)).slice(before).map((e) => e.action)).toEqual(Array(5).fill('auth.login_failed'));
});

test('the tenant named by the host is the one a failed login is recorded in', async () => {
  const hostServer = await startTestServer({ TENANT_RESOLVERS: 'jwt,host', TENANT_BASE_DOMAIN: 'leadplane.test' }, { workers: false });
  try {
    const [beforeA, beforeB] = [(await authEntries(a)).length, (await authEntries(b)).length];
    const res = await attempt(a.adminEmail, 'wrong-password-5', undefined, { host: `${a.tenant.slug}.leadplane.test` }, hostServer);
    expect(errorCode(res)).toBe('INVALID_CREDENTIALS');
    expect((await authEntries(a)).slice(beforeA).map((e) => [e.action, e.actor_id])).toEqual([['auth.login_failed', a.adminId]]);
    expect(await authEntries(b)).toHaveLength(beforeB);
  } finally {
    await hostServer.close();
  }
});

test('an audit log that cannot be written never breaks a login, successful or not', async () => {
  const c = await adminTenant(server);
  await server.platform.db.rows(`alter table "${c.tenant.schemaName}".audit_log add constraint no_more check (false) not valid`);
  const before = await authEntries(c);
  expect((await attempt(c.adminEmail, TEST_PASSWORD, c.tenant.slug)).errors).toBeUndefined();
  expect(errorCode(await attempt(c.adminEmail, 'wrong-password-6', c.tenant.slug))).toBe('INVALID_CREDENTIALS');
  expect(await authEntries(c)).toEqual(before);
});
