import type { ControlDb, Queryable } from '../db/control-db';
import type { Logger } from '../lib/logger';
import { assertRoleName, assertSchemaName, assertUuid, assertValidSlug, ident, roleNameFor, schemaNameForSlug, sqlLiteral } from './names';
import type { TenantMigrator } from './migrator';
import type { TenantRegistry } from './registry';
import { TENANT_COLUMNS, type TenantRecord } from './tenant';
import { TenancyError, TenancyErrorCode } from './tenancy.errors';

/** Seeds a fresh tenant schema; runs inside the provisioning transaction with search_path on that schema. */
export type TenantSeeder = (q: Queryable, tenant: TenantRecord, firstAdminUserId: string | null) => Promise<void>;

export interface ProvisionHooks {
  /** Test seam: runs after the migrations, before the seed; throwing simulates a crash half-way. */
  afterMigrations?: (tenant: TenantRecord) => Promise<void>;
}

/**
 * Tenant lifecycle: a record in `provisioning`, then one transaction that creates the tenant's role and schema,
 * grants the role its own schema only, runs the tenant migrations, seeds defaults and marks the tenant active.
 * PostgreSQL DDL is transactional, so a crash half-way leaves nothing behind but the record: a retry starts
 * clean, and the tenant is never served before the commit that makes it active.
 */
export class TenantProvisioner {
  constructor(
    private readonly db: ControlDb,
    private readonly migrator: TenantMigrator,
    private readonly registry: TenantRegistry,
    private readonly rolePrefix: string,
    private readonly seed: TenantSeeder,
    private readonly logger: Logger,
    private readonly hooks: ProvisionHooks = {},
  ) {}

  async createRecord(input: { slug: string; name: string; adminUserId?: string | null }, q: Queryable = this.db): Promise<TenantRecord> {
    const slug = assertValidSlug(input.slug);
    const name = input.name.trim();
    if (!name || name.length > 200) {
      throw new TenancyError(TenancyErrorCode.INVALID_SLUG, 'Tenant name must be 1 to 200 characters', { field: 'name' });
    }
    const schemaName = schemaNameForSlug(slug);
    const dbRole = roleNameFor(this.rolePrefix, schemaName);
    const row = await q.one<TenantRecord>(
      `insert into control.tenants (slug, name, schema_name, db_role, status)
       values ($1, $2, $3, $4, 'provisioning')
       on conflict do nothing
       returning ${TENANT_COLUMNS}`,
      [slug, name, schemaName, dbRole],
    );
    if (!row) throw new TenancyError(TenancyErrorCode.SLUG_TAKEN, `A tenant with slug "${slug}" already exists`, { field: 'slug' });
    if (input.adminUserId) {
      await q.rows(`insert into control.memberships (tenant_id, user_id, status) values ($1, $2, 'active') on conflict do nothing`, [
        row.id,
        input.adminUserId,
      ]);
    }
    return row;
  }

  /** Idempotent: an active tenant is left alone; anything half-done was rolled back and is redone. */
  async provision(tenantId: string): Promise<TenantRecord> {
    const started = Date.now();
    // Counted outside the provisioning transaction, which a failed attempt rolls back along with its count.
    await this.db.rows(`update control.tenants set provision_attempts = provision_attempts + 1 where id = $1 and status in ('provisioning', 'failed')`, [
      tenantId,
    ]);
    const tenant = await this.db.tx(async (q) => {
      const t = await q.one<TenantRecord>(`select ${TENANT_COLUMNS} from control.tenants where id = $1 for update`, [tenantId]);
      if (!t) throw new Error(`tenant ${tenantId} not found`);
      if (t.status === 'active' || t.status === 'suspended') return t;
      if (t.status === 'deleted') throw new Error(`tenant ${t.slug} is deleted`);
      const schema = ident(assertSchemaName(t.schemaName));
      const role = ident(assertRoleName(t.dbRole));
      const roleLiteral = sqlLiteral(assertRoleName(t.dbRole));
      // One message for the role, the schema and its grants (a simple query without parameters: every name passed
      // the patterns of names.ts): fewer round trips, each of which waits for a busy machine to schedule the backend.
      // The API's login role must be a member of the tenant role to switch to it with set_config('role', ..., true).
      await q.rows(
        `do $$ begin
           if not exists (select 1 from pg_roles where rolname = ${roleLiteral}) then
             create role ${role} nologin noinherit;
           end if;
         end $$;
         grant ${role} to current_user;
         drop schema if exists ${schema} cascade;
         create schema ${schema};
         revoke all on schema ${schema} from public;
         grant usage on schema ${schema} to ${role};
         alter default privileges in schema ${schema} grant select, insert, update, delete on tables to ${role};
         alter default privileges in schema ${schema} grant usage, select on sequences to ${role};
         alter default privileges in schema ${schema} grant execute on functions to ${role};
         delete from control.tenant_migrations where tenant_id = ${sqlLiteral(assertUuid(t.id))}`,
      );
      await this.migrator.applyPending(q, { ...t, schemaVersion: 0 });
      await this.hooks.afterMigrations?.(t);
      const admin = await q.one<{ user_id: string }>(
        `select user_id from control.memberships where tenant_id = $1 order by created_at limit 1`,
        [t.id],
      );
      await this.seed(q, t, admin?.user_id ?? null);
      const active = await q.one<TenantRecord>(
        `update control.tenants set status = 'active', failure_reason = null, activated_at = now(), updated_at = now()
          where id = $1 returning ${TENANT_COLUMNS}`,
        [t.id],
      );
      return active!;
    });
    await this.registry.invalidate(tenant);
    this.logger.info('tenant provisioned', { tenant: tenant.slug, ms: Date.now() - started });
    return tenant;
  }

  async markFailed(tenantId: string, reason: string): Promise<void> {
    await this.db.rows(
      `update control.tenants set status = 'failed', failure_reason = $2, updated_at = now() where id = $1 and status = 'provisioning'`,
      [tenantId, reason.slice(0, 2000)],
    );
    const t = await this.registry.byId(tenantId);
    if (t) await this.registry.invalidate(t);
  }

  /** Drops a tenant's schema and role, and marks it deleted (operators and test teardown). */
  async destroy(tenantId: string): Promise<void> {
    const t = await this.db.one<TenantRecord>(`select ${TENANT_COLUMNS} from control.tenants where id = $1`, [tenantId]);
    if (!t) return;
    const schema = ident(assertSchemaName(t.schemaName));
    const role = ident(assertRoleName(t.dbRole));
    await this.db.tx(async (q) => {
      await q.rows(`drop schema if exists ${schema} cascade`);
      await q.rows(`do $$ begin if exists (select 1 from pg_roles where rolname = '${assertRoleName(t.dbRole)}') then
                      execute 'drop owned by ${role}'; execute 'drop role ${role}'; end if; end $$`);
      await q.rows(`update control.tenants set status = 'deleted', deleted_at = now(), updated_at = now() where id = $1`, [t.id]);
    });
    await this.registry.invalidate(t);
  }
}
