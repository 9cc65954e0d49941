import fs from 'node:fs';
import path from 'node:path';
import type { Pool } from 'pg';
import type { EntityManager } from 'typeorm';
import * as ts from 'typescript';
import { addMember, createTestTenant, startTestServer, testConfig, type TestServer, type TestTenant } from '../../test/helpers';
import { silentLogger } from '../lib/logger';
import { createPlatform, type Platform } from '../platform';
import { afterTenantCommit, tenantManager } from './context';
import { ident } from './names';
import { TransactionAbortedError } from './session';
import type { TenantRecord } from './tenant';
import { withTenant } from './with-tenant';

/**
 * The tenancy core's promises, tested against real PostgreSQL: one small pool shared by many tenants,
 * transaction-local search_path and role, and nothing of a tenant left on a connection after its unit ends.
 */

const TENANTS = 50;
const SEED_ROWS = 3;
const OPS = 500;
const INSERT_LEAD = `insert into leads (name, company, status_id) values ($1, $2, (select id from lead_statuses where is_default)) returning id`;

let server: TestServer;
let tenants: TestTenant[] = [];
let defaultSearchPath: string;

const tag = (t: TenantRecord) => `[${t.slug}]`;
const tick = () => new Promise<void>((resolve) => setImmediate(resolve));
const pgCode = (err: unknown) => (err as { code?: string }).code;
const inTenant = <T>(t: TenantRecord, fn: () => Promise<T>) => withTenant(server.platform.openSession, t, fn);

function nth(i: number): TestTenant {
  const t = tenants[i];
  if (!t) throw new Error(`no test tenant #${i}`);
  return t;
}

async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: limit }, worker));
  return out;
}

function shuffle<T>(xs: T[]): T[] {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [xs[i], xs[j]] = [xs[j] as T, xs[i] as T];
  }
  return xs;
}

/** Every lead row of every test schema, read as the owner with schema-qualified names. */
async function allLeads(pool: Pool): Promise<Array<{ schema: string; name: string; company: string | null }>> {
  const sql = tenants
    .map(({ tenant }) => `select '${tenant.schemaName}'::text as schema, name, company from ${ident(tenant.schemaName)}.leads`)
    .join(' union all ');
  return (await pool.query(sql)).rows;
}

beforeAll(async () => {
  server = await startTestServer({ DB_POOL_MAX: '2' });
  defaultSearchPath = (await server.platform.pool.query(`select reset_val from pg_settings where name = 'search_path'`)).rows[0].reset_val;
  tenants = await mapLimit(Array.from({ length: TENANTS }), 5, async () => {
    const t = await createTestTenant(server, { direct: true });
    await inTenant(t.tenant, async () => {
      const m = await tenantManager();
      await m.query(
        `insert into leads (name, company, status_id)
         select 'seed ' || g || ' ' || $1, 'Co ' || $1, (select id from lead_statuses where is_default) from generate_series(1, ${SEED_ROWS}) g`,
        [tag(t.tenant)],
      );
    });
    return t;
  });
}, 60_000);

afterAll(async () => {
  await server?.close();
});

test('the pool default search_path reaches no tenant table', async () => {
  expect(defaultSearchPath).not.toMatch(/t_/);
  const { rows } = await server.platform.pool.query(`select to_regclass('leads') is null and to_regclass('members') is null as blind`);
  expect(rows[0].blind).toBe(true);
});

test(`${OPS} interleaved units over ${TENANTS} tenants on a pool of 2 never cross tenants`, async () => {
  type Kind = 'read' | 'write' | 'error' | 'swallowed' | 'rollback' | 'bare';
  const mix: Kind[] = ['read', 'read', 'read', 'read', 'write', 'write', 'write', 'error', 'swallowed', 'rollback', 'bare', 'rollback'];
  const ops = shuffle(Array.from({ length: OPS }, (_, id) => ({ id, kind: mix[id % mix.length] as Kind, t: nth(id % TENANTS).tenant })));
  const problems: string[] = [];
  const committed: Array<{ marker: string; schema: string }> = [];
  const rolledBack: string[] = [];
  const pidTenants = new Map<number, Set<string>>();
  const pool = server.platform.pool;
  class ExplicitRollback extends Error {}

  const insert = async (name: string, t: TenantRecord) => {
    await tick(); // let other units run between statements, so scopes interleave
    return (await tenantManager()).query(INSERT_LEAD, [name, `Co ${tag(t)}`]);
  };

  await Promise.all(
    ops.map(async ({ id, kind, t }) => {
      const marker = `${kind} #${id} ${tag(t)}`;
      const where = `${kind} #${id} in ${t.slug}`;
      if (kind === 'read') {
        const rows = await inTenant(t, async () => {
          await tick();
          return (await tenantManager()).query(
            `select l.name, l.company, current_user as who, current_schema() as sch, pg_backend_pid() as pid from leads l`,
          );
        });
        if (rows.length < SEED_ROWS) problems.push(`${where}: saw ${rows.length} rows`);
        for (const r of rows) {
          if (!r.name.includes(tag(t)) || !r.company.includes(tag(t))) problems.push(`${where}: saw foreign row ${r.name}`);
          if (r.who !== t.dbRole || r.sch !== t.schemaName) problems.push(`${where}: ran as ${r.who} in ${r.sch}`);
          pidTenants.set(r.pid, (pidTenants.get(r.pid) ?? new Set()).add(t.slug));
        }
      } else if (kind === 'write') {
        await inTenant(t, () => insert(marker, t));
        committed.push({ marker, schema: t.schemaName });
        const { rows } = await pool.query(`select count(*)::int as n from ${ident(t.schemaName)}.leads where name = $1`, [marker]);
        if (rows[0].n !== 1) problems.push(`${where}: committed write found ${rows[0].n} times in its schema`);
      } else if (kind === 'error') {
        rolledBack.push(marker);
        const err = await inTenant(t, async () => {
          await insert(marker, t);
          await insert('', t); // violates check (length(name) between 1 and 200)
        }).then(() => null, (e: unknown) => e);
        if (pgCode(err) !== '23514') problems.push(`${where}: expected a check violation, got ${String(err)}`);
      } else if (kind === 'swallowed') {
        rolledBack.push(marker);
        const err = await inTenant(t, async () => {
          await insert(marker, t);
          await insert('', t).catch(() => undefined); // the unit carries on in an aborted transaction
        }).then(() => null, (e: unknown) => e);
        if (!(err instanceof TransactionAbortedError)) problems.push(`${where}: expected TransactionAbortedError, got ${String(err)}`);
      } else if (kind === 'rollback') {
        rolledBack.push(marker);
        const err = await inTenant(t, async () => {
          await insert(marker, t);
          throw new ExplicitRollback(marker);
        }).then(() => null, (e: unknown) => e);
        if (!(err instanceof ExplicitRollback)) problems.push(`${where}: expected the unit's own error, got ${String(err)}`);
      } else {
        // No tenant: whichever pooled connection this lands on must carry no tenant setting.
        const { rows } = await pool.query(
          `select current_setting('search_path') as sp, current_user = session_user as own, current_setting('role') as role,
                  to_regclass('leads') is null and to_regclass('members') is null as blind`,
        );
        const r = rows[0];
        if (r.sp !== defaultSearchPath || !r.own || r.role !== 'none' || !r.blind) problems.push(`${where}: dirty connection ${JSON.stringify(r)}`);
      }
    }),
  );

  expect(problems).toEqual([]);
  // The test only means something if connections really were shared across tenants.
  expect(pidTenants.size).toBeLessThanOrEqual(2);
  expect(Math.max(...[...pidTenants.values()].map((s) => s.size))).toBeGreaterThan(10);
  expect(committed.length).toBeGreaterThan(100);
  expect(rolledBack.length).toBeGreaterThan(100);

  const rows = await allLeads(pool);
  const slugOf = new Map(tenants.map(({ tenant }) => [tenant.schemaName, tenant.slug]));
  const foreign = rows.filter((r) => !r.name.includes(`[${slugOf.get(r.schema)}]`) || !r.company?.includes(`[${slugOf.get(r.schema)}]`));
  expect(foreign).toEqual([]);
  const whereIs = new Map<string, string[]>();
  for (const r of rows) whereIs.set(r.name, [...(whereIs.get(r.name) ?? []), r.schema]);
  expect(committed.filter((c) => JSON.stringify(whereIs.get(c.marker)) !== JSON.stringify([c.schema]))).toEqual([]);
  expect(rolledBack.filter((m) => whereIs.has(m))).toEqual([]);
  expect(rows.length).toBe(TENANTS * SEED_ROWS + committed.length);

  // Both pooled connections, held at once, went back clean.
  const clients = [await pool.connect(), await pool.connect()];
  try {
    const states = await Promise.all(
      clients.map(async (c) => (await c.query(`select pg_backend_pid() as pid, current_setting('search_path') as sp, current_setting('role') as role`)).rows[0]),
    );
    expect(new Set(states.map((s) => s.pid)).size).toBe(2);
    for (const s of states) expect(s).toMatchObject({ sp: defaultSearchPath, role: 'none' });
    for (const c of clients) await expect(c.query('select count(*) from leads')).rejects.toThrow('relation "leads" does not exist');
  } finally {
    clients.forEach((c) => c.release());
  }
}, 45_000);

describe('a tenant role is walled into its own schema', () => {
  const denied = (t: TenantRecord, sql: string) =>
    inTenant(t, async () => (await tenantManager()).query(sql)).then(
      () => 'allowed',
      (e: unknown) => pgCode(e),
    );

  test('other schemas and control.* are denied even schema-qualified; its own schema is not', async () => {
    const [a, b] = [nth(0).tenant, nth(1).tenant];
    const own = await inTenant(a, async () => (await tenantManager()).query(`select current_user as who, count(*)::int as n from ${ident(a.schemaName)}.leads`));
    expect(own[0]).toEqual({ who: a.dbRole, n: expect.any(Number) });
    expect(own[0].n).toBeGreaterThanOrEqual(SEED_ROWS);

    const attempts = [
      `select * from ${ident(b.schemaName)}.leads`,
      `select * from ${ident(b.schemaName)}.members`,
      `insert into ${ident(b.schemaName)}.leads (name, status_id) select 'x', id from ${ident(b.schemaName)}.lead_statuses`,
      `select * from control.users`,
      `select * from control.tenants`,
      `select * from control.memberships`,
    ];
    const results = await Promise.all(attempts.map((sql) => denied(a, sql)));
    expect(Object.fromEntries(attempts.map((sql, i) => [sql, results[i]]))).toEqual(Object.fromEntries(attempts.map((sql) => [sql, '42501'])));
  });

  test("the members view shows only the tenant's own members", async () => {
    const [a, b] = [nth(0), nth(1)];
    const extraA = await addMember(server, a.tenant, `extra@${a.tenant.slug}.test`);
    const extraB = await addMember(server, b.tenant, `extra@${b.tenant.slug}.test`);
    const seen = await inTenant(a.tenant, async () => (await tenantManager()).query(`select user_id from members`));
    expect(seen.map((r: { user_id: string }) => r.user_id).sort()).toEqual([a.adminId, extraA].sort());
    expect(seen.map((r: { user_id: string }) => r.user_id)).not.toContain(extraB);
  });
});

test('after-commit hooks run after a commit only, never after a rollback', async () => {
  const t = nth(3).tenant;
  const fired: string[] = [];
  const unit = (name: string, end: 'commit' | 'throw' | 'abort') =>
    inTenant(t, async () => {
      afterTenantCommit(() => void fired.push(name));
      await (await tenantManager()).query(INSERT_LEAD, [`hook ${name} ${tag(t)}`, `Co ${tag(t)}`]);
      if (end === 'abort') await (await tenantManager()).query(INSERT_LEAD, ['', null]).catch(() => undefined);
      if (end === 'throw') throw new Error('rolled back');
    }).catch(() => undefined);
  await unit('committed', 'commit');
  await unit('thrown', 'throw');
  await unit('aborted', 'abort');
  expect(fired).toEqual(['committed']);
});

describe('with a pool of one connection', () => {
  let p1: Platform;
  let t: TenantRecord;
  beforeAll(async () => {
    p1 = await createPlatform(testConfig({ DB_POOL_MAX: '1' }), { logger: silentLogger, migrate: false, applicationName: 'lp-isolation-pool1' });
    t = nth(2).tenant;
  });
  afterAll(async () => {
    await p1?.close();
  });

  /** Runs a unit on the single pooled connection and returns its backend pid and how the unit ended. */
  async function unitOnPool1(marker: string, body: (m: EntityManager) => Promise<void>) {
    let pid = 0;
    const outcome = await withTenant(p1.openSession, t, async () => {
      const m = await tenantManager();
      pid = (await m.query('select pg_backend_pid() as pid'))[0].pid;
      await m.query(INSERT_LEAD, [marker, `Co ${tag(t)}`]);
      await body(m);
    }).then(
      () => 'ok' as unknown,
      (e: unknown) => e,
    );
    return { pid, outcome };
  }

  async function expectBareConnection(pid: number) {
    const { rows } = await p1.pool.query(
      `select pg_backend_pid() as pid, current_setting('search_path') as sp, current_user as cu, session_user as su,
              current_setting('role') as role, current_setting('transaction_read_only') as ro`,
    );
    expect(rows[0]).toEqual({ pid, sp: defaultSearchPath, cu: rows[0].su, su: rows[0].su, role: 'none', ro: 'off' });
    expect(rows[0].cu).not.toBe(t.dbRole);
    await expect(p1.pool.query('select count(*) from leads')).rejects.toThrow('relation "leads" does not exist');
    await expect(p1.pool.query('select count(*) from member_roles')).rejects.toThrow('relation "member_roles" does not exist');
  }

  const countAsOwner = async (marker: string) =>
    (await p1.pool.query(`select count(*)::int as n from ${ident(t.schemaName)}.leads where name = $1`, [marker])).rows[0].n;

  const violateCheck = (m: EntityManager) => m.query(INSERT_LEAD, ['', null]); // check (length(name) between 1 and 200)
  test.each<[string, (m: EntityManager) => Promise<void>, (outcome: unknown) => void]>([
    ['a statement error', async (m) => void (await violateCheck(m)), (o) => expect(pgCode(o)).toBe('23514')],
    [
      'a swallowed statement error (aborted transaction)',
      async (m) => void (await violateCheck(m).catch(() => undefined)),
      (o) => expect(o).toBeInstanceOf(TransactionAbortedError),
    ],
    [
      'a throw after writing',
      async () => {
        throw new Error('explicit rollback');
      },
      (o) => expect(o).toMatchObject({ message: 'explicit rollback' }),
    ],
  ])('after %s the same connection is rolled back and reaches no tenant table', async (label, body, expectOutcome) => {
    const marker = `pool1 ${label} ${Date.now()} ${tag(t)}`;
    const { pid, outcome } = await unitOnPool1(marker, body);
    expectOutcome(outcome);
    expect(pid).toBeGreaterThan(0);
    await expectBareConnection(pid);
    expect(await countAsOwner(marker)).toBe(0);
  });

  test('after a commit, set_config values are gone from the connection and the write is kept', async () => {
    const marker = `pool1 committed ${Date.now()} ${tag(t)}`;
    const { pid, outcome } = await unitOnPool1(marker, async () => undefined);
    expect(outcome).toBe('ok');
    expect((await p1.pool.query('show search_path')).rows[0].search_path).toBe(defaultSearchPath);
    const { rows } = await p1.pool.query(`select setting, reset_val from pg_settings where name = 'statement_timeout'`);
    expect(rows[0].setting).toBe(rows[0].reset_val);
    await expectBareConnection(pid);
    expect(await countAsOwner(marker)).toBe(1);
  });
});

describe('tenant selection is transaction-local and lives in tenancy/ only', () => {
  const SRC = path.resolve(__dirname, '..');
  const MIGRATIONS = path.resolve(__dirname, '..', '..', '..', 'migrations');
  const SESSION_LEVEL = [/\b(?:set|alter\s+\w+(?:\s+\S+)?\s+set)\s+(?:session\s+)?(?:search_path|role)\b/i, /\breset\s+(?:search_path|role|all)\b/i, /\bdiscard\s+all\b/i];
  const SELECTS_TENANT = [/search_path/i, /set_config\(\s*'role'/i, /\bset\s+(?:local\s+)?role\b/i];
  const SET_CONFIG = /set_config\(\s*'(?:search_path|role)'/gi;
  const SET_CONFIG_LOCAL = /set_config\(\s*'(?:search_path|role)'\s*,\s*[^,()]+,\s*true\s*\)/gi;

  /** String literals and template text (placeholders kept as $x), comments excluded: what could reach SQL. */
  function literals(file: string, text: string): string[] {
    const out: string[] = [];
    const visit = (n: ts.Node): void => {
      if (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) out.push(n.text);
      else if (ts.isTemplateExpression(n)) out.push([n.head.text, ...n.templateSpans.map((s) => s.literal.text)].join('$x'));
      ts.forEachChild(n, visit);
    };
    visit(ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS));
    return out;
  }

  function violations(rel: string, text: string): string[] {
    const inTenancy = rel.startsWith('tenancy/');
    const found: string[] = [];
    for (const lit of literals(rel, text)) {
      if (SESSION_LEVEL.some((re) => re.test(lit))) found.push(`${rel}: session-level setting: ${lit.slice(0, 80)}`);
      if (!inTenancy && SELECTS_TENANT.some((re) => re.test(lit))) found.push(`${rel}: selects a tenant outside tenancy/: ${lit.slice(0, 80)}`);
      if ((lit.match(SET_CONFIG) ?? []).length !== (lit.match(SET_CONFIG_LOCAL) ?? []).length) found.push(`${rel}: set_config not transaction-local: ${lit.slice(0, 80)}`);
    }
    return found;
  }

  function walk(dir: string, ext: string): string[] {
    return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? walk(path.join(dir, e.name), ext) : e.name.endsWith(ext) ? [path.join(dir, e.name)] : [],
    );
  }

  test('the detector flags what it must and ignores comments', () => {
    expect(violations('modules/x.ts', `db.query("SET search_path TO t_x")`)).toHaveLength(2);
    expect(violations('tenancy/x.ts', `q.rows(\`set role \${r}\`)`)).toHaveLength(1);
    expect(violations('tenancy/x.ts', `q.rows("select set_config('role', $1, false)")`)).toHaveLength(1);
    expect(violations('tenancy/x.ts', `q.rows("alter role x set search_path = t_a")`)).toHaveLength(1);
    expect(violations('modules/x.ts', `q.rows(\`select set_config('search_path', \${s}, true)\`)`)).toHaveLength(1);
    expect(violations('tenancy/x.ts', `q.rows(\`select set_config('search_path', $1, true), set_config('role', $2, true)\`)`)).toEqual([]);
    expect(violations('modules/x.ts', `// we never SET search_path here\n/* nor SET ROLE */ const a = 1;`)).toEqual([]);
  });

  test('no file under api/src sets search_path or role session-wide, and only tenancy/ selects a tenant', () => {
    const files = walk(SRC, '.ts').filter((f) => !f.endsWith('.test.ts'));
    const rels = files.map((f) => path.relative(SRC, f).split(path.sep).join('/'));
    expect(rels).toEqual(expect.arrayContaining(['tenancy/session.ts', 'platform.ts']));
    const found = files.flatMap((f, i) => violations(rels[i] as string, fs.readFileSync(f, 'utf8')));
    expect(found).toEqual([]);
    // The scan must see the real tenant selection, or it proves nothing.
    const session = literals('tenancy/session.ts', fs.readFileSync(path.join(SRC, 'tenancy', 'session.ts'), 'utf8')).join('\n');
    expect(session).toMatch(SET_CONFIG_LOCAL);
  });

  test('no migration sets search_path or role session-wide', () => {
    const files = walk(MIGRATIONS, '.sql');
    expect(files.length).toBeGreaterThan(1);
    const found = files.flatMap((f) => {
      const sql = fs.readFileSync(f, 'utf8').replace(/--.*$/gm, '');
      return SESSION_LEVEL.filter((re) => re.test(sql)).map((re) => `${path.relative(MIGRATIONS, f)}: ${re}`);
    });
    expect(found).toEqual([]);
  });
});
