import type PgBoss from 'pg-boss';
import type { Platform } from '../platform';
import { purgeExpiredBatch } from '../modules/audit/audit.service';
import { assertUuid } from '../tenancy/names';
import { gate } from '../tenancy/resolvers';
import { withTenant } from '../tenancy/with-tenant';
import type { JobQueue } from './queue';

export const AUDIT_RETENTION_QUEUE = 'audit-retention';

/** One job per tenant: the job names its tenant, the worker never infers it. */
export interface AuditRetentionJobData {
  tenantId: string;
}

const QUEUE_OPTIONS = { retryLimit: 3, retryDelay: 60, retryBackoff: true, expireInSeconds: 900 } as const;
/** pg-boss refuses a singleton window longer than its archive interval (12 h): a day is two windows. */
const SINGLETON_WINDOW_S = 43_200;

export interface PurgeOptions {
  /** Rows per batch; each batch is its own short tenant transaction. */
  batchSize?: number;
  /** Stop after this many batches; what is left goes at the next run. */
  maxBatches?: number;
}

export interface PurgeResult {
  deleted: number;
  batches: number;
  /** Why nothing was done (the tenant is unknown, suspended...). */
  skipped?: string;
}

/**
 * Deletes the tenant's audit entries older than its retention (tenant_settings), oldest first, in batches. Each
 * batch is one withTenant unit of this tenant only, so a long purge never holds one long transaction and a crash
 * loses at most a batch's progress (the next run redoes it).
 */
export async function purgeTenant(platform: Platform, tenantId: string, opts: PurgeOptions = {}): Promise<PurgeResult> {
  const batchSize = Math.max(1, opts.batchSize ?? 5000);
  const maxBatches = Math.max(1, opts.maxBatches ?? 200);
  const tenant = await platform.registry.byId(assertUuid(tenantId));
  const gated = gate(tenant);
  if (gated.denied) return { deleted: 0, batches: 0, skipped: gated.denied.code };
  let deleted = 0;
  let batches = 0;
  while (batches < maxBatches) {
    const n = await withTenant(platform.openSession, gated.tenant!, () => purgeExpiredBatch(batchSize));
    batches++;
    deleted += n;
    if (n < batchSize) break;
  }
  if (deleted) platform.logger.info('audit entries purged', { tenant: gated.tenant!.slug, deleted, batches });
  return { deleted, batches };
}

export function createAuditRetentionQueue(queue: JobQueue, name = AUDIT_RETENTION_QUEUE): Promise<void> {
  return queue.ensureQueue(name, QUEUE_OPTIONS);
}

/**
 * Enqueues the tenant's purge for `day` (UTC); null when pg-boss refused it as a duplicate. The singleton key names
 * the tenant and the day, and singletonSeconds makes pg-boss refuse another job with that key in the same 12-hour
 * window, whichever process asks: at most two purges per tenant and day across the fleet (the purge is idempotent).
 */
export async function enqueueRetention(queue: JobQueue, tenantId: string, day = new Date(), name = AUDIT_RETENTION_QUEUE): Promise<string | null> {
  await createAuditRetentionQueue(queue, name);
  const data: AuditRetentionJobData = { tenantId: assertUuid(tenantId) };
  const key = `${data.tenantId}:${day.toISOString().slice(0, 10)}`;
  return queue.boss.send(name, data, { ...QUEUE_OPTIONS, singletonKey: key, singletonSeconds: SINGLETON_WINDOW_S });
}

/** `name`: the queue to serve; tests give their own, so no other process's worker takes their jobs. */
export async function startAuditRetentionWorker(queue: JobQueue, platform: Platform, name = AUDIT_RETENTION_QUEUE): Promise<string> {
  await createAuditRetentionQueue(queue, name);
  return queue.boss.work<AuditRetentionJobData>(
    name,
    { pollingIntervalSeconds: platform.config.jobs.pollIntervalS, batchSize: 1 },
    async ([job]: PgBoss.Job<AuditRetentionJobData>[]) => {
      if (!job) return;
      await purgeTenant(platform, job.data.tenantId);
    },
  );
}

export interface SchedulerOptions {
  /** How often every active tenant's purge is enqueued (default hourly); the singleton key keeps it to one or two a day. */
  intervalMs?: number;
  /** The first round after start; short so frequent deploys still purge, not zero so a boot storm stays calm. */
  firstRunMs?: number;
  /** The queue to fill (default audit-retention). */
  queueName?: string;
}

/**
 * pg-boss's own scheduler is off in this app (schedule: false), so a plain in-process timer enqueues one purge job
 * per active tenant. Every API process may run one: the per-tenant-per-day singleton makes the extra rounds no-ops.
 */
export class AuditRetentionScheduler {
  private timer?: NodeJS.Timeout;
  private running?: Promise<number>;
  /** Keys this process already enqueued: the hourly rounds of one day cost one query, not one insert per tenant. */
  private readonly sent = new Set<string>();

  constructor(
    private readonly queue: JobQueue,
    private readonly platform: Platform,
    private readonly opts: SchedulerOptions = {},
  ) {}

  start(): void {
    if (this.timer) return;
    const interval = this.opts.intervalMs ?? 3_600_000;
    const round = () => {
      this.running ??= this.tick()
        .catch((err: Error) => {
          this.platform.logger.error('audit retention round failed', { err: err.message });
          return 0;
        })
        .finally(() => (this.running = undefined));
    };
    this.timer = setTimeout(() => {
      round();
      this.timer = setInterval(round, interval);
      this.timer.unref();
    }, this.opts.firstRunMs ?? 300_000);
    this.timer.unref();
  }

  /** Enqueues today's purge for every active tenant; returns how many jobs were new. */
  async tick(day = new Date()): Promise<number> {
    const tenants = await this.platform.db.rows<{ id: string }>(`select id from control.tenants where status = 'active' order by id`);
    const today = day.toISOString().slice(0, 10);
    for (const key of this.sent) if (!key.endsWith(today)) this.sent.delete(key);
    let enqueued = 0;
    for (const t of tenants) {
      const key = `${t.id}:${today}`;
      if (this.sent.has(key)) continue;
      if (await enqueueRetention(this.queue, t.id, day, this.opts.queueName)) enqueued++;
      this.sent.add(key);
    }
    return enqueued;
  }

  /** Stops the timer and waits for a round in flight (so the queue can stop after it). */
  async stop(): Promise<void> {
    clearTimeout(this.timer);
    clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }
}

/** The worker and the scheduler of one process. */
export async function startAuditRetention(queue: JobQueue, platform: Platform, opts: SchedulerOptions = {}): Promise<AuditRetentionScheduler> {
  await startAuditRetentionWorker(queue, platform, opts.queueName);
  const scheduler = new AuditRetentionScheduler(queue, platform, opts);
  scheduler.start();
  return scheduler;
}
