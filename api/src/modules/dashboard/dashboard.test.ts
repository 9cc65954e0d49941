import { addMember, createTestTenant, login, startTestServer, type TestServer, type TestTenant } from '../../../test/helpers';
import { tenantDb } from '../../tenancy/context';
import { withTenant } from '../../tenancy/with-tenant';

interface Fixture {
  status: string;
  owner?: string | null;
  team?: string | null;
  value?: number | null;
  at: string;
  deleted?: boolean;
}

let server: TestServer;
let statements = 0;
let a: TestTenant & { token: string; bob: string };
let b: TestTenant & { token: string };
let empty: TestTenant & { token: string };

/** Inserts leads with known values straight into a tenant; returns the tenant's status ids by key. */
async function insert(t: TestTenant, teams: Record<string, string[]>, leads: Fixture[]): Promise<Record<string, string>> {
  return withTenant(server.platform.openSession, t.tenant, async () => {
    const db = tenantDb();
    for (const [name, members] of Object.entries(teams)) {
      const [team] = await db.query<{ id: string }>(`insert into teams (name) values ($1) returning id`, [name]);
      await db.query(`insert into team_members (team_id, user_id) select $1, unnest($2::uuid[])`, [team!.id, members]);
    }
    await db.query(
      `insert into leads (name, status_id, owner_id, team_id, value, currency, created_at, deleted_at)
       select x.name, s.id, x.owner, t.id, x.value, 'EUR', x.at, case when x.deleted then now() end
         from jsonb_to_recordset($1::jsonb) as x(name text, status text, owner uuid, team text, value numeric, at timestamptz, deleted boolean)
         join lead_statuses s on s.key = x.status left join teams t on t.name = x.team`,
      [JSON.stringify(leads.map((l, i) => ({ ...l, name: `Lead ${i + 1}` })))],
    );
    const rows = await db.query<{ id: string; key: string }>(`select id, key from lead_statuses`);
    return Object.fromEntries(rows.map((r) => [r.key, r.id]));
  });
}

async function gql<T>(t: { token: string }, query: string, variables: Record<string, unknown> = {}) {
  const before = statements;
  const res = await server.gql<T>(query, variables, { token: t.token });
  return { ...res, statements: statements - before };
}

const BY_STATUS = `query($filter: LeadFilter) { leadCountsByStatus(filter: $filter) { count value status { key label kind } } }`;
const BY_OWNER = `query($filter: LeadFilter) { leadCountsByOwner(filter: $filter) { ownerId count value owner { email } } }`;
const PER_DAY = `query($from: Date!, $to: Date!, $tz: String, $filter: LeadFilter) {
  leadsCreatedPerDay(from: $from, to: $to, timeZone: $tz, filter: $filter) { day count } }`;
const CONVERSION = `query($from: DateTimeISO, $to: DateTimeISO, $filter: LeadFilter) {
  leadConversion(from: $from, to: $to, filter: $filter) { won lost closed open rate } }`;

type StatusRows = { leadCountsByStatus: Array<{ count: number; value: number; status: { key: string } }> };
type OwnerRows = { leadCountsByOwner: Array<{ ownerId: string | null; count: number; value: number; owner: { email: string } | null }> };
type DayRows = { leadsCreatedPerDay: Array<{ day: string; count: number }> };
type Conversion = { leadConversion: { won: number; lost: number; closed: number; open: number; rate: number | null } };

const byStatus = (d: StatusRows) => Object.fromEntries(d.leadCountsByStatus.map((r) => [r.status.key, [r.count, r.value]]));
const counts = (d: DayRows) => d.leadsCreatedPerDay.map((r) => r.count);

let teamA: string;
let statusesB: Record<string, string>;

beforeAll(async () => {
  server = await startTestServer({}, { platform: { onStatement: () => void statements++ } });
  const [ta, tb, te] = await Promise.all([createTestTenant(server), createTestTenant(server, { direct: true }), createTestTenant(server, { direct: true })]);
  const bob = await addMember(server, ta.tenant, `bob@${ta.tenant.slug}.test`);
  a = { ...ta, bob, token: (await login(server, ta.adminEmail, ta.tenant.slug)).accessToken };
  b = { ...tb, token: (await login(server, tb.adminEmail, tb.tenant.slug)).accessToken };
  empty = { ...te, token: (await login(server, te.adminEmail, te.tenant.slug)).accessToken };
  await insert(a, { Enterprise: [bob] }, [
    { status: 'new', owner: a.adminId, value: 100, at: '2024-03-01T10:00:00Z' },
    { status: 'new', owner: bob, value: null, at: '2024-03-01T23:30:00Z' }, // 2024-03-02 00:30 in Berlin
    { status: 'contacted', owner: bob, value: 250.5, at: '2024-03-02T12:00:00Z' },
    { status: 'won', owner: a.adminId, team: 'Enterprise', value: 1000, at: '2024-03-03T09:00:00Z' },
    { status: 'won', owner: null, value: 500, at: '2024-03-05T00:00:00Z' },
    { status: 'lost', owner: bob, team: 'Enterprise', value: 40, at: '2024-03-05T08:00:00Z' },
    { status: 'new', owner: a.adminId, value: 9999, at: '2024-03-02T08:00:00Z', deleted: true }, // never counted
  ]);
  teamA = (await withTenant(server.platform.openSession, a.tenant, () => tenantDb().one<{ id: string }>(`select id from teams`)))!.id;
  // Tenant B: same days, same statuses, other numbers. None of it may show up in A's dashboards.
  const bob2 = await addMember(server, b.tenant, `bob2@${b.tenant.slug}.test`);
  statusesB = await insert(b, {}, [
    ...Array.from({ length: 5 }, () => ({ status: 'won', owner: b.adminId, value: 7, at: '2024-03-01T12:00:00Z' })),
    ...Array.from({ length: 4 }, (_, i) => ({ status: 'proposal', owner: i % 2 ? bob2 : null, value: 3, at: '2024-03-02T12:00:00Z' })),
  ]);
});
afterAll(async () => server?.close());

describe('leadCountsByStatus', () => {
  test('every status in pipeline order, with counts and value sums of live leads', async () => {
    const res = await gql<StatusRows>(a, BY_STATUS);
    expect(res.errors).toBeUndefined();
    expect(res.data!.leadCountsByStatus.map((r) => r.status.key)).toEqual(['new', 'contacted', 'qualified', 'proposal', 'won', 'lost']);
    expect(byStatus(res.data!)).toEqual({ new: [2, 100], contacted: [1, 250.5], qualified: [0, 0], proposal: [0, 0], won: [2, 1500], lost: [1, 40] });
  });

  test('scoped by the lead filter: a team means its leads and its members’ leads', async () => {
    const res = await gql<StatusRows>(a, BY_STATUS, { filter: { teamIds: [teamA] } });
    expect(byStatus(res.data!)).toEqual({ new: [1, 0], contacted: [1, 250.5], qualified: [0, 0], proposal: [0, 0], won: [1, 1000], lost: [1, 40] });
    const recent = await gql<StatusRows>(a, BY_STATUS, { filter: { createdAfter: '2024-03-03T00:00:00Z', valueMin: 600 } });
    expect(byStatus(recent.data!)).toMatchObject({ new: [0, 0], won: [1, 1000], lost: [0, 0] });
  });

  test('an empty tenant lists every status with zeros', async () => {
    const res = await gql<StatusRows>(empty, BY_STATUS);
    expect(res.data!.leadCountsByStatus).toHaveLength(6);
    expect(res.data!.leadCountsByStatus.every((r) => r.count === 0 && r.value === 0)).toBe(true);
  });
});

describe('leadCountsByOwner', () => {
  test('most leads first, unassigned as a null owner', async () => {
    const res = await gql<OwnerRows>(a, BY_OWNER);
    expect(res.errors).toBeUndefined();
    expect(res.data!.leadCountsByOwner).toEqual([
      { ownerId: a.bob, count: 3, value: 290.5, owner: { email: `bob@${a.tenant.slug}.test` } },
      { ownerId: a.adminId, count: 2, value: 1100, owner: { email: a.adminEmail } },
      { ownerId: null, count: 1, value: 500, owner: null },
    ]);
  });

  test('filtered, and empty when nothing matches', async () => {
    const res = await gql<OwnerRows>(a, BY_OWNER, { filter: { unassigned: true } });
    expect(res.data!.leadCountsByOwner).toEqual([{ ownerId: null, count: 1, value: 500, owner: null }]);
    expect((await gql<OwnerRows>(empty, BY_OWNER)).data!.leadCountsByOwner).toEqual([]);
  });
});

describe('leadsCreatedPerDay', () => {
  test('every day of the range, zero-filled, in UTC by default', async () => {
    const res = await gql<DayRows>(a, PER_DAY, { from: '2024-03-01', to: '2024-03-06' });
    expect(res.errors).toBeUndefined();
    expect(res.data!.leadsCreatedPerDay).toEqual([
      { day: '2024-03-01', count: 2 },
      { day: '2024-03-02', count: 1 },
      { day: '2024-03-03', count: 1 },
      { day: '2024-03-04', count: 0 },
      { day: '2024-03-05', count: 2 },
      { day: '2024-03-06', count: 0 },
    ]);
    const utc = await gql<DayRows>(a, PER_DAY, { from: '2024-03-01', to: '2024-03-06', tz: null });
    expect(utc.data).toEqual(res.data);
  });

  test('days are cut in the given time zone: 23:30 UTC is the next day in Berlin', async () => {
    const berlin = await gql<DayRows>(a, PER_DAY, { from: '2024-03-01', to: '2024-03-05', tz: 'Europe/Berlin' });
    expect(counts(berlin.data!)).toEqual([1, 2, 1, 0, 2]);
    // The range's own edges move too: Berlin's 2 March starts at 23:00 UTC on the 1st.
    expect(counts((await gql<DayRows>(a, PER_DAY, { from: '2024-03-02', to: '2024-03-02', tz: 'Europe/Berlin' })).data!)).toEqual([2]);
    expect(counts((await gql<DayRows>(a, PER_DAY, { from: '2024-03-02', to: '2024-03-02' })).data!)).toEqual([1]);
  });

  test('scoped by the filter; an empty tenant gets zeros for every day', async () => {
    expect(counts((await gql<DayRows>(a, PER_DAY, { from: '2024-03-01', to: '2024-03-05', filter: { teamIds: [teamA] } })).data!)).toEqual([1, 1, 1, 0, 1]);
    expect(counts((await gql<DayRows>(empty, PER_DAY, { from: '2024-02-28', to: '2024-03-01' })).data!)).toEqual([0, 0, 0]);
  });

  test('range limit and order of the bounds are typed errors naming `to`', async () => {
    const leap = await gql<DayRows>(a, PER_DAY, { from: '2024-01-01', to: '2024-12-31' });
    expect(leap.data!.leadsCreatedPerDay).toHaveLength(366);
    for (const [from, to] of [['2024-01-01', '2025-01-01'], ['2024-03-05', '2024-03-04']]) {
      const res = await gql<DayRows>(a, PER_DAY, { from, to });
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'to' }] });
    }
  });

  test('an unknown time zone is BAD_USER_INPUT naming timeZone', async () => {
    for (const tz of ['Mars/Olympus_Mons', "UTC'; select 1; --", 'europe/berlin']) {
      const res = await gql<DayRows>(a, PER_DAY, { from: '2024-03-01', to: '2024-03-02', tz });
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'timeZone' }] });
    }
  });
});

describe('leadConversion', () => {
  test('won / lost / open by terminal kind, rate = won / closed', async () => {
    const res = await gql<Conversion>(a, CONVERSION);
    expect(res.errors).toBeUndefined();
    expect(res.data!.leadConversion).toEqual({ won: 2, lost: 1, closed: 3, open: 3, rate: 2 / 3 });
    expect((await gql<Conversion>(a, CONVERSION, { filter: { teamIds: [teamA] } })).data!.leadConversion).toEqual({ won: 1, lost: 1, closed: 2, open: 2, rate: 0.5 });
  });

  test('[from, to) on the creation time; rate is null when nothing is closed', async () => {
    const window = await gql<Conversion>(a, CONVERSION, { from: '2024-03-03T00:00:00Z', to: '2024-03-05T08:00:00Z' });
    expect(window.data!.leadConversion).toEqual({ won: 2, lost: 0, closed: 2, open: 0, rate: 1 });
    const early = await gql<Conversion>(a, CONVERSION, { from: '2024-03-01T00:00:00Z', to: '2024-03-02T00:00:00Z' });
    expect(early.data!.leadConversion).toEqual({ won: 0, lost: 0, closed: 0, open: 2, rate: null });
    expect((await gql<Conversion>(empty, CONVERSION)).data!.leadConversion).toEqual({ won: 0, lost: 0, closed: 0, open: 0, rate: null });
    const backwards = await gql<Conversion>(a, CONVERSION, { from: '2024-03-02T00:00:00Z', to: '2024-03-01T00:00:00Z' });
    expect(backwards.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'to' }] });
  });
});

describe('isolation and cost', () => {
  test("tenant B's leads are never counted for A, even when A names B's ids", async () => {
    expect(byStatus((await gql<StatusRows>(b, BY_STATUS)).data!)).toMatchObject({ won: [5, 35], proposal: [4, 12], new: [0, 0] });
    expect((await gql<Conversion>(b, CONVERSION)).data!.leadConversion).toMatchObject({ won: 5, open: 4 });
    const leak = await gql<StatusRows>(a, BY_STATUS, { filter: { statusIds: [statusesB.won], ownerIds: [b.adminId] } });
    expect(leak.data!.leadCountsByStatus.every((r) => r.count === 0)).toBe(true);
    const perDay = await gql<DayRows>(a, PER_DAY, { from: '2024-03-01', to: '2024-03-02' });
    expect(counts(perDay.data!)).toEqual([2, 1]);
  });

  test('refused outside a tenant', async () => {
    // Signed in, but to no tenant (a member of two who named neither); without any credentials, sign in first.
    const email = `two-${a.tenant.slug}@example.test`;
    await addMember(server, a.tenant, email);
    await addMember(server, b.tenant, email);
    const untenanted = { token: (await login(server, email)).accessToken };
    for (const query of [BY_STATUS, BY_OWNER, CONVERSION]) {
      expect((await gql(untenanted, query)).errors?.[0]?.extensions?.code).toBe('TENANT_REQUIRED');
      expect((await server.gql(query)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
  });

  test('each aggregate with its status / owner fields is a constant number of statements', async () => {
    for (const t of [a, b, empty]) {
      expect((await gql(t, BY_STATUS)).statements).toBe(2); // the aggregate + the status catalogue
      expect((await gql(t, BY_OWNER)).statements).toBe(t === empty ? 1 : 2); // + one batched member load
      expect((await gql(t, PER_DAY, { from: '2024-01-01', to: '2024-12-31', tz: 'America/New_York' })).statements).toBe(1);
      expect((await gql(t, CONVERSION)).statements).toBe(1);
    }
  });
});
