import { AsyncLocalStorage } from 'node:async_hooks';
import type { EntityManager } from 'typeorm';
import type { AppError } from '../graphql/errors';
import type { TenantRecord } from './tenant';
import type { TenantSession } from './session';
import { TenancyError, TenancyErrorCode } from './tenancy.errors';

/**
 * The request scope lives in AsyncLocalStorage: one per GraphQL operation, job or CLI step.
 * Tenant data is reachable only through `tenantManager()`, which reads the scope and throws
 * when there is no tenant (fail closed), or when the tenant was refused at resolution.
 */
export interface RequestScope {
  /** The resolved, active tenant, if any. */
  tenant?: TenantRecord;
  /** Why the caller may not touch tenant data although a tenant was named (deferred so non-tenant fields still work). */
  tenantDenied?: AppError;
  /** Opens the operation's tenant transaction on first use. */
  openSession: (tenant: TenantRecord) => TenantSession;
  /** The operation only reads (a GraphQL query): its transaction, when it opens, is opened read only. */
  readOnly?: boolean;
  session?: TenantSession;
}

const storage = new AsyncLocalStorage<RequestScope>();

export function runInScope<T>(scope: RequestScope, fn: () => T): T {
  return storage.run(scope, fn);
}

export function currentScope(): RequestScope | undefined {
  return storage.getStore();
}

/** The current tenant; throws TENANT_REQUIRED outside a tenant. */
export function currentTenant(): TenantRecord {
  const scope = storage.getStore();
  if (scope?.tenantDenied) throw scope.tenantDenied;
  if (!scope?.tenant) throw new TenancyError(TenancyErrorCode.TENANT_REQUIRED, 'This operation needs a tenant');
  return scope.tenant;
}

export function currentTenantOrNull(): TenantRecord | null {
  const scope = storage.getStore();
  return scope && !scope.tenantDenied && scope.tenant ? scope.tenant : null;
}

/** The one door to tenant data: an EntityManager bound to the operation's tenant transaction. */
export async function tenantManager(): Promise<EntityManager> {
  const tenant = currentTenant();
  const scope = storage.getStore()!;
  scope.session ??= scope.openSession(tenant);
  return scope.session.manager();
}

/** Runs `fn` once the operation's tenant transaction commits (never after a rollback). */
export function afterTenantCommit(fn: () => void | Promise<void>): void {
  const tenant = currentTenant();
  const scope = storage.getStore()!;
  scope.session ??= scope.openSession(tenant);
  scope.session.afterCommit(fn);
}

/** Raw SQL against the current tenant's schema, in the operation's tenant transaction. */
export interface TenantDb {
  query<T>(text: string, params?: unknown[]): Promise<T[]>;
  one<T>(text: string, params?: unknown[]): Promise<T | null>;
}

export function tenantDb(): TenantDb {
  const tenant = currentTenant();
  const scope = storage.getStore()!;
  scope.session ??= scope.openSession(tenant);
  const session = scope.session;
  return {
    query: (text, params) => session.query(text, params),
    one: async (text, params) => (await session.query<never>(text, params))[0] ?? null,
  };
}
