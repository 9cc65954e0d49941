import { startTestServer, type TestServer } from '../../../test/helpers';
import { DEFAULT_STATUSES } from '../tenant-setup/seed';
import { as, createTeam, inTenant, leadTenant, member, ok, seedLeads, type Gql, type LeadTenant } from '../../../test/lead-fixtures';

/**
 * The DataLoader promise, counted: a page of leads with its relations costs a fixed number of statements whatever
 * its size, and the same lead asked for many times in one operation is read once.
 *
 * How statements are counted: the platform's `onStatement` hook sees every statement sent through a tenant
 * transaction's query(), in order. BEGIN and the set_config(search_path, role) that open the transaction go
 * through TypeORM's query runner directly, so they never reach the hook; COMMIT neither. The page query is the
 * one statement selecting `... as sort_value from` (only planPage writes that); everything logged after
 * it is the cost of the page's relations.
 */

const log: string[] = [];
const N_LEADS = 120;
const PAGE = `query($first: Int!) { leads(first: $first) { edges { node { id owner { name } status { label } activityCount } } } }`;
const RICH = `query($first: Int!) { leads(first: $first) { totalCount edges { node {
  id owner { name } createdBy { id } team { name } status { label } activityCount customFields latestActivity { kind actor { name } } } } } }`;

interface Node {
  id: string;
  owner: { name: string } | null;
  status: { label: string };
  activityCount: number;
}

let server: TestServer;
let a: LeadTenant;
let gql: Gql;
const ownerName = new Map<string, string | null>();
const statusLabel = new Map<string, string>();
const activityCount = new Map<string, number>();

beforeAll(async () => {
  server = await startTestServer({}, { platform: { onStatement: (sql) => log.push(sql) } });
  a = await leadTenant(server);
  gql = as(server, a.token);
  const owners = [a.adminId, null];
  for (let i = 0; i < 6; i++) owners.push((await member(server, a.tenant, `owner${i}`)).id);
  const team = await createTeam(server, a.tenant, [owners[2]!]);
  const labels = Object.fromEntries(DEFAULT_STATUSES.map((s) => [s.key, s.label]));
  const keys = Object.keys(a.statuses);
  const leads = await seedLeads(
    server,
    a.tenant,
    Array.from({ length: N_LEADS }, (_, i) => ({
      name: `lead ${i}`,
      statusId: a.statuses[keys[i % keys.length]!]!,
      ownerId: owners[i % owners.length],
      teamId: i % 5 === 0 ? team : null,
      createdAt: new Date(Date.UTC(2024, 0, 1, 0, i)).toISOString(),
    })),
  );
  // 0 to 3 activities per lead, by different actors.
  await inTenant(server, a.tenant, (db) =>
    db.query(`insert into lead_activities (lead_id, kind, body, actor_id) select l.id, 'note', 'n', l.owner_id
                from leads l, generate_series(1, 3) g where g <= (substring(l.name from 6)::int % 4)`),
  );
  const members = await inTenant(server, a.tenant, (db) => db.query<{ user_id: string; name: string }>('select user_id, name from members'));
  for (const l of leads) {
    ownerName.set(l.id, l.ownerId ? members.find((m) => m.user_id === l.ownerId)!.name : null);
    statusLabel.set(l.id, labels[keys.find((k) => a.statuses[k] === l.statusId)!]!);
    activityCount.set(l.id, Number(l.name.slice(5)) % 4);
  }
});
afterAll(async () => server?.close());

const isPageQuery = (sql: string) => /\bas sort_value from (leads l where\b|\(select l\.\* from leads l where\b)/.test(sql);

/** Runs one operation and returns the statements it sent, split around the page query. */
async function statementsOf<T>(query: string, variables: Record<string, unknown>) {
  log.length = 0;
  const data = ok(await gql<T>(query, variables));
  const statements = [...log];
  const at = statements.findIndex(isPageQuery);
  return { data, statements, before: statements.slice(0, at), after: statements.slice(at + 1), pageQueries: statements.filter(isPageQuery).length };
}

/** Fails showing the statements themselves, so an N+1 is readable in the report. */
function expectAtMost(statements: string[], max: number) {
  const brief = statements.map((s) => s.replace(/\s+/g, ' ').slice(0, 120));
  expect({ withinBudget: statements.length <= max, statements: brief }).toEqual({ withinBudget: true, statements: brief });
}

test.each([5, 100])('a page of %i leads with owner, status and activityCount costs one statement after the page query', async (n) => {
  const { data, after, pageQueries } = await statementsOf<{ leads: { edges: Array<{ node: Node }> } }>(PAGE, { first: n });
  expect(pageQueries).toBe(1);
  // Owner and status come with the page (LEAD_READ_COLUMNS); the activity counts are one batched statement.
  expectAtMost(after, 1);

  const nodes = data.leads.edges.map((e) => e.node);
  expect(nodes).toHaveLength(n);
  for (const node of nodes) {
    expect(node).toEqual({ id: node.id, owner: ownerName.get(node.id) ? { name: ownerName.get(node.id) } : null, status: { label: statusLabel.get(node.id) }, activityCount: activityCount.get(node.id) });
  }
  // The page really spans many owners, statuses and counts: a loader that batched nothing would cost far more.
  expect(new Set(nodes.map((x) => x.owner?.name ?? null)).size).toBe(Math.min(n, 8));
  expect(new Set(nodes.map((x) => x.activityCount)).size).toBe(Math.min(n, 4));
});

test.each([5, 100])('a page of %i leads with owner and status is one statement in all (no catalogue query before the page)', async (n) => {
  const { statements, before, pageQueries } = await statementsOf(`query($first: Int!) { leads(first: $first) { edges { node { id name owner { name } status { label } } } } }`, { first: n });
  expect(pageQueries).toBe(1);
  // Custom field definitions are read only when the page filters or orders by a custom field.
  expectAtMost(before, 0);
  expectAtMost(statements, 1);
});

test('a page ordered or filtered by a custom field still reads the definitions first', async () => {
  for (const args of ['orderBy: { field: CUSTOM_FIELD, customFieldKey: "nope" }', 'filter: { customFields: [{ key: "nope", condition: { eq: "x" } }] }']) {
    log.length = 0;
    const res = await gql(`{ leads(first: 5, ${args}) { edges { node { id } } } }`);
    // An unknown key is refused: the definitions were read to know it.
    expect(JSON.stringify(res.errors)).toMatch(/Unknown custom field/);
    expect(log.some((sql) => /from custom_field_definitions/.test(sql))).toBe(true);
  }
});

test('the statement count does not grow with the page size, even with every relation selected', async () => {
  const small = await statementsOf(RICH, { first: 5 });
  const large = await statementsOf(RICH, { first: 100 });
  for (const run of [small, large]) {
    expect(run.pageQueries).toBe(1);
    // custom field definitions (customFields), totalCount, activity counts, latest activities, teams, and one members
    // statement for createdBy and the activities' actors (owner and status come with the page)
    expectAtMost(run.after, 6);
  }
  expect(large.statements.length).toBeLessThanOrEqual(small.statements.length);
});

test('the same lead(id) under 20 aliases in one operation is one statement', async () => {
  const { leads } = ok(await gql<{ leads: { edges: Array<{ node: { id: string; name: string } }> } }>(`{ leads(first: 20) { edges { node { id name } } } }`));
  const id = leads.edges[0]!.node.id;
  const aliases = Array.from({ length: 20 }, (_, i) => `l${i}: lead(id: $id) { id name }`).join('\n');
  const { data, statements } = await statementsOf<Record<string, { id: string; name: string }>>(`query($id: ID!) { ${aliases} }`, { id });
  expect(Object.values(data)).toEqual(Array.from({ length: 20 }, () => ({ id, name: leads.edges[0]!.node.name })));
  expect(statements).toHaveLength(1);
  expect(statements[0]).toMatch(/from leads l where l\.id = any/);

  // Twenty different leads in one operation are one statement too.
  const many = leads.edges.map((e, i) => `l${i}: lead(id: "${e.node.id}") { id }`).join('\n');
  const distinct = await statementsOf<Record<string, { id: string }>>(`{ ${many} }`, {});
  expect(Object.values(distinct.data).map((l) => l.id)).toEqual(leads.edges.map((e) => e.node.id));
  expect(distinct.statements).toHaveLength(1);

  // With its owner and status: still one statement (they are read with the lead).
  const withRelations = await statementsOf<{ lead: { owner: { name: string } | null; status: { label: string } } }>(
    `query($id: ID!) { lead(id: $id) { id owner { name } status { label } } }`,
    { id },
  );
  expect(withRelations.data.lead.status.label).toBe(statusLabel.get(id));
  expect(withRelations.data.lead.owner?.name ?? null).toBe(ownerName.get(id));
  expect(withRelations.statements).toHaveLength(1);
});
