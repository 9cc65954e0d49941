import { startTestServer, type TestServer } from '../../../test/helpers';
import { DEFAULT_STATUSES } from '../tenant-setup/seed';
import { as, defineFields, leadTenant, ok, seedLeads, type Gql, type LeadTenant, type SeedLead } from '../../../test/lead-fixtures';

/**
 * Every ordering of `leads`, both directions, walked page by page forwards (first/after) and backwards
 * (last/before) over a set built for ties (few distinct values, three timestamps) and nulls. Each walk must visit
 * every lead exactly once in the order computed here in JS: value (lower-cased for text; nulls last ascending,
 * first descending), then id in the same direction. The database collation is C, so JS string order is its order.
 */

const N = 40;
const PAGE = 7;
const T = ['2024-01-01T00:00:00.000Z', '2024-01-02T00:00:00.000Z', '2024-01-03T00:00:00.000Z'];
const LIST = `query($first: Int, $after: String, $last: Int, $before: String, $orderBy: LeadOrder) {
  leads(first: $first, after: $after, last: $last, before: $before, orderBy: $orderBy) {
    totalCount edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`;

type Key = string | number | null;
interface Page {
  totalCount: number;
  edges: Array<{ cursor: string; node: { id: string } }>;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}

let server: TestServer;
let a: LeadTenant;
let gql: Gql;
let rows: Array<SeedLead & { id: string }>;

const pick = <T>(list: readonly T[], i: number): T => list[i % list.length]!;
const lower = (v: unknown) => (typeof v === 'string' ? v.toLowerCase() : null);

beforeAll(async () => {
  server = await startTestServer();
  a = await leadTenant(server);
  gql = as(server, a.token);
  await defineFields(server, a.tenant, [
    { key: 'score', type: 'number' },
    { key: 'due', type: 'date' },
    { key: 'code', type: 'text' },
  ]);
  const statusKeys = DEFAULT_STATUSES.map((s) => s.key);
  rows = await seedLeads(
    server,
    a.tenant,
    Array.from({ length: N }, (_, i): SeedLead => {
      const custom: Record<string, unknown> = {};
      if (i % 4) custom.score = pick([1, 2, 2, 10.5], i);
      if (i % 5) custom.due = pick(['2024-01-01', '2024-06-01', '2023-12-31'], i);
      if (i % 3) custom.code = pick(['b', 'B', 'a', 'ab'], i);
      return {
        name: pick(['alpha', 'Alpha', 'bravo', 'BRAVO', 'charlie', 'delta'], i),
        company: i % 5 === 0 ? null : pick(['acme', 'Acme', 'globex', 'initech'], i),
        email: i % 4 === 0 ? null : pick(['ann@ex.io', 'bob@ex.io', 'Ann@ex.io'], i),
        value: pick([null, 20, 20, 5.5, 100], i),
        source: pick([null, 'web', 'Web', 'event'], i),
        statusId: a.statuses[pick(statusKeys, i * 7)]!,
        createdAt: pick(T, i),
        updatedAt: pick(T, i * 2 + 1),
        custom,
      };
    }),
  );
});
afterAll(async () => server?.close());

const position = (statusId: string) => DEFAULT_STATUSES.findIndex((s) => a.statuses[s.key] === statusId);
const ORDERS: Array<[string, string, (l: SeedLead) => Key]> = [
  ['CREATED_AT', '', (l) => l.createdAt!],
  ['UPDATED_AT', '', (l) => l.updatedAt!],
  ['NAME', '', (l) => lower(l.name)],
  ['COMPANY', '', (l) => lower(l.company)],
  ['EMAIL', '', (l) => lower(l.email)],
  ['VALUE', '', (l) => l.value ?? null],
  ['SOURCE', '', (l) => lower(l.source)],
  ['STATUS', '', (l) => position(l.statusId)],
  ['CUSTOM_FIELD', 'score', (l) => (l.custom?.score as number | undefined) ?? null],
  ['CUSTOM_FIELD', 'due', (l) => (l.custom?.due as string | undefined) ?? null],
  ['CUSTOM_FIELD', 'code', (l) => lower(l.custom?.code)],
];

/** The expected order: ascending with nulls last and id as the tie-break; descending is its exact reverse. */
function expectedOrder(key: (l: SeedLead) => Key, direction: 'ASC' | 'DESC'): string[] {
  const cmp = (x: Key | string, y: Key | string) => (x === y ? 0 : x! < y! ? -1 : 1);
  const asc = [...rows].sort((p, q) => {
    const [kp, kq] = [key(p), key(q)];
    if (kp === null || kq === null) return kp === kq ? cmp(p.id, q.id) : kp === null ? 1 : -1;
    return cmp(kp, kq) || cmp(p.id, q.id);
  });
  const ids = asc.map((l) => l.id);
  return direction === 'ASC' ? ids : ids.reverse();
}

async function page(vars: Record<string, unknown>): Promise<Page> {
  const p = ok(await gql<{ leads: Page }>(LIST, vars)).leads;
  expect(p.totalCount).toBe(N); // counts the whole filter, whatever the cursor
  return p;
}

async function walkForward(orderBy: Record<string, unknown> | undefined): Promise<string[]> {
  const seen: string[] = [];
  let after: string | null = null;
  for (let i = 0; i < N; i++) {
    const p: Page = await page({ first: PAGE, after, orderBy });
    expect(p.pageInfo.hasPreviousPage).toBe(i > 0);
    expect(p.pageInfo.startCursor).toBe(p.edges[0]?.cursor ?? null);
    seen.push(...p.edges.map((e) => e.node.id));
    if (!p.pageInfo.hasNextPage) break;
    expect(p.edges).toHaveLength(PAGE);
    after = p.pageInfo.endCursor;
  }
  return seen;
}

async function walkBackward(orderBy: Record<string, unknown> | undefined): Promise<string[]> {
  const seen: string[] = [];
  let before: string | null = null;
  for (let i = 0; i < N; i++) {
    const p: Page = await page({ last: PAGE, before, orderBy });
    expect(p.pageInfo.hasNextPage).toBe(i > 0);
    expect(p.pageInfo.endCursor).toBe(p.edges.at(-1)?.cursor ?? null);
    seen.unshift(...p.edges.map((e) => e.node.id));
    if (!p.pageInfo.hasPreviousPage) break;
    expect(p.edges).toHaveLength(PAGE);
    before = p.pageInfo.startCursor;
  }
  return seen;
}

describe.each(ORDERS)('order by %s %s', (field, customFieldKey, key) => {
  test.each(['ASC', 'DESC'] as const)('%s: forwards and backwards, every lead once, ties by id', async (direction) => {
    const expected = expectedOrder(key, direction);
    const orderBy = { field, direction, customFieldKey: customFieldKey || undefined };
    expect(await walkForward(orderBy)).toEqual(expected);
    expect(await walkBackward(orderBy)).toEqual(expected);
  });
});

test('the seeded keys really tie and have nulls, so the id tie-break and nulls placement are exercised', () => {
  for (const [field, cfKey, key] of ORDERS) {
    const keys = rows.map(key);
    const distinct = new Set(keys.filter((k) => k !== null)).size;
    expect({ field, cfKey, ties: distinct < N / 4 }).toEqual({ field, cfKey, ties: true });
  }
  const nullable = ORDERS.filter(([f]) => !['CREATED_AT', 'UPDATED_AT', 'NAME', 'STATUS'].includes(f));
  for (const [, , key] of nullable) expect(rows.some((l) => key(l) === null)).toBe(true);
});

test('no orderBy means newest first; orderBy without a direction means ascending', async () => {
  expect(await walkForward(undefined)).toEqual(expectedOrder((l) => l.createdAt!, 'DESC'));
  expect(await walkForward({ field: 'NAME' })).toEqual(expectedOrder((l) => lower(l.name), 'ASC'));
});

test('nulls come last ascending and first descending', async () => {
  const valueless = new Set(rows.filter((l) => l.value == null).map((l) => l.id));
  const asc = (await page({ first: N, orderBy: { field: 'VALUE', direction: 'ASC' } })).edges.map((e) => e.node.id);
  const desc = (await page({ first: N, orderBy: { field: 'VALUE', direction: 'DESC' } })).edges.map((e) => e.node.id);
  expect(new Set(asc.slice(-valueless.size))).toEqual(valueless);
  expect(new Set(desc.slice(0, valueless.size))).toEqual(valueless);
});
