import type PgBoss from 'pg-boss';
import type { Platform } from '../platform';
import type { JobQueue } from './queue';

export const PROVISION_QUEUE = 'tenant-provision';

export interface ProvisionJobData {
  tenantId: string;
}

export async function createProvisionQueue(queue: JobQueue, platform: Platform): Promise<void> {
  const attempts = platform.config.jobs.provisionMaxAttempts;
  await queue.boss.createQueue(PROVISION_QUEUE, {
    name: PROVISION_QUEUE,
    retryLimit: attempts - 1,
    retryDelay: 1,
    retryBackoff: true,
    // A worker that dies mid-job leaves it active; after this it is retried elsewhere.
    expireInSeconds: 120,
  });
}

/**
 * Provisions the tenant named in the job. A failure rolls the whole provisioning transaction back;
 * pg-boss retries it, and the last attempt marks the tenant `failed` so it is never half-served.
 */
export async function startProvisionWorker(queue: JobQueue, platform: Platform): Promise<string> {
  await createProvisionQueue(queue, platform);
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
        platform.logger.warn('provisioning attempt failed', { tenantId, attempt: job.retryCount + 1, error: message });
        if (job.retryCount >= job.retryLimit) await platform.provisioner.markFailed(tenantId, message);
        throw err;
      }
    },
  );
}
