import { randomBytes } from 'node:crypto';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { loadApi } from './app-env.mjs';

/**
 * The run's scratch database: created at the start, dropped (with the tenant roles it created, which are
 * cluster-wide) at the end. Never the dev data: with no DATABASE_URL, an embedded PostgreSQL is started through
 * the app's own code (api/src/db/embedded.ts) in a data directory of the bench's own.
 */

/** @param {string} url @param {(c: pg.Client) => Promise<T>} fn @template T */
async function withClient(url, fn) {
  const client = new pg.Client({ connectionString: url, application_name: 'leadplane-bench' });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {net.AddressInfo} */ (srv.address());
      srv.close(() => resolve(port));
    });
  });
}

/**
 * @param {{ databaseUrl?: string, databaseName?: string, log: (line: string) => void }} opts
 * @returns {Promise<{ url: string, name: string, server: string, version: string, finish: (keep?: boolean) => Promise<void> }>}
 */
export async function openScratchDatabase(opts) {
  let adminUrl = opts.databaseUrl;
  /** @type {{ stop(): Promise<void> } | undefined} */
  let embedded;
  let server = 'DATABASE_URL';
  if (!adminUrl) {
    const { startEmbeddedPostgres } = loadApi('db/embedded');
    const { silentLogger } = loadApi('lib/logger');
    const dir = path.join(os.tmpdir(), 'leadplane-bench-pg');
    opts.log(`no DATABASE_URL: starting an embedded PostgreSQL in ${dir}`);
    embedded = await startEmbeddedPostgres({ dir, port: await freePort(), database: 'postgres', logger: silentLogger });
    adminUrl = embedded.url;
    server = 'embedded';
  }
  const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
  const name = opts.databaseName ?? `lp_bench_${stamp}_${Math.random().toString(36).slice(2, 6)}`;
  const version = await withClient(adminUrl, async (c) => {
    await c.query(`create database "${name}"`);
    return (await c.query('show server_version')).rows[0].server_version;
  });
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  let dropped = false;
  return {
    url: url.toString(),
    name,
    server,
    version,
    /**
     * A login role of this run that is a member of one tenant's role only, and a URL connecting as it. The API's
     * login role is a member of every tenant role; PostGraphile's introspection checks each column's privileges for
     * every role the connecting user can become, which at 10,000 tenant roles kept it from starting within 12 minutes.
     * Connected as this role it sees exactly what the tenant's role sees. Dropped with the tenant roles (same prefix).
     * @param {string} tenantId
     */
    async peerLogin(tenantId) {
      const { rolePrefixForDatabase } = loadApi('tenancy/names');
      const role = `${rolePrefixForDatabase(name)}peer`;
      const password = randomBytes(16).toString('hex');
      await withClient(url.toString(), async (c) => {
        const { rows } = await c.query(`select db_role from control.tenants where id = $1`, [tenantId]);
        if (!rows[0]) throw new Error(`no tenant ${tenantId}`);
        await c.query(`create role "${role}" login password '${password}'`);
        await c.query(`grant "${rows[0].db_role}" to "${role}"`);
      });
      const peer = new URL(url.toString());
      peer.username = role;
      peer.password = password;
      return peer.toString();
    },
    /** Drops the database and its tenant roles, unless `keep`; stops the embedded server either way. */
    async finish(keep = false) {
      if (dropped) return;
      dropped = true;
      if (keep) return embedded?.stop();
      const { rolePrefixForDatabase } = loadApi('tenancy/names');
      await withClient(/** @type {string} */ (adminUrl), async (c) => {
        await c.query(`drop database if exists "${name}" with (force)`);
        const roles = await c.query(`select rolname from pg_roles where starts_with(rolname, $1)`, [rolePrefixForDatabase(name)]);
        for (const { rolname } of roles.rows) await c.query(`drop role if exists "${rolname}"`);
      });
      await embedded?.stop();
    },
  };
}
