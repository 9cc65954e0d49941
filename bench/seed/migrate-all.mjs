/**
 * Bench child: migrate-all as the operator CLI runs it (TenantMigrator.migrateAll, one transaction per tenant),
 * with a temporary migrations folder holding the shipped tenant migrations plus one extra 5-statement migration
 * (PlatformOptions.tenantMigrationsDir). It runs in the scratch database only, after the HTTP measurements.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { childArgs, done, fail } from '../lib/ipc.mjs';
import { loadApi, REPO_ROOT } from '../lib/app-env.mjs';
import { round } from '../lib/stats.mjs';

/** @type {{ env: Record<string, string>, concurrency: number }} */
const args = childArgs();

const EXTRA = `-- Bench-only migration: five statements, the size of a typical feature migration.
create table bench_notes (
  id         uuid primary key default gen_random_uuid(),
  lead_id    uuid not null references leads (id) on delete cascade,
  body       text not null,
  created_at timestamptz not null default now()
);
create index bench_notes_lead_idx on bench_notes (lead_id, created_at desc);
alter table leads add column bench_score integer;
create index leads_bench_score_idx on leads (bench_score) where bench_score is not null;
comment on table bench_notes is 'created by the leadplane benchmark';
`;

async function main() {
  const shipped = path.join(REPO_ROOT, 'migrations', 'tenant');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'leadplane-bench-migrations-'));
  try {
    const files = fs.readdirSync(shipped).filter((f) => f.endsWith('.sql'));
    for (const f of files) fs.copyFileSync(path.join(shipped, f), path.join(dir, f));
    const next = Math.max(0, ...files.map((f) => Number(f.slice(0, 4)))) + 1;
    fs.writeFileSync(path.join(dir, `${String(next).padStart(4, '0')}_bench_extra.sql`), EXTRA);

    const { loadConfig } = loadApi('config/env');
    const { createPlatform } = loadApi('platform');
    const { silentLogger } = loadApi('lib/logger');
    const platform = await createPlatform(loadConfig(args.env, {}), { logger: silentLogger, tenantMigrationsDir: dir, applicationName: 'leadplane-bench-migrate' });
    try {
      const started = performance.now();
      const result = await platform.migrator.migrateAll({ concurrency: args.concurrency });
      const seconds = (performance.now() - started) / 1000;
      if (result.failed.length) throw new Error(`migrate-all failed for ${result.failed.length} tenants, first: ${JSON.stringify(result.failed[0])}`);
      return { seconds: round(seconds, 3), tenants: result.total, migrated: result.migrated.length, concurrency: args.concurrency, version: next, statements: 5 };
    } finally {
      await platform.close();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().then(done, fail);
