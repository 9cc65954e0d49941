import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { loadApi } from './app-env.mjs';
import { SetupError } from './deps.mjs';

/**
 * The run's scratch database: created at the start, dropped (with the tenant roles it created, which are
 * cluster-wide) at the end. Never the dev data: with no DATABASE_URL, an embedded PostgreSQL is started through
 * the app's own code (api/src/db/embedded.ts) in a data directory of the bench's own.
 *
 * A database kept (--keep) holds the table bench_fixture: what a later run (--reuse) needs to measure it again
 * without seeding it, which took 11 minutes at 10,000 tenants.
 */

/**
 * The kept database's fixture: the seeder's tenants without their tokens (minted again by the reusing run from the
 * admin and session each was minted for, with the same secret), the seeding sizes, PostGraphile's login role and
 * PostGraphile's introspection of the one-tenant catalog (its cache file's text, bench/run.mjs says why).
 * @typedef {{ jwt_secret: string, seeded_at: string, seeding: { tenants: number, leads: number, owners: number }, peer_role: string, postgraphile_cache: string,
 *   tenants: Array<{ id: string, slug: string, schema: string, leadIds: string[], adminId: string, sid: string }> }} Fixture
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

/** A process's private memory in KiB (Private_Clean + Private_Dirty), or null when it cannot be read. @param {number} pid */
function privateMemoryKb(pid) {
  let text;
  try {
    text = fs.readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
  } catch {
    return null;
  }
  const field = (/** @type {string} */ name) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(text)?.[1] ?? NaN);
  const kb = field('Private_Clean') + field('Private_Dirty');
  return Number.isFinite(kb) ? kb : null;
}

/** The server part of a URL, without its credentials, for messages. @param {string} u */
function redacted(u) {
  const x = new URL(u);
  return `${x.hostname}:${x.port || 5432}`;
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
 * @param {{ databaseUrl?: string, databaseName?: string, reuse?: string, log: (line: string) => void }} opts
 *   reuse: the name of a database an earlier run kept, used as it is instead of a new one
 * @returns {Promise<{ url: string, name: string, server: string, version: string, storeFixture: (f: Fixture) => Promise<void>, readFixture: () => Promise<Fixture>,
 *   checkpoint: () => Promise<{ seconds: number, error?: string }>, peerLogin: (tenantId: string, existing?: string) => Promise<{ role: string, url: string }>, finish: (keep?: boolean) => Promise<void> }>}
 */
export async function openScratchDatabase(opts) {
  let adminUrl = opts.databaseUrl;
  /** @type {{ stop(): Promise<void> } | undefined} */
  let embedded;
  let server = 'DATABASE_URL';
  if (!adminUrl && opts.reuse) throw new SetupError(`--reuse ${opts.reuse}: name the PostgreSQL server the database is on with DATABASE_URL or --database-url`);
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
  const name = opts.reuse ?? opts.databaseName ?? `lp_bench_${stamp}_${Math.random().toString(36).slice(2, 6)}`;
  const version = await withClient(adminUrl, async (c) => {
    if (!opts.reuse) await c.query(`create database "${name}"`);
    else if (!(await c.query('select 1 from pg_database where datname = $1', [name])).rowCount) {
      throw new SetupError(`--reuse ${name}: there is no database ${name} on ${redacted(/** @type {string} */ (adminUrl))}`);
    }
    return (await c.query('show server_version')).rows[0].server_version;
  });
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const { rolePrefixForDatabase } = loadApi('tenancy/names');
  const rolePrefix = rolePrefixForDatabase(name);
  let dropped = false;
  return {
    url: url.toString(),
    name,
    server,
    version,
    /** Stores what a later --reuse run needs (the one row of public.bench_fixture). @param {Fixture} fixture */
    async storeFixture(fixture) {
      await withClient(url.toString(), async (c) => {
        await c.query('create table if not exists public.bench_fixture (one boolean primary key default true check (one), fixture jsonb not null)');
        await c.query('insert into public.bench_fixture (fixture) values ($1::jsonb) on conflict (one) do update set fixture = excluded.fixture', [JSON.stringify(fixture)]);
      });
    },
    /**
     * The fixture a --keep run stored, its sessions made live again: the seeder made them expire 2 days after
     * seeding, and a token is refused once its session has expired.
     * @returns {Promise<Fixture>}
     */
    async readFixture() {
      return withClient(url.toString(), async (c) => {
        const { rows } = await c.query(`select to_regclass('public.bench_fixture') is not null as kept`);
        const fixture = rows[0].kept ? (await c.query('select fixture from public.bench_fixture')).rows[0]?.fixture : undefined;
        if (!fixture) throw new SetupError(`--reuse ${name}: the database has no bench_fixture row (it was not kept by a run with --keep, or that run failed before its seeding ended)`);
        await c.query(`update control.sessions set expires_at = now() + interval '2 days' where id = any($1::uuid[])`, [fixture.tenants.map((/** @type {{ sid: string }} */ t) => t.sid)]);
        return fixture;
      });
    },
    /**
     * A login role that is a member of one tenant's role only, and a URL connecting as it. The API's login role is
     * a member of every tenant role; PostGraphile's introspection checks each column's privileges for every role the
     * connecting user can become, which at 10,000 tenant roles kept it from starting within 12 minutes. Connected as
     * this role it sees exactly what the tenant's role sees. Dropped with the tenant roles (same prefix). A reused
     * database's role (`existing`, created by the run that kept it) only gets a new password: passwords are not kept.
     * @param {string} tenantId
     * @param {string} [existing]
     */
    async peerLogin(tenantId, existing) {
      const role = existing ?? `${rolePrefix}peer`;
      if (!role.startsWith(rolePrefix) || !/^[a-z0-9_]+$/.test(role)) throw new Error(`refusing peer role ${JSON.stringify(role)}: not one of ${name}'s`);
      const password = randomBytes(16).toString('hex');
      await withClient(url.toString(), async (c) => {
        if (existing) {
          await c.query(`alter role "${role}" password '${password}'`);
          return;
        }
        const { rows } = await c.query(`select db_role from control.tenants where id = $1`, [tenantId]);
        if (!rows[0]) throw new Error(`no tenant ${tenantId}`);
        await c.query(`create role "${role}" login password '${password}'`);
        await c.query(`grant "${rows[0].db_role}" to "${role}"`);
      });
      const peer = new URL(url.toString());
      peer.username = role;
      peer.password = password;
      return { role, url: peer.toString() };
    },
    /**
     * Writes out what the seed left dirty (CHECKPOINT: superuser or pg_checkpoint); an error is returned, not thrown:
     * a run without the privilege still measures, with a warning.
     * @returns {Promise<{ seconds: number, error?: string }>}
     */
    async checkpoint() {
      const started = Date.now();
      try {
        await withClient(url.toString(), (c) => c.query('checkpoint'));
        return { seconds: Math.round((Date.now() - started) / 100) / 10 };
      } catch (e) {
        return { seconds: 0, error: e instanceof Error ? e.message : String(e) };
      }
    },
    /**
     * The PostgreSQL backends a server holds on the scratch database (its connections' `application_name` starts with
     * `appName`) and the memory of their own they use: each backend caches the catalog entries of every tenant schema
     * it has served, which is what a small pool and backend recycling are for (ADR 0001). Private memory (from
     * /proc/<pid>/smaps_rollup: Private_Clean + Private_Dirty) leaves out the shared buffers a backend has touched.
     * Null figures when the server's processes cannot be read (another host, another user's processes).
     * @param {string} appName
     * @returns {Promise<{ count: number, private_mb_total: number | null, private_mb_max: number | null }>}
     */
    async backends(appName) {
      const { rows } = await withClient(url.toString(), (c) =>
        c.query(`select pid from pg_stat_activity where datname = current_database() and starts_with(application_name, $1)`, [appName]),
      );
      const mb = rows.map((/** @type {{ pid: number }} */ r) => privateMemoryKb(r.pid));
      if (!mb.length || mb.some((x) => x === null)) return { count: rows.length, private_mb_total: null, private_mb_max: null };
      const kb = /** @type {number[]} */ (mb);
      const toMb = (/** @type {number} */ x) => Math.round(x / 102.4) / 10;
      return { count: rows.length, private_mb_total: toMb(kb.reduce((a, b) => a + b, 0)), private_mb_max: toMb(Math.max(...kb)) };
    },
    /** Drops the database and its tenant roles, unless `keep`; stops the embedded server either way. */
    async finish(keep = false) {
      if (dropped) return;
      dropped = true;
      if (keep) return embedded?.stop();
      await withClient(/** @type {string} */ (adminUrl), async (c) => {
        await c.query(`drop database if exists "${name}" with (force)`);
        const roles = await c.query(`select rolname from pg_roles where starts_with(rolname, $1)`, [rolePrefix]);
        for (const { rolname } of roles.rows) await c.query(`drop role if exists "${rolname}"`);
      });
      await embedded?.stop();
    },
  };
}
