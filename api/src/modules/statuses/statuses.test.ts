import { randomUUID } from 'node:crypto';
import { adminTenant, errorCode as code, errorFields as fields, memberWith, type AdminTenant } from '../../../test/admin-fixtures';
import { startTestServer, type TestServer } from '../../../test/helpers';

/* Statuses: the pipeline's catalogue, its admin mutations, their typed refusals (with nothing written) and guards. */

let server: TestServer;
let a: AdminTenant;
let admin: string;
beforeAll(async () => {
  server = await startTestServer();
  a = await adminTenant(server);
  admin = a.token;
});
afterAll(async () => server?.close());

interface Status { id: string; key: string; label: string; position: number; color: string; kind: string; isDefault: boolean; allowedTransitions: Array<{ key: string }> }
const STATUS = `id key label position color kind isDefault allowedTransitions { key }`;

async function gql<T = Record<string, unknown>>(token: string, query: string, variables: Record<string, unknown> = {}) {
  return server.gql<T>(query, variables, { token });
}
async function statuses(token = admin): Promise<Status[]> {
  const r = await gql<{ leadStatuses: Status[] }>(token, `{ leadStatuses { ${STATUS} } }`);
  expect(r.errors).toBeUndefined();
  return r.data!.leadStatuses;
}
const byKey = (all: Status[], key: string) => all.find((s) => s.key === key)!;
async function createLead(token: string, statusId?: string): Promise<{ id: string; status: { key: string } }> {
  const r = await gql<{ createLead: { id: string; status: { key: string } } }>(token, `mutation($s: ID) { createLead(input: { name: "L", statusId: $s }) { id status { key } } }`, { s: statusId });
  expect(r.errors).toBeUndefined();
  return r.data!.createLead;
}
async function freshAdmin(): Promise<string> {
  return (await adminTenant(server)).token;
}

test('leadStatuses lists the seeded pipeline in order, each with its allowed transitions', async () => {
  const all = await statuses();
  expect(all.map((s) => s.key)).toEqual(['new', 'contacted', 'qualified', 'proposal', 'won', 'lost']);
  expect(all.map((s) => s.position)).toEqual([1, 2, 3, 4, 5, 6]);
  expect(all.filter((s) => s.isDefault).map((s) => s.key)).toEqual(['new']);
  expect(byKey(all, 'proposal').allowedTransitions.map((s) => s.key)).toEqual(['qualified', 'won', 'lost']);
  expect(byKey(all, 'won').allowedTransitions).toEqual([]);
  const t = await gql<{ leadStatusTransitions: Array<{ fromStatusId: string; toStatusId: string }> }>(admin, `{ leadStatusTransitions { fromStatusId toStatusId } }`);
  const keyOf = new Map(all.map((s) => [s.id, s.key]));
  expect(t.data!.leadStatusTransitions.map((x) => `${keyOf.get(x.fromStatusId)}>${keyOf.get(x.toStatusId)}`).sort()).toEqual(
    ['new>contacted', 'new>lost', 'contacted>qualified', 'contacted>lost', 'qualified>proposal', 'qualified>lost', 'proposal>won', 'proposal>lost', 'proposal>qualified', 'lost>new'].sort(),
  );
});

test('createLeadStatus inserts at a position and shifts the rest; typed refusals write nothing', async () => {
  const tok = await freshAdmin();
  const r = await gql<{ createLeadStatus: Status }>(tok, `mutation { createLeadStatus(input: { key: "demo", label: " Demo ", color: "#112233", kind: open, position: 2 }) { ${STATUS} } }`);
  expect(r.data!.createLeadStatus).toMatchObject({ key: 'demo', label: 'Demo', position: 2, color: '#112233', kind: 'open', isDefault: false, allowedTransitions: [] });
  const after = await statuses(tok);
  expect(after.map((s) => `${s.position}:${s.key}`)).toEqual(['1:new', '2:demo', '3:contacted', '4:qualified', '5:proposal', '6:won', '7:lost']);
  const appended = await gql<{ createLeadStatus: Status }>(tok, `mutation { createLeadStatus(input: { key: "later", label: "Later", kind: lost }) { ${STATUS} } }`);
  expect(appended.data!.createLeadStatus).toMatchObject({ position: 8, kind: 'lost', color: '#64748b' });

  const before = await statuses(tok);
  const taken = await gql(tok, `mutation { createLeadStatus(input: { key: "won", label: "Again" }) { id } }`);
  expect(code(taken)).toBe('STATUS_KEY_TAKEN');
  expect(fields(taken)).toEqual(['key']);
  const bad = await gql(tok, `mutation { createLeadStatus(input: { key: "Bad Key", label: "", color: "red" }) { id } }`);
  expect(code(bad)).toBe('BAD_USER_INPUT');
  expect(fields(bad)).toEqual(['color', 'key', 'label']);
  const blank = await gql(tok, `mutation { createLeadStatus(input: { key: "blank", label: "   " }) { id } }`);
  expect(fields(blank)).toEqual(['label']);
  expect(await statuses(tok)).toEqual(before);
});

test('updateLeadStatus edits label, colour, kind and key; refusals name the field and write nothing', async () => {
  const tok = await freshAdmin();
  const won = byKey(await statuses(tok), 'won');
  const r = await gql<{ updateLeadStatus: Status }>(tok, `mutation($id: ID!) { updateLeadStatus(id: $id, input: { key: "closed_won", label: "Closed", color: "#000000" }) { ${STATUS} } }`, { id: won.id });
  expect(r.data!.updateLeadStatus).toMatchObject({ id: won.id, key: 'closed_won', label: 'Closed', color: '#000000', kind: 'won', position: 5 });

  const before = await statuses(tok);
  const taken = await gql(tok, `mutation($id: ID!) { updateLeadStatus(id: $id, input: { key: "lost", label: "X" }) { id } }`, { id: won.id });
  expect([code(taken), fields(taken)]).toEqual(['STATUS_KEY_TAKEN', ['key']]);
  const cleared = await gql(tok, `mutation($id: ID!) { updateLeadStatus(id: $id, input: { label: null }) { id } }`, { id: won.id });
  expect([code(cleared), fields(cleared)]).toEqual(['BAD_USER_INPUT', ['label']]);
  for (const id of [randomUUID(), 'nope']) {
    expect(code(await gql(tok, `mutation($id: ID!) { updateLeadStatus(id: $id, input: { label: "X" }) { id } }`, { id }))).toBe('NOT_FOUND');
  }
  expect(await statuses(tok)).toEqual(before);
});

test('deleteLeadStatus: STATUS_IN_USE without a target, moves leads with one, guards the default and the last status', async () => {
  const tok = await freshAdmin();
  const all = await statuses(tok);
  const [contacted, qualified] = [byKey(all, 'contacted'), byKey(all, 'qualified')];
  const leads = [await createLead(tok, contacted.id), await createLead(tok, contacted.id)];
  const del = `mutation($id: ID!, $to: ID) { deleteLeadStatus(id: $id, moveLeadsTo: $to) }`;

  const inUse = await gql(tok, del, { id: contacted.id });
  expect(code(inUse)).toBe('STATUS_IN_USE');
  expect(inUse.errors?.[0]?.extensions).toMatchObject({ leadCount: 2, fields: [{ field: 'moveLeadsTo' }] });
  for (const to of [contacted.id, randomUUID()]) {
    const badTarget = await gql(tok, del, { id: contacted.id, to });
    expect([code(badTarget), fields(badTarget)]).toEqual(['BAD_USER_INPUT', ['moveLeadsTo']]);
  }
  expect(await statuses(tok)).toEqual(all);

  const moved = await gql(tok, del, { id: contacted.id, to: qualified.id });
  expect(moved.data).toEqual({ deleteLeadStatus: contacted.id });
  const after = await statuses(tok);
  expect(after.map((s) => `${s.position}:${s.key}`)).toEqual(['1:new', '2:qualified', '3:proposal', '4:won', '5:lost']);
  expect(byKey(after, 'new').allowedTransitions.map((s) => s.key)).toEqual(['lost']);
  for (const lead of leads) {
    const l = await gql<{ lead: { status: { key: string }; activities: { edges: Array<{ node: { kind: string; data: Record<string, unknown> } }> } } }>(
      tok, `query($id: ID!) { lead(id: $id) { status { key } activities(first: 1) { edges { node { kind data } } } } }`, { id: lead.id });
    expect(l.data!.lead.status.key).toBe('qualified');
    expect(l.data!.lead.activities.edges[0]?.node).toMatchObject({ kind: 'status_change', data: { fromKey: 'contacted', toKey: 'qualified', reason: 'status_deleted' } });
  }

  const isDefault = await gql(tok, del, { id: byKey(after, 'new').id });
  expect(code(isDefault)).toBe('STATUS_IS_DEFAULT');
  for (const key of ['qualified', 'proposal', 'won', 'lost']) {
    const target = key === 'qualified' ? byKey(after, 'new').id : null;
    expect((await gql(tok, del, { id: byKey(after, key).id, to: target })).errors).toBeUndefined();
  }
  const last = await gql(tok, del, { id: byKey(after, 'new').id });
  expect(code(last)).toBe('LAST_STATUS');
  expect((await statuses(tok)).map((s) => s.key)).toEqual(['new']);
  expect(code(await gql(tok, del, { id: randomUUID() }))).toBe('NOT_FOUND');
});

test('setDefaultLeadStatus moves the default; new leads land in it', async () => {
  const tok = await freshAdmin();
  const qualified = byKey(await statuses(tok), 'qualified');
  const r = await gql<{ setDefaultLeadStatus: Status[] }>(tok, `mutation($id: ID!) { setDefaultLeadStatus(id: $id) { key isDefault } }`, { id: qualified.id });
  expect(r.data!.setDefaultLeadStatus.filter((s) => s.isDefault).map((s) => s.key)).toEqual(['qualified']);
  expect((await createLead(tok)).status.key).toBe('qualified');
  expect(code(await gql(tok, `mutation($id: ID!) { setDefaultLeadStatus(id: $id) { key } }`, { id: randomUUID() }))).toBe('NOT_FOUND');
  expect((await statuses(tok)).filter((s) => s.isDefault).map((s) => s.key)).toEqual(['qualified']);
});

test('reorderLeadStatuses takes a permutation of every id, and nothing else', async () => {
  const tok = await freshAdmin();
  const all = await statuses(tok);
  const ids = all.map((s) => s.id);
  const reorder = `mutation($ids: [ID!]!) { reorderLeadStatuses(ids: $ids) { key position } }`;
  for (const bad of [ids.slice(1), [...ids, ids[0]], [...ids.slice(1), randomUUID()], [...ids, 'x']]) {
    const r = await gql(tok, reorder, { ids: bad });
    expect([code(r), [...new Set(fields(r))]]).toEqual(['BAD_USER_INPUT', ['ids']]);
  }
  expect(await statuses(tok)).toEqual(all);
  const r = await gql<{ reorderLeadStatuses: Array<{ key: string; position: number }> }>(tok, reorder, { ids: [...ids].reverse() });
  expect(r.data!.reorderLeadStatuses.map((s) => `${s.position}:${s.key}`)).toEqual(['1:lost', '2:won', '3:proposal', '4:qualified', '5:contacted', '6:new']);
  expect((await statuses(tok)).map((s) => s.key)).toEqual(['lost', 'won', 'proposal', 'qualified', 'contacted', 'new']);
});

test('every status mutation needs statuses.manage: agents and role-less members get FORBIDDEN, and may still read', async () => {
  const before = await statuses();
  const someId = before[1]!.id;
  for (const { token: tok } of [await memberWith(server, a, 'agent'), await memberWith(server, a, null)]) {
    expect((await statuses(tok)).map((s) => s.id)).toEqual(before.map((s) => s.id));
    const attempts = [
      `mutation { createLeadStatus(input: { key: "x", label: "X" }) { id } }`,
      // The guard runs before input validation: invalid input from a non-admin is still FORBIDDEN.
      `mutation { createLeadStatus(input: { key: "Not A Key", label: "" }) { id } }`,
      `mutation($id: ID!) { updateLeadStatus(id: $id, input: { label: "X" }) { id } }`,
      `mutation($id: ID!) { deleteLeadStatus(id: $id) }`,
      `mutation($id: ID!) { setDefaultLeadStatus(id: $id) { id } }`,
      `mutation($ids: [ID!]!) { reorderLeadStatuses(ids: $ids) { id } }`,
      `mutation($id: ID!) { setLeadStatusTransitions(fromStatusId: $id, toStatusIds: []) { id } }`,
    ];
    for (const m of attempts) expect(code(await gql(tok, m, { id: someId, ids: before.map((s) => s.id).reverse() }))).toBe('FORBIDDEN');
  }
  expect(await statuses()).toEqual(before);
});
