import type { DataSource, EntityManager, QueryRunner } from 'typeorm';
import type { Logger } from '../lib/logger';
import type { TenantBatchReader } from './batch-read';
import { assertRoleName, assertSchemaName, sqlLiteral } from './names';
import type { TenantRecord } from './tenant';

export interface SessionOptions {
  readOnly?: boolean;
  statementTimeoutMs?: number;
  /** Sees every statement sent through query() (tests and benchmarks count statements with it). */
  onStatement?: (sql: string) => void;
  /**
   * Read-only sessions only: each raw read, until something asks for the EntityManager, runs as a unit of work of
   * its own (BEGIN READ ONLY with the settings, the read, COMMIT) in one message shared with the other reads of the
   * same turn (batch-read.ts), instead of three round trips on a connection held for the whole operation. Under
   * READ COMMITTED each statement takes its own snapshot anyway, so an operation sees nothing different.
   */
  reads?: TenantBatchReader;
}

/**
 * The statement that opens a tenant transaction, as one simple-query message: the transaction and its tenant settings.
 * A simple-query message cannot carry parameters, so the names are inlined, after passing the strict patterns of
 * names.ts (no quote can get through).
 */
export function openingSql(tenant: TenantRecord, opts: { readOnly?: boolean; statementTimeoutMs?: number }): string {
  const schema = sqlLiteral(assertSchemaName(tenant.schemaName));
  const role = sqlLiteral(assertRoleName(tenant.dbRole));
  const timeout = sqlLiteral(String(Math.max(0, Math.trunc(opts.statementTimeoutMs ?? 0))));
  return (
    `start transaction${opts.readOnly ? ' read only' : ''}; ` +
    `select set_config('search_path', ${schema}, true), set_config('role', ${role}, true), set_config('statement_timeout', ${timeout}, true)`
  );
}

interface PgClient {
  query(text: string, params?: unknown[]): Promise<{ rows: unknown[]; command: string }>;
}

/**
 * One tenant transaction on one pooled connection. This file is the only place (with the migrator and the
 * provisioner beside it) that selects a tenant in SQL, and it does so transaction-locally only, opening with one message:
 *   start transaction; select set_config('search_path', <schema>, true), set_config('role', <tenant role>, true)
 * then the operation's statements, then COMMIT.
 * COMMIT or ROLLBACK restores the connection's defaults, so a connection goes back to the pool holding no tenant.
 * The connection is taken at the first tenant query and given back when the operation ends.
 */
export class TenantSession {
  private runner?: QueryRunner;
  private opening?: Promise<EntityManager>;
  private hooks: Array<() => void | Promise<void>> = [];
  private state: 'idle' | 'open' | 'done' = 'idle';
  private tail: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly dataSource: DataSource,
    readonly tenant: TenantRecord,
    private readonly logger: Logger,
    private readonly opts: SessionOptions = {},
  ) {}

  get isOpen(): boolean {
    return this.state === 'open';
  }

  manager(): Promise<EntityManager> {
    if (this.state === 'done') return Promise.reject(new Error('Tenant session already finished'));
    this.opening ??= this.open();
    return this.opening;
  }

  /** Raw SQL inside the tenant transaction, returning rows whatever the command. */
  async query<T>(text: string, params?: unknown[]): Promise<T[]> {
    if (this.state === 'idle' && this.opts.readOnly && this.opts.reads) {
      const unit = this.opts.reads.query<T>(this.tenant, text, params, {
        statementTimeoutMs: this.opts.statementTimeoutMs,
        onStatement: this.opts.onStatement,
      });
      if (unit) return unit;
    }
    await this.manager();
    const client = (await this.runner!.connect()) as PgClient;
    // Field resolvers run concurrently but share this one connection: queue their statements here rather than
    // rely on pg's implicit client queue (deprecated, and gone in pg 9).
    const run = this.tail.then(() => {
      this.opts.onStatement?.(text);
      return client.query(text, params);
    });
    this.tail = run.then(
      () => undefined,
      () => undefined,
    );
    return (await run).rows as T[];
  }

  afterCommit(fn: () => void | Promise<void>): void {
    this.hooks.push(fn);
  }

  private async open(): Promise<EntityManager> {
    const opening = openingSql(this.tenant, this.opts);
    const runner = this.dataSource.createQueryRunner('master');
    this.runner = runner;
    this.state = 'open';
    const client = (await runner.connect()) as PgClient;
    // One message, one round trip: the transaction and its tenant settings (openingSql). TypeORM is told by hand that a transaction is open, before it is sent: if the settings fail, the opening
    // rejects and finish('rollback') must still roll back, as it did after runner.startTransaction().
    Object.assign(runner, { isTransactionActive: true, transactionDepth: 1 });
    await client.query(opening);
    return runner.manager;
  }

  /** Commits (or rolls back) and gives the connection back. Safe to call more than once. */
  async finish(outcome: 'commit' | 'rollback'): Promise<void> {
    if (this.state !== 'open') {
      // Nothing was opened, so nothing can roll back: work announced for after the commit still happens.
      const neverOpened = this.state === 'idle';
      this.state = 'done';
      if (neverOpened && outcome === 'commit') await this.runHooks();
      return;
    }
    this.state = 'done';
    const runner = this.runner!;
    let broken: Error | undefined;
    try {
      await this.opening; // the BEGIN may still be in flight
      if (outcome === 'commit') {
        // Talk to the driver directly: COMMIT of an aborted transaction answers ROLLBACK instead of failing.
        const client = (await runner.connect()) as { query(sql: string): Promise<{ command: string }> };
        const res = await client.query('COMMIT');
        Object.assign(runner, { isTransactionActive: false, transactionDepth: 0 });
        if (res.command !== 'COMMIT') throw new TransactionAbortedError();
      } else if (runner.isTransactionActive) {
        await runner.rollbackTransaction();
      }
    } catch (err) {
      if (!(err instanceof TransactionAbortedError)) broken = err as Error;
      throw err;
    } finally {
      // A connection whose transaction state is unknown is destroyed, never pooled again.
      await (runner as unknown as { releasePostgresConnection(err?: Error): Promise<void> }).releasePostgresConnection(broken);
    }
    // After-commit hooks announce work that is now durable: a rolled-back unit must not announce anything.
    if (outcome === 'commit') await this.runHooks();
  }

  private async runHooks(): Promise<void> {
    for (const hook of this.hooks) {
      try {
        await hook();
      } catch (err) {
        this.logger.error('after-commit hook failed', { err: String(err), tenant: this.tenant.slug });
      }
    }
  }
}

export class TransactionAbortedError extends Error {
  constructor() {
    super('The transaction was aborted by an earlier error and was rolled back');
  }
}
