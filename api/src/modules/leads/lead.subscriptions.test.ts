import { randomBytes } from 'node:crypto';
import { addMember, createTestTenant, hasRedis, login, startTestServer, uniqueSlug, type TestServer, type TestTenant } from '../../../test/helpers';
import { Topic, tenantChannel } from '../../graphql/topics';
import { wsTestClient, until, type Feed, type FeedItem, type WsTestClient } from '../../../test/ws-client';
import { grantRole } from '../../../test/permission-fixtures';
import { tenantDb } from '../../tenancy/context';
import { withTenant } from '../../tenancy/with-tenant';
import { MEMBERSHIP_MAX_AGE_MS } from '../../graphql/subscriptions/event-stream';
import { SessionService } from '../auth/session.service';

interface Ev {
  kind: string;
  fields: string[];
  at: string;
  lead: { id: string; name: string; owner: { email: string } | null; status: { key: string } } | null;
  actor: { email: string } | null;
  previousOwner: { email: string } | null;
}
const EVENT = `kind fields at lead { id name owner { email } status { key } } actor { email } previousOwner { email }`;
const ASSIGNED = `subscription($toMe: Boolean) { leadAssigned(toMe: $toMe) { ${EVENT} } }`;
const CHANGED = `subscription($leadId: ID) { leadChanged(leadId: $leadId) { ${EVENT} } }`;
type Data = { leadAssigned?: Ev; leadChanged?: Ev };
type Item = FeedItem<Data>;
const ev = (item: Item): Ev => (item.data?.leadAssigned ?? item.data?.leadChanged)!;
const about = (item: Item, leadId: string) => ev(item)?.lead?.id === leadId;

const PREFIX = `lpt:${randomBytes(4).toString('hex')}:`;
const APP = `lp-subs-${randomBytes(3).toString('hex')}`;
let server: TestServer;
let a: TestTenant;
let adminA: string;
let user: { id: string; email: string; tokenA: string };
const clients: WsTestClient[] = [];
const ws = (token?: string, s: TestServer = server) => {
  const c = wsTestClient(s.url, token);
  clients.push(c);
  return c;
};

beforeAll(async () => {
  server = await startTestServer({ REDIS_PREFIX: PREFIX }, { platform: { applicationName: APP } });
  a = await createTestTenant(server, { direct: true });
  adminA = (await login(server, a.adminEmail)).accessToken;
  const email = `rep-${uniqueSlug()}@example.test`;
  const id = await addMember(server, a.tenant, email);
  await grantRole(server, a.tenant, id, 'agent'); // sees the leads they own
  user = { id, email, tokenA: (await login(server, email, a.tenant.slug)).accessToken };
});
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.dispose()));
});
afterAll(async () => server?.close());

async function gql<T>(s: TestServer, token: string, query: string, variables: Record<string, unknown> = {}) {
  const res = await s.gql<T>(query, variables, { token });
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data!;
}
const createLead = async (token: string, name: string, ownerId?: string, s = server) =>
  (await gql<{ createLead: { id: string } }>(s, token, `mutation($i: CreateLeadInput!) { createLead(input: $i) { id } }`, { i: { name, ownerId } })).createLead.id;
const rename = (token: string, id: string, name: string, s = server) =>
  gql(s, token, `mutation($id: ID!, $n: String!) { updateLead(id: $id, input: { name: $n }) { id } }`, { id, n: name });
const assign = (token: string, leadId: string, userId: string | null, s = server) =>
  gql(s, token, `mutation($l: ID!, $u: ID) { assignLead(leadId: $l, userId: $u) { id } }`, { l: leadId, u: userId });

/** Primes a feed with a fresh lead assigned to `ownerId`. */
const primeAssigned = (feed: Feed<Data>, token: string, ownerId: string, s = server) =>
  feed.prime(() => createLead(token, 'prime', ownerId, s), (item, id) => about(item, id));

test('an event crosses API processes through Redis: subscribe on one, mutate on the other', async () => {
  if (!hasRedis) return;
  const other = await startTestServer({ REDIS_PREFIX: PREFIX });
  try {
    const feed = ws(adminA).subscribe<Data>(CHANGED);
    await feed.prime(() => createLead(adminA, 'prime', undefined, other), (item, id) => about(item, id));
    const id = await createLead(adminA, 'Grace', undefined, other);
    expect(ev(await feed.next())).toMatchObject({ kind: 'created', lead: { id, name: 'Grace', status: { key: 'new' } }, actor: { email: a.adminEmail } });
    await rename(adminA, id, 'Grace Hopper', other);
    const updated = ev(await feed.next());
    expect(updated).toMatchObject({ kind: 'updated', fields: ['name'], lead: { name: 'Grace Hopper' } });
    expect(new Date(updated.at).getTime()).toBeGreaterThan(Date.now() - 60_000);
    const [to] = await withTenant(server.platform.openSession, a.tenant, () =>
      tenantDb().query<{ id: string }>(
        `select t.to_status_id as id from lead_status_transitions t join lead_statuses s on s.id = t.from_status_id where s.is_default limit 1`,
      ),
    );
    await gql(other, adminA, `mutation($id: ID!, $s: ID!) { changeLeadStatus(id: $id, statusId: $s) { id } }`, { id, s: to!.id });
    expect(ev(await feed.next())).toMatchObject({ kind: 'status', fields: ['status'], lead: { id } });
  } finally {
    await other.close();
  }
});

test('toMe delivers only leads now owned by the subscriber', async () => {
  const mine = ws(user.tokenA).subscribe<Data>(ASSIGNED, { toMe: true });
  const all = ws(adminA).subscribe<Data>(ASSIGNED);
  await primeAssigned(mine, adminA, user.id);
  await primeAssigned(all, adminA, a.adminId);
  const l1 = await createLead(adminA, 'L1');
  const l2 = await createLead(adminA, 'L2');
  await assign(adminA, l1, a.adminId);
  await assign(adminA, l2, user.id);
  expect(ev(await mine.next())).toMatchObject({ kind: 'assigned', lead: { id: l2, owner: { email: user.email } }, previousOwner: null });
  expect(ev(await all.next()).lead?.id).toBe(l1);
  expect(ev(await all.next()).lead?.id).toBe(l2);
  await assign(adminA, l2, a.adminId);
  expect(ev(await all.next())).toMatchObject({ lead: { id: l2 }, previousOwner: { email: user.email } });
  expect(await mine.quiet(300)).toBe(0);
});

test('leadId filters to one lead', async () => {
  const x = await createLead(adminA, 'X');
  const y = await createLead(adminA, 'Y');
  const feed = ws(adminA).subscribe<Data>(CHANGED, { leadId: x });
  let n = 0;
  await feed.prime(() => rename(adminA, x, `X${++n}`).then(() => x), (item, id) => about(item, id));
  await rename(adminA, y, 'Y2');
  await rename(adminA, x, 'X-final');
  expect(ev(await feed.next())).toMatchObject({ kind: 'updated', lead: { id: x, name: 'X-final' } });
  expect(await feed.quiet(200)).toBe(0);
});

test('a rolled-back change publishes nothing; the same change committed does', async () => {
  const feed = ws(adminA).subscribe<Data>(ASSIGNED);
  await primeAssigned(feed, adminA, a.adminId);
  const l1 = await createLead(adminA, 'R1');
  const l2 = await createLead(adminA, 'R2');
  const bulk = `mutation($ids: [ID!]!, $u: ID) { assignLeads(ids: $ids, userId: $u) { count } }`;
  const missing = '00000000-0000-4000-8000-000000000000';
  const failed = await server.gql(bulk, { ids: [l1, missing], u: user.id }, { token: adminA });
  expect(failed.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  // A real rollback: the first field writes and queues its event, the second fails, the operation rolls back.
  const two = await server.gql(`mutation($a: ID!, $b: ID!, $u: ID) { a: assignLead(leadId: $a, userId: $u) { id } b: assignLead(leadId: $b, userId: $u) { id } }`, { a: l1, b: missing, u: user.id }, { token: adminA });
  expect(two.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  expect(await feed.quiet(500)).toBe(0);
  const owner = await gql<{ lead: { owner: null } }>(server, adminA, `query($id: ID!) { lead(id: $id) { owner { id } } }`, { id: l1 });
  expect(owner.lead.owner).toBeNull();

  await gql(server, adminA, bulk, { ids: [l1, l2], u: user.id });
  expect(await feed.quiet(500)).toBe(2);
});

test('a subscriber of tenant B never receives tenant A events, even for toMe with a member of both', async () => {
  const b = await createTestTenant(server, { direct: true });
  const adminB = (await login(server, b.adminEmail)).accessToken;
  await grantRole(server, b.tenant, await addMember(server, b.tenant, user.email), 'agent');
  const tokenB = (await login(server, user.email, b.tenant.slug)).accessToken;
  const feed = ws(tokenB).subscribe<Data>(ASSIGNED, { toMe: true });
  await primeAssigned(feed, adminB, user.id);

  await createLead(adminA, 'A-owned', user.id);
  await assign(adminA, await createLead(adminA, 'A2'), user.id);
  // Forged: tenant A's event on tenant B's channel is dropped by the per-event tenant check.
  const forged = { tenantId: a.tenant.id, leadId: randomBytes(16).toString('hex'), kind: 'assigned', actorId: null, ownerId: user.id, previousOwnerId: null, fields: [], at: new Date().toISOString() };
  await server.platform.bus.publish(tenantChannel(server.platform.config.redis.prefix, b.tenant.id, Topic.LEAD_ASSIGNED), JSON.stringify(forged));
  const control = await createLead(adminB, 'B-control', user.id);
  // Published in this order: had anything from A (or the forgery) been delivered, it would come first.
  expect(ev(await feed.next())).toMatchObject({ lead: { id: control } });
  expect(await feed.quiet(300)).toBe(0);
});

test('no connection is held between events, and no loader cache survives one', async () => {
  const checkedOut = () => server.platform.pool.totalCount - server.platform.pool.idleCount;
  const idleInTx = async () =>
    (await server.platform.db.one<{ n: number }>(`select count(*)::int as n from pg_stat_activity where application_name = $1 and state like 'idle in transaction%'`, [APP]))!.n;
  // The measure sees a held tenant transaction when there is one:
  const held = server.platform.openSession(a.tenant);
  await held.query('select 1');
  expect(await idleInTx()).toBe(1);
  await held.finish('commit');

  const x = await createLead(adminA, 'v0', a.adminId);
  const feed = ws(adminA).subscribe<Data>(CHANGED, { leadId: x });
  let n = 0;
  await feed.prime(() => rename(adminA, x, `prime${++n}`).then(() => x), (item, id) => about(item, id));
  for (let i = 1; i <= 5; i++) {
    await rename(adminA, x, `v${i}`);
    // A loader cache kept across events would answer the previous name.
    expect(ev(await feed.next())).toMatchObject({ kind: 'updated', lead: { id: x, name: `v${i}`, owner: { email: a.adminEmail } } });
  }
  // pg-boss polls through the same pool, so a transient checkout is expected; a held one would never go away.
  await until(() => checkedOut() === 0, 5000, 'no checked-out connection');
  await until(async () => (await idleInTx()) === 0, 5000, 'no idle-in-transaction backend');
  expect(await idleInTx()).toBe(0);
});

/** A member who sees every lead, subscribed to leadChanged and primed. */
async function managerFeed() {
  const email = `gone-${uniqueSlug()}@example.test`;
  const id = await addMember(server, a.tenant, email);
  await grantRole(server, a.tenant, id, 'manager'); // sees every lead
  const feed = ws((await login(server, email, a.tenant.slug)).accessToken).subscribe<Data>(CHANGED);
  await feed.prime(() => createLead(adminA, 'prime'), (item, leadId) => about(item, leadId));
  return { id, feed };
}
const expectForbiddenWithout = async (feed: Feed<Data>, name: string) => {
  await until(() => feed.ended, 5000, 'the subscription to end');
  expect(feed.items.some((item) => ev(item)?.lead?.name === name)).toBe(false);
  expect((feed.error as Array<{ extensions?: { code?: string } }>)[0]?.extensions?.code).toBe('FORBIDDEN');
};

test('a member deactivated mid-subscription (in another API process when Redis is on) gets FORBIDDEN at the next event, and nothing more', async () => {
  const { id, feed } = await managerFeed();
  const other = hasRedis ? await startTestServer({ REDIS_PREFIX: PREFIX }) : server;
  try {
    // Within the staleness bound: only the deactivation's signal can stop the next event.
    await gql(other, adminA, `mutation($u: ID!) { deactivateMember(userId: $u) { id } }`, { u: id });
    await createLead(adminA, 'secret', undefined, other);
    await expectForbiddenWithout(feed, 'secret');
  } finally {
    if (other !== server) await other.close();
  }
});

test('a membership change nobody signalled still stops delivery within MEMBERSHIP_MAX_AGE_MS', async () => {
  const { id, feed } = await managerFeed();
  await server.platform.db.rows(`update control.memberships set status = 'deactivated' where tenant_id = $1 and user_id = $2`, [a.tenant.id, id]);
  await new Promise((r) => setTimeout(r, MEMBERSHIP_MAX_AGE_MS + 100));
  await createLead(adminA, 'secret');
  await expectForbiddenWithout(feed, 'secret');
}, 20_000);

test('events in between membership checks cost no control-plane query; a role change re-reads permissions at the next event', async () => {
  const { id, feed } = await managerFeed();
  const checks = jest.spyOn(SessionService.prototype, 'isActiveMember');
  try {
    for (let i = 1; i <= 5; i++) {
      const lead = await createLead(adminA, `seen${i}`);
      expect(ev(await feed.next())).toMatchObject({ lead: { id: lead } });
    }
    // The prime's check is good for MEMBERSHIP_MAX_AGE_MS; on a loaded machine one more may fall due.
    expect(checks.mock.calls.length).toBeLessThanOrEqual(1);
    // Manager -> agent: the next event is judged with the agent's own-scope visibility.
    const roles = (await gql<{ roles: Array<{ id: string; key: string }> }>(server, adminA, `{ roles { id key } }`)).roles;
    const agent = roles.find((r) => r.key === 'agent')!.id;
    const before = checks.mock.calls.length;
    await gql(server, adminA, `mutation($u: ID!, $r: [ID!]!) { setMemberRoles(userId: $u, roleIds: $r) { id } }`, { u: id, r: [agent] });
    await createLead(adminA, 'not theirs');
    const mine = await createLead(adminA, 'theirs', id);
    expect(ev(await feed.next())).toMatchObject({ lead: { id: mine, name: 'theirs' } });
    expect(feed.items.some((item) => ev(item)?.lead?.name === 'not theirs')).toBe(false);
    expect(checks.mock.calls.length).toBeGreaterThan(before);
  } finally {
    checks.mockRestore();
  }
});
