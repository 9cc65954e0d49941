import { randomUUID } from 'node:crypto';
import { adminTenant, errorCode as code, errorFields as fields, inTenant, memberWith, ok, type AdminTenant } from '../../../test/admin-fixtures';
import { login, startTestServer, type TestServer } from '../../../test/helpers';
import { until } from '../../../test/ws-client';

/* Member administration: roles, deactivation and reactivation, with the escalation and last-admin guards (also under
   concurrency), refusals that write nothing, control-plane failures that leave nothing half done, and isolation. */

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server?.close());

type Member = { id: string; status: string; roles: Array<{ key: string }> };
const SET = `mutation($u: ID!, $r: [ID!]!) { setMemberRoles(userId: $u, roleIds: $r) { id status roles { key } } }`;
const DEACTIVATE = `mutation($u: ID!) { deactivateMember(userId: $u) { id status } }`;
const REACTIVATE = `mutation($u: ID!) { reactivateMember(userId: $u) { id status } }`;
const ALL = `{ members(statuses: [active, invited, deactivated]) { id status roles { key } } }`;
const run = (token: string, query: string, variables: Record<string, unknown> = {}) => server.gql(query, variables, { token });
const everyone = async (t: AdminTenant) => (await ok<{ members: Member[] }>(server, t.token, ALL)).members;
const roleId = async (t: AdminTenant, key: string) => (await inTenant<{ id: string }>(server, t, `select id from roles where key = $1`, [key]))[0]!.id;
const status = async (t: AdminTenant, userId: string) =>
  (await server.platform.db.one<{ status: string }>(`select status from control.memberships where tenant_id = $1 and user_id = $2`, [t.tenant.id, userId]))?.status;
/** A member holding a custom role: members.manage plus an agent's permissions, but not roles.manage. */
async function memberManager(t: AdminTenant) {
  await inTenant(server, t, `insert into roles (key, name, permissions) values ('member_manager', 'MM', $1) on conflict do nothing`, [
    ['members.manage', 'leads.read.own', 'leads.create', 'leads.update', 'dashboard.read'],
  ]);
  return memberWith(server, t, 'member_manager');
}
/** Another admin of `t`, signed in. */
const secondAdmin = (t: AdminTenant) => memberWith(server, t, 'admin');

test('setMemberRoles replaces the roles; refusals (no role, unknown roles named, unknown member) write nothing', async () => {
  const t = await adminTenant(server);
  const agent = await memberWith(server, t, 'agent');
  const [agentRole, managerRole] = [await roleId(t, 'agent'), await roleId(t, 'manager')];
  const set = await ok<{ setMemberRoles: Member }>(server, t.token, SET, { u: agent.id, r: [managerRole, agentRole.toUpperCase(), agentRole] });
  expect(set.setMemberRoles).toEqual({ id: agent.id, status: 'active', roles: [{ key: 'agent' }, { key: 'manager' }] });
  expect((await ok<{ myPermissions: { permissions: string[] } }>(server, agent.token, `{ myPermissions { permissions } }`)).myPermissions.permissions).toContain('leads.read.all');

  const before = await everyone(t);
  const none = await run(t.token, SET, { u: agent.id, r: [] });
  expect([code(none), fields(none)]).toEqual(['BAD_USER_INPUT', ['roleIds']]);
  const stranger = randomUUID();
  const unknown = await run(t.token, SET, { u: agent.id, r: [agentRole, stranger, 'junk'] });
  expect(code(unknown)).toBe('BAD_USER_INPUT');
  expect((unknown.errors![0]!.extensions!.fields as Array<{ message: string }>).map((f) => f.message.split(' ')[0])).toEqual([stranger, 'junk']);
  expect(code(await run(t.token, SET, { u: randomUUID(), r: [agentRole] }))).toBe('NOT_FOUND');
  expect(code(await run(t.token, SET, { u: 'junk', r: [agentRole] }))).toBe('NOT_FOUND');
  expect(code(await run(agent.token, SET, { u: agent.id, r: [agentRole] }))).toBe('FORBIDDEN');
  expect(await everyone(t)).toEqual(before);
});

test('a member manager (members.manage, no roles.manage) assigns only roles whose permissions they hold', async () => {
  const t = await adminTenant(server);
  const mm = await memberManager(t);
  const plain = await memberWith(server, t, null);
  const [agentRole, managerRole, adminRole] = [await roleId(t, 'agent'), await roleId(t, 'manager'), await roleId(t, 'admin')];
  const before = await everyone(t);
  const esc = await run(mm.token, SET, { u: plain.id, r: [managerRole] });
  expect([code(esc), esc.errors![0]!.extensions!.missing]).toEqual(['PERMISSION_ESCALATION', ['leads.assign', 'leads.delete', 'leads.import', 'leads.read.all', 'teams.manage']]);
  expect(code(await run(mm.token, SET, { u: plain.id, r: [agentRole, adminRole] }))).toBe('PERMISSION_ESCALATION');
  expect(code(await run(mm.token, `mutation { createRole(input: { key: "x2", name: "X", permissions: [] }) { id } }`))).toBe('FORBIDDEN');
  expect(await everyone(t)).toEqual(before);

  expect((await ok<{ setMemberRoles: Member }>(server, mm.token, SET, { u: plain.id, r: [agentRole] })).setMemberRoles.roles).toEqual([{ key: 'agent' }]);
  // Keeping a role the member already holds is no grant: the manager may add agent beside someone's manager role.
  const manager = await memberWith(server, t, 'manager');
  expect((await ok<{ setMemberRoles: Member }>(server, mm.token, SET, { u: manager.id, r: [managerRole, agentRole] })).setMemberRoles.roles.map((r) => r.key)).toEqual(['agent', 'manager']);
  // Reactivating gives the roles back: an admin can only be reactivated by someone holding all of admin.
  const other = await secondAdmin(t);
  await ok(server, t.token, DEACTIVATE, { u: other.id });
  expect(code(await run(mm.token, REACTIVATE, { u: other.id }))).toBe('PERMISSION_ESCALATION');
  expect(await status(t, other.id)).toBe('deactivated');
  expect((await ok<{ reactivateMember: Member }>(server, t.token, REACTIVATE, { u: other.id })).reactivateMember.status).toBe('active');
});

test('the last active admin cannot lose the admin role nor be deactivated; a deactivated admin does not count', async () => {
  const t = await adminTenant(server);
  const [agentRole, adminRole] = [await roleId(t, 'agent'), await roleId(t, 'admin')];
  const before = await everyone(t);
  const demote = await run(t.token, SET, { u: t.adminId, r: [agentRole] });
  expect([code(demote), demote.errors![0]!.extensions!.userIds]).toEqual(['LAST_ADMIN', [t.adminId]]);
  expect(code(await run(t.token, DEACTIVATE, { u: t.adminId }))).toBe('LAST_ADMIN');
  expect(await everyone(t)).toEqual(before);

  const other = await secondAdmin(t);
  await ok(server, t.token, DEACTIVATE, { u: other.id });
  expect(code(await run(t.token, SET, { u: t.adminId, r: [agentRole] }))).toBe('LAST_ADMIN');
  await ok(server, t.token, REACTIVATE, { u: other.id });
  // Two active admins: either may go, and keeping admin beside another role is fine.
  await ok(server, t.token, SET, { u: t.adminId, r: [adminRole, agentRole] });
  await ok(server, other.token, SET, { u: t.adminId, r: [agentRole] });
  expect(code(await run(other.token, DEACTIVATE, { u: other.id }))).toBe('LAST_ADMIN');
  expect(code(await run(t.token, SET, { u: other.id, r: [agentRole] }))).toBe('FORBIDDEN');
});

test('concurrent demotions of the only two admins: exactly one succeeds, every time', async () => {
  for (let round = 0; round < 4; round++) {
    const t = await adminTenant(server);
    const [mm, other] = [await memberManager(t), await secondAdmin(t)];
    const agentRole = await roleId(t, 'agent');
    const results = await Promise.all([t.adminId, other.id].map((u) => run(mm.token, SET, { u, r: [agentRole] })));
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    expect(results.filter((r) => r.errors).map(code)).toEqual(['LAST_ADMIN']);
    // Read as the member manager: the tenant's creator may be the one who lost admin.
    expect((await everyone({ ...t, token: mm.token })).filter((m) => m.roles.some((r) => r.key === 'admin'))).toHaveLength(1);

    // The same race through deactivation, each admin deactivating the other.
    const t2 = await adminTenant(server);
    const other2 = await secondAdmin(t2);
    const cross = await Promise.all([
      run(t2.token, DEACTIVATE, { u: other2.id }),
      run(other2.token, DEACTIVATE, { u: t2.adminId }),
    ]);
    expect(cross.filter((r) => !r.errors)).toHaveLength(1);
    expect([await status(t2, t2.adminId), await status(t2, other2.id)].sort()).toEqual(['active', 'deactivated']);
  }
});

test("deactivation refuses the member's very next request, and in every other API process once its broadcast arrives; me still works; reactivation restores", async () => {
  const t = await adminTenant(server);
  const agent = await memberWith(server, t, 'agent');
  // A second API process of the same deployment (same Redis prefix), which remembers the member's live session.
  const two = await startTestServer({ REDIS_PREFIX: server.platform.config.redis.prefix });
  try {
    const LEADS = `{ members { id } }`;
    expect((await run(agent.token, LEADS)).errors).toBeUndefined();
    expect((await two.gql(LEADS, {}, { token: agent.token })).errors).toBeUndefined();
    const off = await ok<{ deactivateMember: Member }>(server, t.token, DEACTIVATE, { u: agent.id });
    expect(off.deactivateMember).toEqual({ id: agent.id, status: 'deactivated' });
    expect(code(await run(agent.token, LEADS))).toBe('FORBIDDEN');
    // The other process drops what it remembered when the access broadcast reaches it: well before its 5 s memory ends.
    const sent = Date.now();
    await until(async () => code(await two.gql(LEADS, {}, { token: agent.token })) === 'FORBIDDEN', 1000, 'the other process refuses');
    expect(Date.now() - sent).toBeLessThan(two.platform.config.auth.cacheTtlMs);
    const me = await ok<{ me: { id: string; tenant: null; memberships: Array<{ status: string }> } }>(server, agent.token, `{ me { id tenant { id } memberships { status } } }`);
    expect(me.me).toEqual({ id: agent.id, tenant: null, memberships: [{ status: 'deactivated' }] });
    await expect(login(server, agent.email, t.tenant.slug)).rejects.toThrow('NOT_A_MEMBER');
    // Idempotent, and roles are kept for the return.
    expect((await ok<{ deactivateMember: Member }>(server, t.token, DEACTIVATE, { u: agent.id })).deactivateMember.status).toBe('deactivated');
    expect((await everyone(t)).find((m) => m.id === agent.id)).toEqual({ id: agent.id, status: 'deactivated', roles: [{ key: 'agent' }] });

    expect((await ok<{ reactivateMember: Member }>(server, t.token, REACTIVATE, { u: agent.id })).reactivateMember.status).toBe('active');
    expect((await two.gql(LEADS, {}, { token: agent.token })).errors).toBeUndefined();
    expect(code(await run(t.token, DEACTIVATE, { u: randomUUID() }))).toBe('NOT_FOUND');
    expect(code(await run(t.token, REACTIVATE, { u: 'junk' }))).toBe('NOT_FOUND');
  } finally {
    await two.close();
  }
});

test('a control-plane failure rolls the whole change back: nothing half-written on either side', async () => {
  const t = await adminTenant(server);
  const agent = await memberWith(server, t, 'agent');
  const fn = `control.fail_${randomUUID().replace(/-/g, '')}`;
  await server.platform.db.rows(`create function ${fn}() returns trigger language plpgsql as $$ begin raise exception 'injected failure'; end $$`);
  await server.platform.db.rows(
    `create trigger fail_${t.tenant.id.replace(/-/g, '')} before update on control.memberships for each row
       when (new.tenant_id = '${t.tenant.id}'::uuid) execute function ${fn}()`,
  );
  // Fails at the control COMMIT, after the tenant side of the invitation wrote the roles.
  await server.platform.db.rows(
    `create constraint trigger fail_inv_${t.tenant.id.replace(/-/g, '')} after insert on control.invitations deferrable initially deferred
       for each row when (new.tenant_id = '${t.tenant.id}'::uuid) execute function ${fn}()`,
  );
  try {
    const before = await everyone(t);
    expect(code(await run(t.token, DEACTIVATE, { u: agent.id }))).toBe('INTERNAL_SERVER_ERROR');
    expect(await status(t, agent.id)).toBe('active');
    expect((await run(agent.token, `{ members { id } }`)).errors).toBeUndefined();

    const elsewhere = await memberWith(server, await adminTenant(server), 'agent');
    const invite = await run(t.token, `mutation($e: String!, $r: [ID!]!) { inviteMember(email: $e, roleIds: $r) { setupToken } }`, {
      e: elsewhere.email,
      r: [await roleId(t, 'manager')],
    });
    expect(code(invite)).toBe('INTERNAL_SERVER_ERROR');
    expect(await status(t, elsewhere.id)).toBeUndefined();
    expect(await inTenant(server, t, `select 1 from member_roles where user_id = $1`, [elsewhere.id])).toEqual([]);
    expect(await everyone(t)).toEqual(before);
  } finally {
    await server.platform.db.rows(`drop function ${fn}() cascade`);
  }
});

test("tenant A's admin cannot assign, deactivate or reactivate B's members, nor give B's roles; B is unchanged", async () => {
  const [a, b] = [await adminTenant(server), await adminTenant(server)];
  const bAgent = await memberWith(server, b, 'agent');
  const aAgent = await memberWith(server, a, 'agent');
  const bBefore = await everyone(b);
  const [aAgentRole, bAdminRole] = [await roleId(a, 'agent'), await roleId(b, 'admin')];
  for (const u of [b.adminId, bAgent.id]) {
    expect(code(await run(a.token, SET, { u, r: [aAgentRole] }))).toBe('NOT_FOUND');
    expect(code(await run(a.token, DEACTIVATE, { u }))).toBe('NOT_FOUND');
    expect(code(await run(a.token, REACTIVATE, { u }))).toBe('NOT_FOUND');
  }
  expect(code(await run(a.token, SET, { u: aAgent.id, r: [bAdminRole] }))).toBe('BAD_USER_INPUT');
  expect(code(await run(a.token, `mutation($r: [ID!]!) { inviteMember(email: "x@y.test", roleIds: $r) { setupToken } }`, { r: [bAdminRole] }))).toBe('BAD_USER_INPUT');
  expect(await everyone(b)).toEqual(bBefore);
  expect([await status(b, b.adminId), await status(b, bAgent.id)]).toEqual(['active', 'active']);
  expect((await run(bAgent.token, `{ members { id } }`)).errors).toBeUndefined();
});
