import { startTestServer, type TestServer } from '../../../test/helpers';
import { as, badFields, defineFields, errorCode, leadTenant, ok, seedLeads, type Gql, type LeadTenant, type SeedLead } from '../../../test/lead-fixtures';

/**
 * Keyset cursors: a page boundary stays put while leads are inserted on both sides of it (and right on it, with
 * the same sort value), cursors cannot be forged or replayed under another ordering, and page arguments are checked.
 */

const LIST = `query($first: Int, $after: String, $last: Int, $before: String, $orderBy: LeadOrder, $filter: LeadFilter) {
  leads(first: $first, after: $after, last: $last, before: $before, orderBy: $orderBy, filter: $filter) {
    totalCount edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`;
const OLD = '2024-01-01T00:00:00.000Z';
/** Ids below and above any random uuid, so a lead with the boundary's sort value lands on a known side of it. */
const lowId = (n: number) => `00000000-0000-4000-8000-00000000000${n}`;
const highId = (n: number) => `ffffffff-ffff-4fff-bfff-fffffffffff${n}`;

interface Page {
  totalCount: number;
  edges: Array<{ cursor: string; node: { id: string } }>;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}
type Row = SeedLead & { id: string };
type Key = string | number;

let server: TestServer;
let a: LeadTenant;
let gql: Gql;

beforeAll(async () => {
  server = await startTestServer();
  a = await leadTenant(server);
  gql = as(server, a.token);
  await defineFields(server, a.tenant, [
    { key: 'score', type: 'number' },
    { key: 'code', type: 'text' },
  ]);
});
afterAll(async () => server?.close());

const page = async (vars: Record<string, unknown>) => ok(await gql<{ leads: Page }>(LIST, vars)).leads;
const cmp = (x: Key, y: Key) => (x === y ? 0 : x < y ? -1 : 1);

/** Rows in (key, id) order, reversed for DESC: the database's order when keys are never null. */
function sorted(rows: Row[], key: (l: Row) => Key, desc: boolean): Row[] {
  const asc = [...rows].sort((p, q) => cmp(key(p), key(q)) || cmp(p.id, q.id));
  return desc ? asc.reverse() : asc;
}

/**
 * Seeds `originals` (in their own tag, so each scenario sees only its leads), reads the first page of 3, inserts
 * the leads `inserts(boundary)` returns, then pages on from the boundary. The continuation must be exactly the
 * JS order of every lead, old and new, that sorts after the boundary.
 */
async function continuesAfterInserts(opts: {
  tag: string;
  orderBy: { field: string; direction: 'ASC' | 'DESC' };
  key: (l: Row) => Key;
  originals: SeedLead[];
  inserts: (boundary: Row) => SeedLead[];
}) {
  const desc = opts.orderBy.direction === 'DESC';
  const tagged = (l: SeedLead) => ({ ...l, tags: [opts.tag] });
  const filter = { tags: [opts.tag] };
  const originals = await seedLeads(server, a.tenant, opts.originals.map(tagged));
  const first = await page({ first: 3, orderBy: opts.orderBy, filter });
  expect(first.edges.map((e) => e.node.id)).toEqual(sorted(originals, opts.key, desc).slice(0, 3).map((l) => l.id));

  const boundary = originals.find((l) => l.id === first.edges[2]!.node.id)!;
  const added = await seedLeads(server, a.tenant, opts.inserts(boundary).map(tagged));
  const all = sorted([...originals, ...added], opts.key, desc);
  const expected = all.slice(all.findIndex((l) => l.id === boundary.id) + 1).map((l) => l.id);
  // The scenario must put new leads on both sides of the boundary, or it proves little.
  expect(added.some((l) => expected.includes(l.id))).toBe(true);
  expect(added.some((l) => !expected.includes(l.id))).toBe(true);

  const rest: string[] = [];
  let after = first.pageInfo.endCursor;
  for (let more = true; more; ) {
    const p = await page({ first: 3, after, orderBy: opts.orderBy, filter });
    rest.push(...p.edges.map((e) => e.node.id));
    ({ endCursor: after, hasNextPage: more } = p.pageInfo);
  }
  expect(rest).toEqual(expected);
  const seenOriginals = [...first.edges.map((e) => e.node.id), ...rest].filter((id) => originals.some((l) => l.id === id));
  expect(seenOriginals).toEqual(sorted(originals, opts.key, desc).map((l) => l.id));
}

test('NAME ASC: page 2 continues right after page 1 although leads were inserted before, after and on the boundary', async () => {
  await continuesAfterInserts({
    tag: 'by-name',
    orderBy: { field: 'NAME', direction: 'ASC' },
    key: (l) => l.name.toLowerCase(),
    originals: Array.from({ length: 12 }, (_, i) => ({ name: ['kilo', 'Kilo', 'lima', 'mike'][i % 4]!, statusId: a.statuses.new! })),
    inserts: (b) => [
      { name: 'aardvark', statusId: a.statuses.new! },
      { name: 'zulu', statusId: a.statuses.new! },
      { id: lowId(1), name: b.name.toUpperCase(), statusId: a.statuses.new! },
      { id: highId(1), name: b.name, statusId: a.statuses.new! },
    ],
  });
});

test('default order (newest first): new leads land before the boundary and never show up on later pages', async () => {
  await continuesAfterInserts({
    tag: 'by-created',
    orderBy: { field: 'CREATED_AT', direction: 'DESC' },
    key: (l) => l.createdAt!,
    originals: Array.from({ length: 10 }, (_, i) => ({ name: `c${i}`, statusId: a.statuses.new!, createdAt: [OLD, '2024-02-01T00:00:00.000Z'][i % 2] })),
    inserts: (b) => [
      { name: 'brand new', statusId: a.statuses.new! },
      { name: 'older still', statusId: a.statuses.new!, createdAt: '2023-01-01T00:00:00.000Z' },
      { id: lowId(2), name: 'same instant, lower id', statusId: a.statuses.new!, createdAt: b.createdAt },
      { id: highId(2), name: 'same instant, higher id', statusId: a.statuses.new!, createdAt: b.createdAt },
    ],
  });
});

test('VALUE DESC: inserts with the boundary\'s value are split by id around it', async () => {
  await continuesAfterInserts({
    tag: 'by-value',
    orderBy: { field: 'VALUE', direction: 'DESC' },
    key: (l) => l.value!,
    originals: Array.from({ length: 9 }, (_, i) => ({ name: `v${i}`, value: [50, 50, 50, 10][i % 4], statusId: a.statuses.new! })),
    inserts: (b) => [
      { name: 'top', value: 999, statusId: a.statuses.new! },
      { name: 'bottom', value: 1, statusId: a.statuses.new! },
      { id: lowId(3), name: 'tie low', value: b.value, statusId: a.statuses.new! },
      { id: highId(3), name: 'tie high', value: b.value, statusId: a.statuses.new! },
    ],
  });
});

test('totalCount counts the whole filter, not what is left after the cursor', async () => {
  await seedLeads(server, a.tenant, Array.from({ length: 5 }, (_, i) => ({ name: `tc${i}`, statusId: a.statuses.new!, tags: ['counted'] })));
  const filter = { tags: ['counted'] };
  const p1 = await page({ first: 2, filter });
  const p2 = await page({ first: 2, after: p1.pageInfo.endCursor, filter });
  const back = await page({ last: 1, before: p2.pageInfo.startCursor, filter });
  expect([p1.totalCount, p2.totalCount, back.totalCount]).toEqual([5, 5, 5]);
  expect(back.edges.map((e) => e.node.id)).toEqual([p1.edges[1]!.node.id]);
});

describe('cursors cannot be forged or replayed under another ordering', () => {
  let byName: string;
  let byScore: string;
  let byCreated: string;
  beforeAll(async () => {
    await seedLeads(server, a.tenant, [1, 2, 3].map((i) => ({ name: `f${i}`, statusId: a.statuses.new!, custom: { score: i, code: `c${i}` } })));
    byName = (await page({ first: 1, orderBy: { field: 'NAME', direction: 'ASC' } })).pageInfo.endCursor!;
    byScore = (await page({ first: 1, orderBy: { field: 'CUSTOM_FIELD', customFieldKey: 'score', direction: 'ASC' } })).pageInfo.endCursor!;
    byCreated = (await page({ first: 1 })).pageInfo.endCursor!;
  });

  const decode = (c: string) => JSON.parse(Buffer.from(c, 'base64url').toString('utf8')) as Record<string, unknown>;
  const forge = (c: string, patch: Record<string, unknown>) => Buffer.from(JSON.stringify({ ...decode(c), ...patch })).toString('base64url');

  test('the genuine cursors work', async () => {
    expect((await page({ first: 1, after: byName, orderBy: { field: 'NAME', direction: 'ASC' } })).edges).toHaveLength(1);
    expect((await page({ first: 1, after: byCreated })).edges).toHaveLength(1);
    expect((await page({ last: 1, before: byScore, orderBy: { field: 'CUSTOM_FIELD', customFieldKey: 'score' } })).edges).toHaveLength(0);
  });

  test.each([
    ['not base64 JSON', () => ({ after: 'not a cursor' })],
    ['an empty object', () => ({ after: Buffer.from('{}').toString('base64url') })],
    ['a NAME cursor under VALUE', () => ({ after: byName, orderBy: { field: 'VALUE' } })],
    ['a NAME cursor under the default order', () => ({ after: byName })],
    ['a custom field cursor under another custom field', () => ({ after: byScore, orderBy: { field: 'CUSTOM_FIELD', customFieldKey: 'code' } })],
    ['a created_at cursor whose value is not a time', () => ({ after: forge(byCreated, { v: 'half past never' }) })],
    ['a created_at cursor whose value is null', () => ({ after: forge(byCreated, { v: null }) })],
    ['a cursor whose value is a number', () => ({ after: forge(byCreated, { v: 5 }) })],
    ['a cursor whose id is 36 dashes', () => ({ after: forge(byCreated, { id: '-'.repeat(36) }) })],
    ['a cursor whose id is not a uuid', () => ({ after: forge(byCreated, { id: 'x' }) })],
    ['a score cursor whose value is not a number', () => ({ after: forge(byScore, { v: 'ten' }), orderBy: { field: 'CUSTOM_FIELD', customFieldKey: 'score' } })],
    ['a forged before cursor', () => ({ last: 1, before: forge(byCreated, { v: 'soon' }) })],
  ])('%s is BAD_USER_INPUT', async (_name, vars) => {
    const res = await gql(LIST, { first: 'last' in vars() ? undefined : 1, ...vars() });
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
  });
});

test.each([
  ['first and last', { first: 1, last: 1 }, ['last']],
  ['after and before', { after: 'x', before: 'y' }, ['before']],
  ['first with before', { first: 1, before: 'x' }, ['before']],
  ['last with after', { last: 1, after: 'x' }, ['after']],
  ['first over 200', { first: 201 }, ['first']],
  ['last over 200', { last: 201 }, ['last']],
  ['a negative first', { first: -1 }, ['first']],
])('%s is BAD_USER_INPUT', async (_name, vars, fields) => {
  const res = await gql(LIST, vars);
  expect([errorCode(res), badFields(res)]).toEqual(['BAD_USER_INPUT', fields]);
});

test('first: 200 is allowed and first: 0 returns no edges', async () => {
  expect((await page({ first: 200 })).edges.length).toBeGreaterThan(0);
  const empty = await page({ first: 0 });
  expect([empty.edges, empty.pageInfo.hasNextPage]).toEqual([[], true]);
});
