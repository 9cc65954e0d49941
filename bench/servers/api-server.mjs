/**
 * Bench child: our API, started exactly as main.ts starts it (startRuntime) with a bench-only side channel
 * (IPC, bench/lib/ipc.mjs) for what the load generator cannot see:
 *   stats    tenant statements seen by PlatformOptions.onStatement, and every statement any pg client sent
 *            (BEGIN/COMMIT, tenant selection and the control-plane auth queries included); memory; pool use
 *   gc       a full garbage collection (the child runs with --expose-gc), then memory
 *   publish  lead events on the tenants' bus channels at a fixed rate (the subscription test without Redis)
 *   stop     runtime.close(), then exit (bench/lib/ipc.mjs says why not a signal)
 * Job workers are off: provisioning was measured by the seed child, and pollers would add statements.
 */
import { childArgs, fail, ready, serveIpc } from '../lib/ipc.mjs';
import { apiRequire, loadApi, REPO_ROOT } from '../lib/app-env.mjs';
import { eventPublisher } from '../lib/publish.mjs';

/**
 * @type {{ env: Record<string, string>, root?: string, applicationName?: string }} root: another checkout's API (--baseline);
 * applicationName: its connections' application_name, which tells ours and the baseline's backends apart
 */
const args = childArgs();
const root = args.root ?? REPO_ROOT;

let tenantStatements = 0;
let wireStatements = 0;
const pg = apiRequire(root)('pg');
const originalQuery = pg.Client.prototype.query;
pg.Client.prototype.query = function countedQuery(...a) {
  wireStatements++;
  return originalQuery.apply(this, a);
};

const { loadConfig } = loadApi('config/env', root);
const { createLogger } = loadApi('lib/logger', root);
const { startRuntime } = loadApi('runtime', root);
const { tenantChannel, Topic } = loadApi('graphql/topics', root);

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function memory() {
  const m = process.memoryUsage();
  return { rss: m.rss, heapUsed: m.heapUsed, external: m.external };
}

async function main() {
  const config = loadConfig(args.env, {});
  const logger = createLogger(config.logLevel, false);
  const runtime = await startRuntime(config, {
    port: 0,
    host: '127.0.0.1',
    workers: false,
    platform: { logger, applicationName: args.applicationName ?? 'leadplane-bench-api', onStatement: () => void tenantStatements++ },
  });
  const { bus } = runtime.platform;
  const prefix = config.redis.prefix;
  const { pool } = runtime.platform;
  const poolState = () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount });

  const publish = eventPublisher(
    (channel, message) => bus.publish(channel, message),
    (tenantId) => tenantChannel(prefix, tenantId, Topic.LEAD_CHANGED),
  );

  serveIpc({
    stats: () => {
      const cpu = process.cpuUsage();
      // The batch reader's counts (lane messages, reads, spills); a baseline from before them has none.
      const reader = runtime.platform.batchReader.counts ?? null;
      return { tenantStatements, wireStatements, ...memory(), pool: poolState(), cpuUs: cpu.user + cpu.system, reader: reader && { ...reader } };
    },
    gc: async () => {
      for (let i = 0; i < 3; i++) {
        globalThis.gc?.();
        await sleep(50);
      }
      return memory();
    },
    /** Lead events on this process's bus (the run without Redis; with Redis a publisher child does it). */
    publish,
  }, () => runtime.close());

  // PostgreSQL's open-file budget for this many tenant schemas (ADR 0011); a baseline from before it has no such module.
  let fileBudget = null;
  try {
    fileBudget = await loadApi('tenancy/file-budget', root).fileBudget(runtime.platform.db, runtime.platform.batchReader.laneCount);
  } catch {
    /* not measured */
  }
  ready({ url: `http://127.0.0.1:${runtime.app.httpServer.address().port}`, fileBudget });
}

main().catch(fail);
