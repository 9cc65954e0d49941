import { setTimeout as sleep } from 'node:timers/promises';
import { createPrivateDatabase, login, startTestServer, TEST_PASSWORD, uniqueSlug, type GqlResponse, type TestServer } from '../../test/helpers';
import { PROVISION_QUEUE } from '../jobs/provision-tenant.job';
import { QUEUE_SCHEMA } from '../jobs/queue';
import { DEFAULT_ROLES } from '../modules/permissions/catalog';
import { DEFAULT_STATUSES, DEFAULT_TRANSITIONS } from '../modules/tenant-setup/seed';
import { TenantService } from '../modules/tenants/tenant.service';
import { ensureUser } from '../modules/users/user.service';
import { rolePrefixForDatabase, schemaNameForSlug } from './names';
import type { ProvisionHooks } from './provisioner';

/*
 * Provisioning through the real path: the createTenant mutation (record + job in one transaction), the pg-boss
 * worker, the provisioning transaction. This file gets a database of its own: the job queue is database-wide,
 * and a worker of another test file (without these fault hooks) would otherwise take these jobs.
 */

const MAX_ATTEMPTS = 2;

/** Per-slug fault injection, run inside the provisioning transaction after the migrations. */
const faults = new Map<string, (attempt: number) => Promise<void>>();
const attemptsSeen = new Map<string, number>();
const hooks: ProvisionHooks = {
  async afterMigrations(t) {
    const n = (attemptsSeen.get(t.slug) ?? 0) + 1;
    attemptsSeen.set(t.slug, n);
    await faults.get(t.slug)?.(n);
  },
};

/** A gate a fault hook waits on; afterEach opens any left shut so a failed test never wedges the worker. */
const gates: Array<() => void> = [];
function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  gates.push(resolve);
  return { promise, resolve };
}

async function waitFor<T>(what: string, fn: () => Promise<T | null | undefined | false>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

let privateDb: { name: string; url: string; drop(): Promise<void> };
let server: TestServer;
let adminToken: string;
let userToken: string;

beforeAll(async () => {
  privateDb = await createPrivateDatabase('prov');
  server = await startTestServer({ DATABASE_URL: privateDb.url, PROVISION_MAX_ATTEMPTS: String(MAX_ATTEMPTS) }, { platform: { provisionHooks: hooks } });
  await server.platform.db.tx(async (q) => {
    await ensureUser(q, { email: 'ops@platform.test', name: 'Operator', password: TEST_PASSWORD, isPlatformAdmin: true });
    await ensureUser(q, { email: 'someone@platform.test', name: 'Someone', password: TEST_PASSWORD });
  });
  adminToken = (await login(server, 'ops@platform.test')).accessToken;
  userToken = (await login(server, 'someone@platform.test')).accessToken;
});

afterEach(() => {
  for (const open of gates.splice(0)) open();
});

afterAll(async () => {
  faults.clear();
  await server?.close();
  await privateDb?.drop();
});

const CREATE = `mutation($input: CreateTenantInput!) { createTenant(input: $input) { id slug name status } }`;
const STATUS = `query($id: ID!) { tenantStatus(id: $id) { id slug status schemaVersion failureReason memberCount } }`;

interface Created {
  createTenant: { id: string; slug: string; status: string };
}
interface Status {
  tenantStatus: { id: string; slug: string; status: string; schemaVersion: number; failureReason: string | null; memberCount: number };
}

/** `token: null` is an anonymous call. */
function createTenant(slug: string, extra: Record<string, unknown> = {}, token: string | null = adminToken): Promise<GqlResponse<Created>> {
  const input = { slug, name: `Tenant ${slug}`, adminEmail: `owner@${slug}.test`, adminPassword: TEST_PASSWORD, ...extra };
  return server.gql<Created>(CREATE, { input }, { token: token ?? undefined });
}

async function created(slug: string, extra: Record<string, unknown> = {}): Promise<string> {
  const res = await createTenant(slug, extra);
  expect(res.errors).toBeUndefined();
  expect(res.data!.createTenant).toMatchObject({ slug, status: 'provisioning' });
  return res.data!.createTenant.id;
}

/** Polls the tenantStatus query until the tenant leaves `provisioning`. */
async function settled(id: string): Promise<Status['tenantStatus']> {
  return waitFor(`tenant ${id} to settle`, async () => {
    const res = await server.gql<Status>(STATUS, { id }, { token: adminToken });
    expect(res.errors).toBeUndefined();
    const s = res.data!.tenantStatus;
    return s.status === 'provisioning' ? null : s;
  });
}

const q = <T extends Record<string, unknown>>(sql: string, params: unknown[] = []) => server.platform.db.rows<T>(sql, params);

/** What a tenant slug has left in the database, cluster-wide roles included. */
async function footprint(slug: string, adminEmail = `owner@${slug}.test`) {
  // Not schemaNameForSlug: that refuses the invalid slugs this is also asked about.
  const schema = `t_${slug.replace(/-/g, '_')}`;
  const [row] = await q<{ tenants: number; schemas: number; roles: number; ledger: number; users: number; jobs: number }>(
    `select (select count(*)::int from control.tenants where slug = $1) as tenants,
            (select count(*)::int from pg_namespace where nspname = $2) as schemas,
            (select count(*)::int from pg_roles where rolname = $3) as roles,
            (select count(*)::int from control.tenant_migrations m join control.tenants t on t.id = m.tenant_id where t.slug = $1) as ledger,
            (select count(*)::int from control.users where email = $4) as users,
            (select count(*)::int from ${QUEUE_SCHEMA}.job j join control.tenants t on j.data->>'tenantId' = t.id::text where t.slug = $1) as jobs`,
    [slug, schema, `${rolePrefixForDatabase(privateDb.name)}${schema}`, adminEmail],
  );
  return row!;
}

async function jobOf(tenantId: string) {
  const [job] = await q<{ state: string; data: unknown; singleton_key: string; retry_limit: number; retry_count: number }>(
    `select state, data, singleton_key, retry_limit, retry_count from ${QUEUE_SCHEMA}.job where name = $1 and data->>'tenantId' = $2`,
    [PROVISION_QUEUE, tenantId],
  );
  return job!;
}

async function attemptsRecorded(tenantId: string): Promise<number> {
  const [row] = await q<{ n: number }>(`select provision_attempts as n from control.tenants where id = $1`, [tenantId]);
  return row!.n;
}

test('createTenant as a platform admin provisions the tenant in the background, seeded, with its admin', async () => {
  const slug = uniqueSlug('ok');
  const id = await created(slug);

  const job = await jobOf(id);
  expect(job.data).toEqual({ tenantId: id });
  expect(job.singleton_key).toBe(id);
  expect(job.retry_limit).toBe(MAX_ATTEMPTS - 1);

  const status = await settled(id);
  const latest = server.platform.migrator.latestVersion;
  expect(status).toMatchObject({ slug, status: 'active', schemaVersion: latest, failureReason: null, memberCount: 1 });
  expect(await attemptsRecorded(id)).toBe(1);
  await waitFor('job completion', async () => (await jobOf(id)).state === 'completed');

  const schema = schemaNameForSlug(slug);
  const statuses = await q<{ key: string }>(`select key from "${schema}".lead_statuses order by position`);
  expect(statuses.map((s) => s.key)).toEqual(DEFAULT_STATUSES.map((s) => s.key));
  const [{ n: transitions }] = (await q<{ n: number }>(`select count(*)::int as n from "${schema}".lead_status_transitions`)) as [{ n: number }];
  expect(transitions).toBe(DEFAULT_TRANSITIONS.length);
  const roles = await q<{ key: string }>(`select key from "${schema}".roles order by key`);
  expect(roles.map((r) => r.key)).toEqual(DEFAULT_ROLES.map((r) => r.key).sort());
  const adminRoles = await q<{ email: string; key: string }>(
    `select u.email, r.key from "${schema}".member_roles mr join "${schema}".roles r on r.id = mr.role_id join control.users u on u.id = mr.user_id`,
  );
  expect(adminRoles).toEqual([{ email: `owner@${slug}.test`, key: 'admin' }]);
  expect(await footprint(slug)).toMatchObject({ tenants: 1, schemas: 1, roles: 1, ledger: server.platform.migrator.files.length, users: 1, jobs: 1 });

  // The tenant admin can now sign in to it.
  expect((await login(server, `owner@${slug}.test`, slug)).tenant).toEqual({ slug });
});

test('only platform admins may create tenants or read their status', async () => {
  const slug = uniqueSlug('authz');
  const anonymous = await createTenant(slug, {}, null);
  expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  const notAdmin = await createTenant(slug, {}, userToken);
  expect(notAdmin.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  expect(await footprint(slug)).toMatchObject({ tenants: 0, schemas: 0, roles: 0, users: 0 });

  const [any] = await q<{ id: string }>(`select id from control.tenants limit 1`);
  const status = await server.gql<Status>(STATUS, { id: any!.id }, { token: userToken });
  expect(status.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
});

test('invalid, reserved and taken slugs and invalid input are typed errors that write nothing', async () => {
  const taken = uniqueSlug('taken');
  await created(taken);
  await settled((await q<{ id: string }>(`select id from control.tenants where slug = $1`, [taken]))[0]!.id);

  const totals = () =>
    q(
      `select (select count(*)::int from control.tenants) as tenants, (select count(*)::int from control.users) as users,
              (select count(*)::int from ${QUEUE_SCHEMA}.job where name = $1) as jobs,
              (select count(*)::int from pg_namespace where nspname like 't\\_%') as schemas,
              (select count(*)::int from pg_roles where starts_with(rolname, $2)) as roles`,
      [PROVISION_QUEUE, rolePrefixForDatabase(privateDb.name)],
    );
  const before = await totals();
  const cases: Array<[string, Record<string, unknown>, string]> = [
    ['Bad_Slug', {}, 'BAD_USER_INPUT'], // rejected by input validation
    ['ab', {}, 'BAD_USER_INPUT'],
    ['trailing-', {}, 'INVALID_SLUG'], // passes the input pattern, refused by the tenancy core
    ['double--hyphen', {}, 'INVALID_SLUG'],
    ['admin', {}, 'INVALID_SLUG'], // reserved
    ['pg-catalog', {}, 'INVALID_SLUG'],
    [taken, { adminEmail: `other@${taken}.test` }, 'SLUG_TAKEN'],
    [uniqueSlug('mail'), { adminEmail: 'not-an-email' }, 'BAD_USER_INPUT'],
    [uniqueSlug('pw'), { adminPassword: 'short' }, 'BAD_USER_INPUT'],
  ];
  for (const [i, [slug, extra, code]] of cases.entries()) {
    // An address of its own: `owner@trailing-.test` would itself be invalid input.
    const input = { adminEmail: `owner-${i}@cases.test`, ...extra };
    const res = await createTenant(slug, input);
    expect({ slug, code: res.errors?.[0]?.extensions?.code, data: res.data }).toEqual({ slug, code, data: null });
    if (slug !== taken) expect(await footprint(slug, input.adminEmail as string)).toMatchObject({ tenants: 0, schemas: 0, roles: 0, users: 0 });
  }
  // The duplicate left the existing tenant alone and did not create its would-be admin.
  expect((await q(`select count(*)::int as n from control.users where email = $1`, [`other@${taken}.test`]))[0]).toEqual({ n: 0 });
  expect(await totals()).toEqual(before);
});

test('a crash half-way rolls the attempt back entirely; the job retry then provisions the tenant', async () => {
  const slug = uniqueSlug('retry');
  const release = deferred();
  faults.set(slug, async (attempt) => {
    if (attempt === 1) throw new Error('injected crash after migrations');
    await release.promise; // the second attempt waits until the state between attempts was inspected
  });
  const id = await created(slug);

  // pg-boss moves the job to `retry` only after the handler failed, i.e. after the rollback.
  const between = await waitFor('the first attempt to fail', async () => {
    const job = await jobOf(id);
    return job.state !== 'created' && job.state !== 'active' ? job : null;
  });
  expect(between.state).toBe('retry');
  expect(await footprint(slug)).toMatchObject({ tenants: 1, schemas: 0, roles: 0, ledger: 0 });
  const [row] = await q<{ status: string; schema_version: number }>(`select status, schema_version from control.tenants where id = $1`, [id]);
  expect(row).toEqual({ status: 'provisioning', schema_version: 0 });
  expect(await attemptsRecorded(id)).toBe(1);

  release.resolve();
  expect(await settled(id)).toMatchObject({ status: 'active', schemaVersion: server.platform.migrator.latestVersion });
  expect(attemptsSeen.get(slug)).toBe(2);
  expect(await attemptsRecorded(id)).toBe(2);
  expect(await footprint(slug)).toMatchObject({ schemas: 1, roles: 1, ledger: server.platform.migrator.files.length });
});

test('a failure on every attempt ends `failed` with the reason, and leaves no schema or role', async () => {
  const slug = uniqueSlug('fail');
  faults.set(slug, async (attempt) => {
    throw new Error(`injected failure ${attempt}`);
  });
  const id = await created(slug);
  const status = await settled(id);
  expect(status).toMatchObject({ status: 'failed', schemaVersion: 0 });
  expect(status.failureReason).toBe(`injected failure ${MAX_ATTEMPTS}`);
  expect(attemptsSeen.get(slug)).toBe(MAX_ATTEMPTS);
  expect(await attemptsRecorded(id)).toBe(MAX_ATTEMPTS);
  expect(await footprint(slug)).toMatchObject({ tenants: 1, schemas: 0, roles: 0, ledger: 0 });
  await waitFor('the job to be failed', async () => (await jobOf(id)).state === 'failed');

  const res = await server.gql(`mutation($e: String!, $p: String!, $t: String) { login(email: $e, password: $p, tenant: $t) { accessToken } }`, {
    e: `owner@${slug}.test`,
    p: TEST_PASSWORD,
    t: slug,
  });
  expect(res.errors?.[0]?.extensions?.code).toBe('TENANT_NOT_READY');
});

test('the attempt limit in force when a tenant is created applies, whatever the queue was created with', async () => {
  const slug = uniqueSlug('once');
  faults.set(slug, async () => {
    throw new Error('injected failure');
  });
  // A process configured with PROVISION_MAX_ATTEMPTS=1, sharing the queue this server created with 2.
  const { platform, jobs } = server;
  const oneShot = new TenantService({ ...platform, config: { ...platform.config, jobs: { ...platform.config.jobs, provisionMaxAttempts: 1 } } }, jobs);
  const t = await oneShot.create({ slug, name: 'One shot', adminEmail: `owner@${slug}.test`, adminPassword: TEST_PASSWORD });
  expect((await jobOf(t.id)).retry_limit).toBe(0);
  expect(await settled(t.id)).toMatchObject({ status: 'failed', failureReason: 'injected failure' });
  expect(attemptsSeen.get(slug)).toBe(1);
});

test('a tenant is not served before it is active', async () => {
  const slug = uniqueSlug('early');
  const entered = deferred();
  const release = deferred();
  faults.set(slug, async () => {
    entered.resolve();
    await release.promise;
  });
  const id = await created(slug);
  await entered.promise; // provisioning is under way: schema and seed exist, uncommitted

  const loginWithTenant = () =>
    server.gql<{ login: { tenant: { slug: string } | null } }>(
      `mutation($e: String!, $p: String!, $t: String) { login(email: $e, password: $p, tenant: $t) { tenant { slug } } }`,
      { e: `owner@${slug}.test`, p: TEST_PASSWORD, t: slug },
    );
  const early = await loginWithTenant();
  expect(early.errors?.[0]?.extensions?.code).toBe('TENANT_NOT_READY');
  // Without naming it, the member's only tenant is not picked either.
  const plain = await login(server, `owner@${slug}.test`);
  expect(plain.tenant).toBeNull();

  release.resolve();
  expect(await settled(id)).toMatchObject({ status: 'active' });
  const later = await loginWithTenant();
  expect(later.errors).toBeUndefined();
  expect(later.data!.login.tenant).toEqual({ slug });
});

/**
 * A database of this file's own (same server as the run's), dropped afterwards with the tenant roles it created:
 * roles are cluster-wide, named with a hash of the database name (names.ts).
 */
