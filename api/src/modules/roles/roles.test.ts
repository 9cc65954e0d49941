import { randomUUID } from 'node:crypto';
import { adminTenant, errorCode as code, errorFields as fields, inTenant, memberWith, ok, type AdminTenant } from '../../../test/admin-fixtures';
import { addMember, hasRedis, login, startTestServer, type TestServer } from '../../../test/helpers';
import { ALL_PERMISSIONS } from '../permissions/catalog';
import { describePermissions } from '../permissions/catalog';

/* Roles: CRUD with typed refusals that write nothing, no escalation, the admin role kept whole, batched fields,
   tenant isolation, and a change seen by a second API process on its very next request. */

const statements: string[] = [];
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({}, { platform: { onStatement: (sql) => statements.push(sql) } });
});
afterAll(async () => server?.close());

interface Role { id: string; key: string; name: string; description: string | null; permissions: string[]; isSystem: boolean; memberCount: number }
const ROLE = `id key name description permissions isSystem memberCount`;
const LIST = `{ roles { ${ROLE} } }`;
const CREATE = `mutation($i: CreateRoleInput!) { createRole(input: $i) { ${ROLE} } }`;
const UPDATE = `mutation($id: ID!, $i: UpdateRoleInput!) { updateRole(id: $id, input: $i) { ${ROLE} } }`;
const DELETE = `mutation($id: ID!, $to: ID) { deleteRole(id: $id, moveMembersTo: $to) }`;
const SET_ROLES = `mutation($u: ID!, $r: [ID!]!) { setMemberRoles(userId: $u, roleIds: $r) { id roles { key } } }`;
const roles = async (t: AdminTenant) => (await ok<{ roles: Role[] }>(server, t.token, LIST)).roles;
const byKey = async (t: AdminTenant, key: string) => (await roles(t)).find((r) => r.key === key)!;
const run = (token: string, query: string, variables: Record<string, unknown> = {}) => server.gql(query, variables, { token });
/** A custom role inserted directly, and a member holding it (signed in). */
async function memberWithPermissions(t: AdminTenant, key: string, permissions: string[]) {
  await inTenant(server, t, `insert into roles (key, name, permissions) values ($1, $1, $2)`, [key, permissions]);
  return memberWith(server, t, key);
}

test('roles lists the system roles with their member counts; create, update and delete a custom role', async () => {
  const t = await adminTenant(server);
  await memberWith(server, t, 'agent');
  await memberWith(server, t, 'agent');
  const seeded = await roles(t);
  expect(seeded.map((r) => [r.key, r.isSystem, r.memberCount])).toEqual([['admin', true, 1], ['agent', true, 2], ['manager', true, 0]]);
  expect(seeded[0]!.permissions).toEqual([...ALL_PERMISSIONS].sort());

  const created = (await ok<{ createRole: Role }>(server, t.token, CREATE, {
    i: { key: 'closer', name: '  Closer  ', description: 'Closes deals', permissions: ['leads.update', 'leads.read.all', 'leads.update'] },
  })).createRole;
  expect(created).toMatchObject({ key: 'closer', name: 'Closer', description: 'Closes deals', permissions: ['leads.read.all', 'leads.update'], isSystem: false, memberCount: 0 });

  const updated = (await ok<{ updateRole: Role }>(server, t.token, UPDATE, { id: created.id, i: { name: 'Senior closer', description: null, permissions: ['dashboard.read'] } })).updateRole;
  expect(updated).toMatchObject({ id: created.id, key: 'closer', name: 'Senior closer', description: null, permissions: ['dashboard.read'] });
  const renamed = (await ok<{ updateRole: Role }>(server, t.token, UPDATE, { id: created.id, i: { description: 'Kept perms' } })).updateRole;
  expect(renamed).toMatchObject({ name: 'Senior closer', description: 'Kept perms', permissions: ['dashboard.read'] });

  expect(await ok(server, t.token, DELETE, { id: created.id })).toEqual({ deleteRole: created.id });
  expect((await roles(t)).map((r) => r.key)).toEqual(['admin', 'agent', 'manager']);
  expect(code(await run(t.token, DELETE, { id: created.id }))).toBe('NOT_FOUND');
});

test('refusals are typed and write nothing: taken key, unknown permissions named, bad input, system and used roles', async () => {
  const t = await adminTenant(server);
  const agent = await memberWith(server, t, 'agent');
  const before = await roles(t);
  const taken = await run(t.token, CREATE, { i: { key: 'agent', name: 'Dup', permissions: [] } });
  expect([code(taken), fields(taken)]).toEqual(['ROLE_KEY_TAKEN', ['key']]);
  const unknown = await run(t.token, CREATE, { i: { key: 'x1', name: 'X', permissions: ['leads.update', 'leads.fly', 'root'] } });
  expect(code(unknown)).toBe('BAD_USER_INPUT');
  expect((unknown.errors![0]!.extensions!.fields as Array<{ field: string; message: string }>).map((f) => [f.field, f.message.split(' ')[0]])).toEqual([
    ['permissions', '"leads.fly"'],
    ['permissions', '"root"'],
  ]);
  for (const i of [{ key: 'Bad-Key', name: 'X', permissions: [] }, { key: 'ok_key', name: '   ', permissions: [] }, { key: 'ok_key', name: 'x'.repeat(101), permissions: [] }]) {
    expect(code(await run(t.token, CREATE, { i }))).toBe('BAD_USER_INPUT');
  }
  const agentRole = await byKey(t, 'agent');
  const cleared = await run(t.token, UPDATE, { id: agentRole.id, i: { name: null, permissions: null } });
  expect([code(cleared), fields(cleared)]).toEqual(['BAD_USER_INPUT', ['name', 'permissions']]);
  expect(code(await run(t.token, UPDATE, { id: agentRole.id, i: { permissions: ['nope'] } }))).toBe('BAD_USER_INPUT');
  expect(code(await run(t.token, UPDATE, { id: randomUUID(), i: { name: 'X' } }))).toBe('NOT_FOUND');
  expect(code(await run(t.token, UPDATE, { id: 'junk', i: { name: 'X' } }))).toBe('NOT_FOUND');

  const system = await run(t.token, DELETE, { id: agentRole.id, to: (await byKey(t, 'manager')).id });
  expect([code(system), fields(system)]).toEqual(['ROLE_IS_SYSTEM', ['id']]);
  const custom = (await ok<{ createRole: Role }>(server, t.token, CREATE, { i: { key: 'temp', name: 'Temp', permissions: ['leads.read.own'] } })).createRole;
  await ok(server, t.token, SET_ROLES, { u: agent.id, r: [custom.id] });
  const withCustom = await roles(t);
  const inUse = await run(t.token, DELETE, { id: custom.id });
  expect([code(inUse), inUse.errors![0]!.extensions!.memberCount]).toEqual(['ROLE_IN_USE', 1]);
  expect(code(await run(t.token, DELETE, { id: custom.id, to: custom.id }))).toBe('BAD_USER_INPUT');
  expect(code(await run(t.token, DELETE, { id: custom.id, to: randomUUID() }))).toBe('BAD_USER_INPUT');
  expect(await roles(t)).toEqual(withCustom);
  expect(withCustom.filter((r) => r.key !== 'temp')).toEqual(before.map((r) => (r.key === 'agent' ? { ...r, memberCount: 0 } : r)));

  // With a target, its members move in the same transaction.
  expect(await ok(server, t.token, DELETE, { id: custom.id, to: agentRole.id })).toEqual({ deleteRole: custom.id });
  const members = (await ok<{ members: Array<{ id: string; roles: Array<{ key: string }> }> }>(server, t.token, `{ members { id roles { key } } }`)).members;
  expect(members.find((m) => m.id === agent.id)!.roles).toEqual([{ key: 'agent' }]);
});

test('no escalation: a role manager grants only permissions they hold; the admin role keeps every permission', async () => {
  const t = await adminTenant(server);
  const rm = await memberWithPermissions(t, 'role_manager', ['roles.manage', 'leads.read.own', 'leads.create']);
  const before = await roles(t);
  const up = await run(rm.token, CREATE, { i: { key: 'sneaky', name: 'Sneaky', permissions: ['leads.create', 'members.manage', 'audit.read'] } });
  expect([code(up), up.errors![0]!.extensions!.missing]).toEqual(['PERMISSION_ESCALATION', ['audit.read', 'members.manage']]);
  const agentRole = await byKey(t, 'agent');
  expect(code(await run(rm.token, UPDATE, { id: agentRole.id, i: { permissions: ['leads.read.own', 'dashboard.read'] } }))).toBe('PERMISSION_ESCALATION');
  const own = (await roles(t)).find((r) => r.key === 'role_manager')!;
  // Editing their own role upward is escalation too.
  expect(code(await run(rm.token, UPDATE, { id: own.id, i: { permissions: ['roles.manage', 'members.manage'] } }))).toBe('PERMISSION_ESCALATION');
  expect(await roles(t)).toEqual(before);

  const small = (await ok<{ createRole: Role }>(server, rm.token, CREATE, { i: { key: 'helper', name: 'Helper', permissions: ['leads.read.own'] } })).createRole;
  const helper = await memberWith(server, t, 'helper');
  // Moving members into a role is assigning it: the manager must hold what the target carries.
  expect(code(await run(rm.token, DELETE, { id: small.id, to: (await byKey(t, 'admin')).id }))).toBe('PERMISSION_ESCALATION');
  expect(await ok(server, rm.token, DELETE, { id: small.id, to: own.id })).toEqual({ deleteRole: small.id });
  expect((await ok<{ myPermissions: { permissions: string[] } }>(server, helper.token, `{ myPermissions { permissions } }`)).myPermissions.permissions).toEqual(['leads.create', 'leads.read.own', 'roles.manage']);

  // Without roles.manage at all: FORBIDDEN before anything is looked at.
  const agent = await memberWith(server, t, 'agent');
  expect(code(await run(agent.token, CREATE, { i: { key: 'zz', name: 'Z', permissions: [] } }))).toBe('FORBIDDEN');
  expect(code(await run(agent.token, DELETE, { id: own.id }))).toBe('FORBIDDEN');

  const admin = await byKey(t, 'admin');
  const lose = await run(t.token, UPDATE, { id: admin.id, i: { permissions: ALL_PERMISSIONS.filter((p) => p !== 'audit.read') } });
  expect(code(lose)).toBe('LAST_ADMIN');
  expect(code(await run(t.token, DELETE, { id: admin.id }))).toBe('ROLE_IS_SYSTEM');
  expect((await ok<{ updateRole: Role }>(server, t.token, UPDATE, { id: admin.id, i: { name: 'Owner' } })).updateRole).toMatchObject({ name: 'Owner', permissions: admin.permissions });
});

test('Role.memberCount and Member.roles cost one statement each, whatever the number of members and roles', async () => {
  const t = await adminTenant(server);
  const load = async () => {
    statements.length = 0;
    const data = await ok<{ members: Array<{ roles: Array<{ key: string; memberCount: number }> }> }>(server, t.token, `{ members { id roles { key memberCount } } }`);
    const count = (re: RegExp) => statements.filter((s) => re.test(s)).length;
    return { data, rolesStatements: count(/where mr\.user_id = any/), countStatements: count(/from member_roles where role_id = any/) };
  };
  const small = await load();
  expect([small.rolesStatements, small.countStatements]).toEqual([1, 1]);
  for (let i = 0; i < 12; i++) {
    const id = await addMember(server, t.tenant, `m${i}-${randomUUID().slice(0, 8)}@x.test`);
    await inTenant(server, t, `insert into member_roles (user_id, role_id) select $1, id from roles where key = any($2)`, [id, i % 2 ? ['agent'] : ['agent', 'manager']]);
  }
  const big = await load();
  expect(big.data.members).toHaveLength(13);
  expect(big.data.members.flatMap((m) => m.roles).find((r) => r.key === 'agent')!.memberCount).toBe(12);
  expect([big.rolesStatements, big.countStatements]).toEqual([1, 1]);
});

test("tenant A's admin cannot edit or delete B's roles, nor move members to them; B is unchanged", async () => {
  const [a, b] = [await adminTenant(server), await adminTenant(server)];
  const theirs = (await ok<{ createRole: Role }>(server, b.token, CREATE, { i: { key: 'theirs', name: 'Theirs', permissions: ['leads.read.own'] } })).createRole;
  const bBefore = await roles(b);
  const mine = (await ok<{ createRole: Role }>(server, a.token, CREATE, { i: { key: 'mine', name: 'Mine', permissions: [] } })).createRole;
  await memberWith(server, a, 'mine');
  expect(code(await run(a.token, UPDATE, { id: theirs.id, i: { name: 'Hacked', permissions: [] } }))).toBe('NOT_FOUND');
  expect(code(await run(a.token, DELETE, { id: theirs.id }))).toBe('NOT_FOUND');
  expect(code(await run(a.token, DELETE, { id: (await byKey(b, 'agent')).id }))).toBe('NOT_FOUND');
  expect(code(await run(a.token, DELETE, { id: mine.id, to: theirs.id }))).toBe('BAD_USER_INPUT');
  expect(code(await run(a.token, SET_ROLES, { u: a.adminId, r: [(await byKey(a, 'admin')).id, theirs.id] }))).toBe('BAD_USER_INPUT');
  expect(await roles(b)).toEqual(bBefore);
  expect((await byKey(a, 'mine')).memberCount).toBe(1);
});

test('the SPA view of permissions: catalog keys only, and the distinct modules they unlock', () => {
  expect(describePermissions(['leads.update', 'leads.read.all', 'roles.manage', 'stale.key', 'leads.update'])).toEqual({
    permissions: ['leads.read.all', 'leads.update', 'roles.manage'],
    modules: ['leads', 'settings.roles'],
  });
});

(hasRedis ? test : test.skip)('a role change is enforced on the very next request by a second API process sharing Redis', async () => {
  const prefix = `lpt:roles2:${randomUUID().slice(0, 8)}:`;
  const [one, two] = [await startTestServer({ REDIS_PREFIX: prefix }), await startTestServer({ REDIS_PREFIX: prefix })];
  try {
    const t = await adminTenant(one);
    const user = await memberWith(one, t, 'agent');
    const token2 = (await login(two, user.email, t.tenant.slug)).accessToken;
    const create = (key: string) => two.gql(CREATE, { i: { key, name: key, permissions: [] } }, { token: token2 });
    const mine = () => two.gql<{ myPermissions: { permissions: string[] } }>(`{ myPermissions { permissions } }`, {}, { token: token2 });
    // Process two caches the agent's permissions (Redis, shared) ...
    expect(code(await create('first'))).toBe('FORBIDDEN');
    expect((await mine()).data!.myPermissions.permissions).not.toContain('roles.manage');
    // ... process one changes them: the next request to process two obeys the change.
    const adminRole = (await one.gql<{ roles: Role[] }>(LIST, {}, { token: t.token })).data!.roles.find((r) => r.key === 'admin')!;
    await ok(one, t.token, SET_ROLES, { u: user.id, r: [adminRole.id] });
    expect((await create('second')).data).toMatchObject({ createRole: { key: 'second' } });
    // And back: the role's own permissions change (updateRole), seen at once too.
    const custom = (await ok<{ createRole: Role }>(one, t.token, CREATE, { i: { key: 'limited', name: 'L', permissions: ['roles.manage'] } })).createRole;
    await ok(one, t.token, SET_ROLES, { u: user.id, r: [custom.id] });
    expect((await mine()).data!.myPermissions.permissions).toEqual(['roles.manage']);
    await ok(one, t.token, UPDATE, { id: custom.id, i: { permissions: ['dashboard.read'] } });
    expect((await mine()).data!.myPermissions.permissions).toEqual(['dashboard.read']);
    expect(code(await create('third'))).toBe('FORBIDDEN');
  } finally {
    await Promise.all([one.close(), two.close()]);
  }
});
