import { randomBytes, randomUUID } from 'node:crypto';
import { memberWith } from '../../../test/admin-fixtures';
import { createTestTenant, hasRedis, startTestServer, type GqlResponse, type TestServer } from '../../../test/helpers';
import { leadTenant, seedLeads, type LeadTenant } from '../../../test/lead-fixtures';
import { setRolePermissions } from '../../../test/permission-fixtures';
import { wsTestClient, type Feed, type WsTestClient } from '../../../test/ws-client';
import { DEFAULT_ROLES } from './catalog';

/*
 * A change to a role's permissions, made in one API process (roles array updated in the tenant schema, then
 * PermissionCache.invalidateTenant), takes effect in another process sharing Redis as soon as its broadcast arrives
 * there (before the permissionsChanged announcement, which rides right behind it), and reaches that process's
 * websocket subscribers as permissionsChanged. Needs Redis: skipped (and says so) without.
 */

type Changed = { permissionsChanged: { userIds: string[]; at: string } };
const CHANGED = `subscription { permissionsChanged { userIds at } }`;
const AGENT = DEFAULT_ROLES.find((r) => r.key === 'agent')!.permissions;
const PREFIX = `lpt:${randomBytes(4).toString('hex')}:`;

let one: TestServer; // where the change is made
let two: TestServer; // where it must take effect
let t: LeadTenant;
let agent: { id: string; token: string };
let leadIds: string[];
const clients: WsTestClient[] = [];
const subscribe = <T>(s: TestServer, token: string, query: string): Feed<T> => {
  const c = wsTestClient(s.url, token);
  clients.push(c);
  return c.subscribe<T>(query);
};

beforeAll(async () => {
  if (!hasRedis) return;
  [one, two] = await Promise.all([startTestServer({ REDIS_PREFIX: PREFIX }), startTestServer({ REDIS_PREFIX: PREFIX })]);
  t = await leadTenant(one);
  agent = await memberWith(one, t, 'agent');
  const rows = await seedLeads(one, t.tenant, [
    { name: 'mine', statusId: t.statuses.new!, ownerId: agent.id },
    { name: 'theirs', statusId: t.statuses.new!, ownerId: t.adminId },
  ]);
  leadIds = rows.map((r) => r.id);
});
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.dispose()));
  if (hasRedis) await setRolePermissions(one, t.tenant, 'agent', AGENT);
});
afterAll(async () => Promise.all([one?.close(), two?.close()]));

const onTwo = <T>(query: string, variables: Record<string, unknown> = {}) => two.gql<T>(query, variables, { token: agent.token });
const code = (r: GqlResponse<unknown>) => r.errors?.[0]?.extensions?.code ?? 'ok';
const total = async () => (await onTwo<{ leads: { totalCount: number } }>(`{ leads { totalCount } }`)).data?.leads.totalCount;
/** Live on `two`: invalidations are published (from `one`) until one of them arrives, then all read. */
const primeChanged = (feed: Feed<Changed>) =>
  feed.prime(async () => {
    const marker = randomUUID();
    await one.services.permissions.invalidateTenant(t.tenant.id, [marker]);
    return marker;
  }, (item, marker) => Boolean(item.data?.permissionsChanged.userIds.includes(marker)));

test('a granted permission works on the next request in the other process, and is announced there', async () => {
  if (!hasRedis) return console.warn('permission-change.test.ts: no Redis, skipped');
  // Warm `two`'s view first: the agent's own lead only, and no delete.
  expect(await total()).toBe(1);
  expect(code(await onTwo(`mutation($id: ID!) { deleteLead(id: $id) { id } }`, { id: leadIds[0] }))).toBe('FORBIDDEN');
  const feed = subscribe<Changed>(two, agent.token, CHANGED);
  await primeChanged(feed);

  const before = Date.now();
  await setRolePermissions(one, t.tenant, 'agent', [...AGENT, 'leads.read.all', 'leads.delete'], [agent.id]);
  const event = (await feed.next()).data!.permissionsChanged;
  expect(event.userIds).toEqual([agent.id]);
  expect(new Date(event.at).getTime()).toBeGreaterThanOrEqual(before - 1000);

  expect(await total()).toBe(2);
  expect((await onTwo<{ myPermissions: { permissions: string[] } }>(`{ myPermissions { permissions } }`)).data!.myPermissions.permissions).toEqual(expect.arrayContaining(['leads.read.all', 'leads.delete']));
  expect(code(await onTwo(`mutation($id: ID!) { deleteLead(id: $id) { id } }`, { id: leadIds[1] }))).toBe('ok');
  expect(code(await onTwo(`mutation($id: ID!) { restoreLead(id: $id) { id } }`, { id: leadIds[1] }))).toBe('ok');
});

test('a revoked permission is refused on the next request, and at the next event of a live lead feed', async () => {
  if (!hasRedis) return;
  expect(await total()).toBe(1);
  const leads = subscribe<{ leadChanged: { lead: { id: string } | null } }>(two, agent.token, `subscription { leadChanged { lead { id } } }`);
  let n = 0;
  const rename = (name: string) => one.gql(`mutation($id: ID!, $n: String!) { updateLead(id: $id, input: { name: $n }) { id } }`, { id: leadIds[0], n: name }, { token: t.token });
  await leads.prime(async () => (await rename(`p${++n}`), leadIds[0]!), (item, id) => item.data?.leadChanged.lead?.id === id);
  const changed = subscribe<Changed>(two, agent.token, CHANGED);
  await primeChanged(changed);

  await setRolePermissions(one, t.tenant, 'agent', ['leads.create'], [agent.id]);
  // `two` remembers permissions for a few seconds (ADR 0010) until the change's broadcast reaches it; the announcement
  // travels right behind that broadcast on the same connection, so once it is here, `two` has forgotten.
  expect((await changed.next()).data!.permissionsChanged.userIds).toEqual([agent.id]);
  expect(code(await onTwo(`{ leads { totalCount } }`))).toBe('FORBIDDEN');
  expect(code(await onTwo(`query($id: ID!) { lead(id: $id) { id } }`, { id: leadIds[0] }))).toBe('FORBIDDEN');
  expect(code(await onTwo(`{ leadCountsByStatus { count } }`))).toBe('FORBIDDEN');
  await rename('after-revocation');
  const item = await leads.next();
  expect(item.data?.leadChanged ?? null).toBeNull();
  expect(item.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
});

test("permissionsChanged is per tenant: another tenant's change is not delivered", async () => {
  if (!hasRedis) return;
  const other = await createTestTenant(one, { direct: true });
  const feed = subscribe<Changed>(two, agent.token, CHANGED);
  await primeChanged(feed);
  await one.services.permissions.invalidateTenant(other.tenant.id, [randomUUID()]);
  await one.services.permissions.invalidateTenant(t.tenant.id, [agent.id]);
  // Published in this order: had the other tenant's been delivered, it would come first.
  expect((await feed.next()).data!.permissionsChanged.userIds).toEqual([agent.id]);
  expect(await feed.quiet(300)).toBe(0);
});
