import type { SessionOptions } from './session';
import { runInScope, type RequestScope } from './context';
import type { TenantRecord } from './tenant';
import type { TenantSession } from './session';
import { gate } from './resolvers';

/**
 * Runs `fn` as one unit of work inside a tenant, outside any request (jobs, CLI, seeding, subscriptions):
 * a fresh scope, a transaction committed when `fn` resolves and rolled back when it throws.
 * The tenant must be passed explicitly and must be active: a job never inherits a tenant.
 */
export async function withTenant<T>(
  openSession: (tenant: TenantRecord, opts?: SessionOptions) => TenantSession,
  tenant: TenantRecord,
  fn: () => Promise<T>,
  opts: SessionOptions = {},
): Promise<T> {
  const gated = gate(tenant);
  if (gated.denied) throw gated.denied;
  const scope: RequestScope = { tenant, openSession: (t) => openSession(t, opts) };
  return runInScope(scope, async () => {
    let result: T;
    try {
      result = await fn();
    } catch (err) {
      await scope.session?.finish('rollback').catch(() => undefined);
      throw err;
    }
    await scope.session?.finish('commit');
    return result;
  });
}
