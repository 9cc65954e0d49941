import type { PubSub } from 'type-graphql';
import type { MessageBus } from '../../lib/pubsub';
import { currentTenant, runInScope, type RequestScope } from '../../tenancy/context';
import type { TenantRecord } from '../../tenancy/tenant';
import type { TenantBatchReader } from '../../tenancy/batch-read';
import { requireUser, type GraphQLContext, type Principal } from '../context';
import { AppError, ForbiddenError } from '../errors';
import { createLoaders } from '../loaders';
import { Topic, tenantChannel } from '../topics';

/** One bus subscription of this process to a tenant's topic, shared by every subscription listening to it. */
interface Hub {
  listeners: Set<(event: unknown) => void>;
  ready: Promise<() => Promise<void>>;
}

/**
 * Tenant events on the bus, on channels built from the tenant id (graphql/topics.ts). Given to websocket contexts.
 *
 * A process subscribes to a channel once however many subscriptions listen to it, and parses each message once:
 * every listener receives the same frozen event object for one delivery, so work about that delivery can be shared
 * by keying it on the object (a WeakMap, see lead.subscriptions.ts), and two deliveries are never confused even
 * when their messages read the same.
 */
export class TenantEvents {
  private readonly hubs = new Map<string, Hub>();

  constructor(
    private readonly bus: MessageBus,
    private readonly prefix: string,
    /** Reads what an event is about, many events per round trip (tenancy/batch-read.ts). */
    readonly reader: TenantBatchReader,
  ) {}

  async subscribe(tenantId: string, topic: Topic, listener: (event: unknown) => void): Promise<() => Promise<void>> {
    const channel = tenantChannel(this.prefix, tenantId, topic);
    let hub = this.hubs.get(channel);
    if (!hub) {
      const listeners = new Set<(event: unknown) => void>();
      const created: Hub = {
        listeners,
        ready: this.bus.subscribe(channel, (raw) => {
          let event: unknown;
          try {
            event = Object.freeze(JSON.parse(raw));
          } catch {
            return;
          }
          for (const l of listeners) l(event);
        }),
      };
      created.ready.catch(() => {
        if (this.hubs.get(channel) === created) this.hubs.delete(channel);
      });
      this.hubs.set(channel, created);
      hub = created;
    }
    const joined = hub;
    joined.listeners.add(listener);
    try {
      await joined.ready;
    } catch (err) {
      joined.listeners.delete(listener);
      throw err;
    }
    return async () => {
      if (!joined.listeners.delete(listener) || joined.listeners.size > 0) return;
      if (this.hubs.get(channel) === joined) this.hubs.delete(channel);
      await (await joined.ready)();
    };
  }
}

/** The websocket context: the HTTP context (same factory) plus the event source subscriptions read from. */
export interface SubscriptionContext extends GraphQLContext {
  events: TenantEvents;
}

export interface TenantEvent {
  tenantId: string;
}

/**
 * Runs per event, before it is delivered, in the event's tenant transaction with the subscriber's fresh context:
 * returns the event to deliver (possibly with data it loaded), or null to drop it, e.g. when the subscriber may not
 * see what it is about. `accept` filters cheaply on the bus message; this is where a decision needing SQL goes.
 */
export type EventPreparer<E> = (event: E, ctx: GraphQLContext) => Promise<E | null>;

/** A subscriber that does not keep up is cut off rather than buffered without bound. */
export const MAX_BACKLOG = 1000;

/**
 * How long a membership check (and the permissions read with it) stays good for a subscription when no
 * permissions-changed signal arrived meanwhile: the bound on staleness should a signal be lost (its publication is
 * best effort, and a Redis reconnection drops what was published during the gap).
 */
export const MEMBERSHIP_MAX_AGE_MS = 5000;

export enum SubscriptionErrorCode {
  SUBSCRIPTION_TRANSPORT = 'SUBSCRIPTION_TRANSPORT',
  SUBSCRIBER_TOO_SLOW = 'SUBSCRIBER_TOO_SLOW',
}

type User = Extract<Principal, { kind: 'user' }>;

function eventOver(): never {
  throw new Error('This subscription event is over');
}

/**
 * The subscriber's own tenant events on `topic`, as an async iterator graphql-js executes the selection for.
 *
 * Each event is resolved in its own unit of work. A subscription lives for hours, but a tenant transaction
 * holds a pooled connection, so none may span the wait between events. graphql-js pulls one event at a time
 * (`next()`), executes the selection for it, and graphql-ws sends the result before pulling again; so the
 * pull for event N+1 (or `return()`) is the moment event N is fully emitted. There the previous event's
 * transaction is committed (it only read) and its connection given back, and the next event gets a fresh
 * request scope and fresh DataLoaders: no connection is held while waiting and no cached row outlives its event.
 * `withTenant` could not do this: the nested field resolvers (Lead.status, Lead.owner...) run after the root
 * resolver returns, outside any callback we could wrap.
 *
 * Isolation: the channel is built from the subscriber's tenant id, and each event's `tenantId` is checked again.
 */
export async function tenantEventStream<E extends TenantEvent>(
  ctx: GraphQLContext,
  topic: Topic,
  accept: (event: E, user: User) => boolean,
  prepare?: EventPreparer<E>,
): Promise<AsyncIterableIterator<E>> {
  const { user, tenant } = subscriber(ctx);
  const events = (ctx as Partial<SubscriptionContext>).events;
  if (!events) throw new AppError(SubscriptionErrorCode.SUBSCRIPTION_TRANSPORT, 'Subscriptions are served over the websocket endpoint');
  const openSession = ctx.scope.openSession;

  const inbox: E[] = [];
  let overflow = false;
  let closed = false;
  let wake: (() => void) | undefined;
  let current: RequestScope | undefined;
  // Roles and memberships of the tenant changed (PermissionCache.invalidateTenant, published after the change
  // committed, in whichever process made it): the next event re-checks before anything more is delivered.
  let signals = 0;
  let verified: { signals: number; at: number } | undefined;

  const unsubscribeSignal = await events.subscribe(tenant.id, Topic.PERMISSIONS_CHANGED, () => void signals++);
  const unsubscribe = await events
    .subscribe(tenant.id, topic, (shared) => {
      const event = shared as E;
      if (closed || event?.tenantId !== tenant.id || !accept(event, user)) return;
      if (inbox.length >= MAX_BACKLOG) overflow = true;
      else inbox.push(event);
      wake?.();
    })
    .catch(async (err: unknown) => {
      await unsubscribeSignal().catch(() => undefined);
      throw err;
    });

  // Between events the context points at a scope that can open nothing, and at loaders that were never used: the
  // last event's scope, loaders and rows are left to the young generation instead of being kept until the next event
  // (seconds later at thousands of tenants, long enough to be promoted and make work for the major collector).
  const between: RequestScope = { tenant, openSession: eventOver };
  const idleLoaders = createLoaders(between);

  /** Ends the previous event's unit of work; its scope can open no new transaction afterwards. */
  const endEvent = async () => {
    const scope = current;
    current = undefined;
    if (!scope) return;
    ctx.scope = between;
    ctx.loaders = idleLoaders;
    scope.openSession = eventOver;
    // Read-only work: commit and rollback are the same; a failure here already released or destroyed the connection.
    await scope.session?.finish('commit').catch(() => undefined);
  };

  const end = async () => {
    closed = true;
    wake?.();
    await Promise.all([unsubscribe().catch(() => undefined), unsubscribeSignal().catch(() => undefined)]);
    await endEvent();
  };

  const iterator: AsyncIterableIterator<E> = {
    async next(): Promise<IteratorResult<E>> {
      for (;;) {
        await endEvent();
        while (!closed && !overflow && inbox.length === 0) await new Promise<void>((resolve) => (wake = resolve));
        wake = undefined;
        if (overflow) {
          await end();
          throw new AppError(SubscriptionErrorCode.SUBSCRIBER_TOO_SLOW, `More than ${MAX_BACKLOG} events were waiting: subscribe again`);
        }
        if (closed) return { value: undefined, done: true };
        // Membership is checked per request over HTTP. A long-lived subscription re-checks it before delivering
        // anything once a permissions-changed signal arrived since the last check (a deactivation signals after it
        // committed, so the check sees it, and it stops events already waiting here too), and at the latest
        // MEMBERSHIP_MAX_AGE_MS after the last one. The subscriber's permissions are re-read on the same occasions.
        if (!verified || verified.signals !== signals || Date.now() - verified.at >= MEMBERSHIP_MAX_AGE_MS) {
          const check = { signals, at: Date.now() };
          if (!(await ctx.services.sessions.isActiveMember(tenant.id, user.userId))) {
            await end();
            throw new ForbiddenError('You are no longer a member of this tenant');
          }
          // A signal that arrived during the check leaves it stale (check.signals no longer matches).
          verified = check;
          ctx.permissionCache = undefined;
        }
        // Kept across events until the next check, unless it failed: then the next event reads them again.
        const perms = ctx.permissionCache;
        perms?.catch(() => {
          if (ctx.permissionCache === perms) ctx.permissionCache = undefined;
        });
        current = { tenant, openSession };
        ctx.scope = current;
        ctx.loaders = createLoaders(current);
        const event = inbox.shift()!;
        // In the event's own unit of work: `prepare` may query (as the subscriber) and drop the event.
        let value: E | null = event;
        try {
          if (prepare) value = await runInScope(current, () => prepare(event, ctx));
        } catch (err) {
          await end(); // gives the event's connection back: a failed next() is not followed by return()
          throw err;
        }
        if (value) return { value, done: false };
      }
    },
    async return(): Promise<IteratorResult<E>> {
      // May run while the last event is still executing (the socket closed): its remaining statements then fail
      // with "session already finished" and that result is never sent.
      await end();
      return { value: undefined, done: true };
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
  return iterator;
}

/** An authenticated member of an active tenant, failing with the context's own typed error otherwise. */
function subscriber(ctx: GraphQLContext): { user: User; tenant: TenantRecord } {
  if (ctx.principal?.kind === 'apikey') throw new ForbiddenError('Subscriptions are for signed-in members');
  const user = requireUser(ctx);
  const tenant = runInScope(ctx.scope, currentTenant);
  return { user, tenant };
}

/**
 * type-graphql insists on a PubSub when any @Subscription exists, even though ours bring their own `subscribe`
 * (the bus and channel names live in lib/pubsub.ts and graphql/topics.ts). Topic-based subscriptions are refused.
 */
export const NO_TOPIC_PUBSUB: PubSub = {
  publish() {
    throw new Error('Publish through the MessageBus (lib/pubsub.ts), on a channel from graphql/topics.ts');
  },
  subscribe() {
    throw new Error('Use @Subscription({ subscribe }) with tenantEventStream');
  },
};
