import { startTestServer, type TestServer } from '../../../test/helpers';
import { as, badFields, createTeam, defineFields, errorCode, leadTenant, member, ok, snapshot, type Gql, type LeadTenant } from '../../../test/lead-fixtures';

/**
 * One tenant cannot see or touch another's leads: a user of A, working in A, who names anything of B (lead ids,
 * status ids, team ids, users, custom field keys) reads nothing and writes nothing. B's tables are compared row by
 * row, as text, before and after everything A tried.
 */

const B_TABLES = ['leads', 'lead_activities', 'lead_statuses', 'lead_status_transitions', 'teams', 'team_members', 'custom_field_definitions'];
const LEAD = `id name owner { id } status { key } team { id } activityCount`;

let server: TestServer;
let a: LeadTenant;
let b: LeadTenant;
let gqlA: Gql;
let gqlB: Gql;
let aLead: { id: string };
let bLeads: string[];
let bOnlyUser: string;
let bTeam: string;
let bState: string;

beforeAll(async () => {
  server = await startTestServer();
  [a, b] = await Promise.all([leadTenant(server), leadTenant(server)]);
  gqlA = as(server, a.token);
  gqlB = as(server, b.token);
  bOnlyUser = (await member(server, b.tenant, 'b-only')).id;
  bTeam = await createTeam(server, b.tenant, [bOnlyUser]);
  await defineFields(server, b.tenant, [{ key: 'b_only', type: 'text' }]);
  const create = (gql: Gql, input: Record<string, unknown>) => gql<{ createLead: { id: string } }>(`mutation($i: CreateLeadInput!) { createLead(input: $i) { id } }`, { i: input });
  aLead = ok(await create(gqlA, { name: 'Shared Name', tags: ['same'], source: 'web' })).createLead;
  bLeads = [];
  for (const input of [
    { name: 'Shared Name', tags: ['same'], source: 'web', ownerId: bOnlyUser, teamId: bTeam, customFields: { b_only: 'x' } },
    { name: 'B Secret', company: 'Shared Co', ownerId: b.adminId },
  ]) bLeads.push(ok(await create(gqlB, input)).createLead.id);
  ok(await gqlB(`mutation($id: ID!) { addLeadNote(leadId: $id, body: "b note") { id } }`, { id: bLeads[0] }));
  const gone = ok(await create(gqlB, { name: 'B Deleted' })).createLead.id;
  ok(await gqlB(`mutation($id: ID!) { deleteLead(id: $id) { id } }`, { id: gone }));
  bLeads.push(gone);
  bState = await snapshot(server, b.tenant, B_TABLES);
});
afterAll(async () => server?.close());

const leadIdsOf = async (gql: Gql, vars: Record<string, unknown>) =>
  ok(await gql<{ leads: { totalCount: number; edges: Array<{ node: { id: string } }> } }>(
    `query($f: LeadFilter) { leads(first: 200, filter: $f) { totalCount edges { node { id } } } }`, vars,
  )).leads;

test("a user of A reads none of B's leads, by id or through any filter naming B's ids", async () => {
  for (const id of bLeads) expect(ok(await gqlA<{ lead: unknown }>(`query($id: ID!) { lead(id: $id) { id } }`, { id })).lead).toBeNull();
  for (const id of bLeads) {
    const timeline = await gqlA(`query($id: ID!) { leadActivities(leadId: $id) { totalCount } }`, { id });
    expect(timeline.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  }
  const filters = [
    {},
    { deleted: true },
    { statusIds: Object.values(b.statuses) },
    { ownerIds: [bOnlyUser, b.adminId] },
    { teamIds: [bTeam] },
    { search: 'shared' },
    { search: 'secret' },
    { tags: ['same'], sources: ['web'] },
  ];
  for (const f of filters) {
    const page = await leadIdsOf(gqlA, { f });
    expect({ f, leakedB: page.edges.filter((e) => bLeads.includes(e.node.id)) }).toEqual({ f, leakedB: [] });
    expect(page.totalCount).toBe(page.edges.length);
  }
  expect((await leadIdsOf(gqlA, { f: {} })).edges.map((e) => e.node.id)).toEqual([aLead.id]);
  expect(errorCode(await gqlA(`{ leads(filter: { customFields: [{ key: "b_only", condition: { exists: true } }] }) { totalCount } }`))).toBe('BAD_USER_INPUT');
});

test("a user of A cannot mutate B's leads: NOT_FOUND one by one, BAD_USER_INPUT in bulk", async () => {
  const [live, , deleted] = bLeads as [string, string, string];
  const attempts: Array<[string, Record<string, unknown>]> = [
    [`mutation($id: ID!) { updateLead(id: $id, input: { name: "pwned" }) { id } }`, { id: live }],
    [`mutation($id: ID!) { deleteLead(id: $id) { id } }`, { id: live }],
    [`mutation($id: ID!) { restoreLead(id: $id) { id } }`, { id: deleted }],
    [`mutation($id: ID!, $s: ID!) { changeLeadStatus(id: $id, statusId: $s) { id } }`, { id: live, s: b.statuses.contacted }],
    [`mutation($id: ID!, $s: ID!) { changeLeadStatus(id: $id, statusId: $s) { id } }`, { id: live, s: a.statuses.contacted }],
    [`mutation($id: ID!, $u: ID) { assignLead(leadId: $id, userId: $u) { id } }`, { id: live, u: a.adminId }],
    [`mutation($id: ID!, $u: ID) { assignLead(leadId: $id, userId: $u) { id } }`, { id: live, u: null }],
    [`mutation($id: ID!) { addLeadNote(leadId: $id, body: "hi") { id } }`, { id: live }],
  ];
  for (const [query, vars] of attempts) expect([query.slice(11, 40), errorCode(await gqlA(query, vars))]).toEqual([query.slice(11, 40), 'NOT_FOUND']);

  const ASSIGN_MANY = `mutation($ids: [ID!]!, $u: ID) { assignLeads(ids: $ids, userId: $u) { count } }`;
  for (const ids of [bLeads.slice(0, 2), [aLead.id, bLeads[0]]]) {
    const res = await gqlA(ASSIGN_MANY, { ids, u: a.adminId });
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    const named = (res.errors![0]!.extensions!.fields as Array<{ message: string }>).map((p) => p.message).join(' ');
    for (const id of ids.filter((x) => x !== aLead.id)) expect(named).toContain(id);
  }
  expect(await snapshot(server, b.tenant, B_TABLES)).toBe(bState);
});

test("a user of A cannot bring B's users, statuses, teams or custom fields into A", async () => {
  const aBefore = await snapshot(server, a.tenant);
  const refusals: Array<[string, Record<string, unknown>, string]> = [
    [`mutation($id: ID!, $u: ID) { assignLead(leadId: $id, userId: $u) { id } }`, { id: aLead.id, u: bOnlyUser }, 'userId'],
    [`mutation($id: ID!, $u: ID) { assignLead(leadId: $id, userId: $u) { id } }`, { id: aLead.id, u: b.adminId }, 'userId'],
    [`mutation($ids: [ID!]!, $u: ID) { assignLeads(ids: $ids, userId: $u) { count } }`, { ids: [aLead.id], u: bOnlyUser }, 'userId'],
    [`mutation($id: ID!, $s: ID!) { changeLeadStatus(id: $id, statusId: $s) { id } }`, { id: aLead.id, s: b.statuses.contacted }, 'statusId'],
    [`mutation($i: CreateLeadInput!) { createLead(input: $i) { id } }`, { i: { name: 'x', statusId: b.statuses.new } }, 'statusId'],
    [`mutation($i: CreateLeadInput!) { createLead(input: $i) { id } }`, { i: { name: 'x', teamId: bTeam } }, 'teamId'],
    [`mutation($i: CreateLeadInput!) { createLead(input: $i) { id } }`, { i: { name: 'x', ownerId: bOnlyUser } }, 'ownerId'],
    [`mutation($i: CreateLeadInput!) { createLead(input: $i) { id } }`, { i: { name: 'x', customFields: { b_only: 'y' } } }, 'customFields.b_only'],
    [`mutation($id: ID!, $i: UpdateLeadInput!) { updateLead(id: $id, input: $i) { id } }`, { id: aLead.id, i: { teamId: bTeam } }, 'teamId'],
  ];
  for (const [query, vars, field] of refusals) {
    const res = await gqlA(query, vars);
    expect([vars, errorCode(res), badFields(res)]).toEqual([vars, 'BAD_USER_INPUT', [field]]);
  }
  expect(await snapshot(server, a.tenant)).toBe(aBefore);
  expect(await snapshot(server, b.tenant, B_TABLES)).toBe(bState);
});

test("B's own user still sees B's data as it was, and cannot see A's lead either", async () => {
  const page = await leadIdsOf(gqlB, { f: {} });
  expect(page.edges.map((e) => e.node.id).sort()).toEqual(bLeads.slice(0, 2).sort());
  const lead = ok(await gqlB<{ lead: Record<string, unknown> }>(`query($id: ID!) { lead(id: $id) { ${LEAD} } }`, { id: bLeads[0] })).lead;
  expect(lead).toEqual({ id: bLeads[0], name: 'Shared Name', owner: { id: bOnlyUser }, status: { key: 'new' }, team: { id: bTeam }, activityCount: 2 });
  expect(ok(await gqlB<{ lead: unknown }>(`query($id: ID!) { lead(id: $id) { id } }`, { id: aLead.id })).lead).toBeNull();
  expect(errorCode(await gqlB(`mutation($id: ID!) { deleteLead(id: $id) { id } }`, { id: aLead.id }))).toBe('NOT_FOUND');
  expect(await snapshot(server, b.tenant, B_TABLES)).toBe(bState);
});
