import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createPrivateDatabase, testConfig, uniqueSlug } from '../../test/helpers';
import { testState } from '../../test/state';
import { MIGRATIONS_ROOT, readMigrations } from '../db/migration-files';
import { silentLogger } from '../lib/logger';
import { verifyPassword } from '../modules/users/password';
import { createPlatform, type Platform } from '../platform';
import { tenantManager } from './context';
import type { ProgressEvent } from './migrator';
import type { TenantRecord } from './tenant';
import { withTenant } from './with-tenant';

/*
 * Tenant migrations across many tenants, in process and through the compiled CLI. migrateAll is database-wide,
 * so this file gets a database of its own: tenants of other test files are neither counted nor migrated.
 */

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

/** The repository's tenant migrations, and the test migration that follows them. */
const SHIPPED = readMigrations(path.join(MIGRATIONS_ROOT, 'tenant')).map((m) => m.version);
const OLD = SHIPPED.at(-1)!;
const NEW = OLD + 1;
const NEW_FILE = `${String(NEW).padStart(4, '0')}_test.sql`;

/** Five statements; the third one collides with a column hand-added to one tenant (schema drift). */
const TEST_MIGRATION = `-- test migration: a table, an index, a column, a row, a comment
create table lead_notes (
  id         uuid primary key default gen_random_uuid(),
  lead_id    uuid not null references leads (id) on delete cascade,
  body       text not null,
  created_at timestamptz not null default now()
);
create index lead_notes_lead_idx on lead_notes (lead_id, created_at);
alter table leads add column score integer not null default 0;
insert into lead_statuses (key, label, position, color, terminal_kind) values ('nurture', 'Nurture', 7, '#94a3b8', 'open');
comment on table lead_notes is 'Notes on a lead';
`;

let privateDb: Awaited<ReturnType<typeof createPrivateDatabase>>;
let tmp: string;
let extendedDir: string;
let base: Platform;
let extended: Platform | undefined;
let built: Promise<void>;

beforeAll(async () => {
  built = buildApi();
  built.catch(() => undefined); // awaited by the CLI tests; keep an early failure from being unhandled
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'leadplane-migrator-test-'));
  extendedDir = path.join(tmp, 'tenant-migrations');
  fs.cpSync(path.join(MIGRATIONS_ROOT, 'tenant'), extendedDir, { recursive: true });
  fs.writeFileSync(path.join(extendedDir, NEW_FILE), TEST_MIGRATION);
  privateDb = await createPrivateDatabase('mig');
  base = await createPlatform(testConfig({ DATABASE_URL: privateDb.url }), { logger: silentLogger });
}, 60_000);

afterAll(async () => {
  await built?.catch(() => undefined);
  await extended?.close();
  await base?.close();
  await privateDb?.drop();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

async function provisionTenants(n: number, prefix: string): Promise<TenantRecord[]> {
  const out: TenantRecord[] = [];
  for (let i = 0; i < n; i++) {
    const rec = await base.provisioner.createRecord({ slug: uniqueSlug(prefix), name: `Tenant ${i}` });
    out.push(await base.provisioner.provision(rec.id));
  }
  return out;
}

/** One tenant's schema drifted: someone added leads.score by hand, so the test migration's ALTER fails there. */
const drift = (t: TenantRecord) => base.db.rows(`alter table "${t.schemaName}".leads add column score text`);
const undrift = (t: TenantRecord) => base.db.rows(`alter table "${t.schemaName}".leads drop column score`);

/** What the test migration left in a tenant, read from the catalog and the control plane. */
async function stateOf(t: TenantRecord) {
  const row = await base.db.one<{ version: number; ledger: number[]; notes: boolean; index: boolean; score: string | null; comment: string | null }>(
    `select t.schema_version as version,
            array(select version from control.tenant_migrations m where m.tenant_id = t.id order by version) as ledger,
            to_regclass(format('%I.lead_notes', t.schema_name)) is not null as notes,
            to_regclass(format('%I.lead_notes_lead_idx', t.schema_name)) is not null as index,
            (select format_type(atttypid, atttypmod) from pg_attribute
              where attrelid = to_regclass(format('%I.leads', t.schema_name)) and attname = 'score' and not attisdropped) as score,
            obj_description(to_regclass(format('%I.lead_notes', t.schema_name)), 'pg_class') as comment
       from control.tenants t where t.id = $1`,
    [t.id],
  );
  const nurture = await base.db.one<{ n: number }>(`select count(*)::int as n from "${t.schemaName}".lead_statuses where key = 'nurture'`);
  return { ...row!, nurture: nurture!.n };
}

const MIGRATED = { version: NEW, ledger: [...SHIPPED, NEW], notes: true, index: true, score: 'integer', comment: 'Notes on a lead', nurture: 1 };

test('a new migration reaches every tenant; a failing tenant is reported, stays whole on its old version, and a rerun completes only it', async () => {
  const tenants = await provisionTenants(4, 'mig');
  const broken = tenants[2]!;
  await drift(broken);

  extended = await createPlatform(testConfig({ DATABASE_URL: privateDb.url }), { logger: silentLogger, tenantMigrationsDir: extendedDir });
  expect(extended.migrator.latestVersion).toBe(NEW);
  const events: ProgressEvent[] = [];
  const first = await extended.migrator.migrateAll({ concurrency: 2, onProgress: (e) => events.push(e) });

  const others = tenants.filter((t) => t !== broken);
  expect(first.total).toBe(4);
  expect([...first.migrated].sort()).toEqual(others.map((t) => t.slug).sort());
  expect(first.failed).toEqual([{ slug: broken.slug, error: 'column "score" of relation "leads" already exists' }]);
  expect(events.map((e) => e.done).sort()).toEqual([1, 2, 3, 4]);
  expect(events.find((e) => e.slug === broken.slug)).toMatchObject({ ok: false, total: 4 });
  for (const e of events.filter((x) => x.slug !== broken.slug)) expect(e).toMatchObject({ ok: true, applied: [NEW], total: 4 });

  for (const t of others) expect(await stateOf(t)).toEqual(MIGRATED);
  // The failed tenant: old version in both ledgers, and nothing of statements 1, 2 or 4 survived the rollback.
  expect(await stateOf(broken)).toEqual({ version: OLD, ledger: SHIPPED, notes: false, index: false, score: 'text', comment: null, nurture: 0 });

  // Tables created by a later migration are usable through the tenant's own role (default privileges).
  const migratedTenant = (await extended.registry.byId(others[0]!.id))!;
  const notes = await withTenant(extended.openSession, migratedTenant, async () => {
    const m = await tenantManager();
    await m.query(`insert into leads (name, status_id, score) select 'Ada', id, 7 from lead_statuses where key = 'nurture'`);
    await m.query(`insert into lead_notes (lead_id, body) select id, 'called back' from leads`);
    return m.query(`select l.score, n.body from lead_notes n join leads l on l.id = n.lead_id`);
  });
  expect(notes).toEqual([{ score: 7, body: 'called back' }]);

  const ledgerBefore = await base.db.rows(`select tenant_id, version, applied_at from control.tenant_migrations order by tenant_id, version`);
  await undrift(broken);
  const rerunEvents: ProgressEvent[] = [];
  const rerun = await extended.migrator.migrateAll({ concurrency: 2, onProgress: (e) => rerunEvents.push(e) });
  expect(rerun).toEqual({ total: 1, migrated: [broken.slug], failed: [] });
  expect(rerunEvents).toEqual([{ slug: broken.slug, ok: true, applied: [NEW], done: 1, total: 1 }]);
  expect(await stateOf(broken)).toEqual(MIGRATED);
  // Nobody else was touched again.
  const ledgerAfter = await base.db.rows(`select tenant_id, version, applied_at from control.tenant_migrations where tenant_id <> $1 order by tenant_id, version`, [broken.id]);
  expect(ledgerAfter).toEqual(ledgerBefore.filter((r) => r.tenant_id !== broken.id));

  expect(await extended.migrator.migrateAll()).toEqual({ total: 0, migrated: [], failed: [] });
});

test('a tenant deleted after migrateAll listed it is skipped under its row lock, not failed', async () => {
  const [gone] = await provisionTenants(1, 'gone');
  extended ??= await createPlatform(testConfig({ DATABASE_URL: privateDb.url }), { logger: silentLogger, tenantMigrationsDir: extendedDir });
  expect((await extended.migrator.pending()).map((t) => t.id)).toContain(gone!.id);
  await base.provisioner.destroy(gone!.id); // schema dropped, status deleted
  expect(await extended.migrator.migrateTenant(gone!.id)).toEqual([]);
  expect((await extended.migrator.pending()).map((t) => t.id)).not.toContain(gone!.id);
});

test('CLI: `tenants migrate` and `migrate` print per-tenant progress, exit 1 on a failure, and a rerun finishes the rest', async () => {
  await built;
  // The compiled CLI as a release carrying the new migration would ship it: dist next to a migrations/ folder holding it.
  const release = path.join(tmp, 'release');
  fs.cpSync(path.join(REPO_ROOT, 'api', 'dist'), path.join(release, 'api', 'dist'), { recursive: true });
  fs.copyFileSync(path.join(REPO_ROOT, 'api', 'package.json'), path.join(release, 'api', 'package.json'));
  fs.cpSync(path.join(MIGRATIONS_ROOT, 'control'), path.join(release, 'migrations', 'control'), { recursive: true });
  fs.cpSync(extendedDir, path.join(release, 'migrations', 'tenant'), { recursive: true });
  fs.symlinkSync(path.join(REPO_ROOT, 'node_modules'), path.join(release, 'node_modules'), 'dir');

  const tenants = await provisionTenants(3, 'cli');
  const broken = tenants[1]!;
  await drift(broken);

  const first = await cli(path.join(release, 'api/dist/cli/tenants.js'), ['migrate', '--concurrency', '2']);
  expect(first.code).toBe(1);
  for (const t of tenants) {
    const line = t === broken ? `${t.slug} FAILED: column "score" of relation "leads" already exists` : `${t.slug} ok (applied ${NEW})`;
    expect(first.stdout).toMatch(new RegExp(`^\\[[1-3]/3\\] ${escape(line)}$`, 'm'));
  }
  expect(first.stdout).toMatch(new RegExp(`^tenants: 2 migrated to version ${NEW}, 1 failed, of 3 \\(`, 'm'));
  expect(first.stdout).toContain(`  ${broken.slug}: column "score" of relation "leads" already exists`);
  expect(await stateOf(broken)).toMatchObject({ version: OLD, ledger: SHIPPED, notes: false });

  await undrift(broken);
  const second = await cli(path.join(release, 'api/dist/cli/migrate.js'), []);
  expect(second).toMatchObject({ code: 0 });
  expect(second.stdout).toContain('control plane: up to date\n');
  expect(second.stdout).toContain(`[1/1] ${broken.slug} ok (applied ${NEW})\n`);
  expect(second.stdout).toMatch(new RegExp(`^tenants: 1 migrated to version ${NEW}, 0 failed, of 1 \\(`, 'm'));
  for (const t of tenants) expect(await stateOf(t)).toEqual(MIGRATED);

  const third = await cli(path.join(release, 'api/dist/cli/tenants.js'), ['migrate']);
  expect(third).toMatchObject({ code: 0, stdout: `tenants: all up to date at version ${NEW}\n` });
});

test('CLI: `tenants create` provisions and prints a generated password once; `list` shows it; errors exit 1 and 2', async () => {
  await built;
  const tenantsJs = path.join(REPO_ROOT, 'api/dist/cli/tenants.js');
  const slug = uniqueSlug('made');
  const email = `boss@${slug}.test`;

  const made = await cli(tenantsJs, ['create', slug, '--name', 'Made By CLI', '--admin-email', email, '--admin-name', 'Boss']);
  expect(made.stderr).toBe('');
  expect(made.code).toBe(0);
  expect(made.stdout).toContain(`admin: ${email} (new user)`);
  expect(made.stdout).toMatch(new RegExp(`^tenant ${slug} is active \\(schema t_${slug.replace(/-/g, '_')}, version ${OLD}\\)$`, 'm'));
  const password = /^admin password \(shown once\): (\S+)$/m.exec(made.stdout)?.[1];
  expect(password).toBeDefined();
  const user = await base.db.one<{ password_hash: string }>(`select password_hash from control.users where email = $1`, [email]);
  expect(await verifyPassword(user!.password_hash, password!)).toBe(true);

  const again = await cli(tenantsJs, ['create', slug, '--name', 'Again', '--admin-email', email]);
  expect(again.code).toBe(1);
  expect(again.stderr).toContain(`error [SLUG_TAKEN]: A tenant with slug "${slug}" already exists`);
  expect(again.stdout).not.toContain('password');

  const usage = await cli(tenantsJs, ['create', '--name', 'No slug']);
  expect(usage.code).toBe(2);
  expect(usage.stderr).toMatch(/^error: missing <slug>\n\nUsage: npm run tenants/);

  const list = await cli(tenantsJs, ['list', '--status', 'active']);
  expect(list.code).toBe(0);
  expect(list.stdout).toMatch(/^SLUG +STATUS +VERSION +MEMBERS +CREATED$/m);
  expect(list.stdout).toMatch(new RegExp(`^${slug} +active +${OLD} +1 +\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d$`, 'm'));
});

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The CLI's whole environment: this file's database and the run's Redis; nothing is inherited. */
function cliEnv(): NodeJS.ProcessEnv {
  const { redisUrl } = testState();
  return {
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    DATABASE_URL: privateDb.url,
    ...(redisUrl ? { REDIS_URL: redisUrl } : {}),
    REDIS_PREFIX: `lpt:${randomBytes(4).toString('hex')}:`,
    JOB_POLL_INTERVAL_S: '0.5',
    DB_POOL_MAX: '5',
  };
}

function cli(script: string, args: string[], timeoutMs = 30_000): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], { cwd: REPO_ROOT, env: cliEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/**
 * Compiles the API (incrementally) so the CLI tests run the real api/dist. A type error elsewhere in the
 * tree still emits JavaScript; only a missing CLI is fatal here.
 */
function buildApi(): Promise<void> {
  return new Promise((resolve, reject) => {
    const tsc = spawn(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'api/tsconfig.json'], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    tsc.stdout.on('data', (d: Buffer) => (output += d.toString()));
    tsc.stderr.on('data', (d: Buffer) => (output += d.toString()));
    tsc.on('error', reject);
    tsc.on('close', (code) => {
      const cliBuilt = ['tenants.js', 'migrate.js'].every((f) => fs.existsSync(path.join(REPO_ROOT, 'api/dist/cli', f)));
      if (code === 0) resolve();
      else if (cliBuilt) {
        process.stderr.write(`[migrator.test] tsc reported errors (JavaScript was emitted anyway):\n${output}\n`);
        resolve();
      } else reject(new Error(`tsc -p api/tsconfig.json failed:\n${output}`));
    });
  });
}

/**
 * A database of this file's own (same server as the run's), dropped afterwards with the tenant roles it created:
 * roles are cluster-wide, named with a hash of the database name (names.ts).
 */
