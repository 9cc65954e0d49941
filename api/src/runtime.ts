import type { Config } from './config/env';
import { createApp, type App } from './app';
import { buildApiSchema } from './graphql/schema';
import { JobQueue } from './jobs/queue';
import { startProvisionWorker } from './jobs/provision-tenant.job';
import { startAuditRetention, type AuditRetentionScheduler } from './jobs/audit-retention.job';
import { createPlatform, type Platform, type PlatformOptions } from './platform';
import { createServices, type Services } from './services';
import { sizeReadLanes, warnIfShort } from './tenancy/file-budget';

/** How often the read lanes are sized again to the number of tenants (a count over control.tenants). */
const LANE_RESIZE_EVERY_MS = 5 * 60_000;

export interface Runtime {
  platform: Platform;
  services: Services;
  jobs: JobQueue;
  app: App;
  url: string;
  close(): Promise<void>;
}

/** A whole API process: platform, job workers, HTTP + websocket server. Used by main.ts and by tests. */
export async function startRuntime(
  config: Config,
  opts: { platform?: PlatformOptions; port?: number; host?: string; workers?: boolean; webDir?: string } = {},
): Promise<Runtime> {
  const platform = await createPlatform(config, opts.platform);
  const jobs = new JobQueue(platform);
  let retention: AuditRetentionScheduler | undefined;
  let lanesTimer: NodeJS.Timeout | undefined;
  try {
    await jobs.start();
    if (opts.workers !== false) await startProvisionWorker(jobs, platform);
    if (opts.workers !== false) retention = await startAuditRetention(jobs, platform);
    const services = createServices(platform, jobs);
    const schema = await buildApiSchema();
    const app = await createApp(platform, services, schema, { webDir: opts.webDir });
    // Read lanes follow the number of tenants (one per TENANTS_PER_LANE, up to the configured most): sized now, and
    // again every few minutes as tenants are provisioned; the open-file warning once, at the width of the start.
    const auto = !config.db.readLanes;
    const budget = await sizeReadLanes(platform.db, platform.batchReader, auto);
    if (budget) warnIfShort(budget, platform.logger);
    if (auto) {
      lanesTimer = setInterval(() => {
        const before = platform.batchReader.laneCount;
        void sizeReadLanes(platform.db, platform.batchReader, true).then((b) => {
          const now = platform.batchReader.laneCount;
          if (b && now !== before) platform.logger.info('read lanes resized to the number of tenants', { from: before, to: now, tenantSchemas: b.tenantSchemas });
        });
      }, LANE_RESIZE_EVERY_MS);
      lanesTimer.unref();
    }
    const port = await app.listen(opts.port ?? config.http.port, opts.host ?? config.http.host);
    const url = config.http.publicUrl ?? `http://localhost:${port}`;
    let closing: Promise<void> | undefined;
    return {
      platform,
      services,
      jobs,
      app,
      url,
      close: () =>
        (closing ??= (async () => {
          clearInterval(lanesTimer);
          await app.stop();
          await retention?.stop();
          await jobs.stop();
          await platform.close();
        })()),
    };
  } catch (err) {
    clearInterval(lanesTimer);
    await retention?.stop().catch(() => undefined);
    await jobs.stop().catch(() => undefined);
    await platform.close();
    throw err;
  }
}
