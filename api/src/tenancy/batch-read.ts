import { createHash } from 'node:crypto';
import type { Pool, PoolClient, QueryResult } from 'pg';
import { inlineArgs, inlineParams } from './inline';
import { assertUuid, sqlLiteral } from './names';
import { gate } from './resolvers';
import { openingSql } from './session';
import type { TenantRecord } from './tenant';

interface Pending {
  tenant: TenantRecord;
  statement: string;
  /** The same read as a prepared statement: its name (a hash of its text), its text with $n, its values as literals. */
  prepared?: Prepared;
  statementTimeoutMs?: number;
  resolve: (rows: unknown[]) => void;
  reject: (err: unknown) => void;
}

interface Prepared {
  name: string;
  sql: string;
  args: string;
}

/** Statements of one read's unit of work in the message: BEGIN, the tenant settings, the read, COMMIT. */
const PER_READ = 4;

/**
 * Prepared statements a connection keeps, when preparing is on (DB_PREPARED_READS): once a connection holds this many,
 * reads of other statements run unprepared on it until it is recycled. A prepared page statement holds ~180 KB of
 * its backend's memory (bench/results/levers.md, round 12).
 */
export const DEFAULT_PREPARED_PER_CONNECTION = 1000;
/**
 * A connection's prepared statements were not what the reader knew of them (26000: does not exist; 42P05: already
 * exists): a pooling proxy in transaction mode hands consecutive messages to different server connections. After
 * this many, the reader stops preparing.
 */
const MISMATCHES_BEFORE_OFF = 3;
const PREPARED_MISMATCH = new Set(['26000', '42P05']);
/** A read cancelled by its statement timeout is not retried: it would only run out its time again. */
const CANCELLED = '57014';

/** How long a lane's message may run before what queued behind it goes out on another connection. */
const SPILL_AFTER_MS = 25;
/** How long an idle lane keeps a connection of the shared pool (so the next reads of its tenants find the same backend). */
const HOLD_IDLE_MS = 50;

interface Lane {
  queue: Pending[];
  /**
   * The connection this lane's messages go out on: one of its own (`lanePool`), kept until it has lived `recycleMs`;
   * or one of the shared pool, kept while the lane is busy and briefly after.
   */
  home?: PoolClient;
  homeSince: number;
  /** When the message in flight on `home` was sent; null when none is. */
  busySince: number | null;
  spillTimer?: NodeJS.Timeout;
  idleTimer?: NodeJS.Timeout;
  /** Gives back a connection of the lane's own once it has lived `recycleMs`, if the lane is idle then. */
  recycleTimer?: NodeJS.Timeout;
}

export interface BatchReaderOptions {
  statementTimeoutMs?: number;
  maxBatch?: number;
  onStatement?: (sql: string) => void;
  /**
   * Tenant-affine lanes, at most (default 1). A tenant's reads always take the same lane (a hash of its id over the
   * lanes in use, `setWidth`), and a lane sends its messages on one connection while it has work: each backend then
   * serves its share of the tenants and keeps their catalog entries warm, instead of every backend building every
   * tenant's (PostgreSQL caches relations per backend; at thousands of tenants that is what spread requests pay for).
   * Reads that wait behind a lane's message (more than a message carries, or longer than SPILL_AFTER_MS) overflow to
   * their tenant's lane among all the lanes, and what still waits after that goes out on another pooled connection.
   */
  lanes?: number;
  /**
   * Where the lanes take their connections from, and keep them (`lanes` connections): a backend stays a lane's, so
   * the tenants that hash to the lane, overflow included, meet it warm. Without it lanes borrow connections of the
   * shared pool while busy and give them back 50 ms after, and the next one may be any backend.
   */
  lanePool?: Pool;
  /** How long a lane keeps a connection of its own before it gives it back (and the pool's lifetime rules apply). */
  recycleMs?: number;
  /**
   * Reads as named prepared statements, at most this many per connection (DB_PREPARED_READS; 0 or absent: none).
   * The first time a connection carries a tenant's read, the read's unit prepares it (`prepare lp_<hash> as …`, inside
   * the tenant's transaction, after its settings) and every later unit of that tenant on that connection executes it
   * with its values (`execute lp_…('…')`): PostgreSQL no longer parses and plans the page for every request. A name is
   * a hash of the tenant's schema and the text, so a statement is one tenant's, analysed under its search_path, and a
   * name means the same statement on every connection. Isolation does not rest on the names: PostgreSQL analyses a
   * prepared statement again whenever the search_path differs from the one it was analysed under, and checks
   * privileges, as the unit's tenant role, at every execution. Off behind a pooling proxy in transaction mode
   * (PgBouncer), where a connection's next message may reach another server; the reader turns it off by itself when it
   * sees that happen.
   */
  prepared?: number;
  /** Called once if the reader stops preparing because connections do not keep their prepared statements. */
  onPreparedOff?: () => void;
}

/** Lane connections given an error listener (a client of the lane pool can come back to a lane after recycling). */
const watched = new WeakSet<PoolClient>();

/** What a reader has sent since it was made (the benchmark reads it per case; a metrics endpoint could). */
export interface BatchReaderCounts {
  /** Messages sent on a lane's own connection, and the reads they carried. */
  messages: number;
  reads: number;
  /** Reads moved from a lane of the width in use to their tenant's lane among all the lanes (overflow). */
  overflowReads: number;
  /** Messages that went out on another pooled connection because their lane's message ran past SPILL_AFTER_MS. */
  spilledMessages: number;
  spilledReads: number;
  /** Statements prepared on a connection, and reads retried unprepared after a message with prepared reads failed. */
  prepares: number;
  unpreparedRetries: number;
}

/**
 * Reads in many tenants, many per round trip: what a GraphQL query needs (its page of leads, its lead by id) and what
 * a subscription event needs (its lead) when thousands of events a second arrive for as many tenants. A tenant
 * transaction opened the usual way costs three round trips (BEGIN with the settings, the read, COMMIT); here each
 * read is a whole unit of work of its own inside one simple-query message shared by the reads queued in the same
 * turn of the event loop:
 *
 *   start transaction read only; select set_config('search_path', A…, true), set_config('role', A…, true), …;
 *   select … from leads l where l.id = '<uuid>'; commit;
 *   start transaction read only; select set_config('search_path', B…, true), …; select …; commit; …
 *
 * Isolation is the usual one, per read: each runs in its own transaction whose search_path and role are set
 * transaction-locally; COMMIT restores the connection's defaults before the next read's BEGIN. Values: a simple
 * query cannot carry parameters, so the one value a read takes, an id, is inlined as a literal after passing
 * assertUuid (no quote can get through), like the names in openingSql; a general read (`query`) has its values
 * written in as literals by inlineParams (pg's own serialization and quoting), or is refused and sent the usual
 * way. Errors: PostgreSQL skips the rest of a message after a failing statement, leaving a transaction open; it is
 * then rolled back (or, if that fails, the connection is destroyed, never pooled again), and each read of that
 * message is retried in a message of its own, so one bad read fails alone.
 */
export class TenantBatchReader {
  readonly counts: BatchReaderCounts = { messages: 0, reads: 0, overflowReads: 0, spilledMessages: 0, spilledReads: 0, prepares: 0, unpreparedRetries: 0 };
  private queue: Pending[] = [];
  private scheduled = false;
  private readonly lanes: Lane[];
  /** Lanes in use: tenants hash over the first `width` (setWidth). */
  private width: number;
  private readonly maxBatch: number;
  private closed = false;
  /** Whether reads go as prepared statements (opts.prepared, until connections are seen not to keep them). */
  private preparing: boolean;
  private readonly maxPrepared: number;
  private mismatches = 0;
  /** Per connection, the names prepared on it. */
  private readonly preparedOn = new WeakMap<PoolClient, Set<string>>();

  constructor(
    private readonly pool: Pool,
    private readonly opts: BatchReaderOptions = {},
  ) {
    this.lanes = Array.from({ length: Math.max(1, Math.trunc(opts.lanes ?? 1)) }, () => ({ queue: [], busySince: null, homeSince: 0 }));
    this.width = this.lanes.length;
    this.maxBatch = opts.maxBatch ?? 64;
    this.maxPrepared = Math.max(0, Math.trunc(opts.prepared ?? 0));
    this.preparing = this.maxPrepared > 0;
  }

  /** Whether reads go as prepared statements now. */
  get prepares(): boolean {
    return this.preparing;
  }

  /**
   * How many of the lanes tenants are spread over from now on (1 to `lanes`); the others take overflow only. Fewer
   * lanes batch more reads per message: a saturated process's reads spread over 1,000 tenants went two to a message
   * over five lanes where one lane carried ten, and on a VM where a write that wakes an idle backend costs the writer
   * hundreds of microseconds that was a fifth of its CPU (bench/results/levers.md, rounds 9 and 10). More lanes keep
   * each backend's share of the tenants, and so its catalog memory, small. A tenant's lane is a jump consistent hash
   * of its id: going from w to w + 1 lanes moves only the tenants the new lane takes, and a tenant's overflow lane
   * (its lane among all of them) is one of those it has at any width.
   */
  setWidth(width: number): void {
    this.width = Math.min(this.lanes.length, Math.max(1, Math.trunc(width)));
  }

  /**
   * Rows of `sql` in `tenant`, where `sql` is one SELECT whose only parameter is `$1`, bound to `id` (a uuid). Fails
   * with the tenant's typed error when it is not active, before anything is sent.
   */
  read<T>(tenant: TenantRecord, sql: string, id: string): Promise<T[]> {
    if (!/^[^;$]*\$1\b[^;$]*$/.test(sql)) return Promise.reject(new Error('A batched read is one statement with one parameter, $1'));
    let literal: string;
    try {
      literal = sqlLiteral(assertUuid(id));
    } catch (err) {
      return Promise.reject(err);
    }
    return this.submit<T>(tenant, sql, sql.replace('$1', literal), {}, this.preparing ? preparedAs(tenant, sql, literal) : undefined);
  }

  private flush(): void {
    this.scheduled = false;
    const queued = this.queue;
    this.queue = [];
    const touched = new Set<Lane>();
    for (const p of queued) {
      const lane = this.lanes[laneOf(p.tenant.id, this.width)]!;
      lane.queue.push(p);
      touched.add(lane);
    }
    for (const lane of touched) this.pump(lane);
  }

  /** Sends the lane's next message on its connection, or, while one is in flight, watches that it does not stall. */
  private pump(lane: Lane): void {
    if (!lane.queue.length) return;
    if (lane.busySince !== null) {
      // More waiting than the next message can carry: a burst, which the wider lanes serve in parallel.
      if (lane.queue.length > this.maxBatch) this.overflow(lane);
      return this.armSpill(lane);
    }
    clearTimeout(lane.idleTimer);
    lane.idleTimer = undefined;
    const batch = lane.queue.splice(0, this.maxBatch);
    this.counts.messages++;
    this.counts.reads += batch.length;
    lane.busySince = Date.now();
    void this.sendHome(lane, batch).finally(() => {
      lane.busySince = null;
      if (this.opts.lanePool && lane.home && Date.now() - lane.homeSince > (this.opts.recycleMs ?? Infinity)) this.releaseHome(lane);
      if (lane.queue.length) return this.pump(lane);
      if (this.closed) return this.releaseHome(lane);
      if (this.opts.lanePool) return; // its own: kept
      lane.idleTimer = setTimeout(() => this.releaseHome(lane), HOLD_IDLE_MS);
      lane.idleTimer.unref();
    });
  }

  private armSpill(lane: Lane): void {
    if (lane.spillTimer) return;
    const wait = Math.max(0, SPILL_AFTER_MS - (Date.now() - lane.busySince!));
    lane.spillTimer = setTimeout(() => {
      lane.spillTimer = undefined;
      if (!lane.queue.length) return;
      if (lane.busySince === null) return this.pump(lane);
      if (Date.now() - lane.busySince < SPILL_AFTER_MS) return this.armSpill(lane); // a newer message: give it its time
      this.overflow(lane);
      if (!lane.queue.length) return;
      const spilled = lane.queue.splice(0, this.maxBatch);
      this.counts.spilledMessages++;
      this.counts.spilledReads += spilled.length;
      void this.sendPooled(spilled);
      this.armSpill(lane);
    }, wait);
    lane.spillTimer.unref();
  }

  /**
   * Moves the reads waiting on `lane` to their tenant's lane among all the lanes, when the reader runs narrower than
   * that: each such lane's backend serves the same share of the tenants every time, so it meets them warm. Reads
   * whose overflow lane is this one stay.
   */
  private overflow(lane: Lane): void {
    if (this.width === this.lanes.length) return;
    const stay: Pending[] = [];
    const moved = new Set<Lane>();
    for (const p of lane.queue) {
      const wide = this.lanes[laneOf(p.tenant.id, this.lanes.length)]!;
      if (wide === lane) {
        stay.push(p);
      } else {
        wide.queue.push(p);
        moved.add(wide);
      }
    }
    if (!moved.size) return;
    this.counts.overflowReads += lane.queue.length - stay.length;
    lane.queue = stay;
    for (const wide of moved) this.pump(wide);
  }

  private releaseHome(lane: Lane): void {
    lane.idleTimer = undefined;
    if (lane.busySince !== null || !lane.home) return;
    clearTimeout(lane.recycleTimer);
    lane.recycleTimer = undefined;
    lane.home.release();
    lane.home = undefined;
  }

  /** How many lanes tenants are spread over now (each a backend serving its share of the tenants). */
  get laneCount(): number {
    return this.width;
  }

  /** The most lanes this reader may use (`lanes`): the width of the overflow. */
  get maxLanes(): number {
    return this.lanes.length;
  }

  /** Connections of the shared pool the lanes hold right now (busy, or idle for at most HOLD_IDLE_MS); 0 with a lane pool. */
  get holding(): number {
    return this.opts.lanePool ? 0 : this.lanes.filter((l) => l.home).length;
  }

  /** Gives back the connections idle lanes hold (the platform calls it before ending the pool). */
  close(): void {
    this.closed = true;
    for (const lane of this.lanes) {
      clearTimeout(lane.idleTimer);
      clearTimeout(lane.spillTimer);
      clearTimeout(lane.recycleTimer);
      this.releaseHome(lane);
    }
  }

  /**
   * Rows of one read-only statement with parameters, as its own unit of work in the next shared message; null when
   * the statement cannot be sent this way (see inlineParams): the caller then runs it in a tenant transaction.
   */
  query<T>(
    tenant: TenantRecord,
    sql: string,
    params: readonly unknown[] | undefined,
    opts: { statementTimeoutMs?: number; onStatement?: (sql: string) => void } = {},
  ): Promise<T[]> | null {
    const statement = inlineParams(sql, params ?? []);
    if (statement === null) return null;
    if (!this.preparing) return this.submit<T>(tenant, sql, statement, opts);
    // inlineParams accepted the text (one statement, no dollar quoting, every placeholder bound): it can be prepared.
    const args = inlineArgs(params ?? []);
    return this.submit<T>(tenant, sql, statement, opts, args === null ? undefined : preparedAs(tenant, sql, args));
  }

  /** The tenant's gate (its typed error, before anything is sent), the statement counted, then the queue. */
  private submit<T>(
    tenant: TenantRecord,
    sql: string,
    statement: string,
    opts: { statementTimeoutMs?: number; onStatement?: (sql: string) => void } = {},
    prepared?: Prepared,
  ): Promise<T[]> {
    const gated = gate(tenant);
    if (gated.denied) return Promise.reject(gated.denied);
    (opts.onStatement ?? this.opts.onStatement)?.(sql);
    return this.enqueue<T>({ tenant, statement, prepared, statementTimeoutMs: opts.statementTimeoutMs });
  }

  private enqueue<T>(item: Omit<Pending, 'resolve' | 'reject'>): Promise<T[]> {
    return new Promise<T[]>((resolve, reject) => {
      this.queue.push({ ...item, resolve: resolve as (rows: unknown[]) => void, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  private async sendHome(lane: Lane, batch: Pending[]): Promise<void> {
    try {
      if (!lane.home) {
        lane.home = await (this.opts.lanePool ?? this.pool).connect();
        lane.homeSince = Date.now();
        // A lane that goes quiet still gives its backend back when its time is up (it holds the catalog entries and
        // prepared statements of every tenant it served); a busy one does so after its message (pump).
        if (this.opts.lanePool && this.opts.recycleMs !== undefined) {
          lane.recycleTimer = setTimeout(() => {
            lane.recycleTimer = undefined;
            if (lane.busySince === null) this.releaseHome(lane);
          }, this.opts.recycleMs);
          lane.recycleTimer.unref();
        }
        // A kept connection whose backend ends (restart, terminate) emits an error between messages: its next message
        // fails and is handled there (rolled back or destroyed, its reads retried); the event itself is not a crash.
        if (this.opts.lanePool && !watched.has(lane.home)) {
          watched.add(lane.home);
          lane.home.on('error', () => undefined);
        }
      }
    } catch (err) {
      for (const r of batch) r.reject(err);
      return;
    }
    if ((await this.runOn(lane.home, batch)) === 'broken') {
      lane.home.release(true); // its state is unknown: destroyed, never pooled again
      lane.home = undefined;
      clearTimeout(lane.recycleTimer);
      lane.recycleTimer = undefined;
    }
  }

  private async sendPooled(batch: Pending[], unprepared = false): Promise<void> {
    let client: PoolClient;
    try {
      client = await this.pool.connect();
    } catch (err) {
      for (const r of batch) r.reject(err);
      return;
    }
    client.release((await this.runOn(client, batch, unprepared)) === 'broken' ? true : undefined);
  }

  /**
   * One message of units on `client`. When a unit fails, PostgreSQL skips the rest of the message and leaves that
   * unit's transaction open (aborted): it is rolled back, which also drops its tenant settings, and each read of the
   * message is retried in a message of its own, so a bad read fails alone. 'broken': even the rollback failed.
   *
   * Prepared reads (opts.prepared): a unit prepares its statement when the connection does not have it yet and has
   * room for it. A failed message with prepared reads also deallocates everything on the connection (which of its
   * statements exist is then unknown), and its reads are retried unprepared: a read that failed only because of its prepared statement (a migration changed the result's
   * type, a proxy moved the connection) answers, and one that is wrong in itself fails as it would have.
   */
  private async runOn(client: PoolClient, batch: Pending[], unprepared = false): Promise<'ok' | 'broken'> {
    const known = this.preparing && !unprepared ? this.preparedOf(client) : undefined;
    const at: number[] = [];
    let n = 0;
    let prepares = 0;
    const units = batch.map((r) => {
      const open = openingSql(r.tenant, { readOnly: true, statementTimeoutMs: r.statementTimeoutMs ?? this.opts.statementTimeoutMs });
      // A connection that is full runs new statements unprepared: evicting the least recently used one instead made
      // a backend serving more tenants than the limit prepare and deallocate at every read (10,000 tenants, round 12).
      if (!known || !r.prepared || (!known.has(r.prepared.name) && known.size >= this.maxPrepared)) {
        at.push(n + 2);
        n += PER_READ;
        return `${open}; ${r.statement}; commit`;
      }
      const { name, sql, args } = r.prepared;
      let prepare = '';
      if (!known.has(name)) {
        known.add(name);
        prepare = `prepare ${name} as ${sql}; `;
        prepares++;
      }
      at.push(n + (prepare ? 3 : 2));
      n += PER_READ + (prepare ? 1 : 0);
      return `${open}; ${prepare}execute ${name}(${args}); commit`;
    });
    const text = units.join('; ');
    let results: QueryResult[];
    try {
      results = (await client.query(text)) as unknown as QueryResult[];
    } catch (err) {
      let healthy = await client.query('rollback').then(
        () => true,
        () => false,
      );
      const code = (err as { code?: string }).code;
      const retryUnprepared = known !== undefined && batch.some((r) => r.prepared) && code !== CANCELLED;
      if (known) {
        known.clear();
        if (healthy) healthy = await client.query('deallocate all').then(() => true, () => false);
        if (code && PREPARED_MISMATCH.has(code)) this.mismatch();
      }
      if (batch.length === 1 && !retryUnprepared) {
        batch[0]!.reject(err);
      } else {
        if (retryUnprepared) this.counts.unpreparedRetries += batch.length;
        for (const r of batch) {
          if (healthy) healthy = (await this.runOn(client, [r], retryUnprepared)) === 'ok';
          else void this.sendPooled([r], retryUnprepared);
        }
      }
      return healthy ? 'ok' : 'broken';
    }
    this.counts.prepares += prepares;
    batch.forEach((r, i) => r.resolve(results[at[i]!]!.rows));
    return 'ok';
  }

  private preparedOf(client: PoolClient): Set<string> {
    let known = this.preparedOn.get(client);
    if (!known) this.preparedOn.set(client, (known = new Set()));
    return known;
  }

  /** A connection did not hold the prepared statements it was known to: after a few, stop preparing. */
  private mismatch(): void {
    if (!this.preparing || ++this.mismatches < MISMATCHES_BEFORE_OFF) return;
    this.preparing = false;
    this.opts.onPreparedOff?.();
  }
}

/** A read as a prepared statement: named after its tenant's schema and its text, so one name is one statement on every connection. */
function preparedAs(tenant: TenantRecord, sql: string, args: string): Prepared {
  return { name: `lp_${createHash('sha256').update(tenant.schemaName).update('\0').update(sql).digest('hex').slice(0, 24)}`, sql, args };
}

/**
 * A tenant's lane among `lanes`: Lamping and Veach's jump consistent hash, seeded with FNV-1a of its id and stepped
 * with a 32-bit xorshift. For any id, its lane among w + 1 lanes is either its lane among w or the new lane w, and
 * each lane gets an equal share of the ids.
 */
export function laneOf(id: string, lanes: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  let x = h >>> 0 || 1; // xorshift's state must not be 0
  let lane = 0;
  for (let next = 0; next < lanes; ) {
    lane = next;
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    // (lane + 1) / r with r uniform in (0, 1]: the next bucket count at which this id would jump
    next = Math.floor((lane + 1) / ((x + 1) / 0x1_0000_0000));
  }
  return lane;
}
