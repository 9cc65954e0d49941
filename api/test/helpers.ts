import http from 'node:http';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { loadConfig, type Config } from '../src/config/env';
import { silentLogger } from '../src/lib/logger';
import type { PlatformOptions } from '../src/platform';
import { startRuntime, type Runtime } from '../src/runtime';
import type { TenantRecord } from '../src/tenancy/tenant';
import { ensureUser } from '../src/modules/users/user.service';
import { testState } from './state';
import { rolePrefixForDatabase } from '../src/tenancy/names';

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
  gql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    opts?: { token?: string; headers?: Record<string, string>; operationName?: string },
  ): Promise<GqlResponse<T>>;
}

export interface GqlResponse<T> {
  status: number;
  data?: T | null;
  errors?: Array<{ message: string; path?: string[]; extensions?: Record<string, unknown> & { code?: string } }>;
}

/** A whole API process on a random port (HTTP + websocket + job workers), against the run's database. */
export async function startTestServer(
  overrides: Record<string, string | undefined> = {},
  opts: { platform?: PlatformOptions; workers?: boolean; webDir?: string } = {},
): Promise<TestServer> {
  const config = testConfig(overrides);
  const rt = await startRuntime(config, { port: 0, host: '127.0.0.1', platform: { logger: silentLogger, ...opts.platform }, workers: opts.workers, webDir: opts.webDir });
  const url = `http://127.0.0.1:${(rt.app.httpServer.address() as { port: number }).port}`;
  return {
    ...rt,
    url,
    // node:http rather than fetch(): fetch silently drops a Host header, and tenant-by-host tests need one.
    gql: (query, variables, o = {}) => postJson(url, { query, variables, operationName: o.operationName }, o),
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

function postJson<T>(base: string, payload: unknown, o: { token?: string; headers?: Record<string, string> }): Promise<GqlResponse<T>> {
  const body = JSON.stringify(payload);
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: hostname,
        port,
        path: '/graphql',
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          ...(o.token ? { authorization: `Bearer ${o.token}` } : {}),
          ...o.headers,
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => {
          try {
            resolve({ ...(JSON.parse(text) as GqlResponse<T>), status: res.statusCode ?? 0 });
          } catch (err) {
            reject(new Error(`not JSON (${res.statusCode}): ${text.slice(0, 200)}`, { cause: err }));
          }
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * A database of this test file's own, named after the run's database (teardown sweeps leftovers), for tests
 * whose job workers or migrate-all must not see other files' tenants. drop() removes it and its tenant roles.
 */
export async function createPrivateDatabase(label: string) {
  const state = testState();
  const name = `${state.database}_${label}_${randomBytes(2).toString('hex')}`;
  const admin = new Client({ connectionString: state.adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(state.adminUrl);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    async drop() {
      const db = new Client({ connectionString: url.toString() });
      await db.connect();
      const roles = await db.query<{ rolname: string }>(`select rolname from pg_roles where starts_with(rolname, $1)`, [rolePrefixForDatabase(name)]);
      for (const { rolname } of roles.rows) {
        await db.query(`drop owned by "${rolname}"`);
        await db.query(`drop role "${rolname}"`);
      }
      await db.end();
      const a = new Client({ connectionString: state.adminUrl });
      await a.connect();
      await a.query(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}
