import type { Platform } from '../platform';
import type { ProgressEvent } from '../tenancy/migrator';
import { out } from './common';

/** `[12/900] acme ok (applied 2,3)` or `[13/900] beta FAILED: <reason>` */
export function formatProgress(e: ProgressEvent): string {
  const width = String(e.total).length;
  const head = `[${String(e.done).padStart(width)}/${e.total}] ${e.slug}`;
  if (!e.ok) return `${head} FAILED: ${(e.error ?? 'unknown error').replace(/\s+/g, ' ')}`;
  return `${head} ok (${e.applied?.length ? `applied ${e.applied.join(',')}` : 'already up to date'})`;
}

/**
 * Brings every tenant (or one) up to the latest tenant migration, printing one line per tenant and a summary.
 * Returns false when any tenant failed; those keep their old version and a rerun picks them up.
 */
export async function migrateTenants(platform: Platform, opts: { slug?: string; concurrency: number }): Promise<boolean> {
  const { migrator, db } = platform;
  const latest = migrator.latestVersion;
  if (opts.slug) {
    const t = await db.one<{ status: string; schema_version: number }>(`select status, schema_version from control.tenants where slug = $1`, [opts.slug]);
    if (!t) throw new Error(`no tenant with slug "${opts.slug}"`);
    if (t.status !== 'active' && t.status !== 'suspended') {
      out(`tenant ${opts.slug} is ${t.status}: nothing to migrate`);
      return true;
    }
  }
  const started = Date.now();
  const result = await migrator.migrateAll({ slug: opts.slug, concurrency: opts.concurrency, onProgress: (e) => out(formatProgress(e)) });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.total === 0) {
    out(`tenants: ${opts.slug ? `${opts.slug} is` : 'all'} up to date at version ${latest}`);
    return true;
  }
  out(`tenants: ${result.migrated.length} migrated to version ${latest}, ${result.failed.length} failed, of ${result.total} (${seconds} s)`);
  if (result.failed.length) {
    out('failed (still on their previous version; fix the cause and run again):');
    for (const f of result.failed) out(`  ${f.slug}: ${f.error.replace(/\s+/g, ' ')}`);
  }
  return result.failed.length === 0;
}
