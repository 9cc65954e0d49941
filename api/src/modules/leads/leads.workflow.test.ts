import { startTestServer, type TestServer } from '../../../test/helpers';
import { as, badFields, counts, errorCode, inTenant, leadTenant, member, ok, randomId, snapshot, type Gql, type LeadTenant } from '../../../test/lead-fixtures';

/**
 * The pipeline's rules: status transitions (and their atomicity with the activity), assignment one by one and in
 * bulk (all or nothing), notes.
 */

const LEAD = `id updatedAt status { key } owner { id } activityCount latestActivity { kind body data createdAt actor { id } }`;
const CHANGE = `mutation($id: ID!, $s: ID!) { changeLeadStatus(id: $id, statusId: $s) { ${LEAD} } }`;
const ASSIGN = `mutation($id: ID!, $u: ID) { assignLead(leadId: $id, userId: $u) { ${LEAD} } }`;
const ASSIGN_MANY = `mutation($ids: [ID!]!, $u: ID) { assignLeads(ids: $ids, userId: $u) { count leads { ${LEAD} } } }`;
const NOTE = `mutation($id: ID!, $body: String!, $kind: ActivityKind) { addLeadNote(leadId: $id, body: $body, kind: $kind) { id leadId kind body actor { id } } }`;
const GET = `query($id: ID!) { lead(id: $id) { ${LEAD} } }`;

interface Lead {
  id: string;
  updatedAt: string;
  status: { key: string };
  owner: { id: string } | null;
  activityCount: number;
  latestActivity: { kind: string; body: string | null; data: Record<string, unknown>; createdAt: string; actor: { id: string } | null } | null;
}

let server: TestServer;
let a: LeadTenant;
let gql: Gql;
let m: { id: string };

beforeAll(async () => {
  server = await startTestServer();
  a = await leadTenant(server);
  gql = as(server, a.token);
  m = await member(server, a.tenant);
});
afterAll(async () => server?.close());

const create = async (name = 'Lead') => ok(await gql<{ createLead: Lead }>(`mutation($n: String!) { createLead(input: { name: $n }) { ${LEAD} } }`, { n: name })).createLead;
const get = async (id: string) => ok(await gql<{ lead: Lead }>(GET, { id })).lead;

test('an allowed transition moves the lead and writes a status_change activity in the same transaction', async () => {
  const lead = await create();
  const moved = ok(await gql<{ changeLeadStatus: Lead }>(CHANGE, { id: lead.id, s: a.statuses.contacted })).changeLeadStatus;
  expect(moved.status.key).toBe('contacted');
  expect(moved.activityCount).toBe(2);
  expect(moved.latestActivity).toMatchObject({
    kind: 'status_change',
    data: { from: a.statuses.new, to: a.statuses.contacted, fromKey: 'new', toKey: 'contacted' },
    actor: { id: a.adminId },
  });
  // now() is the transaction's start time: equal timestamps mean the update and the activity share a transaction.
  expect(moved.latestActivity!.createdAt).toBe(moved.updatedAt);
});

test('a forbidden transition is TRANSITION_NOT_ALLOWED and writes nothing', async () => {
  const lead = await create();
  const before = await snapshot(server, a.tenant);
  const res = await gql(CHANGE, { id: lead.id, s: a.statuses.won });
  expect(errorCode(res)).toBe('TRANSITION_NOT_ALLOWED');
  expect(res.errors![0]!.extensions).toMatchObject({ from: 'new', to: 'won' });
  expect(await snapshot(server, a.tenant)).toBe(before);
  expect(await get(lead.id)).toMatchObject({ status: { key: 'new' }, activityCount: 1, updatedAt: lead.updatedAt });
});

test('an unknown status is BAD_USER_INPUT on statusId; moving to the current status is a no-op', async () => {
  const lead = await create();
  const res = await gql(CHANGE, { id: lead.id, s: randomId() });
  expect([errorCode(res), badFields(res)]).toEqual(['BAD_USER_INPUT', ['statusId']]);
  expect(ok(await gql<{ changeLeadStatus: Lead }>(CHANGE, { id: lead.id, s: a.statuses.new })).changeLeadStatus.activityCount).toBe(1);
});

test('when the activity cannot be written, the status change is rolled back with it', async () => {
  const lead = await create();
  const schema = a.tenant.schemaName;
  // A trigger owned by the test (superuser connection) makes the status_change activity insert fail.
  await server.platform.db.rows(`create function "${schema}".refuse_status_activity() returns trigger language plpgsql as $$
    begin if new.kind = 'status_change' then raise exception 'refused by test'; end if; return new; end $$`);
  await server.platform.db.rows(`create trigger refuse before insert on "${schema}".lead_activities for each row execute function "${schema}".refuse_status_activity()`);
  try {
    const res = await gql(CHANGE, { id: lead.id, s: a.statuses.contacted });
    expect(errorCode(res)).toBe('INTERNAL_SERVER_ERROR');
  } finally {
    await server.platform.db.rows(`drop function "${schema}".refuse_status_activity() cascade`);
  }
  expect(await get(lead.id)).toMatchObject({ status: { key: 'new' }, activityCount: 1, updatedAt: lead.updatedAt });
});

test('assignLead assigns to a member, null unassigns, each with an assignment activity', async () => {
  const lead = await create();
  const assigned = ok(await gql<{ assignLead: Lead }>(ASSIGN, { id: lead.id, u: m.id })).assignLead;
  expect(assigned.owner).toEqual({ id: m.id });
  expect(assigned.latestActivity).toMatchObject({ kind: 'assignment', data: { from: null, to: m.id }, actor: { id: a.adminId } });
  const again = ok(await gql<{ assignLead: Lead }>(ASSIGN, { id: lead.id, u: m.id })).assignLead;
  expect(again.activityCount).toBe(2);
  const unassigned = ok(await gql<{ assignLead: Lead }>(ASSIGN, { id: lead.id, u: null })).assignLead;
  expect(unassigned.owner).toBeNull();
  expect(unassigned.latestActivity).toMatchObject({ kind: 'assignment', data: { from: m.id, to: null } });
  expect(unassigned.activityCount).toBe(3);
});

test('assignLead to someone who is not an active member is BAD_USER_INPUT on userId and changes nothing', async () => {
  const lead = await create();
  const suspended = await member(server, a.tenant, 'deactivated');
  await server.platform.db.rows(`update control.memberships set status = 'deactivated' where tenant_id = $1 and user_id = $2`, [a.tenant.id, suspended.id]);
  const before = await snapshot(server, a.tenant);
  for (const u of [randomId(), suspended.id, 'not-a-uuid']) {
    const res = await gql(ASSIGN, { id: lead.id, u });
    expect([u, errorCode(res), badFields(res)]).toEqual([u, 'BAD_USER_INPUT', ['userId']]);
  }
  expect(await snapshot(server, a.tenant)).toBe(before);
});

test('assignLeads is all or nothing: one bad id is BAD_USER_INPUT naming it, and no lead changes', async () => {
  const leads = await Promise.all(['b1', 'b2', 'b3'].map((n) => create(n)));
  const ids = leads.map((l) => l.id);
  const gone = await create('deleted');
  ok(await gql(`mutation($id: ID!) { deleteLead(id: $id) { id } }`, { id: gone.id }));
  const missing = randomId();
  const before = await snapshot(server, a.tenant);
  for (const bad of [missing, gone.id, 'not-a-uuid']) {
    const res = await gql(ASSIGN_MANY, { ids: [...ids.slice(0, 2), bad, ids[2]], u: m.id });
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    const problems = res.errors![0]!.extensions!.fields as Array<{ field: string; message: string }>;
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message).toContain(bad);
    expect(await snapshot(server, a.tenant)).toBe(before);
  }
  expect(badFields(await gql(ASSIGN_MANY, { ids: [], u: m.id }))).toEqual(['ids']);
  expect(badFields(await gql(ASSIGN_MANY, { ids, u: randomId() }))).toEqual(['userId']);
  expect(await snapshot(server, a.tenant)).toBe(before);

  const done = ok(await gql<{ assignLeads: { count: number; leads: Lead[] } }>(ASSIGN_MANY, { ids: [...ids, ids[0]], u: m.id })).assignLeads;
  expect(done.count).toBe(3);
  expect(done.leads.map((l) => l.id)).toEqual(ids);
  for (const l of done.leads) expect([l.owner?.id, l.latestActivity?.kind, l.activityCount]).toEqual([m.id, 'assignment', 2]);
});

test('addLeadNote records notes, calls and emails; an empty body or another kind is BAD_USER_INPUT', async () => {
  const lead = await create();
  for (const kind of ['note', 'call', 'email'] as const) {
    const note = ok(await gql<{ addLeadNote: { leadId: string; kind: string; body: string; actor: { id: string } } }>(NOTE, { id: lead.id, body: `  ${kind} body `, kind })).addLeadNote;
    expect(note).toMatchObject({ leadId: lead.id, kind, body: `${kind} body`, actor: { id: a.adminId } });
  }
  expect(ok(await gql<{ addLeadNote: { kind: string } }>(NOTE, { id: lead.id, body: 'default kind' })).addLeadNote.kind).toBe('note');
  const after = await get(lead.id);
  expect([after.activityCount, after.latestActivity?.body]).toEqual([5, 'default kind']);

  const before = await counts(server, a.tenant);
  const refused: Array<[string, string]> = [['', 'note'], ['   ', 'call'], ['x'.repeat(10_001), 'note'], ['ok', 'status_change']];
  for (const [body, kind] of refused) {
    const res = await gql(NOTE, { id: lead.id, body, kind });
    expect([body.slice(0, 5), kind, errorCode(res)]).toEqual([body.slice(0, 5), kind, 'BAD_USER_INPUT']);
  }
  expect(errorCode(await gql(NOTE, { id: randomId(), body: 'x' }))).toBe('NOT_FOUND');
  expect(await counts(server, a.tenant)).toEqual(before);
});

test('Lead.activities pages newest first, ties broken by id, each activity exactly once', async () => {
  const lead = await create('Chatty');
  for (let i = 1; i <= 4; i++) ok(await gql(NOTE, { id: lead.id, body: `note ${i}` }));
  // Five more written in one transaction share one created_at: only the id orders them.
  await inTenant(server, a.tenant, (db) =>
    db.query(`insert into lead_activities (lead_id, kind, body, created_at) select $1, 'call', 'tie ' || i, now() + interval '1 hour' from generate_series(1, 5) i`, [lead.id]),
  );
  const all = await inTenant(server, a.tenant, (db) => db.query<{ id: string }>('select id from lead_activities where lead_id = $1', [lead.id]));
  expect(all).toHaveLength(10);

  const PAGE = `query($id: ID!, $first: Int!, $after: String) { lead(id: $id) { activities(first: $first, after: $after) {
    totalCount hasNextPage endCursor edges { node { id kind body createdAt } } } } }`;
  type Page = { totalCount: number; hasNextPage: boolean; endCursor: string | null; edges: Array<{ node: { id: string; kind: string; body: string | null; createdAt: string } }> };
  const seen: Array<{ id: string; kind: string; body: string | null; createdAt: string }> = [];
  let after: string | null = null;
  for (let pages = 0; pages < 10; pages++) {
    const page: Page = ok(await gql<{ lead: { activities: Page } }>(PAGE, { id: lead.id, first: 3, after })).lead.activities;
    expect(page.totalCount).toBe(10);
    seen.push(...page.edges.map((e) => e.node));
    after = page.endCursor;
    if (!page.hasNextPage) break;
  }
  const expected = [...seen].sort((x, y) => (x.createdAt === y.createdAt ? (x.id < y.id ? 1 : -1) : x.createdAt < y.createdAt ? 1 : -1));
  expect(seen.map((s) => s.id)).toEqual(expected.map((s) => s.id));
  expect(new Set(seen.map((s) => s.id))).toEqual(new Set(all.map((r) => r.id)));
  expect(seen.slice(5).map((s) => s.body)).toEqual(['note 4', 'note 3', 'note 2', 'note 1', null]);
  expect(seen.at(-1)!.kind).toBe('created');

  expect(errorCode(await gql(PAGE, { id: lead.id, first: 101 }))).toBe('BAD_USER_INPUT');
  expect(errorCode(await gql(PAGE, { id: lead.id, first: 3, after: 'garbage' }))).toBe('BAD_USER_INPUT');
});
