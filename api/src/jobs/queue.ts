import { Client } from 'pg';
import PgBoss from 'pg-boss';
import type { Queryable } from '../db/control-db';
import type { Platform } from '../platform';

export const QUEUE_SCHEMA = 'control_jobs';

/**
 * The durable job queue: pg-boss 10 on the same PostgreSQL (so it works on the embedded default),
 * its tables in their own control-plane schema. Jobs always carry their tenant id explicitly.
 */
export class JobQueue {
  readonly boss: PgBoss;
  private started = false;
  private readonly queues = new Map<string, Promise<void>>();

  constructor(private readonly platform: Platform) {
    this.boss = new PgBoss({
      db: { executeSql: (text: string, values: unknown[]) => platform.pool.query(text, values) },
      schema: QUEUE_SCHEMA,
      supervise: true,
      schedule: false,
    });
    this.boss.on('error', (err: Error) => platform.logger.error('job queue error', { err: err.message }));
  }

  async start(): Promise<void> {
    if (this.started) return;
    // pg-boss installs its schema under an advisory lock, but two processes that both found it missing both
    // run the install, and the second fails on objects the first created.
    await this.serialised(() => this.boss.start());
    this.started = true;
  }

  /**
   * Runs pg-boss DDL (install, queue creation) under a session-level advisory lock held by one dedicated
   * connection outside the pool (which may be tiny): concurrent processes on a fresh database otherwise
   * race or deadlock on the same catalog rows.
   */
  private async serialised<T>(fn: () => Promise<T>): Promise<T> {
    const client = new Client({ connectionString: this.platform.databaseUrl, application_name: 'leadplane-queue-ddl' });
    await client.connect();
    try {
      await client.query(`select pg_advisory_lock(hashtext('leadplane:job-queue-ddl'))`);
      return await fn();
    } finally {
      await client.end().catch(() => undefined);
    }
  }

  /**
   * Creates a queue once per process. pg-boss 10 silently drops a job sent to a queue that does not exist,
   * so every producer calls this before sending, not only the process that runs the worker.
   */
  ensureQueue(name: string, options: Omit<PgBoss.Queue, 'name'>): Promise<void> {
    let created = this.queues.get(name);
    if (!created) {
      created = this.serialised(() => this.boss.createQueue(name, { ...options, name }));
      created.catch(() => this.queues.delete(name));
      this.queues.set(name, created);
    }
    return created;
  }

  /**
   * Enqueue inside a control-plane transaction: the job exists only if that transaction commits.
   * Throws when pg-boss did not insert the job, so the caller's transaction rolls back instead of
   * committing work that nothing will ever pick up.
   */
  async sendInTx<T extends object>(q: Queryable, name: string, data: T, options: PgBoss.SendOptions = {}): Promise<string> {
    const id = await this.boss.send(name, data, { ...options, db: { executeSql: async (text, values) => ({ rows: await q.rows(text, values) }) } });
    if (!id) throw new Error(`job queue "${name}" refused the job (does the queue exist?)`);
    return id;
  }

  async stop(): Promise<void> {
    if (!this.started) return;
    this.started = false;
    await this.boss.stop({ graceful: true, wait: true, close: false, timeout: 10_000 });
  }
}
