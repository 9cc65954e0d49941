import type { Config } from './config/env';
import { createApp, type App } from './app';
import { buildApiSchema } from './graphql/schema';
import { JobQueue } from './jobs/queue';
import { startProvisionWorker } from './jobs/provision-tenant.job';
import { startAuditRetention, type AuditRetentionScheduler } from './jobs/audit-retention.job';
import { createPlatform, type Platform, type PlatformOptions } from './platform';
import { createServices, type Services } from './services';
import { warnIfFileBudgetShort } from './tenancy/file-budget';

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
  try {
    await jobs.start();
    if (opts.workers !== false) await startProvisionWorker(jobs, platform);
    if (opts.workers !== false) retention = await startAuditRetention(jobs, platform);
    const services = createServices(platform, jobs);
    const schema = await buildApiSchema();
    const app = await createApp(platform, services, schema, { webDir: opts.webDir });
    await warnIfFileBudgetShort(platform.db, platform.batchReader.laneCount, platform.logger);
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
          await app.stop();
          await retention?.stop();
          await jobs.stop();
          await platform.close();
        })()),
    };
  } catch (err) {
    await retention?.stop().catch(() => undefined);
    await jobs.stop().catch(() => undefined);
    await platform.close();
    throw err;
  }
}
