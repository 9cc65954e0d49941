import path from 'node:path';
import { BENCH_DIR } from './app-env.mjs';
import { startChild } from './ipc.mjs';
import { API } from './queries.mjs';
import { round } from './stats.mjs';

const sleep = (/** @type {number} */ ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Waits until `done(state)`, or until no event has arrived at any subscriber for `idleMs`; returns the
 * subscribers' state: { unwarmed: subscriber indexes without a warm-up event yet, arrivals, received }.
 * @param {{ call: (m: string) => Promise<any> }} subs
 * @param {number} idleMs
 * @param {(state: any) => boolean} [done]
 */
async function quiet(subs, idleMs, done = () => false) {
  let state = await subs.call('warmState');
  for (let idleSince = Date.now(); !done(state) && Date.now() - idleSince < idleMs; ) {
    await sleep(250);
    const next = await subs.call('warmState');
    if (next.arrivals !== state.arrivals) idleSince = Date.now();
    state = next;
  }
  return state;
}

/**
 * Subscriptions: S graphql-ws clients in a child process, subscriber i in tenant i mod N; each subscribes to
 * leadChanged and loads the lead's name and status label per event (what a list view refreshes). E events/s are
 * published round-robin over the tenants that have subscribers: with Redis by a publisher child of its own (as the
 * API processes where the mutations happen would), without it by the API child on its in-process bus. Memory per subscription is the API
 * child's resident-set growth (after a full GC on both sides of the measurement) divided by S.
 *
 * @param {{ api: { info: { url: string }, call: (m: string, a?: unknown, t?: number) => Promise<any> }, env: Record<string, string>,
 *   tenants: Array<{ id: string, token: string, leadIds: string[] }>, opts: import('./options.mjs').Options,
 *   log: (l: string) => void, warnings: string[] }} p
 */
export async function subscriptionPhase({ api, env, tenants, opts, log, warnings }) {
  const S = opts.subscribers;
  if (!S) return null;
  const N = tenants.length;
  const tokens = Array.from({ length: S }, (_, i) => tenants[i % N].token);
  const targets = tenants.slice(0, Math.min(N, S)).map((t) => ({ tenantId: t.id, leadId: t.leadIds[0] }));
  /** Subscribers of target j: the i < S with i ≡ j (mod N). */
  const perTarget = targets.map((_, j) => Math.floor((S - 1 - j) / N) + 1);

  const before = await api.call('gc');
  const subs = await startChild('subscribers', path.join(BENCH_DIR, 'clients', 'subscribers.mjs'), { verbose: opts.verbose });
  const publisherChild = env.REDIS_URL
    ? await startChild('publisher', path.join(BENCH_DIR, 'clients', 'publisher.mjs'), { verbose: opts.verbose, args: { redisUrl: env.REDIS_URL, prefix: env.REDIS_PREFIX } })
    : undefined;
  const publisher = publisherChild ?? api;
  try {
    log(`opening ${S} subscriptions`);
    const c = await subs.call('connect', { url: api.info.url, query: API.subscription, tokens });
    log(`${c.connected} subscriptions open in ${round(c.seconds, 1)} s${c.failed ? `, ${c.failed} failed: ${c.firstError}` : ''}`);
    if (c.failed) warnings.push(`${c.failed} of ${S} subscriptions failed to open: ${c.firstError}`);
    if (!c.connected) throw new Error(`no subscription could be opened: ${c.firstError}`);

    // A subscription is live once the server has subscribed it to the bus; only an event can tell. One warm-up
    // event per tenant, then again only for tenants with a subscriber that has not seen one, each time after the
    // previous round stopped arriving: a slow server is never handed a backlog to carry into the measurement.
    const deadline = Date.now() + 120_000 + S * 50;
    let pending = targets;
    for (;;) {
      await publisher.call('publish', { targets: pending, once: true, fields: ['warmup'] });
      const state = await quiet(subs, 1000, (st) => !st.unwarmed.length);
      if (!state.unwarmed.length) break;
      if (Date.now() > deadline) throw new Error(`only ${c.connected - state.unwarmed.length} of ${c.connected} subscriptions went live`);
      pending = [...new Set(state.unwarmed.map((/** @type {number} */ i) => i % N))].map((j) => targets[j]);
    }
    await quiet(subs, 1000);
    const after = await api.call('gc');
    await subs.call('reset');

    const seconds = opts.duration * 2;
    const statsBefore = await api.call('stats');
    log(`publishing ${opts.events} events/s for ${seconds} s to ${targets.length} tenants`);
    const pub = await publisher.call('publish', { targets, rate: opts.events, seconds, fields: ['name'] }, (seconds + 120) * 1000);
    let expected = 0;
    for (let k = 0; k < pub.published; k++) expected += perTarget[k % targets.length];
    if (c.failed) expected = Math.round((expected * c.connected) / S);

    // Drain: until everything arrived, or nothing more arrives.
    await quiet(subs, 5000, (st) => st.received >= expected);
    const report = await subs.call('report');
    const statsAfter = await api.call('stats');
    // Per delivered event, everything the API sent to PostgreSQL meanwhile: the exact cost, whatever the machine's load.
    const perDelivery = (/** @type {string} */ k) => (report.received ? round((statsAfter[k] - statsBefore[k]) / report.received, 2) : null);
    log(`delivered ${report.received} of ${expected}: p50 ${report.p50} ms, p95 ${report.p95} ms; per delivery ${perDelivery('wireStatements')} statements (${perDelivery('tenantStatements')} in the tenant)`);
    log(`delivery p95 by second: ${report.bySecond.map((/** @type {any} */ b) => b.p95).join(', ')} ms`);
    if (report.received < expected) warnings.push(`subscriptions received ${report.received} of ${expected} deliveries`);
    if (report.errors) warnings.push(`subscriptions saw ${report.errors} errors, first: ${report.firstError}`);
    if (pub.seconds > seconds * 1.1) warnings.push(`publishing ${pub.published} events took ${round(pub.seconds, 1)} s instead of ${seconds} s: the publisher was saturated`);
    return {
      requested: S,
      connected: c.connected,
      failed: c.failed,
      tenants: targets.length,
      events_per_s: opts.events,
      publisher: publisherChild ? 'a process of its own, through Redis' : 'the API process, on its in-process bus',
      seconds,
      published: pub.published,
      expected,
      received: report.received,
      p50: report.p50,
      p95: report.p95,
      p99: report.p99,
      by_second: report.bySecond,
      errors: report.errors,
      closed_early: report.closedEarly,
      tenant_statements_per_delivery: perDelivery('tenantStatements'),
      wire_statements_per_delivery: perDelivery('wireStatements'),
      connect_seconds: round(c.seconds, 2),
      rss_per_subscription_kb: round((after.rss - before.rss) / 1024 / c.connected, 1),
      heap_per_subscription_kb: round((after.heapUsed - before.heapUsed) / 1024 / c.connected, 1),
      selection: API.subscription,
    };
  } finally {
    await subs.call('close', {}, 60_000).catch(() => undefined);
    await subs.stop();
    await publisherChild?.stop();
  }
}
