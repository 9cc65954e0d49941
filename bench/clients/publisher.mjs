/**
 * Bench child: publishes the subscription test's lead events to Redis from a process of its own, as the API
 * processes where mutations happen would, so the API process under test only receives and delivers. Used when the
 * run has Redis; without it the API child publishes on its in-process bus (bench/lib/publish.mjs).
 */
import { apiRequire, loadApi } from '../lib/app-env.mjs';
import { childArgs, fail, ready, serveIpc } from '../lib/ipc.mjs';
import { eventPublisher } from '../lib/publish.mjs';

/** @type {{ redisUrl: string, prefix: string }} */
const args = childArgs();

async function main() {
  const { Redis } = apiRequire()('ioredis');
  const { tenantChannel, Topic } = loadApi('graphql/topics');
  const redis = new Redis(args.redisUrl, { maxRetriesPerRequest: 2 });
  const publish = eventPublisher(
    (channel, message) => redis.publish(channel, message),
    (tenantId) => tenantChannel(args.prefix, tenantId, Topic.LEAD_CHANGED),
  );
  serveIpc({ publish }, () => redis.quit());
  ready({});
}

main().catch(fail);
