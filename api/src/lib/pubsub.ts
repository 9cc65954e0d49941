import { EventEmitter } from 'node:events';
import type { Redis } from 'ioredis';

/**
 * A message bus for cross-process fan-out: Redis pub/sub when REDIS_URL is set, in-process otherwise.
 * Channel names are built elsewhere (graphql/topics.ts), always from a tenant id and a topic.
 */
export interface MessageBus {
  publish(channel: string, message: string): Promise<void>;
  subscribe(channel: string, handler: (message: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
  /**
   * False while messages may go missing: Redis pub/sub is at most once, and what is published while the subscriber
   * connection is down never arrives. In-process caches that trust invalidation messages do not serve while it is false.
   */
  readonly live: boolean;
  /** Calls `fn` each time messages may have been missed (the subscriber connection closed). Returns the remover. */
  onGap(fn: () => void): () => void;
}

export class InProcessBus implements MessageBus {
  private readonly emitter = new EventEmitter().setMaxListeners(0);
  /** Nothing is ever missed in one process. */
  readonly live = true;
  onGap(): () => void {
    return () => undefined;
  }
  async publish(channel: string, message: string): Promise<void> {
    // Deliver asynchronously, like Redis would: a publisher never runs subscribers inside its own call stack.
    setImmediate(() => this.emitter.emit(channel, message));
  }
  async subscribe(channel: string, handler: (message: string) => void): Promise<() => Promise<void>> {
    this.emitter.on(channel, handler);
    return async () => {
      this.emitter.off(channel, handler);
    };
  }
  async close(): Promise<void> {
    this.emitter.removeAllListeners();
  }
}

export class RedisBus implements MessageBus {
  private readonly handlers = new Map<string, Set<(message: string) => void>>();
  private readonly pending = new Map<string, Promise<unknown>>();
  private readonly gapListeners = new Set<() => void>();
  private confirmed = true;
  private connection = 0;
  constructor(
    private readonly pub: Redis,
    private readonly sub: Redis,
  ) {
    sub.on('message', (channel: string, message: string) => {
      for (const h of this.handlers.get(channel) ?? []) h(message);
    });
    sub.on('close', () => {
      this.connection++;
      const wasConfirmed = this.confirmed;
      this.confirmed = false;
      if (wasConfirmed) for (const fn of this.gapListeners) fn();
    });
    // ioredis marks the connection ready, then sends the SUBSCRIBEs again (autoResubscribe): a PING queued after them
    // answers once Redis has processed them, and only then does nothing published get missed.
    sub.on('ready', () => {
      const connection = this.connection;
      setImmediate(() => {
        this.sub.ping().then(
          () => {
            if (connection === this.connection && this.sub.status === 'ready') this.confirmed = true;
          },
          () => undefined,
        );
      });
    });
  }
  get live(): boolean {
    return this.confirmed && this.sub.status === 'ready';
  }
  onGap(fn: () => void): () => void {
    this.gapListeners.add(fn);
    return () => this.gapListeners.delete(fn);
  }
  async publish(channel: string, message: string): Promise<void> {
    await this.pub.publish(channel, message);
  }
  async subscribe(channel: string, handler: (message: string) => void): Promise<() => Promise<void>> {
    let set = this.handlers.get(channel);
    if (!set) {
      set = new Set();
      this.handlers.set(channel, set);
      this.pending.set(channel, this.sub.subscribe(channel).finally(() => this.pending.delete(channel)));
    }
    set.add(handler);
    // A second subscriber to a channel whose SUBSCRIBE is still in flight waits for Redis to confirm it too.
    await this.pending.get(channel);
    return async () => {
      const current = this.handlers.get(channel);
      if (!current) return;
      current.delete(handler);
      if (current.size === 0) {
        this.handlers.delete(channel);
        await this.sub.unsubscribe(channel).catch(() => undefined);
      }
    };
  }
  async close(): Promise<void> {
    this.handlers.clear();
    this.gapListeners.clear();
    this.sub.disconnect();
  }
}
