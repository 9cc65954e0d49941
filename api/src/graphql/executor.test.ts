import { startTestServer, type TestServer } from '../../test/helpers';
import { as, errorCode, leadTenant, ok, type Gql, type LeadTenant } from '../../test/lead-fixtures';

/**
 * The executor (graphql/executor.ts): queries run compiled by graphql-jit, one compiled function per document shared
 * by every tenant; mutations run with graphql-js. These pin the places where the two differ, and that sharing a
 * compiled query never shares data.
 */

let server: TestServer;
let a: LeadTenant;
let b: LeadTenant;
let gqlA: Gql;
let gqlB: Gql;

beforeAll(async () => {
  server = await startTestServer();
  [a, b] = await Promise.all([leadTenant(server), leadTenant(server)]);
  gqlA = as(server, a.token);
  gqlB = as(server, b.token);
  for (const [gql, prefix] of [
    [gqlA, 'A'],
    [gqlB, 'B'],
  ] as const) {
    for (let i = 0; i < 5; i++) ok(await gql(`mutation($i: CreateLeadInput!) { createLead(input: $i) { id } }`, { i: { name: `${prefix} lead ${i}`, company: `${prefix} Co` } }));
  }
});
afterAll(async () => server?.close());

const PAGE = `query Page($o: LeadOrder) { leads(first: 50, orderBy: $o) { edges { node { name company owner { name } status { key } } } } }`;
type Page = { leads: { edges: Array<{ node: { name: string; company: string | null } }> } };

test('one compiled query serves many tenants at once, each its own rows only', async () => {
  // The same document (so the same compiled function), interleaved across the two tenants, 40 at a time.
  const runs = await Promise.all(
    Array.from({ length: 40 }, (_, i) => (i % 2 ? gqlB : gqlA)<Page>(PAGE, { o: { field: 'NAME' } }).then((res) => ({ tenant: i % 2 ? 'B' : 'A', res }))),
  );
  for (const { tenant, res } of runs) {
    const names = ok(res).leads.edges.map((e) => e.node.name);
    expect(names).toEqual([0, 1, 2, 3, 4].map((i) => `${tenant} lead ${i}`));
  }
});

test('an input field with a default may be left out of a variable (graphql-jit alone would refuse it)', async () => {
  // LeadOrder.direction is `OrderDirection! = ASC`.
  const asc = ok(await gqlA<Page>(PAGE, { o: { field: 'NAME' } })).leads.edges.map((e) => e.node.name);
  const desc = ok(await gqlA<Page>(PAGE, { o: { field: 'NAME', direction: 'DESC' } })).leads.edges.map((e) => e.node.name);
  expect(asc).toEqual(['A lead 0', 'A lead 1', 'A lead 2', 'A lead 3', 'A lead 4']);
  expect(desc).toEqual([...asc].reverse());
});

test('bad variables are BAD_USER_INPUT, in queries as in mutations', async () => {
  expect(errorCode(await gqlA(PAGE, { o: { field: 'NOPE' } }))).toBe('BAD_USER_INPUT');
  expect(errorCode(await gqlA(`query($id: ID!) { lead(id: $id) { id } }`, {}))).toBe('BAD_USER_INPUT');
  expect(errorCode(await gqlA(`mutation($i: UpdateLeadInput!) { updateLead(id: "x", input: $i) { id } }`, { i: { name: 42 } }))).toBe('BAD_USER_INPUT');
});

test('a mutation whose input names an unset variable leaves that field as it was (not cleared to null)', async () => {
  const lead = ok(await gqlA<{ createLead: { id: string } }>(`mutation { createLead(input: { name: "Keep", company: "Kept Co" }) { id } }`)).createLead;
  const updated = ok(
    await gqlA<{ updateLead: { name: string; company: string | null } }>(
      `mutation($id: ID!, $name: String, $company: String) { updateLead(id: $id, input: { name: $name, company: $company }) { name company } }`,
      { id: lead.id, name: 'Renamed' },
    ),
  ).updateLead;
  expect(updated).toEqual({ name: 'Renamed', company: 'Kept Co' });
});

test('queries and mutations sent together in one document each run with their own executor', async () => {
  const doc = `query Q { leads(first: 1) { edges { node { id } } } } mutation M { createLead(input: { name: "From M" }) { name } }`;
  const run = <T>(operationName: string) => server.gql<T>(doc, undefined, { token: a.token, operationName });
  expect(ok(await run<{ createLead: { name: string } }>('M')).createLead.name).toBe('From M');
  expect(ok(await run<{ leads: { edges: unknown[] } }>('Q')).leads.edges).toHaveLength(1);
  expect(ok(await run<{ createLead: { name: string } }>('M')).createLead.name).toBe('From M');
});

test('introspection and __typename run compiled too (tools such as GraphiQL and codegen use them)', async () => {
  const res = ok(
    await gqlA<{ __schema: { queryType: { name: string }; types: Array<{ name: string }> }; leads: { __typename: string } }>(
      `query { __schema { queryType { name } types { name } } leads(first: 1) { __typename } }`,
    ),
  );
  expect(res.__schema.queryType.name).toBe('Query');
  expect(res.__schema.types.map((t) => t.name)).toEqual(expect.arrayContaining(['Lead', 'LeadConnection', 'LeadOrder']));
  expect(res.leads.__typename).toBe('LeadConnection');
});
