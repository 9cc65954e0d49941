import { randomBytes } from 'node:crypto';
import { tenantDb } from '../src/tenancy/context';
import { hashApiKey } from '../src/tenancy/resolvers';
import type { TenantRecord } from '../src/tenancy/tenant';
import { withTenant } from '../src/tenancy/with-tenant';
import type { Runtime } from '../src/runtime';

/**
 * Fixtures for the authorization tests and for tests whose users need a role (api/src/**\/*.test.ts). They live
 * here because the API build compiles every non-test file of api/src and must not depend on api/test.
 */

/** Gives `userId` the tenant's role `role` (admin, manager, agent or a custom one), straight in the tenant schema. */
export async function grantRole(rt: Runtime, tenant: TenantRecord, userId: string, role: string): Promise<void> {
  await withTenant(rt.platform.openSession, tenant, () =>
    tenantDb().query(`insert into member_roles (user_id, role_id) select $1, id from roles where key = $2 on conflict do nothing`, [userId, role]),
  );
}

/**
 * Replaces a role's permissions the way an admin screen would end up doing it, then tells every API process
 * (PermissionCache.invalidateTenant: version bump + PERMISSIONS_CHANGED). `userIds` are the users affected.
 */
export async function setRolePermissions(rt: Runtime, tenant: TenantRecord, role: string, permissions: string[], userIds: string[] = []): Promise<void> {
  await withTenant(rt.platform.openSession, tenant, () => tenantDb().query(`update roles set permissions = $2 where key = $1`, [role, permissions]));
  await rt.services.permissions.invalidateTenant(tenant.id, userIds);
}

/** A live API key of `tenant`, for the x-api-key header (API_KEY_HEADER's default). */
export async function insertApiKey(rt: Runtime, tenant: TenantRecord): Promise<string> {
  const key = `lp_${randomBytes(24).toString('base64url')}`;
  await rt.platform.db.rows(`insert into control.api_keys (tenant_id, name, key_prefix, key_hash) values ($1, 'test', $2, $3)`, [
    tenant.id,
    key.slice(0, 8),
    hashApiKey(key),
  ]);
  return key;
}
