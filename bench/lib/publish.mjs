import { performance } from 'node:perf_hooks';

const sleep = (/** @type {number} */ ms) => new Promise((r) => setTimeout(r, ms));

/**
 * The subscription test's event source: lead events on the tenants' `LEAD_CHANGED` channels, shaped like the ones
 * LeadService publishes after a commit (lead.events.ts). Used by the publisher child (Redis, a process of its own, as
 * mutations in other API processes would publish) and by the API child when there is no Redis (its in-process bus).
 *
 * `once`: one event per target now. Otherwise `rate` events/s for `seconds`, round-robin over the targets, each
 * stamped with the time it was due (not when it went out), so a saturated receiver shows as latency.
 *
 * @param {(channel: string, message: string) => Promise<unknown>} publishRaw
 * @param {(tenantId: string) => string} channelOf
 */
export function eventPublisher(publishRaw, channelOf) {
  /** @param {{ tenantId: string, leadId: string }} t @param {number} at @param {string[]} fields */
  const publishOne = (t, at, fields) => {
    const event = { tenantId: t.tenantId, leadId: t.leadId, kind: 'updated', actorId: null, ownerId: null, previousOwnerId: null, fields, at: new Date(at).toISOString() };
    return publishRaw(channelOf(t.tenantId), JSON.stringify(event));
  };
  /** @param {{ targets: Array<{ tenantId: string, leadId: string }>, rate?: number, seconds?: number, once?: boolean, fields: string[] }} a */
  return async ({ targets, rate = 1, seconds = 1, once, fields }) => {
    if (once) {
      await Promise.all(targets.map((t) => publishOne(t, Date.now(), fields)));
      return { published: targets.length };
    }
    const total = Math.round(rate * seconds);
    const startWall = Date.now();
    const start = performance.now();
    let published = 0;
    while (published < total) {
      const due = Math.min(total, Math.floor(((performance.now() - start) / 1000) * rate) + 1);
      const batch = [];
      for (; published < due; published++) batch.push(publishOne(targets[published % targets.length], startWall + (published / rate) * 1000, fields));
      await Promise.all(batch);
      await sleep(5);
    }
    return { published, seconds: (performance.now() - start) / 1000 };
  };
}
