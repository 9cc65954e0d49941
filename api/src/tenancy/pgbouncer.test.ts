import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createTestTenant, startTestServer, testConfig, type TestServer } from '../../test/helpers';
import { testState } from '../../test/state';
import { silentLogger } from '../lib/logger';
import { createPlatform, type Platform } from '../platform';
import { tenantDb } from './context';
import type { TenantRecord } from './tenant';
import { withTenant } from './with-tenant';

/**
 * The design claims to be safe behind pgbouncer in transaction pooling mode, where consecutive transactions of
 * one client land on whatever server connection is free. Proven here: 12 tenants, 40 client connections,
 * 2 server connections, a few hundred interleaved units with errors and rollbacks. `.ci/run` installs
 * pgbouncer from Debian; on a machine without it this file says so and skips.
 */
const PGBOUNCER = ['/usr/sbin/pgbouncer', '/usr/bin/pgbouncer'].find((p) => fs.existsSync(p));
const maybe = PGBOUNCER ? describe : describe.skip;
if (!PGBOUNCER) process.stderr.write('[pgbouncer.test] pgbouncer is not installed: skipped (apt-get install pgbouncer)\n');

let server: TestServer;
let bouncer: ChildProcess;
let viaBouncer: Platform;
let dir: string;
const tenants: TenantRecord[] = [];

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });

async function startBouncer(): Promise<string> {
  const target = new URL(testState().databaseUrl);
  const port = await freePort();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lp-pgbouncer-'));
  fs.chmodSync(dir, 0o777);
  const user = decodeURIComponent(target.username || 'postgres');
  const password = target.password ? ` password=${decodeURIComponent(target.password)}` : '';
  fs.writeFileSync(path.join(dir, 'userlist.txt'), `"${user}" ""\n`);
  fs.writeFileSync(
    path.join(dir, 'pgbouncer.ini'),
    [
      '[databases]',
      `lp = host=${target.hostname} port=${target.port || 5432} dbname=${target.pathname.slice(1)} user=${user}${password}`,
      '[pgbouncer]',
      'listen_addr = 127.0.0.1',
      `listen_port = ${port}`,
      'unix_socket_dir =',
      'auth_type = trust',
      `auth_file = ${path.join(dir, 'userlist.txt')}`,
      'pool_mode = transaction',
      'default_pool_size = 2',
      'max_client_conn = 200',
      'ignore_startup_parameters = extra_float_digits,options',
      `logfile = ${path.join(dir, 'pgbouncer.log')}`,
    ].join('\n') + '\n',
  );
  fs.chmodSync(path.join(dir, 'pgbouncer.ini'), 0o644);
  const args = process.getuid?.() === 0 ? ['-u', 'postgres', path.join(dir, 'pgbouncer.ini')] : [path.join(dir, 'pgbouncer.ini')];
  bouncer = spawn(PGBOUNCER!, args, { stdio: 'ignore' });
  for (let i = 0; i < 100; i++) {
    const up = await new Promise<boolean>((resolve) => {
      const s = net.connect({ host: '127.0.0.1', port }, () => (s.end(), resolve(true)));
      s.on('error', () => resolve(false));
    });
    if (up) return `postgres://${encodeURIComponent(user)}@127.0.0.1:${port}/lp`;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`pgbouncer did not start: ${fs.existsSync(path.join(dir, 'pgbouncer.log')) ? fs.readFileSync(path.join(dir, 'pgbouncer.log'), 'utf8') : ''}`);
}

maybe('behind pgbouncer in transaction pooling mode', () => {
  beforeAll(async () => {
    server = await startTestServer();
    for (let i = 0; i < 12; i++) tenants.push((await createTestTenant(server, { direct: true })).tenant);
    const url = await startBouncer();
    viaBouncer = await createPlatform(testConfig({ DATABASE_URL: url, DB_POOL_MAX: '40', REDIS_URL: undefined, DB_PREPARED_READS: '1000' }), {
      logger: silentLogger,
      migrate: false,
    });
  }, 120_000);

  afterAll(async () => {
    await viaBouncer?.close();
    bouncer?.kill('SIGTERM');
    await server?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  test('every unit sees and writes only its own tenant, while 2 server connections serve them all', async () => {
    const unit = (t: TenantRecord, fn: () => Promise<unknown>) => withTenant(viaBouncer.openSession, t, fn);
    const backends = new Map<number, Set<string>>();
    const committed: Array<[TenantRecord, string]> = [];
    const rolledBack: string[] = [];
    const ops = Array.from({ length: 360 }, (_, i) => ({ t: tenants[i % tenants.length]!, kind: i % 4, marker: `m${i}` }));
    ops.sort(() => Math.random() - 0.5);
    await Promise.all(
      ops.map(async ({ t, kind, marker }) => {
        const run = unit(t, async () => {
          const db = tenantDb();
          const [who] = await db.query<{ pid: number; schema: string; role: string }>(`select pg_backend_pid() as pid, current_schema() as schema, current_user as role`);
          expect(who).toMatchObject({ schema: t.schemaName, role: t.dbRole });
          if (!backends.has(who!.pid)) backends.set(who!.pid, new Set());
          backends.get(who!.pid)!.add(t.slug);
          await new Promise((r) => setImmediate(r));
          await db.query(`insert into leads (name, company, status_id) values ($1, $2, (select id from lead_statuses where is_default))`, [marker, t.slug]);
          const foreign = await db.query<{ n: number }>(`select count(*)::int as n from leads where company <> $1`, [t.slug]);
          expect(foreign[0]!.n).toBe(0);
          if (kind === 1) throw new Error('deliberate rollback');
          if (kind === 2) await db.query(`insert into leads (name, status_id) values ('', (select id from lead_statuses where is_default))`);
        });
        try {
          await run;
          committed.push([t, marker]);
        } catch (err) {
          if (!/deliberate rollback|leads_name_check|check constraint/.test(String((err as Error).message))) throw err;
          rolledBack.push(marker);
        }
      }),
    );
    expect(backends.size).toBeLessThanOrEqual(2);
    expect(Math.max(...[...backends.values()].map((s) => s.size))).toBeGreaterThan(5);
    // Checked as the owner, directly (not through pgbouncer): every committed row in its own schema only.
    for (const t of tenants) {
      const rows: Array<{ name: string; company: string }> = await server.platform.db.rows(`select name, company from "${t.schemaName}".leads`);
      expect(rows.every((r) => r.company === t.slug)).toBe(true);
      const mine = committed.filter(([ct]) => ct.id === t.id).map(([, m]) => m).sort();
      expect(rows.map((r) => r.name).sort()).toEqual(mine);
    }
    expect(rolledBack.length).toBeGreaterThan(100);
    // And a plain statement through pgbouncer afterwards lands on a connection holding no tenant.
    for (let i = 0; i < 6; i++) {
      const row = await viaBouncer.db.one<{ sp: string; role: string }>(`select current_setting('search_path') as sp, current_setting('role') as role`);
      expect(row).toEqual({ sp: '"$user", public', role: 'none' });
      await expect(viaBouncer.db.rows('select count(*) from leads')).rejects.toThrow(/relation "leads" does not exist/);
    }
  }, 120_000);

  test('batched reads, prepared, stay each in its own tenant; seeing statements vanish, the reader stops preparing', async () => {
    // DB_PREPARED_READS is on although this is the setup it must be off for: consecutive messages of one client
    // connection reach either server connection, which holds other statements than the client prepared.
    const reader = viaBouncer.batchReader;
    expect(reader.prepares).toBe(true);
    for (let round = 0; round < 20; round++) {
      const answers = await Promise.all(
        tenants.map(async (t) => {
          const rows = await reader.query<{ schema: string; role: string; foreign: number }>(
            t,
            `select current_schema() as schema, current_user as role, (select count(*)::int from leads where company <> $1) as foreign`,
            [t.slug],
          )!;
          return [t, rows[0]!] as const;
        }),
      );
      for (const [t, row] of answers) expect(row).toEqual({ schema: t.schemaName, role: t.dbRole, foreign: 0 });
    }
    expect(reader.prepares).toBe(false);
    expect(reader.counts.unpreparedRetries).toBeGreaterThan(0);
  }, 60_000);
});
