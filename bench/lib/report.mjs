import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from './app-env.mjs';

/**
 * The keys every results file's `summary` has: each a number, or null when the phase that measures it did not run
 * (--phases; provisioning with --reuse). The smoke test checks which.
 */
export const SUMMARY_KEYS = [
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

/** The issue's targets, and the sizes they are stated for. */
const TARGETS = {
  list_vs_postgraphile: { op: '>=', value: 1.0 },
  list_vs_raw: { op: '>=', value: 0.5 },
  routing_ratio: { op: '>=', value: 0.8 },
  statements_per_list_page: { op: '<=', value: 3 },
  p95_ms_at_half_peak: { op: '<=', value: 25, at: 'over 1,000 tenants', tenants: 1000 },
  provision_p95_ms: { op: '<=', value: 150 },
  migrate_all_s: { op: '<=', value: 60, at: '5 statements over 10,000 tenants', tenants: 10_000 },
  delivery_p95_ms: { op: '<=', value: 50, at: '10,000 subscriptions, 1,000 events/s', subscribers: 10_000 },
};

/** @param {string[]} cmd */
function tryRun(cmd) {
  try {
    return execFileSync(cmd[0], cmd.slice(1), { cwd: REPO_ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
}

/** @param {{ postgres: string, database: string, redis: boolean }} extra */
export function machineInfo(extra) {
  const cpus = os.cpus();
  return {
    cpu_model: cpus[0]?.model ?? 'unknown',
    cores: cpus.length,
    memory_gib: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    postgres: extra.postgres,
    database: extra.database,
    pubsub: extra.redis ? 'Redis (REDIS_URL)' : 'in-process',
    load_average_at_start: os.loadavg().map((x) => Math.round(x * 100) / 100),
    git_commit: tryRun(['git', 'rev-parse', '--short', 'HEAD']),
    git_dirty: (tryRun(['git', 'status', '--porcelain', '--', 'api', 'migrations']) ?? '') !== '',
  };
}

/** @param {unknown} v */
const fmt = (v) => (typeof v === 'number' ? v.toLocaleString('en-US', { maximumFractionDigits: 3 }) : v == null ? '–' : String(v));

/** @param {any} r the results object */
function summaryTable(r) {
  const s = r.summary;
  const rows = ['| Metric | Value | Target | Met |', '|---|---|---|---|'];
  for (const key of SUMMARY_KEYS) {
    /** @type {any} */
    const t = /** @type {any} */ (TARGETS)[key];
    const target = t ? `${t.op === '>=' ? '≥' : '≤'} ${t.value}${t.at ? ` (${t.at})` : ''}` : '–';
    let met = '';
    // Not measured is not failed: a phase this run skipped says nothing about its target.
    if (!Number.isFinite(s[key])) met = 'not measured';
    else if (t) {
      const ok = t.op === '>=' ? s[key] >= t.value : s[key] <= t.value;
      const smaller = (t.tenants && s.tenants < t.tenants) || (t.subscribers && s.subscribers < t.subscribers);
      met = `${ok ? 'yes' : 'no'}${smaller ? ' (smaller run than the target states)' : ''}`;
    }
    rows.push(`| ${key} | ${fmt(s[key])} | ${target} | ${met} |`);
  }
  return rows.join('\n');
}

/** @param {any} r */
export function markdown(r) {
  const m = r.machine;
  const o = r.options;
  const notRun = (/** @type {string} */ phase) => `Not measured: the ${phase} phase did not run (phases: ${o.phases.join(', ')}).`;
  const prov = r.seed.provisioning;
  const lines = [
    `# Leadplane benchmark, ${r.started_at}${r.reused ? ', on a reused database' : ''}`,
    '',
    // First, so that nobody takes it for a full run: nothing was provisioned or migrated here.
    ...(r.reused
      ? [`**Not a full run**: it reused the database ${r.reused.database}, seeded ${r.reused.seeded_at} by an earlier run with \`--keep\` (\`--reuse\`); provisioning and migrate-all were not measured.`, '']
      : []),
    `${m.cpu_model}, ${m.cores} cores, ${m.memory_gib} GiB; Node ${m.node}; PostgreSQL ${m.postgres} (${m.database}${m.postgres_max_files_per_process ? `, max_files_per_process ${m.postgres_max_files_per_process}` : ''}); pub/sub ${m.pubsub}; ` +
      `load average at start ${m.load_average_at_start.join(' / ')}; commit ${m.git_commit ?? '?'}${m.git_dirty ? ' (uncommitted changes in api/ or migrations/)' : ''}.`,
    '',
    `Sizes: ${fmt(o.tenants)} tenants × ${fmt(o.leads)} leads (${o.owners} owners + admin each), ${fmt(o.subscribers)} subscribers at ${fmt(o.events)} events/s; ` +
      `${o.rounds} interleaved rounds of ${o.duration} s per case, ${o.connections} connections, pool ${o.pool} per server; phases ${o.phases.join(', ')}. Run took ${r.duration_s} s.`,
    '',
    'Only ratios measured in the same run mean anything on a shared machine; absolute figures move between runs.',
    '',
    '## Summary',
    '',
    summaryTable(r),
    '',
    `## Throughput (median of ${o.rounds} interleaved rounds)`,
    '',
    ...(r.http ? throughput(r) : [notRun('http'), '']),
    '## Latency at half the peak',
    '',
    r.latency
      ? `${fmt(r.latency.rate)} req/s (50% of the ${fmt(r.latency.peak_rps)} req/s median peak of list.api.spread) over ${r.latency.connections} connections spread over all ${fmt(o.tenants)} tenants, ` +
        `${r.latency.duration} s: achieved ${fmt(r.latency.achieved_rps)} req/s; p50 ${fmt(r.latency.p50)} ms, p95 ${fmt(r.latency.p95)} ms, p99 ${fmt(r.latency.p99)} ms; errors ${fmt(r.latency.errors)}.`
      : notRun('http'),
    '',
    '## Statements per operation',
    '',
    ...(r.statements
      ? [
          '| Operation | Tenant statements (onStatement) | Every statement sent (wire) |',
          '|---|---|---|',
          ...Object.entries(r.statements).map(([op, c]) => `| ${op} | ${fmt(c.tenant)} | ${fmt(c.wire)} |`),
          '',
          'Tenant statements are those the API sends to a tenant (what PlatformOptions.onStatement sees); the wire count is every message any pg client of the API sends: a transaction\'s BEGIN with the tenant selection and its COMMIT count one each, a read unit (BEGIN READ ONLY, tenant settings, the read and COMMIT in one message, ADR 0009) counts once, and so do the control-plane checks of authentication and membership (one statement for all the requests of an event-loop turn).',
        ]
      : [notRun('http')]),
    '',
    '## Provisioning and migrations',
    '',
    ...(r.seed.reused
      ? [`Provisioning: not measured. The database was reused: ${r.seed.reused.database}, seeded ${r.seed.reused.seeded_at} with ${fmt(r.seed.tenants)} tenants × ${fmt(r.seed.leadsPerTenant)} leads (${r.seed.owners} owners + admin each).`]
      : [
          `Per tenant, one at a time (${fmt(prov.sequential.tenants)} tenants): p50 ${fmt(prov.sequential.p50)} ms, p95 ${fmt(prov.sequential.p95)} ms, ${fmt(prov.sequential.tenants_per_s)} tenants/s.`,
          prov.concurrent
            ? `Then ${fmt(prov.concurrent.tenants)} tenants ${prov.concurrent.concurrency} at a time: p50 ${fmt(prov.concurrent.p50)} ms, p95 ${fmt(prov.concurrent.p95)} ms, ${fmt(prov.concurrent.tenants_per_s)} tenants/s.`
            : '',
        ]),
    r.migrate
      ? `Migrate-all, a ${r.migrate.statements}-statement migration over ${fmt(r.migrate.tenants)} tenants (concurrency ${r.migrate.concurrency}): ${fmt(r.migrate.seconds)} s` +
        (r.migrate.tenants ? ` (${fmt(Math.round((r.migrate.seconds / r.migrate.tenants) * 10_000 * 10) / 10)} s projected linearly to 10,000 tenants).` : '.')
      : notRun('migrate'),
    '',
    '## Subscriptions',
    '',
    r.subscriptions
      ? `${fmt(r.subscriptions.connected)} graphql-ws subscriptions (${fmt(r.subscriptions.failed)} failed to open) over ${fmt(r.subscriptions.tenants)} tenants; ` +
        `${fmt(r.subscriptions.events_per_s)} events/s for ${r.subscriptions.seconds} s (published by ${r.subscriptions.publisher ?? 'the API process'}) → ${fmt(r.subscriptions.received)} of ${fmt(r.subscriptions.expected)} deliveries; ` +
        `p50 ${fmt(r.subscriptions.p50)} ms, p95 ${fmt(r.subscriptions.p95)} ms, p99 ${fmt(r.subscriptions.p99)} ms; errors ${fmt(r.subscriptions.errors)}; ` +
        `${fmt(r.subscriptions.wire_statements_per_delivery)} statements per delivery (${fmt(r.subscriptions.tenant_statements_per_delivery)} in the tenant transaction). ` +
        `API resident memory ${fmt(r.subscriptions.rss_per_subscription_kb)} KiB per subscription (heap ${fmt(r.subscriptions.heap_per_subscription_kb)} KiB).` +
        (r.subscriptions.by_second?.length
          ? ` Delivery p95 / max by second of publishing (when each event was due): ${r.subscriptions.by_second.map((/** @type {any} */ b) => `${fmt(b.p95)} / ${fmt(b.max)}`).join(', ')} ms.`
          : '')
      : o.phases.includes('subscriptions')
        ? 'Skipped (--subscribers 0).'
        : notRun('subscriptions'),
    '',
  ];
  if (r.warnings.length) lines.push('## Warnings', '', ...r.warnings.map((w) => `- ${w}`), '');
  return lines.join('\n');
}

/** The throughput section's table and notes. @param {any} r */
function throughput(r) {
  return [
    '| Case | Median req/s | Per round | p50 ms | p95 ms | p99 ms | API CPU µs/request | PG messages/request | reads per lane message | overflow reads/request | spilled reads/request | Errors |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|',
    ...Object.entries(r.http.cases).map(
      ([name, c]) =>
        `| ${name} | ${fmt(c.median_rps)} | ${c.rounds.map((x) => fmt(x.rps)).join(', ')} | ${fmt(c.median_p50)} | ${fmt(c.median_p95)} | ${fmt(c.median_p99)} | ${fmt(c.median_cpu_us_per_request)} | ` +
        `${fmt(c.median_wire_per_request)} | ${fmt(c.median_reads_per_lane_message)} | ${fmt(c.median_overflow_reads_per_request)} | ${fmt(c.median_spilled_reads_per_request)} | ${fmt(c.errors)} |`,
    ),
    '',
    'PG messages/request: every message the API process sent to PostgreSQL (batched read messages and control-plane checks) per request answered; reads per lane message: how many reads the batch reader carried per message on a lane\'s own connection (ADR 0009); overflow reads: reads that waited behind a lane\'s message and moved to their tenant\'s lane among all the lanes (the reader runs narrower than that while there are few tenants); spilled reads: reads that went out on another pooled connection because their lane\'s message ran past 25 ms. Counts, not timings: they move little between runs on a shared machine.',
    '',
    r.http.legend,
    '',
    ...(r.http.ratios.raw_routing_ratio !== undefined
      ? [`Many tenants instead of one: ours (routing_ratio, list.api.spread ÷ list.api) ${fmt(r.http.ratios.routing_ratio)}; the ceiling's (list.raw.spread ÷ list.raw, what PostgreSQL itself pays to meet a schema per request) ${fmt(r.http.ratios.raw_routing_ratio)}.`, '']
      : []),
    ...(r.baseline
      ? [`Baseline: list.base, pk.base and list.base.spread are the API at ${r.baseline.commit} (\`--baseline ${r.baseline.ref}\`), served beside this checkout's in the same rounds: ` +
        `list_vs_baseline ${fmt(r.http.ratios.list_vs_baseline)}, pk_vs_baseline ${fmt(r.http.ratios.pk_vs_baseline)}, spread_vs_baseline ${fmt(r.http.ratios.spread_vs_baseline)}; API CPU per request list_cpu_vs_baseline ${fmt(r.http.ratios.list_cpu_vs_baseline)}, pk_cpu_vs_baseline ${fmt(r.http.ratios.pk_cpu_vs_baseline)} (this checkout ÷ the baseline, median of the per-round ratios).`, '']
      : []),
    ...(r.options.apiEnv && Object.keys(r.options.apiEnv).length
      ? [`This checkout's API ran with ${Object.entries(r.options.apiEnv).map(([k, v]) => `\`${k}=${v}\``).join(', ')} (\`--api-env\`); the other servers${r.baseline ? ', the baseline included,' : ''} with the bench's settings.`, '']
      : []),
    ...(r.http.backends
      ? [
          `PostgreSQL backends each API held after the rounds, and their private memory (catalog caches, plans; not the shared buffers): ` +
            Object.entries(r.http.backends)
              .map(([who, b]) => `${who} ${fmt(b.count)} backends, ${b.private_mb_total === null ? 'memory not readable' : `${fmt(b.private_mb_total)} MB in all, ${fmt(b.private_mb_max)} MB the largest`}`)
              .join('; ') +
            '.',
          '',
        ]
      : []),
    r.http.first_touch
      ? `First touch, before any measurement: each of the ${fmt(r.http.first_touch.tenants)} tenants asked for the list once, in order, over ${Math.min(r.options.connections, r.http.first_touch.tenants)} connections: ` +
        `${fmt(r.http.first_touch.seconds)} s, ${fmt(r.http.first_touch.rps)} req/s, p50 ${fmt(r.http.first_touch.p50)} ms, p95 ${fmt(r.http.first_touch.p95)} ms ` +
        '(the cost of meeting a tenant: each PostgreSQL backend builds its catalog entries, the API learns its record and its users\' sessions).'
      : '',
    '',
  ];
}

/** Writes <dir>/<stamp>.json and .md; returns their paths. @param {string} dir @param {any} results */
export function writeResults(dir, results) {
  fs.mkdirSync(dir, { recursive: true });
  const stamp = results.started_at.replace(/[:.]/g, '-');
  const json = path.join(dir, `${stamp}.json`);
  const md = path.join(dir, `${stamp}.md`);
  fs.writeFileSync(json, JSON.stringify(results, null, 2) + '\n');
  fs.writeFileSync(md, markdown(results));
  return { json, md };
}
