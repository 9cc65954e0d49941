import { createTestTenant, login, startTestServer, type TestServer, type TestTenant } from '../../test/helpers';
import { until, wsTestClient } from '../../test/ws-client';
import { watchPgTexts } from '../../test/pg-watch';

/**
 * Queries and mutations may also travel over the websocket. They must commit or roll back like over HTTP,
 * give their connection back, and meet the same limits.
 */
let server: TestServer;
let a: TestTenant;
let token: string;

beforeAll(async () => {
  server = await startTestServer({ GRAPHQL_MAX_ALIASES: '3' });
  a = await createTestTenant(server);
  token = (await login(server, a.adminEmail)).accessToken;
});
afterAll(async () => server?.close());

async function overSocket<T>(query: string, variables: Record<string, unknown> = {}) {
  const ws = wsTestClient(server.url, token);
  try {
    await ws.connected;
    return await new Promise<{ data?: T | null; errors?: Array<{ extensions?: { code?: string } }> }>((resolve, reject) => {
      let last: { data?: T | null; errors?: Array<{ extensions?: { code?: string } }> } = {};
      ws.client.subscribe<T>({ query, variables }, { next: (v) => (last = v as typeof last), error: (e) => (Array.isArray(e) ? resolve({ errors: e }) : reject(e)), complete: () => resolve(last) });
    });
  } finally {
    await ws.dispose();
  }
}

/**
 * Connections out of the pool, besides those the reading lanes keep for their next reads (tenancy/batch-read.ts).
 * pg-boss polls through the same pool, so a transient checkout can be seen: a connection the operation kept would
 * never come back, hence the wait for 0 rather than a single look.
 */
const checkedOut = () => server.platform.pool.totalCount - server.platform.pool.idleCount - server.platform.batchReader.holding;
const count = async () => (await server.gql<{ leads: { totalCount: number } }>(`{ leads { totalCount } }`, {}, { token })).data!.leads.totalCount;

test('a mutation over the socket commits and gives its connection back', async () => {
  const before = await count();
  const res = await overSocket<{ createLead: { id: string } }>(`mutation { createLead(input: { name: "over ws" }) { id } }`);
  expect(res.errors).toBeUndefined();
  expect(await count()).toBe(before + 1);
  await until(() => checkedOut() === 0, 5000, 'no checked-out connection');
});

test('a failing mutation over the socket rolls back all of its fields', async () => {
  const before = await count();
  const res = await overSocket(`mutation { a: createLead(input: { name: "kept?" }) { id } b: changeLeadStatus(id: "00000000-0000-0000-0000-000000000000", statusId: "00000000-0000-0000-0000-000000000000") { id } }`);
  expect(res.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  expect(await count()).toBe(before);
  await until(() => checkedOut() === 0, 5000, 'no checked-out connection');
});

test('the alias limit applies over the socket too, every time the same text comes (documents are kept by their text)', async () => {
  const tooMany = `{ a: currentTenant { id } b: currentTenant { id } c: currentTenant { id } d: currentTenant { id } }`;
  for (let i = 0; i < 2; i++) {
    const res = await overSocket(tooMany);
    expect(res.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
  }
  const ok = await overSocket<{ currentTenant: { id: string } }>(`{ a: currentTenant { id } }`);
  expect(ok.errors).toBeUndefined();
});

test('a query over the socket reads in read-only units of work, as over HTTP; a mutation opens read-write', async () => {
  const { sent, restore } = watchPgTexts();
  try {
    const res = await overSocket(`{ leads(first: 2) { edges { node { id name } } } }`);
    expect(res.errors).toBeUndefined();
    const openings = sent.filter((s) => /^start transaction/i.test(s));
    expect(openings.some((s) => /from leads l/.test(s))).toBe(true);
    for (const o of openings) expect(o).toMatch(/^start transaction read only; .*; commit$/s);
    sent.length = 0;
    expect((await overSocket(`mutation { createLead(input: { name: "rw over ws" }) { id } }`)).errors).toBeUndefined();
    expect(sent.filter((s) => /^start transaction; /i.test(s))).toHaveLength(1);
  } finally {
    restore();
  }
  await until(() => checkedOut() === 0, 5000, 'no checked-out connection');
});
