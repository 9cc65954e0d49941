import type { ControlDb } from '../db/control-db';
import type { Logger } from '../lib/logger';

/**
 * PostgreSQL keeps at most `max_files_per_process` relation files open per backend (default 1,000) and closes the
 * least recently used beyond that. Every tenant schema has its own tables and indexes, each its own file, and
 * planning a statement opens every index of the tables it names: a backend serving a few hundred tenants at the
 * default reopened about 9 files per statement (strace: 18,214 openat + 18,214 close for 2,000 list reads over 200
 * tenants), and that cost the spread-over-tenants list a fifth of its throughput (ADR 0011).
 *
 * A backend of the read lanes serves 1/lanes of the tenants (TenantBatchReader); the budget below is what one needs
 * for its share of the tenants with every relation of a tenant schema open, plus a margin for the control plane and
 * the system catalogs. The runtime logs a warning at start when the server allows less.
 */
export interface FileBudget {
  /** The server's max_files_per_process. */
  setting: number;
  tenantSchemas: number;
  /** Relations with storage (tables, indexes, TOAST, sequences) of a tenant schema (all share the migrations). */
  filesPerTenant: number;
  /** Read lanes of this process (TenantBatchReader): a lane backend serves 1/lanes of the tenants. */
  lanes: number;
  /** What a lane backend needs to keep its tenants' files open. */
  needed: number;
  enough: boolean;
}

const CONTROL_AND_CATALOG_MARGIN = 500;

/**
 * Tenants a read-lane backend serves before the reader spreads them over another lane (while it has one): the one
 * backend that served all of 1,000 tenants' reads held ~300 MB resident against 200–230 MB for the pool's others
 * (bench/results/levers.md, round 9), and every lane fewer batches more reads per message.
 */
export const TENANTS_PER_LANE = 1000;

/** Lanes for this many tenant schemas: one per TENANTS_PER_LANE, at least one, at most `maxLanes`. */
export function laneWidthFor(tenantSchemas: number, maxLanes: number): number {
  return Math.min(Math.max(1, maxLanes), Math.max(1, Math.ceil(tenantSchemas / TENANTS_PER_LANE)));
}

/**
 * Spreads the reader's tenants over as many lanes as their number needs (laneWidthFor), unless the lanes were fixed
 * by configuration (`auto` false); returns the file budget at that width, or null when the catalog query failed.
 */
export async function sizeReadLanes(db: ControlDb, reader: { maxLanes: number; laneCount: number; setWidth(n: number): void }, auto: boolean): Promise<FileBudget | null> {
  const budget = await fileBudget(db, reader.laneCount).catch(() => null);
  if (!budget) return null;
  if (!auto) return budget;
  reader.setWidth(laneWidthFor(budget.tenantSchemas, reader.maxLanes));
  return assessFileBudget(budget, reader.laneCount);
}

/** Reads the setting and counts the tenant schemas of this database (names from control.tenants). */
export async function fileBudget(db: ControlDb, lanes: number): Promise<FileBudget> {
  const row = (await db.one<{ setting: number; schemas: number; files: number }>(
    `select current_setting('max_files_per_process')::int as setting,
            (select count(*)::int from control.tenants t join pg_namespace n on n.nspname = t.schema_name) as schemas,
            (select count(*)::int from pg_class c where c.relkind in ('r', 'i', 't', 'S', 'm') and c.relnamespace = (
               select n.oid from control.tenants t join pg_namespace n on n.nspname = t.schema_name
               order by t.created_at desc limit 1)) as files`,
  ))!;
  return assessFileBudget({ setting: row.setting, tenantSchemas: row.schemas, filesPerTenant: row.files }, lanes);
}

export function assessFileBudget(facts: Pick<FileBudget, 'setting' | 'tenantSchemas' | 'filesPerTenant'>, lanes: number): FileBudget {
  const needed = Math.ceil(facts.tenantSchemas / Math.max(1, lanes)) * facts.filesPerTenant + CONTROL_AND_CATALOG_MARGIN;
  return { ...facts, lanes, needed, enough: facts.setting >= needed };
}

export function warnIfShort(budget: FileBudget, logger: Pick<Logger, 'warn'>): void {
  if (!budget.enough) {
    logger.warn('PostgreSQL max_files_per_process is too low for this many tenant schemas: backends will reopen files at every statement', {
      max_files_per_process: budget.setting,
      recommended: budget.needed,
      tenantSchemas: budget.tenantSchemas,
      filesPerTenant: budget.filesPerTenant,
      readLanes: budget.lanes,
      see: 'docs/decisions/0011-postgres-open-files-per-tenant.md',
    });
  }
}
