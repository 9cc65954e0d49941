import { randomUUID } from 'node:crypto';
import { adminTenant, errorCode as code, errorFields as fields, ok, type AdminTenant } from '../../../test/admin-fixtures';
import { startTestServer, type TestServer } from '../../../test/helpers';

/* The workflow: editing transitions changes what changeLeadStatus allows; ids of another tenant are unknown here. */

const statements: string[] = [];
let server: TestServer;
let a: AdminTenant;
let b: AdminTenant;
beforeAll(async () => {
  server = await startTestServer({}, { platform: { onStatement: (sql) => statements.push(sql) } });
  [a, b] = await Promise.all([adminTenant(server), adminTenant(server)]);
});
afterAll(async () => server?.close());

interface Status { id: string; key: string; allowedTransitions: Array<{ key: string }> }
const LIST = `{ leadStatuses { id key label position color kind isDefault allowedTransitions { key } } leadStatusTransitions { fromStatusId toStatusId } }`;
const SET = `mutation($from: ID!, $to: [ID!]!) { setLeadStatusTransitions(fromStatusId: $from, toStatusIds: $to) { key allowedTransitions { key } } }`;
const MOVE = `mutation($id: ID!, $s: ID!) { changeLeadStatus(id: $id, statusId: $s) { status { key } } }`;
const ids = async (t: AdminTenant) =>
  Object.fromEntries((await ok<{ leadStatuses: Status[] }>(server, t.token, `{ leadStatuses { id key } }`)).leadStatuses.map((s) => [s.key, s.id]));

test('setLeadStatusTransitions replaces one status\'s outgoing moves, and changeLeadStatus follows the new workflow', async () => {
  const s = await ids(a);
  const lead = (await ok<{ createLead: { id: string } }>(server, a.token, `mutation { createLead(input: { name: "W" }) { id } }`)).createLead;
  const refused = await server.gql(MOVE, { id: lead.id, s: s.qualified }, { token: a.token });
  expect(code(refused)).toBe('TRANSITION_NOT_ALLOWED');

  // Duplicates collapse, and uuids are matched whatever their case.
  const set = await ok<{ setLeadStatusTransitions: Status }>(server, a.token, SET, { from: s.new!.toUpperCase(), to: [s.qualified, s.won!.toUpperCase(), s.qualified] });
  expect(set.setLeadStatusTransitions).toEqual({ key: 'new', allowedTransitions: [{ key: 'qualified' }, { key: 'won' }] });
  expect(code(await server.gql(MOVE, { id: lead.id, s: s.contacted }, { token: a.token }))).toBe('TRANSITION_NOT_ALLOWED');
  const moved = await ok<{ changeLeadStatus: { status: { key: string } } }>(server, a.token, MOVE, { id: lead.id, s: s.qualified });
  expect(moved.changeLeadStatus.status.key).toBe('qualified');
  // Other statuses' transitions are untouched.
  const all = await ok<{ leadStatuses: Status[] }>(server, a.token, `{ leadStatuses { key allowedTransitions { key } } }`);
  expect(all.leadStatuses.find((x) => x.key === 'qualified')!.allowedTransitions.map((x) => x.key)).toEqual(['proposal', 'lost']);

  // An empty list makes a status a dead end.
  await ok(server, a.token, SET, { from: s.qualified, to: [] });
  expect(code(await server.gql(MOVE, { id: lead.id, s: s.proposal }, { token: a.token }))).toBe('TRANSITION_NOT_ALLOWED');
});

test('setLeadStatusTransitions refuses self-transitions and unknown ids, naming them, and writes nothing', async () => {
  const s = await ids(a);
  const before = await ok(server, a.token, LIST);
  const self = await server.gql(SET, { from: s.lost, to: [s.new, s.lost] }, { token: a.token });
  expect([code(self), fields(self)]).toEqual(['BAD_USER_INPUT', ['toStatusIds']]);
  const stranger = randomUUID();
  const unknown = await server.gql(SET, { from: s.lost, to: [s.won, stranger, 'junk'] }, { token: a.token });
  expect([code(unknown), fields(unknown)]).toEqual(['BAD_USER_INPUT', ['toStatusIds', 'toStatusIds']]);
  expect(JSON.stringify(unknown.errors?.[0]?.extensions?.fields)).toContain(stranger);
  expect(code(await server.gql(SET, { from: randomUUID(), to: [] }, { token: a.token }))).toBe('NOT_FOUND');
  expect(await ok(server, a.token, LIST)).toEqual(before);
});

test("an admin of tenant A cannot reach tenant B's statuses: NOT_FOUND or BAD_USER_INPUT, and B is unchanged", async () => {
  const [sa, sb] = [await ids(a), await ids(b)];
  const bBefore = await ok(server, b.token, LIST);
  const aBefore = await ok(server, a.token, LIST);
  const attempts: Array<[string, Record<string, unknown>, string]> = [
    [`mutation($id: ID!) { updateLeadStatus(id: $id, input: { label: "Hacked" }) { id } }`, { id: sb.won }, 'NOT_FOUND'],
    [`mutation($id: ID!) { deleteLeadStatus(id: $id) }`, { id: sb.won }, 'NOT_FOUND'],
    [`mutation($id: ID!, $to: ID) { deleteLeadStatus(id: $id, moveLeadsTo: $to) }`, { id: sa.won, to: sb.won }, 'BAD_USER_INPUT'],
    [`mutation($id: ID!) { setDefaultLeadStatus(id: $id) { id } }`, { id: sb.won }, 'NOT_FOUND'],
    [`mutation($ids: [ID!]!) { reorderLeadStatuses(ids: $ids) { id } }`, { ids: Object.values(sb) }, 'BAD_USER_INPUT'],
    [SET, { from: sb.new, to: [] }, 'NOT_FOUND'],
    [SET, { from: sa.new, to: [sb.won] }, 'BAD_USER_INPUT'],
    [`mutation($s: ID!) { createLead(input: { name: "x", statusId: $s }) { id } }`, { s: sb.new }, 'BAD_USER_INPUT'],
  ];
  for (const [query, variables, expected] of attempts) expect(code(await server.gql(query, variables, { token: a.token }))).toBe(expected);
  expect(await ok(server, b.token, LIST)).toEqual(bBefore);
  expect(await ok(server, a.token, LIST)).toEqual(aBefore);
});

test('LeadStatus.allowedTransitions costs the same number of statements for 6 statuses as for 46', async () => {
  const t = await adminTenant(server);
  const query = `{ leadStatuses { key allowedTransitions { key allowedTransitions { key } } } }`;
  statements.length = 0;
  const small = await ok<{ leadStatuses: Status[] }>(server, t.token, query);
  const smallCount = statements.length;

  const s = await ids(t);
  for (let i = 0; i < 40; i++) {
    const created = await ok<{ createLeadStatus: { id: string } }>(server, t.token, `mutation($k: String!) { createLeadStatus(input: { key: $k, label: $k }) { id } }`, { k: `extra_${i}` });
    await ok(server, t.token, SET, { from: created.createLeadStatus.id, to: [s.new, s.won, s.lost] });
  }
  statements.length = 0;
  const big = await ok<{ leadStatuses: Status[] }>(server, t.token, query);
  expect(small.leadStatuses).toHaveLength(6);
  expect(big.leadStatuses).toHaveLength(46);
  expect(big.leadStatuses.at(-1)!.allowedTransitions.map((x) => x.key)).toEqual(['new', 'won', 'lost']);
  expect(statements.length).toBe(smallCount);
  expect(smallCount).toBeLessThanOrEqual(2);
});
