import type { Pool, PoolClient, QueryResultRow } from 'pg';

export interface Queryable {
  rows<T extends QueryResultRow = QueryResultRow>(text: string, params?: unknown[]): Promise<T[]>;
  one<T extends QueryResultRow = QueryResultRow>(text: string, params?: unknown[]): Promise<T | null>;
}

function wrap(q: Pool | PoolClient): Queryable {
  return {
    async rows<T extends QueryResultRow>(text: string, params?: unknown[]) {
      return (await q.query<T>(text, params)).rows;
    },
    async one<T extends QueryResultRow>(text: string, params?: unknown[]) {
      return (await q.query<T>(text, params)).rows[0] ?? null;
    },
  };
}

/**
 * Control-plane access over the shared pool. Every statement names its tables as control.* explicitly;
 * none of them selects a tenant. Tenant data goes through tenancy/ only.
 */
export class ControlDb implements Queryable {
  private readonly q: Queryable;
  constructor(readonly pool: Pool) {
    this.q = wrap(pool);
  }
  rows<T extends QueryResultRow = QueryResultRow>(text: string, params?: unknown[]) {
    return this.q.rows<T>(text, params);
  }
  one<T extends QueryResultRow = QueryResultRow>(text: string, params?: unknown[]) {
    return this.q.one<T>(text, params);
  }
  async tx<T>(fn: (q: Queryable) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    let broken: Error | undefined;
    try {
      await client.query('begin');
      const out = await fn(wrap(client));
      await client.query('commit');
      return out;
    } catch (err) {
      await client.query('rollback').catch((e: Error) => {
        broken = e;
      });
      throw err;
    } finally {
      client.release(broken);
    }
  }
}
