#!/usr/bin/env node
/**
 * `npm run bench`: seeds a scratch database through the app's own provisioning, measures, writes
 * bench/results/<timestamp>.{json,md} and drops the database. See bench/README.md.
 *
 * Process layout: this process only generates load (autocannon) and orchestrates; the API, the raw endpoint,
 * PostGraphile, the seeder, the subscription clients and migrate-all each run in a child process.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { appEnv, BENCH_DIR } from './lib/app-env.mjs';
import { extractBaseline } from './lib/baseline.mjs';
import { checkBenchDeps, DEPS_DIR, SetupError } from './lib/deps.mjs';
import { httpPhase } from './lib/http-phase.mjs';
import { startChild } from './lib/ipc.mjs';
import { parseOptions, USAGE } from './lib/options.mjs';
import { machineInfo, SUMMARY_KEYS, writeResults } from './lib/report.mjs';
import { openScratchDatabase } from './lib/scratch-db.mjs';
import { round } from './lib/stats.mjs';
import { subscriptionPhase } from './lib/subs-phase.mjs';

const t0 = Date.now();
const log = (/** @type {string} */ line) => process.stderr.write(`[bench +${((Date.now() - t0) / 1000).toFixed(1)}s] ${line}\n`);
const DAY_MS = 86_400_000;

/** @type {Array<() => Promise<void>>} */
const cleanups = [];
async function cleanUp() {
  while (cleanups.length) await cleanups.pop()?.().catch((e) => log(`cleanup: ${e instanceof Error ? e.message : e}`));
}

async function main() {
  let opts;
  try {
    opts = parseOptions(process.argv.slice(2));
  } catch (e) {
    process.stderr.write(`error: ${e instanceof Error ? e.message : e}\n\n${USAGE}\n`);
    return 2;
  }
  if (opts.help) {
    process.stdout.write(USAGE + '\n');
    return 0;
  }
  const deps = checkBenchDeps();
  const started = new Date();
  const warnings = /** @type {string[]} */ ([]);
  if (opts.cpuProf) warnings.push('the API ran under --cpu-prof: its figures are lower than an unprofiled run gives');

  const scratch = await openScratchDatabase({ databaseUrl: opts.databaseUrl ?? process.env.DATABASE_URL, databaseName: opts.databaseName, log });
  cleanups.push(async () => {
    await scratch.finish(opts.keep);
    log(opts.keep ? `kept the scratch database: ${scratch.url}` : `dropped the scratch database ${scratch.name}`);
  });
  log(`scratch database ${scratch.name} (PostgreSQL ${scratch.version}, ${scratch.server})`);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'leadplane-bench-'));
  cleanups.push(async () => fs.rmSync(tmp, { recursive: true, force: true }));
  const env = appEnv({
    databaseUrl: scratch.url,
    jwtSecret: randomBytes(32).toString('hex'),
    pool: opts.pool,
    redisUrl: process.env.REDIS_URL,
    prefix: `lpbench${randomBytes(3).toString('hex')}:`,
  });
  const baseline = opts.baseline ? extractBaseline(opts.baseline, fs.mkdtempSync(path.join(tmp, 'baseline-'))) : undefined;
  if (baseline) log(`baseline: the API at ${baseline.commit} (${opts.baseline}) serves beside this checkout's`);
  const machine = machineInfo({ postgres: scratch.version, database: scratch.server, redis: Boolean(env.REDIS_URL) });
  const child = async (/** @type {string} */ name, /** @type {string} */ file, /** @type {any} */ o = {}) => {
    // NODE_ENV too, not only the Config: libraries read it (Apollo Server's defaults, under Jest it is 'test').
    const c = await startChild(name, path.join(BENCH_DIR, file), { verbose: opts.verbose, env: { ...process.env, NODE_ENV: 'production' }, ...o });
    cleanups.push(() => c.stop());
    return c;
  };

  log(`seeding ${opts.tenants} tenants × ${opts.leads} leads through TenantProvisioner`);
  const fixtureFile = path.join(tmp, 'fixture.json');
  // PostGraphile 4 starts by reading the whole catalog into JavaScript; with 10,000 tenant schemas that took more
  // than 10 minutes and 1.5 GB of one core (bench/results/levers.md). It only ever serves the first tenant's
  // schema, whose tables are complete once that tenant is provisioned: the seeder pauses there and PostGraphile
  // starts over a catalog of one tenant. It then serves the same tables as the other servers, rows seeded later.
  /** @type {import('./lib/ipc.mjs').Child | undefined} */
  let postgraphile;
  let peerStart = { tenants_in_catalog: 0, seconds: 0 };
  const seedChild = await child('seed', 'seed/seed.mjs', {
    readyTimeoutMs: DAY_MS,
    args: { env, tenants: opts.tenants, leads: opts.leads, owners: opts.owners, sample: opts['provision-sample'], concurrency: opts['provision-concurrency'], fixtureFile },
    onStage: async (/** @type {{ tenant: { id: string, schema: string } }} */ { tenant }) => {
      const startedAt = Date.now();
      postgraphile = await child('postgraphile', 'postgraphile/server.mjs', {
        args: { databaseUrl: await scratch.peerLogin(tenant.id), schema: tenant.schema, pool: opts.pool },
        cwd: DEPS_DIR,
      });
      peerStart = { tenants_in_catalog: 1, seconds: round((Date.now() - startedAt) / 1000, 2) };
      log(`PostGraphile started over ${tenant.schema} in ${peerStart.seconds} s (first tenant provisioned; seeding goes on)`);
    },
  });
  if (!postgraphile) throw new Error('the seeder never paused after the first tenant: PostGraphile did not start');
  const seed = seedChild.info;
  const { tenants } = JSON.parse(fs.readFileSync(fixtureFile, 'utf8'));
  const prov = seed.provisioning.sequential;
  log(`provisioned: p50 ${prov.p50} ms, p95 ${prov.p95} ms one at a time; leads seeded in ${seed.leadsSeconds} s`);

  // The API and the raw endpoint do not read the catalog at start; a generous timeout all the same at 10,000.
  const serverStart = 120_000 + opts.tenants * 60;
  const [api, raw, base] = await Promise.all([
    child('api', 'servers/api-server.mjs', {
      args: { env },
      readyTimeoutMs: serverStart,
      execArgv: ['--expose-gc', ...(opts.cpuProf ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(opts.cpuProf)}`] : [])],
    }),
    child('raw', 'servers/raw-server.mjs', { args: { databaseUrl: scratch.url, schema: tenants[0].schema, pool: opts.pool }, readyTimeoutMs: serverStart }),
    baseline && child('base', 'servers/api-server.mjs', { args: { env, root: baseline.root }, readyTimeoutMs: serverStart, execArgv: ['--expose-gc'] }),
  ]);
  const budget = api.info.fileBudget;
  if (budget) {
    machine.postgres_max_files_per_process = budget.setting;
    if (!budget.enough) {
      warnings.push(
        `PostgreSQL's max_files_per_process is ${budget.setting}, below the ${budget.needed} a read-lane backend needs for ${budget.tenantSchemas} tenant schemas ` +
          `(${budget.filesPerTenant} files each): the spread case measures files being reopened at every statement (ADR 0011)`,
      );
    }
  }
  const { http, latency, statements } = await httpPhase({ servers: { api, raw, postgraphile, ...(base ? { base } : {}) }, tenants, opts, log, warnings });
  await Promise.all([raw.stop(), postgraphile.stop(), base?.stop()]);

  const subscriptions = await subscriptionPhase({ api, env, tenants, opts, log, warnings });
  await api.stop();
  log('API stopped');

  log(`migrate-all: a 5-statement tenant migration over ${opts.tenants} tenants`);
  const migrate = (await child('migrate-all', 'seed/migrate-all.mjs', { readyTimeoutMs: DAY_MS, args: { env, concurrency: opts['migrate-concurrency'] } })).info;
  log(`migrate-all took ${migrate.seconds} s`);

  const summary = {
    ...http.ratios,
    p95_ms_at_half_peak: latency.p95,
    statements_per_list_page: statements['list page'].tenant,
    provision_p95_ms: prov.p95,
    migrate_all_s: migrate.seconds,
    tenants: opts.tenants,
    subscribers: subscriptions?.connected ?? 0,
    delivery_p95_ms: subscriptions?.p95 ?? null,
  };
  const results = {
    started_at: started.toISOString(),
    duration_s: round((Date.now() - started.getTime()) / 1000, 1),
    options: { ...opts, databaseUrl: undefined },
    machine,
    bench_dependencies: deps,
    baseline: baseline ? { ref: opts.baseline, commit: baseline.commit } : undefined,
    summary: Object.fromEntries(SUMMARY_KEYS.map((k) => [k, /** @type {any} */ (summary)[k]])),
    http,
    latency,
    statements,
    seed,
    postgraphile_start: peerStart,
    migrate,
    subscriptions,
    warnings,
  };
  const out = path.resolve(opts.out ?? path.join(BENCH_DIR, 'results'));
  const files = writeResults(out, results);
  process.stdout.write(`${JSON.stringify(results.summary, null, 2)}\n`);
  log(`results: ${files.json}\n        ${files.md}`);
  if (opts.cpuProf) log(`CPU profile of the API: ${path.resolve(opts.cpuProf)}`);
  for (const w of warnings) log(`warning: ${w}`);
  return 0;
}

for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
  process.once(signal, () => {
    log(`${signal}: stopping children and dropping the scratch database`);
    void cleanUp().finally(() => process.exit(130));
  });
}

main()
  .catch((e) => {
    process.stderr.write(`[bench] failed: ${e instanceof SetupError ? e.message : e instanceof Error ? (e.stack ?? e.message) : e}\n`);
    return 1;
  })
  .then(async (code) => {
    await cleanUp();
    process.exit(code);
  });
