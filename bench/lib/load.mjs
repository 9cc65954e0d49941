import { requireBenchDep } from './deps.mjs';
import { latencySummary, round } from './stats.mjs';

/**
 * One load measurement with autocannon's programmatic API. Latency percentiles are computed here from every
 * response time (autocannon's own table has no p95). A GraphQL error still answers 200, so each body is checked
 * for "errors" too (autocannon's verifyBody → mismatches).
 *
 * @typedef {{ url: string, path: string, body?: string, headers?: Record<string, string>,
 *   setupRequest?: (req: any) => any }} Target
 * @typedef {{ rps: number, p50: number, p95: number, p99: number, samples: number, requests: number,
 *   non2xx: number, errors: number, timeouts: number, graphqlErrors: number, cpu_us_per_request?: number }} Measurement
 */

/**
 * One autocannon run; response times are appended to `times`.
 * @param {Target} target
 * @param {{ connections: number, duration: number, connectionRate?: number, amount?: number }} load
 * @param {number[]} times
 */
async function run(target, load, times) {
  const autocannon = requireBenchDep('autocannon');
  const instance = autocannon({
    url: target.url,
    connections: load.connections,
    duration: load.duration,
    amount: load.amount,
    connectionRate: load.connectionRate,
    timeout: 30,
    verifyBody: (/** @type {string} */ body) => !body.includes('"errors"'),
    requests: [
      {
        method: 'POST',
        path: target.path,
        headers: { 'content-type': 'application/json', ...target.headers },
        body: target.body,
        setupRequest: target.setupRequest,
      },
    ],
  });
  instance.on('response', (/** @type {unknown} */ _client, /** @type {number} */ _status, /** @type {number} */ _bytes, /** @type {number} */ ms) => times.push(ms));
  return instance;
}

/**
 * @param {any[]} results autocannon results of runs that each lasted `duration` s
 * @param {number[]} times
 * @param {number} duration
 * @returns {Measurement}
 */
function combine(results, times, duration) {
  const sum = (/** @type {(r: any) => number} */ f) => results.reduce((n, r) => n + (f(r) ?? 0), 0);
  return {
    rps: round(sum((r) => r['2xx']) / duration, 1),
    ...latencySummary(times),
    requests: sum((r) => r.requests.total),
    non2xx: sum((r) => r.non2xx),
    errors: sum((r) => r.errors),
    timeouts: sum((r) => r.timeouts),
    graphqlErrors: sum((r) => r.mismatches),
  };
}

/**
 * Closed loop: `connections` connections, each sending its next request when the previous one answered.
 * @param {Target} target
 * @param {{ connections: number, duration: number }} load
 * @returns {Promise<Measurement>}
 */
export async function measure(target, load) {
  /** @type {number[]} */
  const times = [];
  const r = await run(target, load, times);
  return combine([r], times, r.duration);
}

/**
 * Exactly `amount` requests over `connections` connections, as fast as they answer (autocannon's `amount`, which
 * overrides the duration); the rate is over the time they took.
 * @param {Target} target
 * @param {{ connections: number, amount: number }} load
 * @returns {Promise<Measurement & { seconds: number }>}
 */
export async function measureAmount(target, load) {
  /** @type {number[]} */
  const times = [];
  const r = await run(target, { ...load, duration: 600 }, times);
  return { ...combine([r], times, r.duration), seconds: round(r.duration, 2) };
}

/**
 * A fixed rate, evenly spread. autocannon's own rate limit refills every connection's quota at the same instant
 * each second, so all connections would fire together (a burst of `connections` requests once a second, and
 * latencies that measure the burst). Here each connection is its own autocannon run with its share of the
 * rate, started 1/C s after the previous one, so the requests arrive spread over the second.
 * @param {Target} target
 * @param {{ connections: number, duration: number, rate: number }} load
 * @returns {Promise<Measurement>}
 */
export async function measureAtRate(target, load) {
  const c = Math.max(1, Math.min(load.connections, load.rate));
  /** @type {number[]} */
  const times = [];
  const runs = Array.from({ length: c }, (_, i) => {
    const connectionRate = Math.floor(load.rate / c) + (i < load.rate % c ? 1 : 0);
    return new Promise((resolve) => setTimeout(resolve, (i * 1000) / c)).then(() => run(target, { connections: 1, duration: load.duration, connectionRate }, times));
  });
  return combine(await Promise.all(runs), times, load.duration);
}

/** Same body for every request. @param {string} url @param {string} path @param {string} body @param {string} [token] @returns {Target} */
export function fixed(url, path, body, token) {
  return { url, path, body, headers: token ? { authorization: `Bearer ${token}` } : {} };
}

/**
 * A fresh request each time from `make()` (another tenant's token, another lead id...).
 * @param {string} url @param {string} path @param {() => { body: string, token?: string }} make @returns {Target}
 */
export function varying(url, path, make) {
  return {
    url,
    path,
    setupRequest: (req) => {
      const { body, token } = make();
      return { ...req, body, headers: token ? { ...req.headers, authorization: `Bearer ${token}` } : req.headers };
    },
  };
}

/** @template T @param {T[]} xs @returns {T} */
export const pick = (xs) => xs[Math.floor(Math.random() * xs.length)];
