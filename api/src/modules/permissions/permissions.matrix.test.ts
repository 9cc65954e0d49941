import { randomBytes } from 'node:crypto';
import { memberWith } from '../../../test/admin-fixtures';
import { startTestServer, type GqlResponse, type TestServer } from '../../../test/helpers';
import { leadTenant, seedLeads, type LeadTenant } from '../../../test/lead-fixtures';
import { insertApiKey } from '../../../test/permission-fixtures';
import { DEFAULT_ROLES } from './catalog';

/*
 * Who may do what, over real GraphQL requests: every principal kind × representative operations, each permission
 * both granted and refused, asserting the exact code. Each case runs on its own fresh lead owned by the caller, so a
 * refusal here is the permission's, never the own-lead scope's (own-scope.test.ts covers that). Callers without
 * a user id (API key, anonymous) get a lead owned by the admin.
 */

const O = 'ok';
const F = 'FORBIDDEN';
const U = 'UNAUTHENTICATED';
const B = 'BAD_USER_INPUT';
const WHO = ['admin', 'manager', 'agent', 'plain', 'apikey', 'anonymous'] as const;
type Who = (typeof WHO)[number];
type Expect = [admin: string, manager: string, agent: string, plain: string, apikey: string, anonymous: string];

interface Case {
  leadId: string;
  callerId: string | null;
}
interface Op {
  name: string;
  query: string;
  vars?: (c: Case) => Record<string, unknown>;
  expect: Expect;
}

const uniq = () => randomBytes(4).toString('hex');
let statusIds: Record<string, string>;

// prettier-ignore
const OPS: Op[] = [
  //                                                                                         admin manager agent plain apikey anon
  { name: 'me (authenticated)', query: `{ me { id } }`,                                      expect: [O, O, O, O, U, U] },
  { name: 'currentTenant (public)', query: `{ currentTenant { id } }`,                       expect: [O, O, O, O, O, O] },
  { name: 'members (member)', query: `{ members { id name } }`,                              expect: [O, O, O, O, F, U] },
  { name: 'myPermissions (member)', query: `{ myPermissions { permissions } }`,                              expect: [O, O, O, O, F, U] },
  { name: 'permissionCatalog (member)', query: `{ permissionCatalog { key module } }`,      expect: [O, O, O, O, F, U] },
  { name: 'leadStatuses (member or lead writer)', query: `{ leadStatuses { id } }`,         expect: [O, O, O, O, O, U] },
  { name: 'customFieldDefinitions', query: `{ customFieldDefinitions { key } }`,            expect: [O, O, O, O, O, U] },
  { name: 'leads (leads.read.*)', query: `{ leads { totalCount edges { node { id } } } }`,  expect: [O, O, O, F, O, U] },
  { name: 'lead (leads.read.*)', query: `query($id: ID!) { lead(id: $id) { id } }`, vars: (c) => ({ id: c.leadId }), expect: [O, O, O, F, O, U] },
  { name: "Member.email (member): a lead's owner's email",
    query: `query($id: ID!) { lead(id: $id) { owner { email } } }`, vars: (c) => ({ id: c.leadId }), expect: [O, O, O, F, F, U] },
  { name: 'leadCountsByStatus (dashboard.read)', query: `{ leadCountsByStatus { count } }`, expect: [O, O, O, F, F, U] },
  { name: 'leadConversion (dashboard.read)', query: `{ leadConversion { won } }`,           expect: [O, O, O, F, F, U] },
  { name: 'createLead (leads.create)', query: `mutation { createLead(input: { name: "New" }) { id } }`, expect: [O, O, O, F, O, U] },
  { name: 'updateLead (leads.update)', query: `mutation($id: ID!) { updateLead(id: $id, input: { name: "Renamed" }) { id } }`,
    vars: (c) => ({ id: c.leadId }), expect: [O, O, O, F, O, U] },
  { name: 'changeLeadStatus (leads.update)', query: `mutation($id: ID!, $s: ID!) { changeLeadStatus(id: $id, statusId: $s) { id } }`,
    vars: (c) => ({ id: c.leadId, s: statusIds.contacted }), expect: [O, O, O, F, O, U] },
  { name: 'addLeadNote (leads.update)', query: `mutation($id: ID!) { addLeadNote(leadId: $id, body: "hi") { id } }`,
    vars: (c) => ({ id: c.leadId }), expect: [O, O, O, F, O, U] },
  { name: 'deleteLead (leads.delete)', query: `mutation($id: ID!) { deleteLead(id: $id) { id } }`, vars: (c) => ({ id: c.leadId }), expect: [O, O, F, F, F, U] },
  { name: 'restoreLead (leads.delete)', query: `mutation($id: ID!) { restoreLead(id: $id) { id } }`, vars: (c) => ({ id: c.leadId }), expect: [O, O, F, F, F, U] },
  { name: 'assignLead (leads.assign)', query: `mutation($id: ID!) { assignLead(leadId: $id, userId: null) { id } }`,
    vars: (c) => ({ id: c.leadId }), expect: [O, O, F, F, F, U] },
  { name: 'assignLeads (leads.assign)', query: `mutation($id: ID!) { assignLeads(ids: [$id], userId: null) { count } }`,
    vars: (c) => ({ id: c.leadId }), expect: [O, O, F, F, F, U] },
  { name: 'createTeam (teams.manage)', query: `mutation($n: String!) { createTeam(name: $n) { id } }`, vars: () => ({ n: `team-${uniq()}` }),
    expect: [O, O, F, F, F, U] },
  { name: 'createTeam with invalid input: refused before validation', query: `mutation { createTeam(name: "") { id } }`, expect: [B, B, F, F, F, U] },
  { name: 'createLeadStatus (statuses.manage)', query: `mutation($k: String!) { createLeadStatus(input: { key: $k, label: "S" }) { id } }`,
    vars: () => ({ k: `s_${uniq()}` }), expect: [O, F, F, F, F, U] },
  { name: 'createCustomField (fields.manage)', query: `mutation($k: String!) { createCustomField(input: { key: $k, label: "F", type: text }) { id } }`,
    vars: () => ({ k: `f_${uniq()}` }), expect: [O, F, F, F, F, U] },
  { name: 'tenants (platform-admin)', query: `{ tenants { id } }`,                         expect: [F, F, F, F, U, U] },
  { name: 'createTenant (platform-admin)', query: `mutation { createTenant(input: { slug: "nope-nope", name: "N", adminEmail: "x@y.test" }) { id } }`,
    expect: [F, F, F, F, U, U] },
];

let server: TestServer;
let t: LeadTenant;
const callers = {} as Record<Who, { id: string | null; opts: { token?: string; headers?: Record<string, string> } }>;

beforeAll(async () => {
  server = await startTestServer({ TENANT_RESOLVERS: 'jwt,apikey' });
  t = await leadTenant(server);
  statusIds = t.statuses;
  callers.admin = { id: t.adminId, opts: { token: t.token } };
  for (const role of ['manager', 'agent'] as const) {
    const m = await memberWith(server, t, role);
    callers[role] = { id: m.id, opts: { token: m.token } };
  }
  const plain = await memberWith(server, t, null);
  callers.plain = { id: plain.id, opts: { token: plain.token } };
  callers.apikey = { id: null, opts: { headers: { 'x-api-key': await insertApiKey(server, t.tenant) } } };
  callers.anonymous = { id: null, opts: {} };
});
afterAll(async () => server?.close());

const outcome = (r: GqlResponse<unknown>) => (r.errors?.length ? String(r.errors[0]!.extensions?.code) : O);

describe.each(OPS)('$name', (op) => {
  test.each(WHO.map((who, i) => [who, op.expect[i]!] as const))('%s → %s', async (who, expected) => {
    const caller = callers[who];
    const [lead] = await seedLeads(server, t.tenant, [{ name: `case-${uniq()}`, statusId: statusIds.new!, ownerId: caller.id ?? t.adminId }]);
    const res = await server.gql(op.query, op.vars?.({ leadId: lead!.id, callerId: caller.id }) ?? {}, caller.opts);
    if (outcome(res) !== expected) throw new Error(`${who}: expected ${expected}, got ${JSON.stringify(res.errors ?? res.data)}`);
  });
});

test('myPermissions answers what the role holds: the seeded roles, nothing for no role', async () => {
  const held = async (who: Who) => ((await server.gql<{ myPermissions: { permissions: string[] } }>(`{ myPermissions { permissions } }`, {}, callers[who].opts)).data!.myPermissions.permissions);
  for (const role of ['admin', 'manager', 'agent'] as const) {
    expect(await held(role)).toEqual([...DEFAULT_ROLES.find((r) => r.key === role)!.permissions].sort());
  }
  expect(await held('plain')).toEqual([]);
  // The SPA's menus: an agent gets the leads and dashboard modules and none of the settings.
  const modules = (await server.gql<{ myPermissions: { modules: string[] } }>(`{ myPermissions { modules } }`, {}, callers.agent.opts)).data!.myPermissions.modules;
  expect(modules).toEqual(['dashboard', 'leads']);
  const adminModules = (await server.gql<{ myPermissions: { modules: string[] } }>(`{ myPermissions { modules } }`, {}, callers.admin.opts)).data!.myPermissions.modules;
  expect(adminModules).toEqual(expect.arrayContaining(['settings.roles', 'settings.members', 'settings.audit']));
});

test('an API key creates leads, owned by nobody unless it names an owner', async () => {
  const res = await server.gql<{ createLead: { id: string; owner: null } }>(`mutation { createLead(input: { name: "From a form" }) { id owner { id } } }`, {}, callers.apikey.opts);
  expect(res.errors).toBeUndefined();
  expect(res.data!.createLead.owner).toBeNull();
});
