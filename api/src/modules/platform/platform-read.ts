import type { Platform } from '../../platform';
import type { TenantRecord, TenantStatus } from '../../tenancy/tenant';
import { TenancyError, TenancyErrorCode } from '../../tenancy/tenancy.errors';
import { withTenant } from '../../tenancy/with-tenant';

/** Tenants with a live schema to read: provisioning and failed ones have none yet, deleted ones none any more. */
const READABLE: ReadonlySet<TenantStatus> = new Set(['active', 'suspended']);

export function hasReadableData(tenant: Pick<TenantRecord, 'status'>): boolean {
  return READABLE.has(tenant.status);
}

/**
 * The platform's only door into a tenant's data: one `withTenant` unit, read-only
 * (transaction_read_only on: any write fails with 25006), as the tenant's own database role, in its own schema.
 * Callers must already have checked that the caller is a platform administrator and recorded the read.
 *
 * Suspended tenants: `withTenant` admits active tenants only, and that gate stays as it is for every other caller
 * (jobs, subscriptions, seeding must not write into a suspended tenant). Rather than widen the core with an
 * option, this function checks the one case it adds — a *suspended* tenant, *read-only* — and then hands
 * `withTenant` the record as servable, so the unit runs through exactly the same code (scope, session, role,
 * commit/rollback) as any other. Inside the unit `currentTenant().status` therefore reads `active`; nothing in a
 * platform read looks at it. Anything that is not active or suspended is refused here as before.
 */
export async function readTenantAsPlatform<T>(platform: Pick<Platform, 'openSession'>, tenant: TenantRecord, fn: () => Promise<T>): Promise<T> {
  if (!hasReadableData(tenant)) {
    throw new TenancyError(TenancyErrorCode.TENANT_NOT_READY, `Tenant "${tenant.slug}" has no data to read (${tenant.status})`);
  }
  const servable: TenantRecord = tenant.status === 'suspended' ? { ...tenant, status: 'active' } : tenant;
  return withTenant(platform.openSession, servable, fn, { readOnly: true });
}

/**
 * `fn` over `items` with at most `limit` in flight, results in input order. Each platform read holds a pooled
 * connection for its unit, so a page of tenants must not take the whole pool from the requests being served.
 */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}
