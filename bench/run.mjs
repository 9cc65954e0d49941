#!/usr/bin/env node
/**
 * `npm run bench`: seeds a scratch database through the app's own provisioning, measures, writes
 * bench/results/<timestamp>.{json,md} and drops the database (or keeps it, --keep, for runs that measure it again
 * without seeding it, --reuse). See bench/README.md.
 *
 * Process layout: this process only generates load (autocannon) and orchestrates; the API, the raw endpoint,
 * PostGraphile, the seeder, the subscription clients and migrate-all each run in a child process.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { appEnv, BENCH_DIR, loadApi } from './lib/app-env.mjs';
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
/** @type {Promise<void> | undefined} */
let cleaning;
/**
 * One clean-up, however many ask: on Ctrl-C the signal handler and the failing main() both call it, and the second
 * caller must wait for the first to finish (dropping thousands of tenant roles takes seconds), not exit halfway.
 */
function cleanUp() {
  return (cleaning ??= (async () => {
    while (cleanups.length) await cleanups.pop()?.().catch((e) => log(`cleanup: ${e instanceof Error ? e.message : e}`));
  })());
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
  const runs = (/** @type {string} */ phase) => opts.phases.includes(phase);

  const scratch = await openScratchDatabase({ databaseUrl: opts.databaseUrl ?? process.env.DATABASE_URL, databaseName: opts.databaseName, reuse: opts.reuse, log });
  // Checked before the clean-up that may drop it is registered: a database that is not one a run kept, or a mistyped
  // size, never costs anyone a database, --drop or not.
  const fixture = opts.reuse ? await scratch.readFixture() : undefined;
  if (fixture) {
    for (const key of /** @type {const} */ (['tenants', 'leads', 'owners'])) {
      if (opts.given.includes(key) && opts[key] !== fixture.seeding[key]) {
        throw new SetupError(`--${key} ${opts[key]}: ${scratch.name} was seeded with --${key} ${fixture.seeding[key]} (a reused database's sizes are its own; leave --${key} out)`);
      }
      opts[key] = fixture.seeding[key];
    }
  }
  let fixtureStored = false;
  let completed = false;
  cleanups.push(async () => {
    // A reused database took long to seed: only --drop drops it, and only once a run on it completed.
    const keep = opts.reuse ? !(opts.drop && completed) : opts.keep;
    await scratch.finish(keep);
    if (opts.reuse && keep) log(`left the reused database ${scratch.name} in place: a --reuse run never drops it or its roles${opts.drop ? ' unless it completes' : ' without --drop'}`);
    else if (opts.reuse) log(`dropped the reused database ${scratch.name} and its tenant roles (--drop)`);
    else if (keep) log(`kept the scratch database: ${scratch.url}${fixtureStored ? ` (measure it again with --reuse ${scratch.name})` : ''}`);
    else log(`dropped the scratch database ${scratch.name}`);
  });
  if (fixture) log(`reusing ${scratch.name} (PostgreSQL ${scratch.version}, ${scratch.server}), seeded ${fixture.seeded_at}: ${opts.tenants} tenants × ${opts.leads} leads; no seeding, no provisioning figures`);
  else log(`scratch database ${scratch.name} (PostgreSQL ${scratch.version}, ${scratch.server})`);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'leadplane-bench-'));
  cleanups.push(async () => fs.rmSync(tmp, { recursive: true, force: true }));
  const env = appEnv({
    databaseUrl: scratch.url,
    // A reused database's sessions are the seeder's: its tokens are minted again with the secret they were minted with.
    jwtSecret: fixture?.jwt_secret ?? randomBytes(32).toString('hex'),
    pool: opts.pool,
    readLanes: opts['read-lanes'],
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

  // PostGraphile 4 starts by reading the whole catalog into JavaScript; with 10,000 tenant schemas that took more
  // than 10 minutes and 1.5 GB of one core (bench/results/levers.md). It only ever serves the first tenant's
  // schema, whose tables are complete once that tenant is provisioned: the seeder pauses there and PostGraphile
  // starts over a catalog of one tenant. It then serves the same tables as the other servers, rows seeded later.
  // A reused database's catalog holds every tenant from the start: PostGraphile reads instead the introspection it
  // wrote in the run that kept the database (its writeCache / readCache options), the one of that one-tenant catalog.
  /** @type {import('./lib/ipc.mjs').Child | undefined} */
  let postgraphile;
  /** @type {string | undefined} */
  let peerRole;
  let peerStart = null;
  const peerCache = path.join(tmp, 'postgraphile-cache.json');
  const startPeer = async (/** @type {{ id: string, schema: string }} */ tenant) => {
    const startedAt = Date.now();
    const peer = await scratch.peerLogin(tenant.id, fixture?.peer_role);
    peerRole = peer.role;
    if (fixture) fs.writeFileSync(peerCache, fixture.postgraphile_cache);
    const cache = fixture ? { readCache: peerCache } : opts.keep ? { writeCache: peerCache } : {};
    postgraphile = await child('postgraphile', 'postgraphile/server.mjs', { args: { databaseUrl: peer.url, schema: tenant.schema, pool: opts.pool, ...cache }, cwd: DEPS_DIR });
    peerStart = { tenants_in_catalog: 1, seconds: round((Date.now() - startedAt) / 1000, 2), cached_introspection: Boolean(fixture) };
    log(
      `PostGraphile started over ${tenant.schema} in ${peerStart.seconds} s ` +
        (fixture ? `(from the introspection cached when ${scratch.name} was seeded)` : '(first tenant provisioned; seeding goes on)'),
    );
  };

  /** @type {Array<{ id: string, slug: string, schema: string, leadIds: string[], adminId: string, sid: string, token: string }>} */
  let tenants;
  let seed;
  if (fixture) {
    tenants = mintTokens(env, fixture.tenants);
    seed = { reused: { database: scratch.name, seeded_at: fixture.seeded_at }, tenants: opts.tenants, leadsPerTenant: opts.leads, owners: opts.owners, provisioning: null };
    if (runs('http')) await startPeer(tenants[0]);
  } else {
    log(`seeding ${opts.tenants} tenants × ${opts.leads} leads through TenantProvisioner`);
    const fixtureFile = path.join(tmp, 'fixture.json');
    // With --keep PostGraphile starts even when the http phase will not run: the kept database gets its login role
    // and introspection either way, for whichever phases the runs reusing it measure.
    const peerAtStage = runs('http') || opts.keep;
    const seedChild = await child('seed', 'seed/seed.mjs', {
      readyTimeoutMs: DAY_MS,
      args: { env, tenants: opts.tenants, leads: opts.leads, owners: opts.owners, sample: opts['provision-sample'], concurrency: opts['provision-concurrency'], fixtureFile },
      onStage: peerAtStage ? (/** @type {{ tenant: { id: string, schema: string } }} */ { tenant }) => startPeer(tenant) : undefined,
    });
    if (peerAtStage && !postgraphile) throw new Error('the seeder never paused after the first tenant: PostGraphile did not start');
    if (!runs('http')) await postgraphile?.stop();
    seed = seedChild.info;
    ({ tenants } = JSON.parse(fs.readFileSync(fixtureFile, 'utf8')));
    // Stored now, not at the end: a run that fails while measuring still leaves a database worth reusing.
    if (opts.keep) {
      await scratch.storeFixture({
        jwt_secret: env.JWT_SECRET,
        seeded_at: new Date().toISOString(),
        seeding: { tenants: opts.tenants, leads: opts.leads, owners: opts.owners },
        peer_role: /** @type {string} */ (peerRole),
        postgraphile_cache: fs.readFileSync(peerCache, 'utf8'),
        tenants: tenants.map((t) => ({ id: t.id, slug: t.slug, schema: t.schema, leadIds: t.leadIds, adminId: t.adminId, sid: t.sid })),
      });
      fixtureStored = true;
    }
    const prov = seed.provisioning.sequential;
    log(`provisioned: p50 ${prov.p50} ms, p95 ${prov.p95} ms one at a time; leads seeded in ${seed.leadsSeconds} s`);
    // Seeding 1,000 tenants writes ~500 MB of WAL: left alone, the checkpoint it triggers is spread over the next
    // minutes (checkpoint_completion_target) and fsyncs every file the seed touched (67,392 in one run, 25 % iowait)
    // while the cases are measured. Done now, it is over before the first one.
    const checkpoint = await scratch.checkpoint();
    if (checkpoint.error) warnings.push(`CHECKPOINT after seeding failed (${checkpoint.error}): a checkpoint may run during the measurements`);
    else log(`checkpoint after seeding: ${checkpoint.seconds} s`);
  }

  // The API and the raw endpoint do not read the catalog at start; a generous timeout all the same at 10,000.
  const serverStart = 120_000 + opts.tenants * 60;
  const [api, raw, base] = await Promise.all([
    runs('http') || runs('subscriptions')
      ? child('api', 'servers/api-server.mjs', {
          args: { env: { ...env, ...opts.apiEnv }, applicationName: 'leadplane-bench-api' },
          readyTimeoutMs: serverStart,
          execArgv: ['--expose-gc', ...(opts.cpuProf ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(opts.cpuProf)}`] : [])],
        })
      : undefined,
    runs('http') ? child('raw', 'servers/raw-server.mjs', { args: { databaseUrl: scratch.url, schema: tenants[0].schema, schemas: tenants.map((t) => t.schema), pool: opts.pool }, readyTimeoutMs: serverStart }) : undefined,
    baseline && child('base', 'servers/api-server.mjs', { args: { env, root: baseline.root, applicationName: 'leadplane-bench-base' }, readyTimeoutMs: serverStart, execArgv: ['--expose-gc'] }),
  ]);
  const budget = api?.info.fileBudget;
  if (budget) {
    machine.postgres_max_files_per_process = budget.setting;
    if (!budget.enough) {
      warnings.push(
        `PostgreSQL's max_files_per_process is ${budget.setting}, below the ${budget.needed} a read-lane backend needs for ${budget.tenantSchemas} tenant schemas ` +
          `(${budget.filesPerTenant} files each): the spread case measures files being reopened at every statement (ADR 0011)`,
      );
    }
  }
  let measured = { http: null, latency: null, statements: null };
  if (api && raw && postgraphile) {
    const backends = (/** @type {string} */ appName) => scratch.backends(appName);
    measured = await httpPhase({ servers: { api, raw, postgraphile, ...(base ? { base } : {}) }, tenants, opts, log, warnings, backends });
    await Promise.all([raw.stop(), postgraphile.stop(), base?.stop()]);
  }
  const { http, latency, statements } = measured;

  const subscriptions = api && runs('subscriptions') ? await subscriptionPhase({ api, env, tenants, opts, log, warnings }) : null;
  if (api) {
    await api.stop();
    log('API stopped');
  }

  let migrate = null;
  if (runs('migrate')) {
    log(`migrate-all: a 5-statement tenant migration over ${opts.tenants} tenants`);
    migrate = (await child('migrate-all', 'seed/migrate-all.mjs', { readyTimeoutMs: DAY_MS, args: { env, concurrency: opts['migrate-concurrency'] } })).info;
    log(`migrate-all took ${migrate.seconds} s`);
  }

  // A phase that did not run (--phases, --reuse) measured nothing: null, never a stand-in number.
  /** @type {Record<string, unknown>} */
  const summary = {
    ...http?.ratios,
    p95_ms_at_half_peak: latency?.p95,
    statements_per_list_page: statements?.['list page'].tenant,
    provision_p95_ms: seed.provisioning?.sequential.p95,
    migrate_all_s: migrate?.seconds,
    tenants: opts.tenants,
    subscribers: runs('subscriptions') ? (subscriptions?.connected ?? 0) : null,
    delivery_p95_ms: subscriptions?.p95,
  };
  const results = {
    // First, so that nobody takes a reused database's run for a full one (no provisioning, no migrate-all).
    reused: fixture ? { database: scratch.name, seeded_at: fixture.seeded_at } : null,
    started_at: started.toISOString(),
    duration_s: round((Date.now() - started.getTime()) / 1000, 1),
    options: { ...opts, databaseUrl: undefined, given: undefined },
    machine,
    bench_dependencies: deps,
    baseline: baseline ? { ref: opts.baseline, commit: baseline.commit } : undefined,
    summary: Object.fromEntries(SUMMARY_KEYS.map((k) => [k, summary[k] ?? null])),
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
  completed = true;
  return 0;
}

/**
 * A kept database's tenants with access tokens minted again as the seeder minted them (the app's own signer, the
 * kept secret, each tenant admin's session): tokens live 24 hours, a kept database as long as one likes.
 * @param {Record<string, string>} env
 * @param {Array<{ id: string, slug: string, schema: string, leadIds: string[], adminId: string, sid: string }>} kept
 */
function mintTokens(env, kept) {
  const { loadConfig } = loadApi('config/env');
  const { signAccessToken } = loadApi('modules/auth/tokens');
  const { jwt } = loadConfig(env, {});
  return kept.map((t) => ({ ...t, token: signAccessToken(jwt, { sub: t.adminId, sid: t.sid, tid: t.id }).token }));
}

for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
  process.once(signal, () => {
    log(`${signal}: stopping children and cleaning up`);
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
