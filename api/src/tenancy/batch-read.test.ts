import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { createTestTenant, startTestServer, type TestServer, type TestTenant } from '../../test/helpers';
import { DEFAULT_PREPARED_PER_CONNECTION, laneOf, TenantBatchReader } from './batch-read';
import { testState } from '../../test/state';
import { withTenant } from './with-tenant';
import { tenantDb } from './context';

/**
 * The batch reader (tenancy/batch-read.ts): reads of many tenants share one message, each in its own tenant
 * transaction; nothing crosses tenants, one failing read fails alone, and no connection goes back to the pool
 * holding a tenant or an open transaction.
 */

let server: TestServer;
let a: TestTenant;
let b: TestTenant;
const leads: Record<'a' | 'b', string[]> = { a: [], b: [] };
const SQL = `select id, name from leads l where l.id = $1`;

beforeAll(async () => {
  server = await startTestServer();
  [a, b] = await Promise.all([createTestTenant(server, { direct: true }), createTestTenant(server, { direct: true })]);
  for (const [key, t] of [
    ['a', a],
    ['b', b],
  ] as const) {
    await withTenant(server.platform.openSession, t.tenant, async () => {
      const status = (await tenantDb().one<{ id: string }>(`select id from lead_statuses order by position limit 1`))!.id;
      for (let i = 0; i < 5; i++) {
        leads[key].push((await tenantDb().one<{ id: string }>(`insert into leads (name, status_id) values ($1, $2) returning id`, [`${key} ${i}`, status]))!.id);
      }
    });
  }
});
afterAll(async () => server?.close());

/** The platform's pool, counting checkouts. */
function countedPool() {
  const real = server.platform.pool;
  const stats = { checkouts: 0 };
  const pool = new Proxy(real, {
    get(target, prop, receiver) {
      if (prop === 'connect') return () => (stats.checkouts++, target.connect());
      return Reflect.get(target, prop, receiver) as unknown;
    },
  });
  return { pool, stats };
}

test('reads of two tenants in one turn share one message, and each finds only its own tenant’s rows', async () => {
  const { pool, stats } = countedPool();
  const reader = new TenantBatchReader(pool);
  const reads = [...leads.a.map((id) => [a, id] as const), ...leads.b.map((id) => [b, id] as const)]
    // and each id asked in the other tenant too
    .flatMap(([t, id]) => [[t, id, true] as const, [t === a ? b : a, id, false] as const]);
  const rows = await Promise.all(reads.map(([t, id]) => reader.read<{ id: string; name: string }>(t.tenant, SQL, id)));
  expect(stats.checkouts).toBe(1);
  rows.forEach((r, i) => {
    const [t, id, own] = reads[i]!;
    if (own) expect(r).toEqual([{ id, name: expect.stringMatching(t === a ? /^a / : /^b /) }]);
    else expect(r).toEqual([]);
  });
});

test('a failing read fails alone, and no connection comes back to the pool holding a tenant', async () => {
  const { pool } = countedPool();
  const reader = new TenantBatchReader(pool);
  const [good, bad, alsoGood] = await Promise.allSettled([
    reader.read(a.tenant, SQL, leads.a[0]!),
    reader.read(b.tenant, `select id from no_such_table where id = $1`, leads.b[0]!),
    reader.read(b.tenant, SQL, leads.b[1]!),
  ]);
  expect(good.status).toBe('fulfilled');
  expect(alsoGood.status).toBe('fulfilled');
  expect(bad.status).toBe('rejected');
  // Pooled connections are back at their defaults: no tenant search_path, no tenant role (an open transaction would
  // have kept them).
  const clients = await Promise.all(Array.from({ length: 3 }, () => pool.connect()));
  try {
    for (const c of clients) {
      const { rows } = await c.query<{ search_path: string; role: string }>(`select current_setting('search_path') as search_path, current_user as role`);
      expect(rows[0]!.search_path).not.toContain(a.tenant.schemaName);
      expect(rows[0]!.search_path).not.toContain(b.tenant.schemaName);
      expect(rows[0]!.role).not.toBe(a.tenant.dbRole);
      expect(rows[0]!.role).not.toBe(b.tenant.dbRole);
    }
  } finally {
    for (const c of clients) c.release();
  }
});

test('only an id travels, checked; a statement with anything else is refused before it is sent; a suspended tenant is refused', async () => {
  const reader = new TenantBatchReader(countedPool().pool);
  await expect(reader.read(a.tenant, SQL, `x' or true --`)).rejects.toThrow();
  await expect(reader.read(a.tenant, `select 1 where $1 = $2`, leads.a[0]!)).rejects.toThrow(/one parameter/);
  await expect(reader.read(a.tenant, `select 1; select $1`, leads.a[0]!)).rejects.toThrow(/one parameter/);
  await expect(reader.read({ ...a.tenant, status: 'suspended' }, SQL, leads.a[0]!)).rejects.toMatchObject({ extensions: { code: 'TENANT_SUSPENDED' } });
});

test('general reads with values: two tenants in one message, values written in, each unit sees only its tenant', async () => {
  const { pool, stats } = countedPool();
  const reader = new TenantBatchReader(pool);
  const list = `select id, name from leads l where l.name like $1 and l.id = any($2) order by name limit $3`;
  const everyId = [...leads.a, ...leads.b];
  const [inA, inB, hostile] = await Promise.all([
    reader.query<{ id: string; name: string }>(a.tenant, list, ['%', everyId, 50]),
    reader.query<{ id: string; name: string }>(b.tenant, list, ['%', everyId, 50]),
    reader.query<{ id: string }>(a.tenant, list, [`%' or true) union select id, name from leads --`, everyId, 50]),
  ]);
  expect(stats.checkouts).toBe(1);
  expect(inA!.map((r) => r.name)).toEqual(['a 0', 'a 1', 'a 2', 'a 3', 'a 4']);
  expect(inB!.map((r) => r.name)).toEqual(['b 0', 'b 1', 'b 2', 'b 3', 'b 4']);
  expect(hostile).toEqual([]); // the value was a pattern, nothing more
  expect(reader.query(a.tenant, `select 1; select 2`, [])).toBeNull(); // refused: the caller runs it parametrized
});

test('a failing unit is rolled back and its connection reused, clean; the other units of its message still answer', async () => {
  const { pool, stats } = countedPool();
  const reader = new TenantBatchReader(pool);
  const backends = async () =>
    (await server.platform.pool.query<{ pids: number[] }>(`select array_agg(pid) as pids from pg_stat_activity where datname = current_database()`)).rows[0]!.pids;
  const before = await backends();
  const results = await Promise.allSettled([
    reader.query(a.tenant, `select id from leads where id = $1::uuid`, ['not a uuid'])!,
    reader.query<{ id: string }>(b.tenant, `select id from leads where id = $1`, [leads.b[0]])!,
  ]);
  expect(results[0]).toMatchObject({ status: 'rejected', reason: { code: '22P02' } });
  expect(results[1]).toMatchObject({ status: 'fulfilled', value: [{ id: leads.b[0] }] });
  expect(stats.checkouts).toBe(1); // the shared message, rolled back, then each unit alone, on the same connection
  const after = await backends();
  const c = await pool.connect();
  try {
    const { rows } = await c.query<{ search_path: string; role: string; tx: string }>(
      `select current_setting('search_path') as search_path, current_user as role, txid_current_if_assigned()::text as tx`,
    );
    expect(rows[0]!.search_path).not.toContain(a.tenant.schemaName);
    expect(rows[0]!.role).not.toBe(a.tenant.dbRole);
    await expect(c.query('commit')).resolves.toBeTruthy(); // no transaction was left open (a warning, not an error)
  } finally {
    c.release();
  }
  // rolled back and pooled again, not destroyed and replaced: no backend ended
  expect(before.filter((pid) => !after.includes(pid))).toEqual([]);
});

describe('tenant-affine lanes', () => {
  const PID = `select pg_backend_pid() as pid, $1::text as t`;
  const pidOf = async (reader: TenantBatchReader, t: TestTenant) => (await reader.query<{ pid: number }>(t.tenant, PID, [t.tenant.id])!)[0]!.pid;

  test('the reads queued in one turn go in one message per lane, and are counted so', async () => {
    const reader = new TenantBatchReader(server.platform.pool, { lanes: 1 });
    try {
      const rows = await Promise.all([reader.read(a.tenant, SQL, leads.a[0]!), reader.read(b.tenant, SQL, leads.b[0]!), reader.read(a.tenant, SQL, leads.a[1]!)]);
      expect(rows.map((r) => (r as Array<{ id: string }>)[0]!.id)).toEqual([leads.a[0], leads.b[0], leads.a[1]]);
      expect(reader.counts).toEqual({ messages: 1, reads: 3, overflowReads: 0, spilledMessages: 0, spilledReads: 0, prepares: 0, unpreparedRetries: 0 });
    } finally {
      reader.close();
    }
  });

  test('a tenant’s reads keep finding the same backend while its lane is busy; each lane has its own', async () => {
    const reader = new TenantBatchReader(server.platform.pool, { lanes: 2 });
    try {
      // Tenants on both lanes: provisioned until each lane has one (ids are random; a fixed few were all on one lane
      // once in 32 runs), and a few more so that each lane serves several.
      const tenants = [a, b];
      const onLane = (l: number) => tenants.filter((t) => laneOf(t.tenant.id, 2) === l).length;
      while (tenants.length < 6 || !onLane(0) || !onLane(1)) {
        if (tenants.length >= 30) throw new Error('30 tenants, all on one lane: is laneOf still a hash of the id?');
        tenants.push(await createTestTenant(server, { direct: true }));
      }
      const first = await Promise.all(tenants.map((t) => pidOf(reader, t)));
      expect(new Set(first).size).toBe(2); // two lanes, two backends, every tenant on one of them
      for (let round = 0; round < 5; round++) {
        const again = await Promise.all(tenants.map((t) => pidOf(reader, t)));
        expect(again).toEqual(first);
      }
      // One lane in use: every tenant's reads on one backend.
      reader.setWidth(1);
      expect(reader.laneCount).toBe(1);
      const narrowed = await Promise.all(tenants.map((t) => pidOf(reader, t)));
      expect(new Set(narrowed).size).toBe(1);
      // Both again: the same two groups of tenants (lane 1 may have given its connection back meanwhile and taken
      // another one: which backend is a lane's is not fixed, which tenants share one is).
      reader.setWidth(2);
      const widened = await Promise.all(tenants.map((t) => pidOf(reader, t)));
      expect(new Set(widened).size).toBe(2);
      const groups = (pids: number[]) => tenants.map((_, i) => tenants.map((_, j) => pids[i] === pids[j]));
      expect(groups(widened)).toEqual(groups(first));
    } finally {
      reader.close();
    }
  });

  test('narrowed to one lane, reads held up behind a slow message overflow to their own lane, not to any connection', async () => {
    const reader = new TenantBatchReader(server.platform.pool, { lanes: 2 });
    reader.setWidth(1);
    let other = b;
    while (laneOf(other.tenant.id, 2) !== 1) other = await createTestTenant(server, { direct: true });
    try {
      const order: string[] = [];
      const slow = reader.query<{ pid: number }>(a.tenant, `select pg_sleep($1::float8), pg_backend_pid() as pid`, [1.5])!;
      void slow.then(() => order.push('slow'));
      await new Promise((r) => setImmediate(r)); // the slow read is in flight on lane 0
      const pids = await Promise.all([pidOf(reader, other), pidOf(reader, other)]);
      order.push('fast');
      const lane0 = (await slow)[0]!.pid;
      expect(order).toEqual(['fast', 'slow']);
      expect(pids[0]).toBe(pids[1]); // one message, on lane 1's connection
      expect(pids[0]).not.toBe(lane0);
      expect(reader.counts).toMatchObject({ overflowReads: 2, spilledReads: 0 });
      // Lane 0 free again: the tenant's reads are back on it, the one lane in use.
      expect(await pidOf(reader, other)).toBe(lane0);
    } finally {
      reader.close();
    }
  });

  test('the platform’s lanes read on backends of their own, kept between reads, never the shared pool’s', async () => {
    const { batchReader, pool } = server.platform;
    const first = await pidOf(batchReader, a);
    await new Promise((r) => setTimeout(r, 200)); // idle longer than a borrowed connection was kept
    expect(await pidOf(batchReader, a)).toBe(first);
    expect(batchReader.holding).toBe(0); // nothing of the shared pool held
    // Every connection the shared pool can give at once: none of them is the lane's backend.
    const clients = await Promise.all(Array.from({ length: pool.options.max }, () => pool.connect()));
    try {
      const pids = await Promise.all(clients.map(async (c) => (await c.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0]!.pid));
      expect(pids).not.toContain(first);
    } finally {
      for (const c of clients) c.release();
    }
  });

  test('a lane gives its own backend back when its lifetime is up, even while it is idle', async () => {
    // Recycling used to wait for the lane's next message: a lane that went quiet kept its backend, with the catalog
    // entries and prepared statements of every tenant it had served, for as long as it stayed quiet.
    const lanePool = new Pool({ connectionString: testState().databaseUrl, max: 1, maxLifetimeSeconds: 1, idleTimeoutMillis: 0 });
    const reader = new TenantBatchReader(server.platform.pool, { lanes: 1, lanePool, recycleMs: 1000, prepared: DEFAULT_PREPARED_PER_CONNECTION });
    try {
      const first = await pidOf(reader, a);
      expect(lanePool.totalCount).toBe(1);
      for (const deadline = Date.now() + 5000; lanePool.totalCount > 0 && Date.now() < deadline; ) await new Promise((r) => setTimeout(r, 50));
      expect(lanePool.totalCount).toBe(0); // ended by the pool, with no read in between
      const alive = async () => (await server.platform.db.rows(`select 1 from pg_stat_activity where pid = $1`, [first])).length;
      for (const deadline = Date.now() + 5000; (await alive()) > 0 && Date.now() < deadline; ) await new Promise((r) => setTimeout(r, 50));
      expect(await alive()).toBe(0);
      expect(await pidOf(reader, a)).not.toBe(first);
    } finally {
      reader.close();
      await lanePool.end();
    }
  });

  test('laneOf spreads ids evenly, and widening moves ids only onto the new lane (jump consistent hash)', () => {
    const ids = Array.from({ length: 20_000 }, () => randomUUID());
    for (const lanes of [1, 2, 5]) {
      const counts = new Array<number>(lanes).fill(0);
      for (const id of ids) counts[laneOf(id, lanes)]!++;
      for (const c of counts) expect(Math.abs(c - ids.length / lanes)).toBeLessThan(ids.length / lanes / 10);
    }
    let moved = 0;
    for (const id of ids) {
      for (let w = 1; w < 8; w++) {
        const before = laneOf(id, w);
        const after = laneOf(id, w + 1);
        if (after !== before) {
          moved++;
          expect(after).toBe(w);
        }
      }
    }
    // Going from w to w + 1 lanes moves 1/(w + 1) of the ids: 1/2 + 1/3 + ... + 1/8 of them over the seven steps.
    const expected = ids.length * [2, 3, 4, 5, 6, 7, 8].reduce((sum, n) => sum + 1 / n, 0);
    expect(Math.abs(moved - expected)).toBeLessThan(expected / 20);
  });

  test('a slow read does not hold up the reads queued behind it on its lane, and close gives every connection back', async () => {
    const reader = new TenantBatchReader(server.platform.pool, { lanes: 1 });
    const order: string[] = [];
    const slow = reader.query(a.tenant, `select pg_sleep($1::float8) as slept`, [1.5])!.then(() => order.push('slow'));
    await new Promise((r) => setImmediate(r)); // the slow read is in flight on the lane's connection
    const fast = reader.query<{ id: string }>(b.tenant, `select id from leads where id = $1`, [leads.b[0]])!.then((rows) => {
      order.push('fast');
      return rows;
    });
    expect(await fast).toEqual([{ id: leads.b[0] }]);
    await slow;
    expect(order).toEqual(['fast', 'slow']);
    // Counted as it went: the slow read on the lane's connection, the fast one spilled to another.
    expect(reader.counts).toEqual({ messages: 1, reads: 1, overflowReads: 0, spilledMessages: 1, spilledReads: 1, prepares: 0, unpreparedRetries: 0 });
    reader.close();
    // Every connection back: the lane's and the spill's, once their last messages settle (a loaded machine can take
    // a moment; one kept for good would keep this at 1 until the deadline).
    const out = () => server.platform.pool.totalCount - server.platform.pool.idleCount;
    for (const deadline = Date.now() + 5000; out() > 0 && Date.now() < deadline; ) await new Promise((r) => setTimeout(r, 20));
    expect(out()).toBe(0);
  });
});

describe('prepared reads (DB_PREPARED_READS)', () => {
  /** A reader on a pool of one connection, so every message meets the statements the earlier ones prepared. */
  let one: Pool;
  beforeEach(() => {
    one = new Pool({ connectionString: testState().databaseUrl, max: 1 });
  });
  afterEach(async () => one.end());
  const prepared = async () =>
    (await one.query<{ name: string; statement: string }>(`select name, statement from pg_prepared_statements order by prepare_time`)).rows;
  const readOne = (reader: TenantBatchReader, t: TestTenant, id: string) => reader.read<{ id: string; name: string }>(t.tenant, SQL, id);

  test('each tenant’s reads run as statements of its own, and a statement prepared in one tenant reads, executed in another, only that other tenant’s rows', async () => {
    const reader = new TenantBatchReader(one, { prepared: DEFAULT_PREPARED_PER_CONNECTION });
    // Prepared while tenant a's search_path and role are set, then executed in b's units, then in a's again.
    expect(await readOne(reader, a, leads.a[0]!)).toEqual([{ id: leads.a[0], name: 'a 0' }]);
    expect(await readOne(reader, b, leads.a[0]!)).toEqual([]);
    expect(await readOne(reader, b, leads.b[1]!)).toEqual([{ id: leads.b[1], name: 'b 1' }]);
    expect(await readOne(reader, a, leads.b[1]!)).toEqual([]);
    // In one message too: both tenants' units execute the statement one after the other.
    const mixed = await Promise.all([readOne(reader, b, leads.b[2]!), readOne(reader, a, leads.b[2]!), readOne(reader, a, leads.a[2]!)]);
    expect(mixed).toEqual([[{ id: leads.b[2], name: 'b 2' }], [], [{ id: leads.a[2], name: 'a 2' }]]);
    // General reads with values: the values travel as the execution's arguments.
    const byName = (t: TestTenant, name: string) => reader.query<{ name: string }>(t.tenant, `select name from leads where name = any($1::text[]) order by name`, [[name, 'b 3']])!;
    expect(await byName(a, 'a 3')).toEqual([{ name: 'a 3' }]);
    expect(await byName(b, 'a 3')).toEqual([{ name: 'b 3' }]);
    // Prepared once per tenant and text on the connection, by a name that is a hash of both.
    expect(reader.counts).toMatchObject({ prepares: 4, unpreparedRetries: 0 });
    const names = (await prepared()).map((p) => p.name);
    expect(new Set(names).size).toBe(4);
    for (const name of names) expect(name).toMatch(/^lp_[0-9a-f]{24}$/);
    // The names are no wall: a's statement executed in b's unit (as if a name were shared) reads b's rows only.
    const [aPk] = names;
    const client = await one.connect();
    try {
      const open = async (t: TestTenant) =>
        client.query(`start transaction read only; select set_config('search_path', '"${t.tenant.schemaName}"', true), set_config('role', '${t.tenant.dbRole}', true)`);
      await open(b);
      const crossed = await client.query<{ id: string; name: string }>(`execute ${aPk}('${leads.a[0]}')`);
      const own = await client.query<{ id: string; name: string }>(`execute ${aPk}('${leads.b[0]}')`);
      await client.query('commit');
      expect({ crossed: crossed.rows, own: own.rows }).toEqual({ crossed: [], own: [{ id: leads.b[0], name: 'b 0' }] });
    } finally {
      client.release();
    }
    reader.close();
  });

  test('off, nothing is prepared', async () => {
    const reader = new TenantBatchReader(one);
    expect(await readOne(reader, a, leads.a[0]!)).toHaveLength(1);
    expect(await prepared()).toEqual([]);
    expect(reader.counts.prepares).toBe(0);
    // Nor does the platform by default (DB_PREPARED_READS=0).
    expect(server.platform.batchReader.prepares).toBe(false);
  });

  test('a connection holds at most DB_PREPARED_READS statements: past it, other statements run unprepared', async () => {
    const limit = 70;
    const reader = new TenantBatchReader(one, { prepared: limit });
    const total = limit + 5;
    for (let i = 0; i < total; i++) {
      const rows = await reader.read<{ n: number }>(a.tenant, `select ${i}::int as n from leads l where l.id = $1`, leads.a[0]!);
      expect(rows).toEqual([{ n: i }]);
    }
    // The first ones stay (no prepare and deallocate at every read once full), the later ones answered unprepared.
    expect(await reader.read<{ n: number }>(a.tenant, `select 0::int as n from leads l where l.id = $1`, leads.a[0]!)).toEqual([{ n: 0 }]);
    const names = await prepared();
    expect(names).toHaveLength(limit);
    expect(names.some((p) => p.statement.includes('select 0::int'))).toBe(true);
    expect(names.some((p) => p.statement.includes(`select ${limit}::int`))).toBe(false);
    expect(reader.counts.prepares).toBe(limit);
    reader.close();
  });

  test('a statement whose result type a migration changed is answered unprepared, then prepared again', async () => {
    // A tenant of its own: its leads table is altered.
    const c = await createTestTenant(server, { direct: true });
    const id = await withTenant(server.platform.openSession, c.tenant, async () => {
      const status = (await tenantDb().one<{ id: string }>(`select id from lead_statuses order by position limit 1`))!.id;
      return (await tenantDb().one<{ id: string }>(`insert into leads (name, source, status_id) values ('c 0', 'fair', $1) returning id`, [status]))!.id;
    });
    const reader = new TenantBatchReader(one, { prepared: DEFAULT_PREPARED_PER_CONNECTION });
    const bySource = () => reader.read<{ id: string; source: string }>(c.tenant, `select id, source from leads l where l.id = $1`, id);
    expect(await bySource()).toEqual([{ id, source: 'fair' }]);
    await server.platform.db.rows(`alter table "${c.tenant.schemaName}".leads alter column source type varchar(100)`);
    // PostgreSQL refuses to execute it ("cached plan must not change result type"): the read is retried unprepared.
    expect(await bySource()).toEqual([{ id, source: 'fair' }]);
    expect(reader.counts).toMatchObject({ prepares: 1, unpreparedRetries: 1 });
    // Everything on the connection was deallocated; the next read prepares the statement again, and it works.
    expect(await bySource()).toEqual([{ id, source: 'fair' }]);
    expect(await readOne(reader, a, leads.a[4]!)).toEqual([{ id: leads.a[4], name: 'a 4' }]);
    expect(reader.counts).toMatchObject({ prepares: 3, unpreparedRetries: 1 });
    reader.close();
  });

  test('a read that fails by itself fails as it would unprepared, and one failing read does not fail the others', async () => {
    const reader = new TenantBatchReader(one, { prepared: DEFAULT_PREPARED_PER_CONNECTION });
    const bad = reader.query(a.tenant, `select 1 / (count(*) - count(*))::int as x from leads where name = $1`, ['a 0'])!;
    const good = readOne(reader, b, leads.b[0]!);
    await expect(bad).rejects.toThrow(/division by zero/);
    expect(await good).toEqual([{ id: leads.b[0], name: 'b 0' }]);
    // Its connection is clean: no transaction, no tenant.
    expect((await one.query(`select current_setting('search_path') as sp, current_setting('role') as role`)).rows[0]).toEqual({ sp: '"$user", public', role: 'none' });
    reader.close();
  });

  test('when connections lose their statements (a pooling proxy), reads still answer, and the reader stops preparing', async () => {
    let off = 0;
    const reader = new TenantBatchReader(one, { prepared: DEFAULT_PREPARED_PER_CONNECTION, onPreparedOff: () => off++ });
    // Every other read finds its statement gone (the one after it prepares it again): three such, and it stops.
    for (let i = 0; i < 6; i++) {
      expect(await readOne(reader, a, leads.a[i % 5]!)).toHaveLength(1);
      // What a proxy in transaction mode does to a client: its next message reaches a server without its statements.
      await one.query('deallocate all');
    }
    expect(off).toBe(1);
    expect(reader.prepares).toBe(false);
    expect(reader.counts.unpreparedRetries).toBe(3);
    // From now on nothing is prepared, and reads answer as before.
    expect(await readOne(reader, a, leads.a[0]!)).toEqual([{ id: leads.a[0], name: 'a 0' }]);
    expect(await prepared()).toEqual([]);
    reader.close();
  });
});
