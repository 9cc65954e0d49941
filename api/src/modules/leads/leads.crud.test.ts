import { startTestServer, type TestServer } from '../../../test/helpers';
import { as, badFields, counts, createTeam, errorCode, inTenant, leadTenant, member, ok, randomId, type Gql, type LeadTenant } from '../../../test/lead-fixtures';

/**
 * Lead CRUD through real GraphQL against real PostgreSQL: create (defaults and normalisation), partial update
 * (null clears), soft delete and restore, and reading one lead.
 */

const LEAD = `id name company email phone source value currency tags customFields createdAt updatedAt deletedAt
  status { key } owner { id } team { id } createdBy { id } activityCount latestActivity { kind data actor { id } }`;
const CREATE = `mutation($input: CreateLeadInput!) { createLead(input: $input) { ${LEAD} } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateLeadInput!) { updateLead(id: $id, input: $input) { ${LEAD} } }`;
const DELETE = `mutation($id: ID!) { deleteLead(id: $id) { ${LEAD} } }`;
const RESTORE = `mutation($id: ID!) { restoreLead(id: $id) { ${LEAD} } }`;
const GET = `query($id: ID!) { lead(id: $id) { ${LEAD} } }`;
const LIST_IDS = `query($filter: LeadFilter) { leads(first: 200, filter: $filter) { totalCount edges { node { id } } } }`;

interface Lead {
  id: string;
  name: string;
  company: string | null;
  email: string | null;
  phone: string | null;
  source: string | null;
  value: number | null;
  currency: string | null;
  tags: string[];
  updatedAt: string;
  deletedAt: string | null;
  status: { key: string };
  owner: { id: string } | null;
  team: { id: string } | null;
  createdBy: { id: string } | null;
  activityCount: number;
  latestActivity: { kind: string; data: Record<string, unknown>; actor: { id: string } | null } | null;
}

let server: TestServer;
let a: LeadTenant;
let gql: Gql;

beforeAll(async () => {
  server = await startTestServer();
  a = await leadTenant(server);
  gql = as(server, a.token);
});
afterAll(async () => server?.close());

const create = async (input: Record<string, unknown>) => ok(await gql<{ createLead: Lead }>(CREATE, { input })).createLead;
const listed = async (filter?: Record<string, unknown>) => ok(await gql<{ leads: { totalCount: number; edges: Array<{ node: { id: string } }> } }>(LIST_IDS, { filter })).leads;

test('createLead applies the defaults: the default status, no owner, the creator, and a `created` activity', async () => {
  const lead = await create({ name: '  Ada Lovelace  ', email: 'Ada@Example.COM', tags: [' VIP ', 'vip', 'Beta'] });
  expect(lead).toMatchObject({ name: 'Ada Lovelace', email: 'ada@example.com', tags: ['beta', 'vip'], company: null, value: null, deletedAt: null });
  expect(lead.status.key).toBe('new');
  expect(lead.owner).toBeNull();
  expect(lead.createdBy).toEqual({ id: a.adminId });
  expect(lead.activityCount).toBe(1);
  expect(lead.latestActivity).toEqual({ kind: 'created', data: { statusId: a.statuses.new, ownerId: null }, actor: { id: a.adminId } });
  const stored = await inTenant(server, a.tenant, (db) => db.one<{ status_id: string; created_by: string }>('select status_id, created_by from leads where id = $1', [lead.id]));
  expect(stored).toEqual({ status_id: a.statuses.new, created_by: a.adminId });
});

test('createLead takes an explicit status, owner, team and every plain field', async () => {
  const m = await member(server, a.tenant);
  const team = await createTeam(server, a.tenant);
  const input = { name: 'Grace', company: 'Navy', phone: '+1 (555) 010-0000', source: 'referral', value: 1234.5, currency: 'EUR', statusId: a.statuses.qualified, ownerId: m.id, teamId: team };
  const lead = await create(input);
  expect(lead).toMatchObject({ name: 'Grace', company: 'Navy', phone: '+1 (555) 010-0000', source: 'referral', value: 1234.5, currency: 'EUR' });
  expect([lead.status.key, lead.owner?.id, lead.team?.id]).toEqual(['qualified', m.id, team]);
});

test('updateLead is partial, null clears a field, and the field_change activity lists what was given', async () => {
  const lead = await create({ name: 'Partial', company: 'Old Co', phone: '555-0101', value: 10, currency: 'USD', source: 'web', tags: ['a'] });

  const renamed = ok(await gql<{ updateLead: Lead }>(UPDATE, { id: lead.id, input: { company: 'New Co' } })).updateLead;
  expect(renamed).toMatchObject({ name: 'Partial', company: 'New Co', phone: '555-0101', value: 10, currency: 'USD', source: 'web', tags: ['a'] });
  expect(renamed.latestActivity).toMatchObject({ kind: 'field_change', data: { fields: ['company'] }, actor: { id: a.adminId } });
  expect(renamed.activityCount).toBe(2);
  expect(Date.parse(renamed.updatedAt)).toBeGreaterThan(Date.parse(lead.updatedAt));

  const cleared = ok(await gql<{ updateLead: Lead }>(UPDATE, { id: lead.id, input: { phone: null, value: null, currency: null, tags: null, email: 'P@X.IO' } })).updateLead;
  expect(cleared).toMatchObject({ name: 'Partial', company: 'New Co', phone: null, value: null, currency: null, tags: [], email: 'p@x.io', source: 'web' });
  expect((cleared.latestActivity!.data.fields as string[]).sort()).toEqual(['currency', 'email', 'phone', 'tags', 'value']);

  const refused = await gql(UPDATE, { id: lead.id, input: { name: null } });
  expect([errorCode(refused), badFields(refused)]).toEqual(['BAD_USER_INPUT', ['name']]);
  expect(ok(await gql<{ lead: Lead }>(GET, { id: lead.id })).lead.name).toBe('Partial');
});

test('updateLead of a lead that does not exist is NOT_FOUND', async () => {
  for (const id of [randomId(), 'not-a-uuid']) {
    expect(errorCode(await gql(UPDATE, { id, input: { company: 'x' } }))).toBe('NOT_FOUND');
  }
});

test('deleteLead is soft: the lead leaves `leads`, shows under `deleted: true`, refuses edits, and restoreLead brings it back', async () => {
  const keep = await create({ name: 'Stays' });
  const lead = await create({ name: 'Goes' });

  const deleted = ok(await gql<{ deleteLead: Lead }>(DELETE, { id: lead.id })).deleteLead;
  expect(deleted.deletedAt).not.toBeNull();
  expect(deleted.latestActivity?.kind).toBe('deleted');
  const live = await listed();
  expect(live.edges.map((e) => e.node.id)).toContain(keep.id);
  expect(live.edges.map((e) => e.node.id)).not.toContain(lead.id);
  expect(live.totalCount).toBe(live.edges.length);
  const bin = await listed({ deleted: true });
  expect(bin.edges.map((e) => e.node.id)).toEqual([lead.id]);
  expect(bin.totalCount).toBe(1);
  // The row is still there, and still readable by id (with its deletedAt).
  expect(ok(await gql<{ lead: Lead }>(GET, { id: lead.id })).lead.deletedAt).toBe(deleted.deletedAt);

  const before = await counts(server, a.tenant);
  const edits = [
    gql(UPDATE, { id: lead.id, input: { company: 'x' } }),
    gql(`mutation($id: ID!, $s: ID!) { changeLeadStatus(id: $id, statusId: $s) { id } }`, { id: lead.id, s: a.statuses.contacted }),
    gql(`mutation($id: ID!) { assignLead(leadId: $id, userId: null) { id } }`, { id: lead.id }),
    gql(`mutation($id: ID!) { addLeadNote(leadId: $id, body: "hello") { id } }`, { id: lead.id }),
  ];
  for (const res of await Promise.all(edits)) expect(errorCode(res)).toBe('LEAD_DELETED');
  expect(await counts(server, a.tenant)).toEqual(before);

  const restored = ok(await gql<{ restoreLead: Lead }>(RESTORE, { id: lead.id })).restoreLead;
  expect(restored.deletedAt).toBeNull();
  expect(restored.latestActivity?.kind).toBe('restored');
  expect(restored.activityCount).toBe(3);
  expect((await listed()).edges.map((e) => e.node.id)).toContain(lead.id);
  expect((await listed({ deleted: true })).totalCount).toBe(0);
  expect(ok(await gql<{ updateLead: Lead }>(UPDATE, { id: lead.id, input: { company: 'Back' } })).updateLead.company).toBe('Back');
});

test('deleting a deleted lead or restoring a live one changes nothing', async () => {
  const lead = await create({ name: 'Idempotent' });
  ok(await gql(DELETE, { id: lead.id }));
  const before = await counts(server, a.tenant);
  const again = ok(await gql<{ deleteLead: Lead }>(DELETE, { id: lead.id })).deleteLead;
  expect(again.activityCount).toBe(2);
  ok(await gql(RESTORE, { id: lead.id }));
  const live = ok(await gql<{ restoreLead: Lead }>(RESTORE, { id: lead.id })).restoreLead;
  expect(live.activityCount).toBe(3);
  expect(await counts(server, a.tenant)).toEqual({ ...before, activities: before.activities + 1 });
});

test('lead(id) returns the lead, null for an unknown or malformed id, and accepts an upper-case uuid', async () => {
  const lead = await create({ name: 'Findable', company: 'Acme' });
  expect(ok(await gql<{ lead: Lead }>(GET, { id: lead.id })).lead).toMatchObject({ id: lead.id, name: 'Findable', company: 'Acme' });
  expect(ok(await gql<{ lead: Lead }>(GET, { id: lead.id.toUpperCase() })).lead?.id).toBe(lead.id);
  expect(ok(await gql<{ lead: Lead | null }>(GET, { id: randomId() })).lead).toBeNull();
  expect(ok(await gql<{ lead: Lead | null }>(GET, { id: 'nope' })).lead).toBeNull();
});
