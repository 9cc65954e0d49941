import { randomBytes } from 'node:crypto';
import { memberWith } from '../../../test/admin-fixtures';
import { startTestServer, type TestServer } from '../../../test/helpers';
import { watchPgTexts } from '../../../test/pg-watch';
import { leadTenant, seedLeads, type LeadTenant } from '../../../test/lead-fixtures';
import { wsTestClient, type Feed, type FeedItem, type WsTestClient } from '../../../test/ws-client';

/*
 * Live lead events for someone who sees only their own leads: whether an event is delivered is decided per event,
 * in SQL, by loading its lead with the owner condition (as the subscriber, in the event's own transaction).
 */

type Ev = { kind: string; lead: { id: string; name: string; owner: { id: string } | null } | null };
type Data = { leadChanged?: Ev; leadAssigned?: Ev };
const ev = (item: FeedItem<Data>) => (item.data?.leadChanged ?? item.data?.leadAssigned)!;
const EVENT = `kind lead { id name owner { id } }`;
const CHANGED = `subscription($leadId: ID) { leadChanged(leadId: $leadId) { ${EVENT} } }`;
const ASSIGNED = `subscription { leadAssigned { ${EVENT} } }`;

let server: TestServer;
let t: LeadTenant;
let agent: { id: string; token: string };
let other: { id: string; token: string };
let sql: string[] = [];
const clients: WsTestClient[] = [];
const subscribe = (token: string, query: string, variables?: Record<string, unknown>): Feed<Data> => {
  const c = wsTestClient(server.url, token);
  clients.push(c);
  return c.subscribe<Data>(query, variables);
};

beforeAll(async () => {
  server = await startTestServer({ REDIS_PREFIX: `lpt:${randomBytes(4).toString('hex')}:` }, { platform: { onStatement: (s) => void sql.push(s) } });
  t = await leadTenant(server);
  agent = await memberWith(server, t, 'agent');
  other = await memberWith(server, t, 'agent');
});
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.dispose()));
});
afterAll(async () => server?.close());

const lead = async (name: string, ownerId: string | null) => (await seedLeads(server, t.tenant, [{ name, statusId: t.statuses.new!, ownerId }]))[0]!.id;
const admin = async (query: string, variables: Record<string, unknown>) => {
  const res = await server.gql(query, variables, { token: t.token });
  if (res.errors) throw new Error(JSON.stringify(res.errors));
};
const rename = (id: string, name: string) => admin(`mutation($id: ID!, $n: String!) { updateLead(id: $id, input: { name: $n }) { id } }`, { id, n: name });
const assign = (id: string, userId: string | null) => admin(`mutation($id: ID!, $u: ID) { assignLead(leadId: $id, userId: $u) { id } }`, { id, u: userId });
let n = 0;
/** Makes sure the feed is live: renames `id` until one of those renames arrives. */
const prime = (feed: Feed<Data>, id: string) =>
  feed.prime(
    () => rename(id, `prime-${++n}`).then(() => `prime-${n}`),
    (item, name) => ev(item)?.lead?.name === name,
  );

test("leadChanged: nothing about another agent's lead, every change to their own", async () => {
  const mine = await lead('mine', agent.id);
  const theirs = await lead('theirs', other.id);
  const unowned = await lead('unowned', null);
  const feed = subscribe(agent.token, CHANGED);
  await prime(feed, mine);

  await rename(theirs, 'theirs-2');
  await rename(unowned, 'unowned-2');
  sql = [];
  const { sent, restore } = watchPgTexts();
  try {
    await rename(mine, 'mine-2');
    // Published in this order: had either of the others been delivered, it would come first.
    expect(ev(await feed.next())).toMatchObject({ kind: 'updated', lead: { id: mine, name: 'mine-2', owner: { id: agent.id } } });
    expect(await feed.quiet(300)).toBe(0);
  } finally {
    restore();
  }
  // The decision was a statement with the owner condition, not a row loaded and then hidden...
  expect(sql.some((s) => /from leads l where l\.id = \$1 and l\.owner_id = \$2/.test(s))).toBe(true);
  // ...sent as a read-only unit of work (ADR 0009), with the agent's id written in: into the statement, or as the
  // argument of the tenant's prepared statement of it (ADR 0014).
  const unit = sent.find(
    (s) => s.includes(agent.id) && /from leads l where l\.id = +'[0-9a-f-]{36}' +and l\.owner_id = +'[0-9a-f-]{36}'|execute lp_[0-9a-f]{24}\('[0-9a-f-]{36}', '[0-9a-f-]{36}'\)/.test(s),
  );
  expect(unit).toMatch(/^start transaction read only; .*; commit$/s);
  expect(unit).toContain(agent.id);
});

// Events carry ids only, so visibility is decided when an event is delivered (quiet() gives each event time to be).
test('the decision is made when each event is delivered: a lead assigned away stops, assigned back resumes', async () => {
  const x = await lead('x', agent.id);
  const feed = subscribe(agent.token, CHANGED, { leadId: x });
  await prime(feed, x);
  await assign(x, other.id);
  await rename(x, 'while-theirs');
  expect(await feed.quiet(400)).toBe(0);
  await assign(x, agent.id);
  expect(ev(await feed.next())).toMatchObject({ kind: 'assigned', lead: { id: x, name: 'while-theirs', owner: { id: agent.id } } });
  expect(await feed.quiet(300)).toBe(0);
});

test('leadAssigned: someone who sees every lead gets every assignment; the agent only those of their leads', async () => {
  const mine = await lead('mine-b', agent.id);
  const theirs = await lead('theirs-b', other.id);
  const own = subscribe(agent.token, ASSIGNED);
  const away = async () => {
    await assign(mine, other.id);
    await assign(mine, agent.id);
    return mine;
  };
  await own.prime(away, (item, id) => ev(item)?.lead?.id === id);
  await own.quiet(300); // the prime's other event, if it came late
  const all = subscribe(t.token, ASSIGNED);
  const spare = await lead('spare', other.id);
  const shuffle = async () => {
    await assign(spare, null);
    await assign(spare, other.id);
    return spare;
  };
  await all.prime(shuffle, (item, id) => ev(item)?.lead?.id === id);
  await all.quiet(300);
  expect(await own.quiet(0)).toBe(0); // none of the spare's assignments reached the agent

  await assign(theirs, null); // from another agent to nobody: never the agent's
  expect(await own.quiet(400)).toBe(0);
  await assign(theirs, agent.id); // now the agent's: delivered
  expect(ev(await own.next())).toMatchObject({ kind: 'assigned', lead: { id: theirs, owner: { id: agent.id } } });
  expect(await own.quiet(300)).toBe(0);
  expect([ev(await all.next()), ev(await all.next())].map((e) => [e.lead?.id, e.lead?.owner?.id ?? null])).toEqual([
    [theirs, null],
    [theirs, agent.id],
  ]);
});
