import { randomBytes } from 'node:crypto';
import { tenantDb } from '../src/tenancy/context';
import { withTenant } from '../src/tenancy/with-tenant';
import { addMember, createTestTenant, login, type GqlResponse, type TestServer, type TestTenant } from './helpers';
import { grantRole } from './permission-fixtures';

/**
 * Fixtures for the tenant-administration tests (statuses, custom fields, teams, members). They live here because
 * the API build compiles every non-test file of api/src and must not depend on api/test.
 */

export interface AdminTenant extends TestTenant {
  /** The admin's access token (the creator holds the admin role). */
  token: string;
}

export async function adminTenant(server: TestServer): Promise<AdminTenant> {
  const t = await createTestTenant(server, { direct: true });
  return { ...t, token: (await login(server, t.adminEmail)).accessToken };
}

/** A new active member of `t` holding `role` (or no role at all), signed in to it. */
export async function memberWith(server: TestServer, t: TestTenant, role: string | null): Promise<{ id: string; email: string; token: string }> {
  const email = `${role ?? 'plain'}-${randomBytes(4).toString('hex')}@${t.tenant.slug}.test`;
  const id = await addMember(server, t.tenant, email);
  if (role) await grantRole(server, t.tenant, id, role);
  return { id, email, token: (await login(server, email, t.tenant.slug)).accessToken };
}

/** Raw SQL in a tenant's schema, through the one door, for setup and for checking what was (not) written. */
export function inTenant<T>(server: TestServer, t: TestTenant, sql: string, params: unknown[] = []): Promise<T[]> {
  return withTenant(server.platform.openSession, t.tenant, () => tenantDb().query<T>(sql, params));
}

export const errorCode = (r: GqlResponse<unknown>) => r.errors?.[0]?.extensions?.code;

/** The fields named by the first error, sorted. */
export const errorFields = (r: GqlResponse<unknown>) =>
  ((r.errors?.[0]?.extensions?.fields as Array<{ field: string }> | undefined) ?? []).map((f) => f.field).sort();

/** Runs an operation and fails the test with the errors when there are any. */
export async function ok<T>(server: TestServer, token: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const r = await server.gql<T>(query, variables, { token });
  if (r.errors?.length) throw new Error(`unexpected errors: ${JSON.stringify(r.errors)}`);
  return r.data!;
}
