import { createHash, randomBytes } from 'node:crypto';
import { adminTenant, errorCode as code, errorFields as fields, inTenant, memberWith, ok, type AdminTenant } from '../../../test/admin-fixtures';
import { login, startTestServer, type TestServer } from '../../../test/helpers';

/* Invitations end to end: invite → accept (no sign-in) → login with the new password; one use only, expiry,
   re-invitation, existing accounts, revocation by deactivation, and refusals that create nobody. */

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server?.close());

interface Invitation { member: { id: string; email: string; name: string; status: string; roles: Array<{ key: string }> }; setupToken: string; setupUrl: string; expiresAt: string }
const INVITE = `mutation($e: String!, $n: String, $r: [ID!]!) { inviteMember(email: $e, name: $n, roleIds: $r) { member { id email name status roles { key } } setupToken setupUrl expiresAt } }`;
const ACCEPT = `mutation($t: String!, $p: String!, $n: String) { acceptInvitation(token: $t, password: $p, name: $n) { email tenantSlug tenantName passwordSet } }`;
const NEW_PASSWORD = 'a-brand-new-passphrase';
const email = (t: AdminTenant) => `new-${randomBytes(4).toString('hex')}@${t.tenant.slug}.test`;
const roleId = async (t: AdminTenant, key: string) => (await inTenant<{ id: string }>(server, t, `select id from roles where key = $1`, [key]))[0]!.id;
const invite = async (t: AdminTenant, e: string, roles: string[], name?: string) =>
  (await ok<{ inviteMember: Invitation }>(server, t.token, INVITE, { e, n: name, r: await Promise.all(roles.map((k) => roleId(t, k))) })).inviteMember;
/** Public: sent without any token. */
const accept = (token: string, password = NEW_PASSWORD, name?: string) => server.gql<{ acceptInvitation: Record<string, unknown> }>(ACCEPT, { t: token, p: password, n: name });
const loginWith = (e: string, password: string, tenant: string) =>
  server.gql<{ login: { accessToken: string } }>(`mutation($e: String!, $p: String!, $t: String) { login(email: $e, password: $p, tenant: $t) { accessToken } }`, { e, p: password, t: tenant });
const controlState = async (t: AdminTenant, e: string) =>
  server.platform.db.rows(
    `select u.id, u.password_hash is not null as has_password, m.status, (select count(*)::int from control.invitations i where i.tenant_id = $1 and i.user_id = u.id) as invitations
       from control.users u left join control.memberships m on m.user_id = u.id and m.tenant_id = $1 where lower(u.email) = lower($2)`,
    [t.tenant.id, e],
  );

test('invite → accept without signing in → login with the new password; the token is stored hashed and works once', async () => {
  const t = await adminTenant(server);
  const e = email(t);
  const inv = await invite(t, e.toUpperCase(), ['agent'], 'New Person');
  expect(inv.member).toMatchObject({ email: e, name: 'New Person', status: 'invited', roles: [{ key: 'agent' }] });
  expect(inv.setupToken).toMatch(/^lpinv_[A-Za-z0-9_-]{43}$/);
  expect(inv.setupUrl).toMatch(new RegExp(`/accept-invitation#token=${inv.setupToken}$`));
  expect(Math.abs(new Date(inv.expiresAt).getTime() - Date.now() - 7 * 86_400_000)).toBeLessThan(60_000);
  const stored = await server.platform.db.rows<{ token_hash: Buffer; created_by: string }>(`select token_hash, created_by from control.invitations where user_id = $1`, [inv.member.id]);
  expect(stored).toEqual([{ token_hash: createHash('sha256').update(inv.setupToken).digest(), created_by: t.adminId }]);

  // Invited is not active: not listed by default, and no login yet.
  const listed = async (statuses: string) => (await ok<{ members: Array<{ id: string }> }>(server, t.token, `{ members(statuses: [${statuses}]) { id } }`)).members.map((m) => m.id);
  expect(await listed('active')).not.toContain(inv.member.id);
  expect(await listed('invited')).toEqual([inv.member.id]);
  expect(code(await loginWith(e, NEW_PASSWORD, t.tenant.slug))).toBe('INVALID_CREDENTIALS');

  const accepted = await accept(inv.setupToken, NEW_PASSWORD, '  Renamed   Person ');
  expect(accepted.data!.acceptInvitation).toEqual({ email: e, tenantSlug: t.tenant.slug, tenantName: t.tenant.name, passwordSet: true });
  const session = await loginWith(e, NEW_PASSWORD, t.tenant.slug);
  expect(session.errors).toBeUndefined();
  const token = session.data!.login.accessToken;
  const me = await ok<{ me: { name: string }; myPermissions: { permissions: string[] } }>(server, token, `{ me { name } myPermissions { permissions } }`);
  expect(me).toEqual({ me: { name: 'Renamed Person' }, myPermissions: { permissions: ['dashboard.read', 'leads.create', 'leads.read.own', 'leads.update'] } });

  expect(code(await accept(inv.setupToken, 'another-password-entirely'))).toBe('INVITATION_INVALID');
  expect(code(await accept(`lpinv_${randomBytes(32).toString('base64url')}`))).toBe('INVITATION_INVALID');
  expect(code(await accept('not-a-token'))).toBe('INVITATION_INVALID');
  expect(code(await loginWith(e, 'another-password-entirely', t.tenant.slug))).toBe('INVALID_CREDENTIALS');
  // Accepted means active: inviting again is MEMBER_EXISTS.
  const again = await server.gql(INVITE, { e, r: [await roleId(t, 'agent')] }, { token: t.token });
  expect([code(again), fields(again)]).toEqual(['MEMBER_EXISTS', ['email']]);
});

test('an expired token is refused and changes nothing; inviting again replaces the token', async () => {
  const t = await adminTenant(server);
  const e = email(t);
  const first = await invite(t, e, ['agent']);
  await server.platform.db.rows(`update control.invitations set expires_at = now() - interval '1 second' where user_id = $1`, [first.member.id]);
  const before = await controlState(t, e);
  expect(code(await accept(first.setupToken))).toBe('INVITATION_EXPIRED');
  expect(await controlState(t, e)).toEqual(before);
  expect(before).toEqual([{ id: first.member.id, has_password: false, status: 'invited', invitations: 1 }]);

  const second = await invite(t, e, ['manager']);
  expect(second.member).toMatchObject({ id: first.member.id, status: 'invited', roles: [{ key: 'manager' }] });
  expect(code(await accept(first.setupToken))).toBe('INVITATION_INVALID');
  // A password outside the rules is refused and does not use the token up.
  const short = await accept(second.setupToken, 'short');
  expect([code(short), fields(short)]).toEqual(['BAD_USER_INPUT', ['password']]);
  expect((await accept(second.setupToken)).data!.acceptInvitation).toMatchObject({ passwordSet: true });
  expect((await loginWith(e, NEW_PASSWORD, t.tenant.slug)).errors).toBeUndefined();
});

test('an existing account (member elsewhere) is linked: it keeps its password, and joins this tenant only', async () => {
  const [a, b] = [await adminTenant(server), await adminTenant(server)];
  const elsewhere = await memberWith(server, b, 'agent');
  const inv = await invite(a, elsewhere.email, ['manager']);
  expect(inv.member).toMatchObject({ id: elsewhere.id, status: 'invited' });
  expect((await accept(inv.setupToken, 'ignored-because-has-one')).data!.acceptInvitation).toMatchObject({ passwordSet: false, tenantSlug: a.tenant.slug });
  expect(code(await loginWith(elsewhere.email, 'ignored-because-has-one', a.tenant.slug))).toBe('INVALID_CREDENTIALS');
  const inA = (await login(server, elsewhere.email, a.tenant.slug)).accessToken;
  expect((await ok<{ members: Array<{ id: string; roles: Array<{ key: string }> }> }>(server, inA, `{ members { id roles { key } } }`)).members.find((m) => m.id === elsewhere.id)!.roles).toEqual([{ key: 'manager' }]);
  // Their roles in B are untouched.
  expect((await inTenant<{ key: string }>(server, b, `select r.key from member_roles mr join roles r on r.id = mr.role_id where mr.user_id = $1`, [elsewhere.id])).map((r) => r.key)).toEqual(['agent']);
});

test('refusals create nobody: bad email, no role, unknown role, escalation, existing member; deactivation revokes', async () => {
  const t = await adminTenant(server);
  await inTenant(server, t, `insert into roles (key, name, permissions) values ('mm', 'MM', $1)`, [['members.manage', 'leads.read.own']]);
  const mm = await memberWith(server, t, 'mm');
  const e = email(t);
  const [agentRole, mmRole] = [await roleId(t, 'agent'), await roleId(t, 'mm')];
  const cases: Array<[string, Record<string, unknown>, string, string[]?]> = [
    [t.token, { e: 'not-an-email', r: [agentRole] }, 'BAD_USER_INPUT', ['email']],
    [t.token, { e, r: [] }, 'BAD_USER_INPUT', ['roleIds']],
    [t.token, { e, r: ['00000000-0000-4000-8000-000000000000'] }, 'BAD_USER_INPUT', ['roleIds']],
    [t.token, { e, n: '   ', r: [agentRole] }, 'BAD_USER_INPUT', ['name']],
    [mm.token, { e, r: [agentRole] }, 'PERMISSION_ESCALATION'],
    [t.token, { e: mm.email, r: [agentRole] }, 'MEMBER_EXISTS', ['email']],
  ];
  for (const [token, vars, expected, named] of cases) {
    const r = await server.gql(INVITE, vars, { token });
    expect([code(r), named ? fields(r) : undefined]).toEqual([expected, named]);
  }
  expect(await controlState(t, e)).toEqual([]);
  expect((await server.platform.db.one<{ n: number }>(`select count(*)::int as n from control.invitations where tenant_id = $1`, [t.tenant.id]))!.n).toBe(0);
  expect(code(await server.gql(INVITE, { e, r: [agentRole] }, { token: (await memberWith(server, t, 'agent')).token }))).toBe('FORBIDDEN');

  // Within their own permissions, the member manager may invite.
  const inv = (await ok<{ inviteMember: Invitation }>(server, mm.token, INVITE, { e, r: [mmRole] })).inviteMember;
  // An invited member becomes active by accepting, not by reactivation.
  const early = await server.gql(`mutation($u: ID!) { reactivateMember(userId: $u) { id } }`, { u: inv.member.id }, { token: t.token });
  expect([code(early), fields(early)]).toEqual(['BAD_USER_INPUT', ['userId']]);
  // Deactivating an invited member revokes the invitation; a deactivated member cannot be re-invited.
  await ok(server, t.token, `mutation($u: ID!) { deactivateMember(userId: $u) { id } }`, { u: inv.member.id });
  expect(code(await accept(inv.setupToken))).toBe('INVITATION_INVALID');
  const re = await server.gql(INVITE, { e, r: [agentRole] }, { token: t.token });
  expect([code(re), re.errors?.[0]?.extensions?.status]).toEqual(['MEMBER_EXISTS', 'deactivated']);
  expect(await controlState(t, e)).toEqual([{ id: inv.member.id, has_password: false, status: 'deactivated', invitations: 0 }]);
});
