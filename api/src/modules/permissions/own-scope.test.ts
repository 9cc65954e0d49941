import { memberWith } from '../../../test/admin-fixtures';
import { startTestServer, type GqlResponse, type TestServer } from '../../../test/helpers';
import { inTenant, leadTenant, seedLeads, snapshot, type LeadTenant } from '../../../test/lead-fixtures';

/*
 * leads.read.own without leads.read.all: an agent works only the leads they own, and the condition is in the SQL
 * (list, totalCount, lead(id), mutations, dashboard aggregates), never a filter applied after loading.
 * Subscriptions: own-scope.subscriptions.test.ts.
 */

let server: TestServer;
let t: LeadTenant;
let agent: { id: string; token: string };
let other: { id: string; token: string };
let closer: { id: string; token: string };
const mine: string[] = [];
const theirs: string[] = [];
let myDeleted: string;
let sql: string[] = [];

beforeAll(async () => {
  server = await startTestServer({}, { platform: { onStatement: (s) => void sql.push(s) } });
  t = await leadTenant(server);
  agent = await memberWith(server, t, 'agent');
  other = await memberWith(server, t, 'agent');
  // A custom role: deletes and assigns, but still sees only its own leads.
  await inTenant(server, t.tenant, (db) =>
    db.query(`insert into roles (key, name, permissions) values ('closer', 'Closer', '{leads.read.own,leads.delete,leads.assign,dashboard.read}')`),
  );
  closer = await memberWith(server, t, 'closer');
  const s = t.statuses;
  const rows = await seedLeads(server, t.tenant, [
    { name: 'mine-1', statusId: s.new!, ownerId: agent.id, value: 10, createdAt: '2024-03-01T10:00:00Z' },
    { name: 'mine-2', statusId: s.won!, ownerId: agent.id, value: 20, createdAt: '2024-03-02T10:00:00Z' },
    { name: 'mine-gone', statusId: s.new!, ownerId: agent.id, deletedAt: '2024-03-03T00:00:00Z' },
    { name: 'theirs-1', statusId: s.new!, ownerId: other.id, value: 1000, createdAt: '2024-03-01T11:00:00Z' },
    { name: 'theirs-2', statusId: s.lost!, ownerId: other.id, createdAt: '2024-03-02T11:00:00Z' },
    { name: 'nobodys', statusId: s.won!, ownerId: null, createdAt: '2024-03-02T12:00:00Z' },
    { name: 'admins', statusId: s.new!, ownerId: t.adminId, createdAt: '2024-03-01T12:00:00Z' },
  ]);
  mine.push(rows[0]!.id, rows[1]!.id);
  myDeleted = rows[2]!.id;
  theirs.push(rows[3]!.id, rows[4]!.id, rows[5]!.id, rows[6]!.id);
});
afterAll(async () => server?.close());

const gql = <T>(token: string, query: string, variables: Record<string, unknown> = {}) => server.gql<T>(query, variables, { token });
const code = (r: GqlResponse<unknown>) => r.errors?.[0]?.extensions?.code;
type Page = { leads: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string }; edges: Array<{ node: { id: string; name: string } }> } };
const LEADS = `query($first: Int, $after: String, $filter: LeadFilter) {
  leads(first: $first, after: $after, filter: $filter) { totalCount pageInfo { hasNextPage endCursor } edges { node { id name } } } }`;
const ids = (p: Page) => p.leads.edges.map((e) => e.node.id).sort();

describe('leads', () => {
  test('an agent lists only their own leads, and totalCount counts only them; an admin sees every lead', async () => {
    sql = [];
    const page = (await gql<Page>(agent.token, LEADS)).data!;
    expect(ids(page)).toEqual([...mine].sort());
    expect(page.leads.totalCount).toBe(2);
    // Both statements carry the owner condition: the page and its count are decided in SQL.
    const leadStatements = sql.filter((s) => /from leads l/.test(s));
    expect(leadStatements).toHaveLength(2);
    for (const s of leadStatements) expect(s).toMatch(/l\.owner_id = \$\d+::uuid/);

    const all = (await gql<Page>(t.token, LEADS)).data!;
    expect(all.leads.totalCount).toBe(6);
    expect(ids(all)).toEqual([...mine, ...theirs].sort());
  });

  test('pages and filters stay inside the scope: naming another owner finds nothing, deleted shows only theirs', async () => {
    const first = (await gql<Page>(agent.token, LEADS, { first: 1 })).data!;
    expect(first.leads.pageInfo.hasNextPage).toBe(true);
    const second = (await gql<Page>(agent.token, LEADS, { first: 1, after: first.leads.pageInfo.endCursor })).data!;
    expect(second.leads.pageInfo.hasNextPage).toBe(false);
    expect([...ids(first), ...ids(second)].sort()).toEqual([...mine].sort());

    const named = (await gql<Page>(agent.token, LEADS, { filter: { ownerIds: [other.id], unassigned: true } })).data!;
    expect(named.leads).toMatchObject({ totalCount: 0, edges: [] });
    const deleted = (await gql<Page>(agent.token, LEADS, { filter: { deleted: true } })).data!;
    expect(ids(deleted)).toEqual([myDeleted]);
  });

  test('lead(id) answers null for a lead that is not theirs, through a scoped statement', async () => {
    const one = `query($id: ID!) { lead(id: $id) { id name } }`;
    expect((await gql<{ lead: { name: string } }>(agent.token, one, { id: mine[0] })).data!.lead).toMatchObject({ name: 'mine-1' });
    for (const id of theirs) {
      sql = [];
      const res = await gql<{ lead: null }>(agent.token, one, { id });
      expect(res.errors).toBeUndefined();
      expect(res.data!.lead).toBeNull();
      expect(sql.filter((s) => /from leads l where l\.id = \$1 and l\.owner_id = \$2/.test(s))).toHaveLength(1);
    }
    expect((await gql<{ lead: { id: string } }>(t.token, one, { id: theirs[0] })).data!.lead).toMatchObject({ id: theirs[0] });
  });

  test('leadActivities: their own lead\'s timeline; NOT_FOUND for a lead outside the scope', async () => {
    const q = `query($id: ID!) { leadActivities(leadId: $id, first: 5) { totalCount edges { node { kind } } } }`;
    await gql(agent.token, `mutation($id: ID!) { addLeadNote(leadId: $id, body: "called") { id } }`, { id: mine[0] });
    const own = await gql<{ leadActivities: { totalCount: number; edges: Array<{ node: { kind: string } }> } }>(agent.token, q, { id: mine[0] });
    expect(own.errors).toBeUndefined();
    expect(own.data!.leadActivities.edges[0]!.node.kind).toBe('note');
    expect(code(await gql(agent.token, q, { id: theirs[0] }))).toBe('NOT_FOUND');
    expect((await gql(t.token, q, { id: theirs[0] })).errors).toBeUndefined();
  });
});

describe('mutations on a lead the caller cannot see are NOT_FOUND, and write nothing', () => {
  const ops: Array<[string, string, (id: string) => Record<string, unknown>, () => { token: string }]> = [
    ['updateLead', `mutation($id: ID!) { updateLead(id: $id, input: { name: "x" }) { id } }`, (id) => ({ id }), () => agent],
    ['changeLeadStatus', `mutation($id: ID!, $s: ID!) { changeLeadStatus(id: $id, statusId: $s) { id } }`, (id) => ({ id, s: t.statuses.contacted }), () => agent],
    ['addLeadNote', `mutation($id: ID!) { addLeadNote(leadId: $id, body: "x") { id } }`, (id) => ({ id }), () => agent],
    ['deleteLead', `mutation($id: ID!) { deleteLead(id: $id) { id } }`, (id) => ({ id }), () => closer],
    ['restoreLead', `mutation($id: ID!) { restoreLead(id: $id) { id } }`, (id) => ({ id }), () => closer],
    ['assignLead', `mutation($id: ID!, $u: ID) { assignLead(leadId: $id, userId: $u) { id } }`, (id) => ({ id, u: closer.id }), () => closer],
  ];
  test.each(ops)('%s', async (_name, query, vars, who) => {
    const before = await snapshot(server, t.tenant);
    for (const id of theirs) expect(code(await gql(who().token, query, vars(id)))).toBe('NOT_FOUND');
    expect(await snapshot(server, t.tenant)).toBe(before);
  });

  test('assignLeads names the leads outside the scope and assigns none', async () => {
    const before = await snapshot(server, t.tenant);
    const res = await gql(closer.token, `mutation($ids: [ID!]!) { assignLeads(ids: $ids, userId: null) { count } }`, { ids: [theirs[0]] });
    expect(code(res)).toBe('BAD_USER_INPUT');
    expect(await snapshot(server, t.tenant)).toBe(before);
  });

  test('on their own leads the same mutations work, and a lead they create is theirs', async () => {
    const res = await gql<{ updateLead: { id: string } }>(agent.token, `mutation($id: ID!) { updateLead(id: $id, input: { tags: ["x"] }) { id } }`, { id: mine[0] });
    expect(res.errors).toBeUndefined();
    const created = await gql<{ createLead: { id: string; owner: { id: string } } }>(agent.token, `mutation { createLead(input: { name: "fresh" }) { id owner { id } } }`);
    expect(created.data!.createLead.owner.id).toBe(agent.id);
    expect((await gql<{ lead: { id: string } }>(agent.token, `query($id: ID!) { lead(id: $id) { id } }`, { id: created.data!.createLead.id })).data!.lead).not.toBeNull();
    await gql(t.token, `mutation($id: ID!) { deleteLead(id: $id) { id } }`, { id: created.data!.createLead.id }); // keeps the counts below stable
  });

  test('creating a lead owned by someone else is an assignment: refused without leads.assign, nothing written', async () => {
    const before = (await gql<{ leads: { totalCount: number } }>(t.token, `query { leads { totalCount } }`)).data!.leads.totalCount;
    const res = await gql(agent.token, `mutation($o: ID!) { createLead(input: { name: "for someone else", ownerId: $o }) { id } }`, { o: other.id });
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await gql<{ leads: { totalCount: number } }>(t.token, `query { leads { totalCount } }`)).data!.leads.totalCount).toBe(before);
    const self = await gql<{ createLead: { id: string } }>(agent.token, `mutation($o: ID!) { createLead(input: { name: "mine too", ownerId: $o }) { id } }`, { o: agent.id });
    expect(self.errors).toBeUndefined();
    await gql(t.token, `mutation($id: ID!) { deleteLead(id: $id) { id } }`, { id: self.data!.createLead.id });
  });
});

describe('dashboard aggregates count only their leads', () => {
  type Counts = { leadCountsByStatus: Array<{ count: number; value: number; status: { key: string } }>; leadCountsByOwner: Array<{ ownerId: string | null; count: number }> };
  const DASH = `{ leadCountsByStatus { count value status { key } } leadCountsByOwner { ownerId count }
    leadConversion { won lost open } leadsCreatedPerDay(from: "2024-03-01", to: "2024-03-02") { count } }`;
  type Dash = Counts & { leadConversion: { won: number; lost: number; open: number }; leadsCreatedPerDay: Array<{ count: number }> };
  const byStatus = (d: Counts) => Object.fromEntries(d.leadCountsByStatus.filter((r) => r.count).map((r) => [r.status.key, [r.count, r.value]]));

  test('an agent: their two live leads', async () => {
    sql = [];
    const d = (await gql<Dash>(agent.token, DASH)).data!;
    expect(byStatus(d)).toEqual({ new: [1, 10], won: [1, 20] });
    expect(d.leadCountsByOwner).toEqual([{ ownerId: agent.id, count: 2 }]);
    expect(d.leadConversion).toEqual({ won: 1, lost: 0, open: 1 });
    expect(d.leadsCreatedPerDay.map((r) => r.count)).toEqual([1, 1]);
    const aggregates = sql.filter((s) => /from leads l/.test(s));
    expect(aggregates).toHaveLength(4);
    for (const s of aggregates) expect(s).toMatch(/l\.owner_id = \$\d+::uuid/);
  });

  test('an admin: every live lead', async () => {
    const d = (await gql<Dash>(t.token, DASH)).data!;
    expect(byStatus(d)).toEqual({ new: [3, 1010], won: [2, 20], lost: [1, 0] });
    expect(d.leadConversion).toEqual({ won: 2, lost: 1, open: 3 });
    expect(d.leadsCreatedPerDay.map((r) => r.count)).toEqual([3, 3]);
  });
});
