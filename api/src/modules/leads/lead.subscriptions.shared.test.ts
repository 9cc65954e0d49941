import { createTestTenant, login, startTestServer, type TestServer, type TestTenant } from '../../../test/helpers';
import { wsTestClient, type Feed, type FeedItem, type WsTestClient } from '../../../test/ws-client';

/**
 * One delivery, many subscribers: the event's lead is read once in the process for all the subscribers of its
 * tenant who see every lead (lead.subscriptions.ts, leadOfDelivery), and never reaches another tenant's subscribers.
 * Both tenants' subscribers send the same text, so they share one parsed document and one compiled plan
 * (graphql/document-cache.ts): what is shared is the query, never an event or a row.
 */

interface Ev {
  kind: string;
  lead: { id: string; name: string; owner: { email: string } | null; status: { key: string } } | null;
}
type Data = { leadChanged?: Ev };
const CHANGED = `subscription { leadChanged { kind lead { id name owner { email } status { key } } } }`;
const about = (item: FeedItem<Data>, id: string) => item.data?.leadChanged?.lead?.id === id;

const log: string[] = [];
let server: TestServer;
let a: TestTenant;
let b: TestTenant;
let tokenA: string;
let tokenB: string;
const clients: WsTestClient[] = [];

beforeAll(async () => {
  server = await startTestServer({}, { platform: { onStatement: (sql) => log.push(sql) } });
  [a, b] = await Promise.all([createTestTenant(server, { direct: true }), createTestTenant(server, { direct: true })]);
  tokenA = (await login(server, a.adminEmail)).accessToken;
  tokenB = (await login(server, b.adminEmail)).accessToken;
});
afterAll(async () => {
  await Promise.all(clients.map((c) => c.dispose()));
  await server?.close();
});

async function gql<T>(token: string, query: string, variables: Record<string, unknown> = {}) {
  const res = await server.gql<T>(query, variables, { token });
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data!;
}
const createLead = async (token: string, name: string) =>
  (await gql<{ createLead: { id: string } }>(token, `mutation($i: CreateLeadInput!) { createLead(input: $i) { id } }`, { i: { name } })).createLead.id;

async function feeds(token: string, n: number): Promise<Array<Feed<Data>>> {
  const out: Array<Feed<Data>> = [];
  for (let i = 0; i < n; i++) {
    const c = wsTestClient(server.url, token);
    clients.push(c);
    const feed = c.subscribe<Data>(CHANGED);
    await feed.prime(() => createLead(token, 'prime'), (item, id) => about(item, id));
    out.push(feed);
  }
  return out;
}

// Through the batch reader, whose statements carry the id as a checked literal.
const leadReads = () => log.filter((sql) => /from leads l where l\.id = \$1$/.test(sql.trim()));

test("a change reaches every subscriber of its tenant with one read of the lead, and none of another tenant's", async () => {
  const feedsA = await feeds(tokenA, 3);
  const [feedB] = await feeds(tokenB, 1);
  const all = [...feedsA, feedB!];
  await Promise.all(all.map((f) => f.quiet(300)));

  const idA = await createLead(tokenA, 'Ada');
  await Promise.all(feedsA.map((f) => f.quiet(300)));
  log.length = 0;
  await gql(tokenA, `mutation($id: ID!) { updateLead(id: $id, input: { name: "Ada Lovelace" }) { id } }`, { id: idA });

  for (const f of feedsA) {
    expect((await f.next()).data?.leadChanged).toEqual({ kind: 'updated', lead: { id: idA, name: 'Ada Lovelace', owner: null, status: { key: 'new' } } });
  }
  expect(await feedB!.quiet(300)).toBe(0);
  // Three deliveries, one read: the lead, its status and its owner in one statement.
  expect(leadReads()).toHaveLength(1);

  // The other way round: B's change reaches B's subscriber only, read in B.
  log.length = 0;
  const idB = await createLead(tokenB, 'Grace');
  expect((await feedB!.next()).data?.leadChanged).toMatchObject({ kind: 'created', lead: { id: idB, name: 'Grace' } });
  for (const f of feedsA) expect(await f.quiet(300)).toBe(0);
  expect(leadReads()).toHaveLength(1);
});
