/**
 * Bench child: S graphql-ws clients (one websocket and one subscription each) against the API, so the load
 * generator's event loop is not the one receiving. Each records how long each event took from the moment it
 * was due to be published (the event's `at`) to its arrival here.
 */
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { ready, serveIpc } from '../lib/ipc.mjs';
import { latencySummary } from '../lib/stats.mjs';

/** @type {Array<{ client: import('graphql-ws').Client, warmed: boolean, index: number }>} */
const subs = [];
/** @type {number[]} */
let latencies = [];
/** When each of `latencies`' events was due (ms since the epoch), for the per-second breakdown. */
/** @type {number[]} */
let dueAt = [];
/** Every event received, warm-up ones included (progress, while a backlog drains). */
let arrivals = 0;
let errors = 0;
let closedEarly = 0;
/** @type {string | undefined} */
let firstError;

const noteError = (/** @type {unknown} */ e) => {
  errors++;
  firstError ??= typeof e === 'string' ? e : JSON.stringify(e, Object.getOwnPropertyNames(e ?? {})).slice(0, 500);
};

/**
 * @param {string} url
 * @param {string} token
 * @param {string} query
 * @param {number} index the subscriber's number (it is in tenant index mod N)
 */
function subscribe(url, token, query, index) {
  return new Promise((resolve) => {
    const entry = { client: /** @type {any} */ (null), warmed: false, index };
    let settled = false;
    const settle = (/** @type {boolean} */ ok) => {
      if (settled) return;
      settled = true;
      resolve(ok ? entry : null);
    };
    entry.client = createClient({
      url: url.replace(/^http/, 'ws') + '/graphql',
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${token}` },
      lazy: false,
      retryAttempts: 0,
      onNonLazyError: (e) => {
        noteError(e);
        settle(false);
      },
      on: {
        connected: () => settle(true),
        closed: (e) => {
          if (settled) closedEarly++;
          else noteError(/** @type {any} */ (e)?.reason ?? 'closed before connecting');
          settle(false);
        },
      },
    });
    entry.client.subscribe(
      { query },
      {
        next: (value) => {
          if (value.errors) return noteError(value.errors);
          const ev = /** @type {any} */ (value.data)?.leadChanged;
          if (!ev) return noteError(value);
          arrivals++;
          if (ev.fields.includes('warmup')) entry.warmed = true;
          else {
            const at = Date.parse(ev.at);
            latencies.push(Date.now() - at);
            dueAt.push(at);
          }
        },
        error: noteError,
        complete: () => undefined,
      },
    );
  });
}

/**
 * p95 and max per second of publishing (by when each event was due): a tail that is one episode (a major
 * collection, a cold backend) shows as one or two bad seconds, a backlog as seconds that grow.
 */
function bySecond() {
  if (!dueAt.length) return [];
  const first = dueAt.reduce((a, b) => Math.min(a, b));
  /** @type {number[][]} */
  const buckets = [];
  dueAt.forEach((at, i) => (buckets[Math.floor((at - first) / 1000)] ??= []).push(latencies[i]));
  return Array.from(buckets, (b = []) => ({ n: b.length, ...latencySummary(b), max: b.length ? Math.max(...b) : null }));
}

serveIpc({
  /** Opens every subscription, `batch` connection handshakes at a time. */
  connect: async ({ url, query, tokens, batch = 100 }) => {
    const started = Date.now();
    let failed = 0;
    for (let i = 0; i < tokens.length; i += batch) {
      const opened = await Promise.all(tokens.slice(i, i + batch).map((/** @type {string} */ t, /** @type {number} */ k) => subscribe(url, t, query, i + k)));
      for (const s of opened) s ? subs.push(s) : failed++;
    }
    return { connected: subs.length, failed, seconds: (Date.now() - started) / 1000, firstError };
  },
  /** Which subscriptions have not seen a warm-up event yet (by index), and how many events arrived in all. */
  warmState: () => ({ unwarmed: subs.filter((s) => !s.warmed).map((s) => s.index), arrivals, received: latencies.length }),
  reset: () => {
    latencies = [];
    dueAt = [];
    errors = 0;
    firstError = undefined;
    return true;
  },
  report: () => ({ received: latencies.length, arrivals, ...latencySummary(latencies), bySecond: bySecond(), errors, firstError, closedEarly }),
  close: async () => {
    await Promise.all(subs.map((s) => s.client.dispose()));
    return true;
  },
});
ready({ pid: process.pid });
