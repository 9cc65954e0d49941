import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { rolePrefixForDatabase } from '../src/tenancy/names';
import { testState } from './state';

/**
 * The benchmark harness (bench/, `npm run bench`) at toy sizes, so it cannot rot unnoticed: seeding through the
 * provisioner, the three servers, every measurement and both results files. Its numbers mean nothing here; the
 * test only checks that the run completes and that every summary figure is a finite number (with `--baseline HEAD`,
 * the lever-by-lever comparison, also that the committed API served beside this one). It creates its
 * scratch database next to this run's (named after it, so global-teardown drops it should the bench not) and keeps
 * it (--keep) for the second test, which measures it again without seeding (--reuse) and drops it (--drop).
 */
const repoRoot = path.resolve(__dirname, '..', '..');
const SUMMARY_KEYS = [
  'list_vs_raw',
  'list_vs_postgraphile',
  'pk_vs_raw',
  'pk_vs_postgraphile',
  'routing_ratio',
  'p95_ms_at_half_peak',
  'statements_per_list_page',
  'provision_p95_ms',
  'migrate_all_s',
  'tenants',
  'subscribers',
  'delivery_p95_ms',
];
let out: string;
let reuseOut: string;

beforeAll(() => {
  out = fs.mkdtempSync(path.join(os.tmpdir(), 'leadplane-bench-smoke-'));
  reuseOut = fs.mkdtempSync(path.join(os.tmpdir(), 'leadplane-bench-reuse-'));
});
afterAll(() => {
  fs.rmSync(out, { recursive: true, force: true });
  fs.rmSync(reuseOut, { recursive: true, force: true });
});

/** `node bench/run.mjs ...args`: its exit code and its log (stderr). */
function runBench(args: string[], timeout: number): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['bench/run.mjs', ...args],
      { cwd: repoRoot, env: { ...process.env, REDIS_URL: testState().redisUrl ?? '' }, timeout, maxBuffer: 16 * 1024 * 1024 },
      (err, _stdout, stderr) => resolve({ code: err ? ((err as { code?: number }).code ?? -1) : 0, stderr }),
    );
  });
}

/** The name of the scratch database the first test keeps and the second reuses. */
const keptDatabase = () => `${testState().database}_bench`;

test('npm run bench at smoke sizes writes a complete summary', async () => {
  if (!fs.existsSync(path.join(repoRoot, 'bench', 'postgraphile', 'node_modules', 'postgraphile', 'package.json'))) {
    throw new Error('The benchmark needs its private dependencies (PostGraphile 4, autocannon): run `npm run bench:install` first');
  }
  const state = testState();
  const args = ['--tenants', '3', '--leads', '60', '--duration', '1', '--rounds', '1', '--subscribers', '20', '--events', '20', '--baseline', 'HEAD'];
  // A setting of ours only (--api-env), which the backends it then holds must show.
  args.push('--api-env', 'DB_POOL_MAX=4');
  args.push('--provision-sample', '3', '--database-url', state.adminUrl, '--database-name', keptDatabase(), '--keep', '--out', out);
  const { code, stderr } = await runBench(args, 170_000);
  expect({ code, stderr: code === 0 ? '' : stderr.slice(-4000) }).toEqual({ code: 0, stderr: '' });
  // PostGraphile reads the whole catalog at start: it must start while the catalog holds the first tenant only.
  const peerAt = stderr.indexOf('PostGraphile started over');
  expect({ peerAt: peerAt >= 0, beforeSecondTenant: peerAt < stderr.indexOf('provisioned 2/3') }).toEqual({ peerAt: true, beforeSecondTenant: true });

  const files = fs.readdirSync(out);
  const json = files.find((f) => f.endsWith('.json'));
  expect(files.filter((f) => f.endsWith('.md'))).toHaveLength(1);
  const results = JSON.parse(fs.readFileSync(path.join(out, json!), 'utf8')) as {
    summary: Record<string, unknown>;
    machine: Record<string, unknown>;
    baseline: { commit: string };
    options: { apiEnv: Record<string, string> };
    http: {
      ratios: Record<string, number>;
      cases: Record<string, { median_rps: number; median_cpu_us_per_request?: number }>;
      backends: Record<string, { count: number; private_mb_total: number | null; private_mb_max: number | null }>;
    };
  };
  const notFinite = SUMMARY_KEYS.filter((k) => typeof results.summary[k] !== 'number' || !Number.isFinite(results.summary[k]));
  expect({ notFinite, summary: results.summary }).toEqual({ notFinite: [], summary: results.summary });
  expect(results.summary).toMatchObject({ tenants: 3, subscribers: 20 });
  expect(results.machine).toMatchObject({ cores: os.cpus().length, node: process.version });
  const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: repoRoot }).toString().trim();
  expect(results.baseline.commit).toBe(head);
  const base = ['list.base', 'pk.base', 'list.base.spread'].map((c) => results.http.cases[c]?.median_rps);
  const ratios = ['list_vs_baseline', 'pk_vs_baseline', 'spread_vs_baseline', 'list_cpu_vs_baseline', 'pk_cpu_vs_baseline'].map((k) => results.http.ratios[k]);
  // The API processes' own CPU time per request, for ours and the baseline's cases; none for the peers.
  const cpu = Object.entries(results.http.cases).map(([name, c]) => [name, typeof c.median_cpu_us_per_request === 'number' && c.median_cpu_us_per_request > 0]);
  expect({ base: base.every((x) => Number.isFinite(x) && x! > 0), ratios: ratios.every(Number.isFinite) }).toEqual({ base: true, ratios: true });
  expect(Object.fromEntries(cpu)).toEqual({
    'list.api': true,
    'list.base': true,
    'list.raw': false,
    'list.postgraphile': false,
    'pk.api': true,
    'pk.base': true,
    'pk.raw': false,
    'pk.postgraphile': false,
    'list.api.spread': true,
    'list.raw.spread': false,
    'list.base.spread': true,
  });
  expect(Number.isFinite(results.http.ratios.raw_routing_ratio)).toBe(true);
  // Ours held at most the 4 connections --api-env allowed it; the baseline ran with the bench's pool (10). Both have
  // backends whose private memory is read from /proc: the test's PostgreSQL runs on this machine.
  const { api, base: baseBackends } = results.http.backends;
  expect(results.options.apiEnv).toEqual({ DB_POOL_MAX: '4' });
  expect({ api: api!.count >= 1 && api!.count <= 4, base: baseBackends!.count >= 1 }).toEqual({ api: true, base: true });
  for (const b of [api!, baseBackends!]) expect(b.private_mb_total! > 0 && b.private_mb_max! > 0 && b.private_mb_max! <= b.private_mb_total!).toBe(true);
}, 180_000);

test('a kept database is measured again without seeding (--reuse), then dropped (--drop)', async () => {
  const state = testState();
  const name = keptDatabase();
  const args = ['--reuse', name, '--phases', 'http', '--rounds', '1', '--duration', '1', '--drop', '--database-url', state.adminUrl, '--out', reuseOut];
  const { code, stderr } = await runBench(args, 110_000);
  expect({ code, stderr: code === 0 ? '' : stderr.slice(-4000) }).toEqual({ code: 0, stderr: '' });

  const json = fs.readdirSync(reuseOut).find((f) => f.endsWith('.json'));
  const results = JSON.parse(fs.readFileSync(path.join(reuseOut, json!), 'utf8')) as {
    reused: { database: string; seeded_at: string } | null;
    summary: Record<string, unknown>;
    postgraphile_start: { cached_introspection: boolean };
  };
  expect(results.reused?.database).toBe(name);
  expect(results.summary).toMatchObject({ tenants: 3, provision_p95_ms: null, migrate_all_s: null });
  const notFinite = ['list_vs_raw', 'routing_ratio'].filter((k) => typeof results.summary[k] !== 'number' || !Number.isFinite(results.summary[k]));
  expect({ notFinite, summary: results.summary }).toEqual({ notFinite: [], summary: results.summary });
  // PostGraphile started from the introspection the first run kept, not from the catalog.
  expect(results.postgraphile_start.cached_introspection).toBe(true);

  const admin = new Client({ connectionString: state.adminUrl });
  await admin.connect();
  try {
    const databases = await admin.query<{ n: number }>('select count(*)::int as n from pg_database where datname = $1', [name]);
    const roles = await admin.query<{ n: number }>('select count(*)::int as n from pg_roles where starts_with(rolname, $1)', [rolePrefixForDatabase(name)]);
    expect({ databases: databases.rows[0]?.n, roles: roles.rows[0]?.n }).toEqual({ databases: 0, roles: 0 });
  } finally {
    await admin.end();
  }
}, 120_000);
