import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

/**
 * Test support for websocket tests (kept beside the code it exercises; it belongs with the shared fixtures
 * in api/test/ once that folder takes it). A graphql-ws client that never retries and records how it closed.
 */
export interface Closed {
  code: number;
  reason: string;
}

export interface WsTestClient {
  client: Client;
  /** Resolves when the server acknowledged connection_init; rejects if the socket closed first. */
  connected: Promise<void>;
  closed: Promise<Closed>;
  subscribe<T>(query: string, variables?: Record<string, unknown>): Feed<T>;
  dispose(): Promise<void>;
}

export interface FeedItem<T> {
  data?: T | null;
  errors?: Array<{ message: string; extensions?: { code?: string } }>;
}

/** What one subscription delivered so far, read in order with `next()`. */
export class Feed<T> {
  readonly items: Array<FeedItem<T>> = [];
  ended = false;
  error: unknown;
  private cursor = 0;

  /** The next unread item, waiting up to `timeoutMs` for it. */
  async next(timeoutMs = 5000): Promise<FeedItem<T>> {
    const deadline = Date.now() + timeoutMs;
    while (this.cursor >= this.items.length) {
      if (Date.now() > deadline) throw new Error(`no subscription event within ${timeoutMs} ms`);
      if (this.ended && this.cursor >= this.items.length) throw new Error(`subscription ended: ${JSON.stringify(this.error)}`);
      await sleep(10);
    }
    return this.items[this.cursor++]!;
  }

  /** How many items arrived unread during `ms` (and marks them read). */
  async quiet(ms: number): Promise<number> {
    await sleep(ms);
    const n = this.items.length - this.cursor;
    this.cursor = this.items.length;
    return n;
  }

  /**
   * Until the server's subscription is live there is no signal to wait for, so `trigger` is repeated until one
   * of its own events arrives (matched by `mine`); everything received up to then is marked read.
   */
  async prime(trigger: () => Promise<string>, mine: (item: FeedItem<T>, marker: string) => boolean, attempts = 20): Promise<void> {
    for (let i = 0; i < attempts; i++) {
      const marker = await trigger();
      const deadline = Date.now() + 300;
      while (Date.now() < deadline) {
        if (this.items.slice(this.cursor).some((item) => mine(item, marker))) {
          this.cursor = this.items.length;
          return;
        }
        await sleep(10);
      }
    }
    throw new Error('the subscription never went live');
  }
}

export function wsTestClient(baseUrl: string, token?: string): WsTestClient {
  let onClosed!: (c: Closed) => void;
  const closed = new Promise<Closed>((resolve) => (onClosed = resolve));
  let onConnected!: () => void;
  let onRefused!: (err: Error) => void;
  const connected = new Promise<void>((resolve, reject) => {
    onConnected = resolve;
    onRefused = reject;
  });
  connected.catch(() => undefined);
  const client = createClient({
    url: `${baseUrl.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    lazy: false,
    retryAttempts: 0,
    onNonLazyError: () => undefined,
    on: {
      connected: () => onConnected(),
      closed: (event) => {
        const { code, reason } = event as Closed;
        onRefused(new Error(`closed ${code}: ${reason}`));
        onClosed({ code, reason: String(reason) });
      },
    },
  });
  return {
    client,
    connected,
    closed,
    subscribe<T>(query: string, variables?: Record<string, unknown>) {
      const feed = new Feed<T>();
      client.subscribe<T>(
        { query, variables },
        {
          next: (value) => void feed.items.push(value as FeedItem<T>),
          error: (err) => {
            feed.error = err;
            feed.ended = true;
          },
          complete: () => void (feed.ended = true),
        },
      );
      return feed;
    },
    dispose: () => Promise.resolve(client.dispose()),
  };
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** `p`, or a failure after `ms`: a test waiting for a close fails fast instead of at jest's timeout. */
export function within<T>(p: Promise<T>, ms = 5000): Promise<T> {
  const late = sleep(ms).then((): T => {
    throw new Error(`nothing within ${ms} ms`);
  });
  return Promise.race([p, late]);
}

/** Polls `fn` until it returns true, or fails after `timeoutMs`. */
export async function until(fn: () => boolean | Promise<boolean>, timeoutMs = 5000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await fn())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}
