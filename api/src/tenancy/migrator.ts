import path from 'node:path';
import type { ControlDb, Queryable } from '../db/control-db';
import { MIGRATIONS_ROOT, readMigrations, type MigrationFile } from '../db/migration-files';
import type { Logger } from '../lib/logger';
import { assertSchemaName, assertUuid } from './names';
import { TENANT_COLUMNS, type TenantRecord, type TenantStatus } from './tenant';

/** Provisioning tenants get every migration inside their provisioning transaction; failed and deleted ones get none. */
const MIGRATABLE: readonly TenantStatus[] = ['active', 'suspended'];

export interface MigrateAllResult {
  total: number;
  migrated: string[];
  failed: Array<{ slug: string; error: string }>;
}

/**
 * Tenant migrations: migrations/tenant/*.sql applied to each tenant schema, one transaction per tenant.
 * What a tenant has is read from control.tenants.schema_version (one query for all tenants): no per-tenant
 * information_schema scans. A failed tenant keeps its old version; a rerun picks it up.
 */
export class TenantMigrator {
  readonly files: MigrationFile[];

  constructor(
    private readonly db: ControlDb,
    private readonly logger: Logger,
    dir = path.join(MIGRATIONS_ROOT, 'tenant'),
  ) {
    this.files = readMigrations(dir);
  }

  get latestVersion(): number {
    return this.files.at(-1)?.version ?? 0;
  }

  /**
   * Applies pending migrations inside an open transaction whose search_path this sets (transaction-locally).
   * Used by provisioning (inside its own transaction) and by migrateTenant.
   */
  async applyPending(q: Queryable, tenant: Pick<TenantRecord, 'id' | 'schemaName' | 'schemaVersion'>): Promise<number[]> {
    const schema = assertSchemaName(tenant.schemaName);
    const tenantId = assertUuid(tenant.id);
    await q.rows(`select set_config('search_path', $1, true)`, [schema]);
    const applied: number[] = [];
    const durations: number[] = [];
    for (const m of this.files) {
      if (m.version <= tenant.schemaVersion) continue;
      const started = Date.now();
      await q.rows(m.sql.replaceAll('{{tenant_id}}', tenantId));
      applied.push(m.version);
      durations.push(Date.now() - started);
    }
    if (applied.length) {
      // Every applied migration recorded and the version moved in one statement (one round trip per migration less).
      const done = applied.map((v) => this.files.find((f) => f.version === v)!);
      await q.rows(
        `with recorded as (
           insert into control.tenant_migrations (tenant_id, version, name, duration_ms)
           select $1::uuid, v.version, v.name, v.ms from unnest($2::int[], $3::text[], $4::int[]) as v(version, name, ms)
           on conflict (tenant_id, version) do nothing)
         update control.tenants set schema_version = $5, updated_at = now() where id = $1::uuid`,
        [tenantId, applied, done.map((f) => f.name), durations, this.latestVersion],
      );
    }
    return applied;
  }

  /** Migrates one tenant in its own transaction, holding the tenant's row lock so two runs never overlap. */
  async migrateTenant(tenantId: string): Promise<number[]> {
    return this.db.tx(async (q) => {
      const t = await q.one<TenantRecord>(`select ${TENANT_COLUMNS} from control.tenants where id = $1 for update`, [tenantId]);
      if (!t) throw new Error(`tenant ${tenantId} not found`);
      // Re-checked under the lock: the tenant may have been deleted (schema dropped) since pending() listed it.
      if (!MIGRATABLE.includes(t.status)) return [];
      return this.applyPending(q, t);
    });
  }

  /** Tenants that are behind, in one query. Provisioning and deleted tenants are left to their own lifecycle. */
  async pending(slug?: string): Promise<TenantRecord[]> {
    return this.db.rows<TenantRecord>(
      `select ${TENANT_COLUMNS} from control.tenants
        where status = any($3::text[]) and schema_version < $1 and ($2::text is null or slug = $2)
        order by created_at, id`,
      [this.latestVersion, slug ?? null, MIGRATABLE],
    );
  }

  async migrateAll(opts: { slug?: string; concurrency?: number; onProgress?: (e: ProgressEvent) => void } = {}): Promise<MigrateAllResult> {
    const todo = await this.pending(opts.slug);
    const result: MigrateAllResult = { total: todo.length, migrated: [], failed: [] };
    const concurrency = Math.max(1, Math.min(opts.concurrency ?? 4, 64));
    let next = 0;
    const worker = async () => {
      while (next < todo.length) {
        const t = todo[next++]!;
        try {
          const applied = await this.migrateTenant(t.id);
          result.migrated.push(t.slug);
          opts.onProgress?.({ slug: t.slug, ok: true, applied, done: result.migrated.length + result.failed.length, total: todo.length });
        } catch (err) {
          const error = err instanceof Error ? err.message : String(err);
          result.failed.push({ slug: t.slug, error });
          this.logger.error('tenant migration failed', { tenant: t.slug, error });
          opts.onProgress?.({ slug: t.slug, ok: false, error, done: result.migrated.length + result.failed.length, total: todo.length });
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, todo.length) }, worker));
    return result;
  }
}

export interface ProgressEvent {
  slug: string;
  ok: boolean;
  applied?: number[];
  error?: string;
  done: number;
  total: number;
}
