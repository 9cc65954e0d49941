import { startTestServer, type TestServer } from '../../test/helpers';
import { watchPgTexts } from '../../test/pg-watch';
import { as, leadTenant, ok, type Gql, type LeadTenant } from '../../test/lead-fixtures';

/**
 * A GraphQL query's tenant reads run as read-only units of work, each one message (BEGIN READ ONLY with the tenant
 * settings, the read, COMMIT: tenancy/batch-read.ts); a mutation's transaction opens read-write with one message
 * (tenancy/session.ts). This watches what every pg client of this process sends.
 */
let server: TestServer;
let a: LeadTenant;
let gql: Gql;
let sent: string[] = [];
let restore = () => undefined as void;

beforeAll(async () => {
  server = await startTestServer();
  a = await leadTenant(server);
  gql = as(server, a.token);
  ({ sent, restore } = watchPgTexts());
});
afterAll(async () => {
  restore();
  await server?.close();
});

/** The message that opened the operation's tenant transaction. */
async function openingOf(op: () => Promise<unknown>): Promise<string> {
  sent.length = 0;
  await op();
  const openings = sent.filter((s) => /^start transaction/i.test(s));
  expect(openings).toHaveLength(1);
  return openings[0]!;
}

test('a query reads in read-only units of work, each one message: settings, read and commit', async () => {
  sent.length = 0;
  ok(await gql(`{ leads(first: 2) { edges { node { id owner { name } status { label } } } } }`));
  const units = sent.filter((s) => /^start transaction/i.test(s));
  expect(units.length).toBeGreaterThanOrEqual(1);
  expect(units.some((u) => /from leads l/.test(u))).toBe(true);
  for (const unit of units) expect(unit).toMatch(/^start transaction read only; select set_config\(.*; commit$/s);
  // Nothing else opened a transaction or committed one on the side.
  expect(sent.filter((s) => /^(begin|start transaction|commit)\b/i.test(s) && !units.includes(s))).toEqual([]);
});

test('a mutation opens its transaction read-write and commits', async () => {
  const opening = await openingOf(async () => ok(await gql(`mutation { createLead(input: { name: "rw" }) { id } }`)));
  expect(opening).toMatch(/^start transaction; select set_config\(/);
  expect(sent).toContain('COMMIT');
  const { leads } = ok(await gql<{ leads: { edges: Array<{ node: { name: string } }> } }>(`{ leads(first: 5) { edges { node { name } } } }`));
  expect(leads.edges.map((e) => e.node.name)).toContain('rw');
});

test('a read-only transaction refuses a write, whatever a resolver would try', async () => {
  const session = server.platform.openSession(a.tenant, { readOnly: true });
  try {
    await expect(session.query(`insert into leads (name, status_id) select 'nope', id from lead_statuses limit 1`)).rejects.toThrow(/read-only transaction/);
  } finally {
    await session.finish('rollback');
  }
});
