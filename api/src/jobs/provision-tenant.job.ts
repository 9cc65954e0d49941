import type PgBoss from 'pg-boss';
import type { Config } from '../config/env';
import type { Queryable } from '../db/control-db';
import type { Platform } from '../platform';
import { assertUuid } from '../tenancy/names';
import type { JobQueue } from './queue';

export const PROVISION_QUEUE = 'tenant-provision';
/** Where pg-boss moves a provisioning job that failed for good, including one whose worker died on its last try. */
export const PROVISION_DEAD_QUEUE = 'tenant-provision-dead';

/** The job names its tenant explicitly: a worker never infers it from whatever ran before. */
export interface ProvisionJobData {
  tenantId: string;
}

const QUEUE_OPTIONS = {
  retryDelay: 1,
  retryBackoff: true,
  // A worker that dies mid-job leaves it active; after this it is retried elsewhere.
  expireInSeconds: 120,
} as const;

/**
 * Retry policy stamped on each job when it is sent. pg-boss keeps a queue's options from the first
 * createQueue forever (ON CONFLICT DO NOTHING), so a changed PROVISION_MAX_ATTEMPTS would otherwise never apply.
 */
export function provisionJobOptions(config: Config): PgBoss.SendOptions {
  return { ...QUEUE_OPTIONS, retryLimit: config.jobs.provisionMaxAttempts - 1, deadLetter: PROVISION_DEAD_QUEUE };
}

export async function createProvisionQueue(queue: JobQueue, platform: Platform): Promise<void> {
  await queue.ensureQueue(PROVISION_DEAD_QUEUE, { retryLimit: 5, retryDelay: 5 });
  await queue.ensureQueue(PROVISION_QUEUE, { ...provisionJobOptions(platform.config) });
}

/** Enqueues provisioning inside the caller's control-plane transaction (the queue must exist: createProvisionQueue). */
export function enqueueProvisioning(queue: JobQueue, q: Queryable, config: Config, tenantId: string): Promise<string> {
  const data: ProvisionJobData = { tenantId: assertUuid(tenantId) };
  return queue.sendInTx<ProvisionJobData>(q, PROVISION_QUEUE, data, { ...provisionJobOptions(config), singletonKey: data.tenantId });
}

/**
 * Provisions the tenant named in the job. A failure rolls the whole provisioning transaction back;
 * pg-boss retries it, and the last attempt marks the tenant `failed` so it is never half-served.
 */
export async function startProvisionWorker(queue: JobQueue, platform: Platform): Promise<string> {
  await createProvisionQueue(queue, platform);
  // A worker that dies during the last attempt never reaches the catch below: pg-boss fails the job by timeout
  // and moves it here, and the tenant is marked failed instead of staying `provisioning` forever.
  await queue.boss.work<ProvisionJobData>(PROVISION_DEAD_QUEUE, { pollingIntervalSeconds: platform.config.jobs.pollIntervalS, batchSize: 1 }, async ([job]) => {
    if (!job) return;
    await platform.provisioner.markFailed(assertUuid(job.data.tenantId), 'provisioning did not finish (its last attempt timed out or failed)');
  });
  return queue.boss.work<ProvisionJobData>(
    PROVISION_QUEUE,
    { pollingIntervalSeconds: platform.config.jobs.pollIntervalS, batchSize: 1, includeMetadata: true },
    async ([job]: PgBoss.JobWithMetadata<ProvisionJobData>[]) => {
      if (!job) return;
      const { tenantId } = job.data;
      try {
        await platform.provisioner.provision(tenantId);
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        const attempt = job.retryCount + 1;
        const last = job.retryCount >= job.retryLimit;
        platform.logger.warn('provisioning attempt failed', { tenantId, attempt, attempts: job.retryLimit + 1, error: message });
        if (last) {
          await platform.provisioner.markFailed(tenantId, message).catch((e: Error) =>
            platform.logger.error('could not mark tenant failed', { tenantId, error: e.message }),
          );
        }
        throw err;
      }
    },
  );
}
