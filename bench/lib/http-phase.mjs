import { API, POSTGRAPHILE, gqlBody, leadsOf } from './queries.mjs';
import { measure, measureAmount, measureAtRate, pick, varying } from './load.mjs';
import { median, round } from './stats.mjs';

/**
 * The HTTP measurements: correctness first (the three servers must return the same page), statements per
 * operation, then interleaved rounds of every case (A, B, C, A, B, C...), then latency at half the peak.
 *
 * @typedef {{ id: string, slug: string, schema: string, token: string, leadIds: string[] }} Tenant
 * @typedef {{ info: { url: string }, call: (m: string, a?: unknown) => Promise<any> }} Server
 */

export const LEGEND =
  'list = 50 leads with owner name and status label (fixed tenant); pk = lead(id) by primary key (fixed tenant); ' +
  '.api = our API; .raw = node http + pg, one statement, no GraphQL or auth (the ceiling); .postgraphile = PostGraphile 4.14 over the same schema ' +
  '(started once the first tenant was provisioned: it reads the whole catalog at start); ' +
  'list.api.spread = the list with every request from a random one of all tenants (list.api is the same API serving one fixed tenant); ' +
  'list.raw.spread = the raw endpoint, each request in a random one of all tenant schemas (its pool has no lanes: every backend meets every schema), ' +
  'measured after every tenant was asked once (first touch, below).';

/** @param {string} url @param {string} path @param {string} body @param {string} [token] */
async function post(url, path, body, token) {
  const res = await fetch(url + path, { method: 'POST', body, headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) } });
  const text = await res.text();
  if (!res.ok) throw new Error(`${url}${path} answered ${res.status}: ${text.slice(0, 500)}`);
  return JSON.parse(text);
}

/** Requests of each case, built fresh per request (random lead id, random tenant). @param {Tenant[]} tenants */
function cases(/** @type {Record<string, Server>} */ s, tenants) {
  const t0 = tenants[0];
  const ids = t0.leadIds;
  const tokens = tenants.map((t) => t.token);
  const listBody = gqlBody(API.list);
  const pgListBody = gqlBody(POSTGRAPHILE.list);
  const list = (/** @type {Server} */ server) => varying(server.info.url, '/graphql', () => ({ body: listBody, token: t0.token }));
  const pk = (/** @type {Server} */ server) => varying(server.info.url, '/graphql', () => ({ body: gqlBody(API.pk, { id: pick(ids) }), token: t0.token }));
  return {
    'list.api': list(s.api),
    // --baseline: the API at another commit, measured right after ours in every round
    ...(s.base ? { 'list.base': list(s.base) } : {}),
    'list.raw': varying(s.raw.info.url, '/list', () => ({ body: '{}' })),
    'list.postgraphile': varying(s.postgraphile.info.url, '/graphql', () => ({ body: pgListBody })),
    'pk.api': pk(s.api),
    ...(s.base ? { 'pk.base': pk(s.base) } : {}),
    'pk.raw': varying(s.raw.info.url, '/lead', () => ({ body: JSON.stringify({ id: pick(ids) }) })),
    'pk.postgraphile': varying(s.postgraphile.info.url, '/graphql', () => ({ body: gqlBody(POSTGRAPHILE.pk, { id: pick(ids) }) })),
    'list.api.spread': varying(s.api.info.url, '/graphql', () => ({ body: listBody, token: pick(tokens) })),
    // The ceiling over all tenants: what spreading costs PostgreSQL itself (each backend meets every schema).
    'list.raw.spread': varying(s.raw.info.url, '/list', () => ({ body: JSON.stringify({ tenant: Math.floor(Math.random() * tenants.length) }) })),
    ...(s.base ? { 'list.base.spread': varying(s.base.info.url, '/graphql', () => ({ body: listBody, token: pick(tokens) })) } : {}),
  };
}

/** The same page and the same lead from all three servers, or the run stops here. */
async function verify(/** @type {Record<string, Server>} */ s, /** @type {Tenant[]} */ tenants) {
  const t0 = tenants[0];
  const pages = {
    api: leadsOf(await post(s.api.info.url, '/graphql', gqlBody(API.list), t0.token)),
    raw: leadsOf(await post(s.raw.info.url, '/list', '{}')),
    // list.raw.spread names its schema by index: index 0 must be the fixed case's schema
    rawByIndex: leadsOf(await post(s.raw.info.url, '/list', JSON.stringify({ tenant: 0 }))),
    postgraphile: leadsOf(await post(s.postgraphile.info.url, '/graphql', gqlBody(POSTGRAPHILE.list))),
    ...(s.base ? { base: leadsOf(await post(s.base.info.url, '/graphql', gqlBody(API.list), t0.token)) } : {}),
  };
  const expected = JSON.stringify(pages.raw);
  for (const [name, page] of Object.entries(pages)) {
    if (page.length !== 50) throw new Error(`${name} returned ${page.length} leads, not 50`);
    if (JSON.stringify(page) !== expected) throw new Error(`${name} returned another page than the raw SQL: ${JSON.stringify(page[0])} vs ${JSON.stringify(pages.raw[0])}`);
  }
  if (!pages.raw.some((l) => l.owner) || !pages.raw.every((l) => l.status)) throw new Error('the page lacks owner names or status labels');
  const id = t0.leadIds[0];
  const one = [
    leadsOf(await post(s.api.info.url, '/graphql', gqlBody(API.pk, { id }), t0.token)),
    leadsOf(await post(s.raw.info.url, '/lead', JSON.stringify({ id }))),
    leadsOf(await post(s.postgraphile.info.url, '/graphql', gqlBody(POSTGRAPHILE.pk, { id }))),
    ...(s.base ? [leadsOf(await post(s.base.info.url, '/graphql', gqlBody(API.pk, { id }), t0.token))] : []),
  ].map((x) => JSON.stringify(x));
  if (new Set(one).size !== 1) throw new Error(`lead(id) differs between servers: ${one.join(' / ')}`);
  for (const t of [tenants.at(-1), pick(tenants)]) leadsOf(await post(s.api.info.url, '/graphql', gqlBody(API.list), t?.token));
}

const sleep = (/** @type {number} */ ms) => new Promise((r) => setTimeout(r, ms));

/**
 * autocannon stops sending at the end of a run, but the API goes on executing what it had accepted (up to one
 * request per connection, each holding a pooled connection): wait for that backlog to finish so it does not
 * run into the next case's measurement.
 */
async function settle(/** @type {Server[]} */ ...apis) {
  const deadline = Date.now() + 30_000;
  for (const api of apis) {
    for (;;) {
      const { pool } = await api.call('stats');
      if ((pool.waiting === 0 && pool.idle === pool.total) || Date.now() > deadline) break;
      await sleep(100);
    }
  }
  await sleep(250);
}

/** Tenant and wire statements per operation, the least of three batches (a stray pg-boss query only adds). */
async function statementsPer(/** @type {Server} */ api, /** @type {() => Promise<unknown>} */ send, n = 10) {
  let tenant = Infinity;
  let wire = Infinity;
  for (let b = 0; b < 3; b++) {
    const s0 = await api.call('stats');
    for (let i = 0; i < n; i++) await send();
    const s1 = await api.call('stats');
    tenant = Math.min(tenant, (s1.tenantStatements - s0.tenantStatements) / n);
    wire = Math.min(wire, (s1.wireStatements - s0.wireStatements) / n);
  }
  return { tenant: round(tenant, 2), wire: round(wire, 2) };
}

/**
 * @param {{ servers: Record<string, Server>, tenants: Tenant[], opts: import('./options.mjs').Options,
 *   log: (l: string) => void, warnings: string[],
 *   backends?: (appName: string) => Promise<{ count: number, private_mb_total: number | null, private_mb_max: number | null }> }} p
 *   backends: the PostgreSQL backends a server holds (by application_name) and their private memory
 */
export async function httpPhase({ servers, tenants, opts, log, warnings, backends }) {
  log('checking that the three servers return the same page and lead');
  await verify(servers, tenants);
  const t0 = tenants[0];
  const api = servers.api.info.url;
  const statements = {
    'list page': await statementsPer(servers.api, () => post(api, '/graphql', gqlBody(API.list), t0.token)),
    'lead(id)': await statementsPer(servers.api, () => post(api, '/graphql', gqlBody(API.pk, { id: pick(t0.leadIds) }), t0.token)),
  };
  log(`statements per list page: ${statements['list page'].tenant} tenant, ${statements['list page'].wire} on the wire`);

  const targets = cases(servers, tenants);
  const ours = [servers.api, ...(servers.base ? [servers.base] : [])];
  const load = { connections: opts.connections, duration: opts.duration };

  // Every tenant asked once before anything is measured: the spread case then measures serving N tenants, not
  // meeting them (each PostgreSQL backend builds a tenant's catalog entries at its first statement there, and the
  // API learns the tenant record). A 3 s warm-up did that at 1,000 tenants but reached 1 in 7 at 10,000. This pass
  // is the first-contact cost, reported on its own (http.first_touch).
  let next = 0;
  const listBody = gqlBody(API.list);
  const inOrder = varying(api, '/graphql', () => ({ body: listBody, token: tenants[next++ % tenants.length].token }));
  const touch = await measureAmount(inOrder, { connections: Math.min(opts.connections, tenants.length), amount: tenants.length });
  await settle(servers.api);
  const firstTouch = { tenants: tenants.length, seconds: touch.seconds, rps: round(tenants.length / Math.max(touch.seconds, 0.001), 1), p50: touch.p50, p95: touch.p95, errors: touch.non2xx + touch.errors + touch.timeouts + touch.graphqlErrors };
  log(`first touch: every one of ${tenants.length} tenants asked once in ${firstTouch.seconds} s (${firstTouch.rps} req/s, p95 ${firstTouch.p95} ms)`);
  if (firstTouch.errors) warnings.push(`first touch: ${firstTouch.errors} failed requests`);
  log(`warm-up: ${Object.keys(targets).length} cases × ${Math.min(opts.duration, 3)} s`);
  for (const target of Object.values(targets)) {
    await measure(target, { ...load, duration: Math.min(opts.duration, 3) });
    await settle(...ours);
  }

  /** @type {Record<string, import('./load.mjs').Measurement[]>} */
  const rounds = Object.fromEntries(Object.keys(targets).map((k) => [k, []]));
  /** The API process (ours or the baseline's) a case measures, whose CPU time per request is recorded. */
  const processOf = (/** @type {string} */ name) => (name.includes('.base') ? servers.base : name.includes('.api') ? servers.api : undefined);
  for (let r = 1; r <= opts.rounds; r++) {
    for (const [name, target] of Object.entries(targets)) {
      const proc = processOf(name);
      const s0 = proc ? await proc.call('stats') : undefined;
      const m = await measure(target, load);
      await settle(...ours);
      if (proc && s0) {
        const s1 = await proc.call('stats');
        const per = (/** @type {number} */ n) => round(n / Math.max(1, m.requests), 3);
        // CPU time the process spent per request it answered (the backlog settled included): less at the mercy of
        // the other processes sharing the machine than req/s, so it shows what a lever saves the API itself.
        m.cpu_us_per_request = round((s1.cpuUs - s0.cpuUs) / Math.max(1, m.requests), 1);
        // Messages to PostgreSQL per request (every pg query call: batched read messages, control-plane checks),
        // and how the batch reader's lanes carried the reads: counts, not timings, so a lever's effect on them shows
        // through the noise of a shared machine.
        m.wire_per_request = per(s1.wireStatements - s0.wireStatements);
        if (s0.reader && s1.reader) {
          m.lane_messages_per_request = per(s1.reader.messages - s0.reader.messages);
          m.reads_per_lane_message = round((s1.reader.reads - s0.reader.reads) / Math.max(1, s1.reader.messages - s0.reader.messages), 2);
          m.spilled_reads_per_request = per(s1.reader.spilledReads - s0.reader.spilledReads);
          m.overflow_reads_per_request = per((s1.reader.overflowReads ?? 0) - (s0.reader.overflowReads ?? 0));
        }
      }
      rounds[name].push(m);
      log(`round ${r}/${opts.rounds} ${name.padEnd(18)} ${String(m.rps).padStart(8)} req/s  p50 ${m.p50} ms  p95 ${m.p95} ms`);
      const bad = m.non2xx + m.errors + m.timeouts + m.graphqlErrors;
      if (bad) warnings.push(`${name} round ${r}: ${m.non2xx} non-2xx, ${m.errors} errors, ${m.timeouts} timeouts, ${m.graphqlErrors} GraphQL errors`);
    }
  }
  // What each API's backends hold once every round has served every tenant (the catalog caches that pool size and
  // backend recycling bound): measured now, before the latency run, while the rounds' connections are still open.
  const held = backends
    ? {
        api: await backends('leadplane-bench-api'),
        ...(servers.base ? { base: await backends('leadplane-bench-base') } : {}),
      }
    : undefined;
  if (held) log(`backends held: ${Object.entries(held).map(([who, b]) => `${who} ${b.count} (${b.private_mb_total ?? '?'} MB private)`).join(', ')}`);
  /** a ÷ b, the median of the per-round ratios (each round's cases ran back to back). */
  const perRound = (/** @type {string} */ a, /** @type {string} */ b) => round(median(rounds[a].map((m, i) => m.rps / rounds[b][i].rps)), 3);
  const cpuRatio = (/** @type {string} */ a, /** @type {string} */ b) =>
    round(median(rounds[a].map((m, i) => (m.cpu_us_per_request ?? NaN) / (rounds[b][i].cpu_us_per_request ?? NaN))), 3);
  const ratios = {
    list_vs_raw: perRound('list.api', 'list.raw'),
    list_vs_postgraphile: perRound('list.api', 'list.postgraphile'),
    pk_vs_raw: perRound('pk.api', 'pk.raw'),
    pk_vs_postgraphile: perRound('pk.api', 'pk.postgraphile'),
    routing_ratio: perRound('list.api.spread', 'list.api'),
    raw_routing_ratio: perRound('list.raw.spread', 'list.raw'),
    ...(servers.base
      ? {
          list_vs_baseline: perRound('list.api', 'list.base'),
          pk_vs_baseline: perRound('pk.api', 'pk.base'),
          spread_vs_baseline: perRound('list.api.spread', 'list.base.spread'),
          // API CPU per request, this checkout ÷ the baseline (below 1: the lever saves the API work)
          list_cpu_vs_baseline: cpuRatio('list.api', 'list.base'),
          pk_cpu_vs_baseline: cpuRatio('pk.api', 'pk.base'),
        }
      : {}),
  };
  const summary = Object.fromEntries(
    Object.entries(rounds).map(([name, ms]) => [
      name,
      {
        median_rps: round(median(ms.map((m) => m.rps)), 1),
        median_p50: round(median(ms.map((m) => m.p50))),
        median_p95: round(median(ms.map((m) => m.p95))),
        median_p99: round(median(ms.map((m) => m.p99))),
        ...(ms[0]?.cpu_us_per_request !== undefined ? { median_cpu_us_per_request: round(median(ms.map((m) => m.cpu_us_per_request ?? 0)), 1) } : {}),
        ...(ms[0]?.wire_per_request !== undefined ? { median_wire_per_request: round(median(ms.map((m) => m.wire_per_request ?? 0)), 3) } : {}),
        ...(ms[0]?.lane_messages_per_request !== undefined
          ? {
              median_lane_messages_per_request: round(median(ms.map((m) => m.lane_messages_per_request ?? 0)), 3),
              median_reads_per_lane_message: round(median(ms.map((m) => m.reads_per_lane_message ?? 0)), 2),
              median_spilled_reads_per_request: round(median(ms.map((m) => m.spilled_reads_per_request ?? 0)), 3),
              median_overflow_reads_per_request: round(median(ms.map((m) => m.overflow_reads_per_request ?? 0)), 3),
            }
          : {}),
        errors: ms.reduce((n, m) => n + m.non2xx + m.errors + m.timeouts + m.graphqlErrors, 0),
        rounds: ms,
      },
    ]),
  );

  const peak = summary['list.api.spread'].median_rps;
  const rate = Math.max(1, Math.round(peak / 2));
  const duration = opts.duration * 2;
  log(`latency at half the peak: ${rate} req/s over ${opts['latency-connections']} connections for ${duration} s`);
  const fixedRate = await measureAtRate(targets['list.api.spread'], { connections: opts['latency-connections'], duration, rate });
  await settle(servers.api);
  const latency = {
    rate,
    peak_rps: peak,
    connections: opts['latency-connections'],
    duration,
    achieved_rps: fixedRate.rps,
    p50: fixedRate.p50,
    p95: fixedRate.p95,
    p99: fixedRate.p99,
    errors: fixedRate.non2xx + fixedRate.errors + fixedRate.timeouts + fixedRate.graphqlErrors,
  };
  if (fixedRate.rps < rate * 0.9) warnings.push(`the fixed-rate run achieved ${fixedRate.rps} of ${rate} req/s: its latencies are those of a saturated server`);
  return { http: { cases: summary, ratios, first_touch: firstTouch, backends: held, legend: LEGEND }, latency, statements };
}
