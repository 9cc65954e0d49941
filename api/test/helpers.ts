import { randomBytes } from 'node:crypto';
import { loadConfig, type Config } from '../src/config/env';
import { silentLogger } from '../src/lib/logger';
import type { PlatformOptions } from '../src/platform';
import { startRuntime, type Runtime } from '../src/runtime';
import type { TenantRecord } from '../src/tenancy/tenant';
import { ensureUser } from '../src/modules/users/user.service';
import { testState } from './state';

export const TEST_PASSWORD = 'correct-horse-battery';

/** True when a real Redis is available to this run (REDIS_URL or a local one). */
export const hasRedis = Boolean(testState().redisUrl);

/** A Config pointing at the run's throwaway database and Redis, with a key prefix unique to the caller. */
export function testConfig(overrides: Record<string, string | undefined> = {}): Config {
  const state = testState();
  return loadConfig(
    {
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      DATABASE_URL: state.databaseUrl,
      REDIS_URL: state.redisUrl,
      REDIS_PREFIX: `lpt:${randomBytes(4).toString('hex')}:`,
      JWT_SECRET: 'test-secret-0123456789-0123456789-0123456789',
      JOB_POLL_INTERVAL_S: '0.5',
      SEED_DEMO: 'false',
      DB_POOL_MAX: '5',
      ...overrides,
    },
    {},
  );
}

export interface TestServer extends Runtime {
  gql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, opts?: { token?: string; headers?: Record<string, string> }): Promise<GqlResponse<T>>;
}

export interface GqlResponse<T> {
  status: number;
  data?: T | null;
  errors?: Array<{ message: string; path?: string[]; extensions?: Record<string, unknown> & { code?: string } }>;
}

/** A whole API process on a random port (HTTP + websocket + job workers), against the run's database. */
export async function startTestServer(overrides: Record<string, string | undefined> = {}, opts: { platform?: PlatformOptions; workers?: boolean } = {}): Promise<TestServer> {
  const config = testConfig(overrides);
  const rt = await startRuntime(config, { port: 0, host: '127.0.0.1', platform: { logger: silentLogger, ...opts.platform }, workers: opts.workers });
  const url = `http://127.0.0.1:${(rt.app.httpServer.address() as { port: number }).port}`;
  return {
    ...rt,
    url,
    async gql(query, variables, o = {}) {
      const res = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(o.token ? { authorization: `Bearer ${o.token}` } : {}),
          ...o.headers,
        },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await res.json()) as GqlResponse<never>;
      return { ...body, status: res.status };
    },
  };
}

export function uniqueSlug(prefix = 't'): string {
  return `${prefix}-${randomBytes(5).toString('hex')}`;
}

export interface TestTenant {
  tenant: TenantRecord;
  adminEmail: string;
  adminId: string;
}

/**
 * A provisioned, active tenant with an admin user (password TEST_PASSWORD). By default it goes through the
 * real path (createTenant's transaction + the provisioning job); `direct` provisions inline, for tests that
 * need many tenants fast.
 */
export async function createTestTenant(rt: Runtime, opts: { slug?: string; direct?: boolean } = {}): Promise<TestTenant> {
  const slug = opts.slug ?? uniqueSlug();
  const adminEmail = `admin@${slug}.test`;
  if (opts.direct) {
    const { user } = await rt.platform.db.tx((q) => ensureUser(q, { email: adminEmail, name: 'Admin', password: TEST_PASSWORD }));
    const rec = await rt.platform.provisioner.createRecord({ slug, name: `Tenant ${slug}`, adminUserId: user.id });
    const tenant = await rt.platform.provisioner.provision(rec.id);
    return { tenant, adminEmail, adminId: user.id };
  }
  const rec = await rt.services.tenants.create({ slug, name: `Tenant ${slug}`, adminEmail, adminPassword: TEST_PASSWORD });
  const settled = await rt.services.tenants.waitUntilSettled(rec.id, 30_000);
  if (settled.status !== 'active') throw new Error(`tenant ${slug} ended ${settled.status}: ${settled.failureReason}`);
  const tenant = (await rt.platform.registry.byId(rec.id))!;
  const user = await rt.platform.db.one<{ id: string }>('select id from control.users where lower(email) = $1', [adminEmail]);
  return { tenant, adminEmail, adminId: user!.id };
}

/** Adds a user (created if needed) as an active member of a tenant. */
export async function addMember(rt: Runtime, tenant: TenantRecord, email: string): Promise<string> {
  const { user } = await rt.platform.db.tx((q) => ensureUser(q, { email, name: email.split('@')[0], password: TEST_PASSWORD }));
  await rt.platform.db.rows('insert into control.memberships (tenant_id, user_id) values ($1, $2) on conflict do nothing', [tenant.id, user.id]);
  return user.id;
}

export async function login(server: TestServer, email: string, tenant?: string, headers?: Record<string, string>) {
  const res = await server.gql<{ login: { accessToken: string; refreshToken: string; tenant: { slug: string } | null } }>(
    `mutation($email: String!, $password: String!, $tenant: String) {
       login(email: $email, password: $password, tenant: $tenant) { accessToken refreshToken tenant { slug } }
     }`,
    { email, password: TEST_PASSWORD, tenant },
    { headers },
  );
  if (!res.data?.login) throw new Error(`login failed: ${JSON.stringify(res.errors)}`);
  return res.data.login;
}
