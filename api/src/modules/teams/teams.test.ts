import { randomUUID } from 'node:crypto';
import { adminTenant, errorCode as code, errorFields as fields, inTenant, memberWith, ok, type AdminTenant } from '../../../test/admin-fixtures';
import { addMember, startTestServer, type TestServer } from '../../../test/helpers';

/* Teams: CRUD, membership limited to this tenant's active members, and Team.members batched across teams. */

const statements: string[] = [];
let server: TestServer;
let a: AdminTenant;
beforeAll(async () => {
  server = await startTestServer({}, { platform: { onStatement: (sql) => statements.push(sql) } });
  a = await adminTenant(server);
});
afterAll(async () => server?.close());

interface Team { id: string; name: string; members: Array<{ id: string; email: string }> }
const LIST = `{ teams { id name members { id email status } } }`;
const SET = `mutation($t: ID!, $u: [ID!]!) { setTeamMembers(teamId: $t, userIds: $u) { id name members { id email } } }`;
const teams = async (t: AdminTenant) => (await ok<{ teams: Team[] }>(server, t.token, LIST)).teams;
const createTeam = async (t: AdminTenant, name: string) => (await ok<{ createTeam: Team }>(server, t.token, `mutation($n: String!) { createTeam(name: $n) { id name members { id } } }`, { n: name })).createTeam;
const run = (t: AdminTenant, query: string, variables: Record<string, unknown>) => server.gql(query, variables, { token: t.token });

test('create, rename and delete teams; names are unique ignoring case; refusals write nothing', async () => {
  const t = await adminTenant(server);
  const sales = await createTeam(t, '  Sales   EMEA ');
  expect(sales).toMatchObject({ name: 'Sales EMEA', members: [] });
  const ops = await createTeam(t, 'Ops');
  expect((await teams(t)).map((x) => x.name)).toEqual(['Ops', 'Sales EMEA']);

  const before = await teams(t);
  const dup = await run(t, `mutation { createTeam(name: "sales emea") { id } }`, {});
  expect([code(dup), fields(dup)]).toEqual(['TEAM_NAME_TAKEN', ['name']]);
  const dupRename = await run(t, `mutation($id: ID!) { renameTeam(id: $id, name: "OPS") { id } }`, { id: sales.id });
  expect([code(dupRename), fields(dupRename)]).toEqual(['TEAM_NAME_TAKEN', ['name']]);
  for (const name of ['', '   ', 'x'.repeat(101)]) {
    const bad = await run(t, `mutation($n: String!) { createTeam(name: $n) { id } }`, { n: name });
    expect([code(bad), fields(bad)]).toEqual(['BAD_USER_INPUT', ['name']]);
  }
  expect(code(await run(t, `mutation($id: ID!) { renameTeam(id: $id, name: "Z") { id } }`, { id: randomUUID() }))).toBe('NOT_FOUND');
  expect(await teams(t)).toEqual(before);

  const renamed = await ok<{ renameTeam: Team }>(server, t.token, `mutation($id: ID!) { renameTeam(id: $id, name: "ops") { id name } }`, { id: ops.id });
  expect(renamed.renameTeam).toEqual({ id: ops.id, name: 'ops' });

  // Deleting a team keeps its leads, with no team.
  const lead = (await ok<{ createLead: { id: string; team: { id: string } } }>(server, t.token, `mutation($t: ID) { createLead(input: { name: "L", teamId: $t }) { id team { id } } }`, { t: sales.id })).createLead;
  expect(lead.team.id).toBe(sales.id);
  expect(await ok(server, t.token, `mutation($id: ID!) { deleteTeam(id: $id) }`, { id: sales.id })).toEqual({ deleteTeam: sales.id });
  expect((await ok<{ lead: { team: null } }>(server, t.token, `query($id: ID!) { lead(id: $id) { id team { id } } }`, { id: lead.id })).lead.team).toBeNull();
  expect((await teams(t)).map((x) => x.name)).toEqual(['ops']);
  expect(code(await run(t, `mutation($id: ID!) { deleteTeam(id: $id) }`, { id: sales.id }))).toBe('NOT_FOUND');
});

test('concurrent creates of one name: one wins, the others get TEAM_NAME_TAKEN', async () => {
  const t = await adminTenant(server);
  const results = await Promise.all(Array.from({ length: 5 }, () => run(t, `mutation { createTeam(name: "Race") { id } }`, {})));
  expect(results.filter((r) => !r.errors)).toHaveLength(1);
  expect(results.filter((r) => r.errors).map(code)).toEqual(Array(4).fill('TEAM_NAME_TAKEN'));
});

test('setTeamMembers replaces the membership with active members of this tenant only, naming any other id', async () => {
  const t = await adminTenant(server);
  const team = await createTeam(t, 'Closers');
  const [m1, m2] = [await memberWith(server, t, 'agent'), await memberWith(server, t, null)];
  const set1 = await ok<{ setTeamMembers: Team }>(server, t.token, SET, { t: team.id, u: [m1.id, t.adminId, m1.id.toUpperCase()] });
  expect(set1.setTeamMembers.members.map((m) => m.id).sort()).toEqual([m1.id, t.adminId].sort());
  const set2 = await ok<{ setTeamMembers: Team }>(server, t.token, SET, { t: team.id, u: [m2.id] });
  expect(set2.setTeamMembers.members.map((m) => m.email)).toEqual([m2.email]);

  const b = await adminTenant(server);
  const deactivated = await memberWith(server, t, null);
  await server.platform.db.rows(`update control.memberships set status = 'deactivated' where tenant_id = $1 and user_id = $2`, [t.tenant.id, deactivated.id]);
  const stranger = randomUUID();
  const before = await teams(t);
  const bad = await run(t, SET, { t: team.id, u: [m1.id, b.adminId, deactivated.id, stranger, 'junk'] });
  expect(code(bad)).toBe('BAD_USER_INPUT');
  const named = (bad.errors?.[0]?.extensions?.fields as Array<{ field: string; message: string }>).map((f) => [f.field, f.message.split(' ')[0]]);
  expect(named).toEqual([b.adminId, deactivated.id, stranger, 'junk'].map((id) => ['userIds', id]));
  expect(code(await run(t, SET, { t: randomUUID(), u: [] }))).toBe('NOT_FOUND');
  expect(await teams(t)).toEqual(before);
  // A member deactivated after joining drops out of Team.members.
  expect((await teams(t))[0]?.members.map((m) => m.id)).toEqual([m2.id]);
  await server.platform.db.rows(`update control.memberships set status = 'deactivated' where tenant_id = $1 and user_id = $2`, [t.tenant.id, m2.id]);
  expect((await teams(t))[0]?.members).toEqual([]);
});

test('teams.manage is required (agents: FORBIDDEN; managers hold it); every member can read teams', async () => {
  const team = await createTeam(a, 'Guarded');
  const before = await teams(a);
  const mutations: Array<[string, Record<string, unknown>]> = [
    [`mutation { createTeam(name: "Nope") { id } }`, {}],
    [`mutation { createTeam(name: "") { id } }`, {}],
    [`mutation($id: ID!) { renameTeam(id: $id, name: "Nope") { id } }`, { id: team.id }],
    [`mutation($id: ID!) { deleteTeam(id: $id) }`, { id: team.id }],
    [SET, { t: team.id, u: [a.adminId] }],
  ];
  for (const role of ['agent', null]) {
    const m = await memberWith(server, a, role);
    const as = { ...a, token: m.token };
    expect(await teams(as)).toEqual(before);
    for (const [query, vars] of mutations) expect(code(await run(as, query, vars))).toBe('FORBIDDEN');
  }
  expect(await teams(a)).toEqual(before);
  const manager = await memberWith(server, a, 'manager');
  expect(await ok(server, manager.token, `mutation($id: ID!) { renameTeam(id: $id, name: "By manager") { name } }`, { id: team.id })).toEqual({ renameTeam: { name: 'By manager' } });
});

test("tenant A cannot touch tenant B's teams, nor put B's users in its own; B is unchanged", async () => {
  const b = await adminTenant(server);
  const theirs = await createTeam(b, 'Theirs');
  await ok(server, b.token, SET, { t: theirs.id, u: [b.adminId] });
  const bBefore = await teams(b);
  const mine = await createTeam(a, 'Mine');
  expect(code(await run(a, `mutation($id: ID!) { renameTeam(id: $id, name: "Hacked") { id } }`, { id: theirs.id }))).toBe('NOT_FOUND');
  expect(code(await run(a, `mutation($id: ID!) { deleteTeam(id: $id) }`, { id: theirs.id }))).toBe('NOT_FOUND');
  expect(code(await run(a, SET, { t: theirs.id, u: [a.adminId] }))).toBe('NOT_FOUND');
  expect(code(await run(a, SET, { t: mine.id, u: [b.adminId] }))).toBe('BAD_USER_INPUT');
  expect(code(await run(a, `mutation($t: ID) { createLead(input: { name: "x", teamId: $t }) { id } }`, { t: theirs.id }))).toBe('BAD_USER_INPUT');
  expect(await teams(b)).toEqual(bBefore);
  expect((await teams(a)).find((x) => x.id === mine.id)!.members).toEqual([]);
});

test('Team.members is one statement for all teams: 2 teams cost what 30 teams with 3 members each cost', async () => {
  const t = await adminTenant(server);
  const users = await Promise.all([1, 2, 3].map((i) => addMember(server, t.tenant, `u${i}-${randomUUID().slice(0, 8)}@x.test`)));
  const seed = async (from: number, to: number) => {
    for (let i = from; i < to; i++) {
      await inTenant(server, t, `with t as (insert into teams (name) values ($1) returning id) insert into team_members (team_id, user_id) select t.id, unnest($2::uuid[]) from t`, [`team ${String(i).padStart(2, '0')}`, users]);
    }
  };
  await seed(0, 2);
  statements.length = 0;
  expect((await teams(t)).map((x) => x.members.length)).toEqual([3, 3]);
  const small = statements.length;
  await seed(2, 30);
  statements.length = 0;
  const all = await teams(t);
  expect(all).toHaveLength(30);
  expect(all.every((x) => x.members.length === 3)).toBe(true);
  expect(statements.length).toBe(small);
  expect(small).toBe(2);
});
