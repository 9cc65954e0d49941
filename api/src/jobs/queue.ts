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
    // pg-boss migrates its schema under its own advisory lock, so several processes may start at once.
    await this.boss.start();
    this.started = true;
  }

  /** Enqueue inside a control-plane transaction: the job exists only if that transaction commits. */
  async sendInTx<T extends object>(q: Queryable, name: string, data: T, options: PgBoss.SendOptions = {}): Promise<string | null> {
    return this.boss.send(name, data, { ...options, db: { executeSql: async (text, values) => ({ rows: await q.rows(text, values) }) } });
  }

  async stop(): Promise<void> {
    if (!this.started) return;
    this.started = false;
    await this.boss.stop({ graceful: true, wait: true, close: false, timeout: 10_000 });
  }
}
