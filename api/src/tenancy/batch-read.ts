import type { Pool, PoolClient, QueryResult } from 'pg';
import { inlineParams } from './inline';
import { assertUuid, sqlLiteral } from './names';
import { gate } from './resolvers';
import { openingSql } from './session';
import type { TenantRecord } from './tenant';

interface Pending {
  tenant: TenantRecord;
  statement: string;
  statementTimeoutMs?: number;
  resolve: (rows: unknown[]) => void;
  reject: (err: unknown) => void;
}

/** Statements of one read's unit of work in the message: BEGIN, the tenant settings, the read, COMMIT. */
const PER_READ = 4;

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
 * written in as literals by inlineParams (pg's own serialization and quoting), or is refused and sent the usual way. Errors: PostgreSQL skips the rest of a
 * message after a failing statement, leaving a transaction open; the connection is then rolled back (or, if
 * that fails, the connection is destroyed, never pooled again), and each read of that message is retried in a message of its own, so one bad read fails alone.
 */
export class TenantBatchReader {
  private queue: Pending[] = [];
  private scheduled = false;

  constructor(
    private readonly pool: Pool,
    private readonly opts: { statementTimeoutMs?: number; maxBatch?: number; onStatement?: (sql: string) => void } = {},
  ) {}

  /**
   * Rows of `sql` in `tenant`, where `sql` is one SELECT whose only parameter is `$1`, bound to `id` (a uuid). Fails
   * with the tenant's typed error when it is not active, before anything is sent.
   */
  read<T>(tenant: TenantRecord, sql: string, id: string): Promise<T[]> {
    const gated = gate(tenant);
    if (gated.denied) return Promise.reject(gated.denied);
    if (!/^[^;$]*\$1\b[^;$]*$/.test(sql)) return Promise.reject(new Error('A batched read is one statement with one parameter, $1'));
    let statement: string;
    try {
      statement = sql.replace('$1', sqlLiteral(assertUuid(id)));
    } catch (err) {
      return Promise.reject(err);
    }
    this.opts.onStatement?.(sql);
    return this.enqueue<T>({ tenant, statement });
  }

  private flush(): void {
    this.scheduled = false;
    const max = this.opts.maxBatch ?? 64;
    while (this.queue.length) void this.send(this.queue.splice(0, max));
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
    const gated = gate(tenant);
    if (gated.denied) return Promise.reject(gated.denied);
    (opts.onStatement ?? this.opts.onStatement)?.(sql);
    return this.enqueue<T>({ tenant, statement, statementTimeoutMs: opts.statementTimeoutMs });
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

  private async send(batch: Pending[]): Promise<void> {
    const text = batch
      .map((r) => `${openingSql(r.tenant, { readOnly: true, statementTimeoutMs: r.statementTimeoutMs ?? this.opts.statementTimeoutMs })}; ${r.statement}; commit`)
      .join('; ');
    let client: PoolClient | undefined;
    try {
      client = await this.pool.connect();
      const results = (await client.query(text)) as unknown as QueryResult[];
      client.release();
      batch.forEach((r, i) => r.resolve(results[i * PER_READ + 2]!.rows));
    } catch (err) {
      // PostgreSQL skipped the rest of the message and left the failed unit's transaction open (aborted): roll it back,
      // which also drops its tenant settings; a connection that cannot even do that is destroyed, never pooled again.
      if (client) {
        const c = client;
        await c.query('rollback').then(
          () => c.release(),
          (e: unknown) => c.release(e instanceof Error ? e : true),
        );
      }
      if (batch.length === 1) batch[0]!.reject(err);
      else for (const r of batch) void this.send([r]);
    }
  }
}
