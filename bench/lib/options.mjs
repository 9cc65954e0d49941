import { parseArgs } from 'node:util';

/** Command-line options of `npm run bench`, with their defaults (the default run takes a few minutes). */
export const SPEC = {
  tenants: { def: 1000, min: 1, max: 100_000, help: 'tenants provisioned through the app (TenantProvisioner)' },
  leads: { def: 200, min: 50, max: 100_000, help: 'leads per tenant (a list page is 50)' },
  owners: { def: 4, min: 1, max: 100, help: 'members per tenant besides the admin, owning the leads' },
  subscribers: { def: 2000, min: 0, max: 100_000, help: 'graphql-ws subscriptions, spread over the tenants (0 skips)' },
  events: { def: 1000, min: 1, max: 100_000, help: 'lead events published per second during the subscription test' },
  duration: { def: 5, min: 1, max: 600, help: 'seconds per measurement' },
  rounds: { def: 3, min: 1, max: 50, help: 'interleaved rounds; ratios use the median round' },
  connections: { def: 32, min: 1, max: 1024, help: 'HTTP connections for the throughput measurements' },
  'latency-connections': { def: 64, min: 1, max: 1024, help: 'connections for the fixed-rate latency measurement' },
  pool: { def: 10, min: 1, max: 100, help: 'database pool of each server (the API default, DB_POOL_MAX)' },
  'read-lanes': { def: 0, min: 0, max: 99, help: "the API's DB_READ_LANES (0: its default, half the pool)" },
  'provision-sample': { def: 100, min: 1, max: 100_000, help: 'tenants provisioned one at a time for the per-tenant latency' },
  'provision-concurrency': { def: 4, min: 1, max: 64, help: 'parallel provisioning for the remaining tenants (tenants/s)' },
  'migrate-concurrency': { def: 4, min: 1, max: 64, help: 'concurrency of migrate-all (the CLI default)' },
};

/** The phases a run can measure (--phases), in the order they run. */
export const PHASES = ['http', 'subscriptions', 'migrate'];

export const USAGE = `Usage: npm run bench -- [options]

Seeds a scratch database (created and dropped by the run) through the app's own provisioning, then measures
our API against a raw node http + pg endpoint and PostGraphile 4, tenant routing, latency at half the peak,
statements per operation, provisioning, migrate-all and subscriptions. Results: bench/results/<timestamp>.{json,md}.

Options:
${Object.entries(SPEC)
  .map(([k, v]) => `  --${k.padEnd(22)} ${v.help} (default ${v.def})`)
  .join('\n')}
  --out <dir>              where results go (default bench/results)
  --database-url <url>     PostgreSQL to create the scratch database in (default DATABASE_URL, else an embedded one)
  --database-name <name>   name of the scratch database (default lp_bench_<timestamp>)
  --cpu-prof <dir>         write a CPU profile of the API process there (node --cpu-prof; open it in Chrome DevTools
                           or speedscope for a flame graph); a profiled run is slower, its figures are not results
  --baseline <git ref>     also serve the API as it was at that commit, in the same rounds (list.base, pk.base),
                           and report list_vs_baseline / pk_vs_baseline: how to measure one lever
  --api-env <KEY=VALUE>    a setting of this checkout's API only (repeatable), e.g. --api-env DB_POOL_MAX=20: with
                           --baseline HEAD, a setting is measured against the same code at its default
  --phases <list>          which phases run, comma-separated: ${PHASES.join(',')} (default all three; with --reuse
                           http,subscriptions); a skipped phase's summary figures are null
  --keep                   keep the scratch database (and print its URL) instead of dropping it, with what a later
                           run needs to use it again (the table bench_fixture)
  --reuse <name>           measure a database kept by an earlier --keep run, on the server of --database-url /
                           DATABASE_URL, instead of seeding one: no provisioning or migrate-all figures; --tenants,
                           --leads and --owners are that database's; it is left as it is (unless --drop)
  --drop                   with --reuse: drop the reused database and its tenant roles once the run completed
  --verbose                relay the children's output
  --help`;

/**
 * @typedef {Record<keyof typeof SPEC, number> & { out?: string, databaseUrl?: string, databaseName?: string, cpuProf?: string, baseline?: string,
 *   reuse?: string, apiEnv: Record<string, string>, phases: string[], keep: boolean, drop: boolean, verbose: boolean, help: boolean, given: string[] }} Options
 * `given`: the SPEC options the command line set (a reused database's sizes are its own, see run.mjs).
 */

/** @param {string[]} argv @returns {Options} */
export function parseOptions(argv) {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    allowPositionals: false,
    options: {
      ...Object.fromEntries(Object.keys(SPEC).map((k) => [k, { type: 'string' }])),
      out: { type: 'string' },
      'database-url': { type: 'string' },
      'database-name': { type: 'string' },
      'cpu-prof': { type: 'string' },
      baseline: { type: 'string' },
      'api-env': { type: 'string', multiple: true },
      phases: { type: 'string' },
      reuse: { type: 'string' },
      keep: { type: 'boolean' },
      drop: { type: 'boolean' },
      verbose: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  /** @type {Record<string, unknown>} */
  const opts = {
    out: values.out,
    databaseUrl: values['database-url'],
    databaseName: values['database-name'],
    cpuProf: values['cpu-prof'],
    baseline: values.baseline,
    apiEnv: parseApiEnv(values['api-env'] ?? []),
    reuse: values.reuse,
    keep: Boolean(values.keep),
    drop: Boolean(values.drop),
    verbose: Boolean(values.verbose),
    help: Boolean(values.help),
    given: Object.keys(SPEC).filter((k) => values[k] !== undefined),
  };
  for (const [key, spec] of Object.entries(SPEC)) {
    const raw = values[key];
    const n = raw === undefined ? spec.def : Number(raw);
    if (!Number.isInteger(n) || n < spec.min || n > spec.max) throw new Error(`--${key} must be a whole number from ${spec.min} to ${spec.max}`);
    opts[key] = n;
  }
  for (const key of /** @type {const} */ (['database-name', 'reuse'])) {
    if (values[key] !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(values[key])) throw new Error(`--${key} must be a lower-case PostgreSQL identifier`);
  }
  const phases = values.phases?.split(',').map((p) => p.trim()) ?? PHASES.filter((p) => !(opts.reuse && p === 'migrate'));
  const unknown = phases.filter((p) => !PHASES.includes(p));
  if (unknown.length || !phases.length) throw new Error(`--phases takes a comma-separated list of ${PHASES.join(', ')}`);
  const selected = PHASES.filter((p) => phases.includes(p));
  opts.phases = selected;
  if (opts.reuse) {
    // migrate-all measures adding one migration to every tenant: a kept database has it already (the run that kept
    // it ran the phase) or would have it after one reuse, so there is nothing to measure twice.
    if (selected.includes('migrate')) throw new Error('--reuse cannot run the migrate phase: seed a fresh database to measure migrate-all');
    if (opts.databaseName !== undefined) throw new Error('--database-name names a database to create; --reuse names the one to use');
    if (opts.keep) throw new Error('--reuse keeps the database anyway (--drop drops it)');
  } else if (opts.drop) {
    throw new Error('--drop goes with --reuse: a fresh run drops its scratch database unless --keep');
  }
  if (opts.baseline && !selected.includes('http')) throw new Error('--baseline is measured in the http phase: add it to --phases');
  return /** @type {Options} */ (opts);
}

/**
 * Settings the bench itself gives every server (where the scratch database is, the run's secret, the Redis prefix):
 * `--api-env` cannot change them. DB_POOL_MAX and DB_READ_LANES can: --pool and --read-lanes set them for every
 * server, --api-env for this checkout's API only.
 */
const BENCH_OWNED = ['NODE_ENV', 'DATABASE_URL', 'JWT_SECRET', 'ACCESS_TOKEN_TTL_S', 'SEED_DEMO', 'REDIS_URL', 'REDIS_PREFIX'];

/** `--api-env KEY=VALUE`, repeated: upper-case keys, each once, none of the bench's own. @param {string[]} pairs */
export function parseApiEnv(pairs) {
  /** @type {Record<string, string>} */
  const env = {};
  for (const pair of pairs) {
    const m = /^([A-Z][A-Z0-9_]*)=(.*)$/s.exec(pair);
    if (!m) throw new Error(`--api-env takes KEY=VALUE with an upper-case KEY, not ${JSON.stringify(pair)}`);
    const [, key, value] = /** @type {[string, string, string]} */ (m);
    if (BENCH_OWNED.includes(key)) throw new Error(`--api-env ${key}: the bench sets ${key} for every server`);
    if (key in env) throw new Error(`--api-env ${key} is given twice`);
    env[key] = value;
  }
  return env;
}
