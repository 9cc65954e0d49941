/**
 * Bench child: seeds the scratch database through the app's own code and writes the fixture (tenants with their
 * lead ids, token, and the admin and session the token was minted for) to a file. Tenants go through
 * TenantProvisioner — the body of the provisioning job: role, schema, migrations, default statuses/workflow/roles,
 * activation, in one transaction — and each is timed. Everything the app would do with argon2 or one login per user
 * (users, sessions, tokens) is done in bulk instead.
 */
import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import { childArgs, done, fail, progress, stage } from '../lib/ipc.mjs';
import { loadApi } from '../lib/app-env.mjs';
import { latencySummary, round } from '../lib/stats.mjs';

/** @type {{ env: Record<string,string>, tenants: number, leads: number, owners: number, sample: number, concurrency: number, fixtureFile: string }} */
const args = childArgs();

const { loadConfig } = loadApi('config/env');
const { createPlatform } = loadApi('platform');
const { silentLogger } = loadApi('lib/logger');
const { signAccessToken } = loadApi('modules/auth/tokens');
const { assertSchemaName } = loadApi('tenancy/names');

/** Runs `fn` over 0..n-1 with `concurrency` workers; returns the wall time in ms. */
async function parallel(n, concurrency, fn) {
  const started = performance.now();
  let next = 0;
  const worker = async () => {
    while (next < n) await fn(next++);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, n) }, worker));
  return performance.now() - started;
}

function every(n, i, label) {
  const step = Math.max(1, Math.ceil(n / 10));
  if ((i + 1) % step === 0 || i + 1 === n) progress(`${label} ${i + 1}/${n}`);
}

async function main() {
  const config = loadConfig(args.env, {});
  const platform = await createPlatform(config, { logger: silentLogger, applicationName: 'leadplane-bench-seed' });
  try {
    const { db, pool, provisioner } = platform;
    const N = args.tenants;

    // Admins in bulk (no password: nobody logs in; tokens are minted below).
    const admins = await db.rows(
      `insert into control.users (email, name) select 'admin-' || i || '@bench.test', 'Admin ' || i from generate_series(0, $1::int - 1) i
       returning id, (regexp_match(email, '^admin-(\\d+)@'))[1]::int as i`,
      [N],
    );
    const adminId = new Array(N);
    for (const a of admins) adminId[a.i] = a.id;

    // Provisioning: the first `sample` tenants one at a time (per-tenant latency), the rest in parallel (throughput).
    const tenants = new Array(N);
    const timesMs = [];
    let pausedMs = 0;
    const provisionOne = async (i) => {
      const t0 = performance.now();
      const rec = await provisioner.createRecord({ slug: `bench-${i}`, name: `Bench tenant ${i}`, adminUserId: adminId[i] });
      const t = await provisioner.provision(rec.id);
      if (t.status !== 'active') throw new Error(`tenant ${t.slug} ended ${t.status}`);
      timesMs.push(performance.now() - t0);
      tenants[i] = { id: t.id, slug: t.slug, schema: assertSchemaName(t.schemaName), adminId: adminId[i] };
      every(N, i, 'provisioned');
      if (i === 0) {
        // The parent starts PostGraphile over this schema now, while the catalog holds one tenant (see run.mjs);
        // the wait is not provisioning time.
        const paused = performance.now();
        await stage({ tenant: { id: t.id, slug: t.slug, schema: tenants[0].schema } });
        pausedMs += performance.now() - paused;
      }
    };
    const sample = Math.min(args.sample, N);
    const sequentialMs = (await parallel(sample, 1, provisionOne)) - pausedMs;
    const sequentialTimes = [...timesMs];
    const rest = N - sample;
    const concurrentMs = rest > 0 ? await parallel(rest, args.concurrency, (k) => provisionOne(sample + k)) : 0;
    const concurrentTimes = timesMs.slice(sample);
    const provisioning = {
      path: 'TenantProvisioner.createRecord + provision (the provisioning job body), per tenant',
      sequential: { tenants: sample, ...latencySummary(sequentialTimes), tenants_per_s: round((sample / sequentialMs) * 1000) },
      concurrent: rest > 0 ? { tenants: rest, concurrency: args.concurrency, ...latencySummary(concurrentTimes), tenants_per_s: round((rest / concurrentMs) * 1000) } : null,
    };

    // Owners: members of each tenant, in bulk.
    const owners = await db.rows(
      `insert into control.users (email, name)
       select 'owner-' || i || '-' || k || '@bench.test', 'Owner ' || i || '.' || k
         from generate_series(0, $1::int - 1) i, generate_series(1, $2::int) k
       returning id, (regexp_match(email, '^owner-(\\d+)-'))[1]::int as i`,
      [N, args.owners],
    );
    const ownersOf = Array.from({ length: N }, (_, i) => [adminId[i]]);
    for (const o of owners) ownersOf[o.i].push(o.id);
    await db.rows(`insert into control.memberships (tenant_id, user_id) select * from unnest($1::uuid[], $2::uuid[])`, [
      owners.map((o) => tenants[o.i].id),
      owners.map((o) => o.id),
    ]);

    // Leads: one statement per tenant (schema-qualified; the bench connects as the database owner).
    const leadsMs = await parallel(N, 4, async (i) => {
      const s = `"${tenants[i].schema}"`;
      const { rows } = await pool.query(
        `with st as (select array_agg(id order by position) as ids from ${s}.lead_statuses),
         ins as (
           insert into ${s}.leads (name, company, email, phone, source, value, currency, status_id, owner_id, created_at, updated_at)
           select 'Lead ' || g, 'Company ' || (g % 37), 'lead' || g || '@example.test', '+1 555 ' || lpad(g::text, 5, '0'),
                  (array['web', 'referral', 'event', 'ads'])[1 + g % 4], (g % 100) * 10.5, 'EUR',
                  st.ids[1 + g % array_length(st.ids, 1)],
                  case when g % 7 = 0 then null else ($2::uuid[])[1 + g % array_length($2::uuid[], 1)] end,
                  now() - make_interval(mins => g), now() - make_interval(mins => g)
             from generate_series(1, $1::int) g, st
           returning id)
         select array_agg(id) as ids from (select id from ins limit 16) x`,
        [args.leads, ownersOf[i]],
      );
      await pool.query(`analyze ${s}.leads`);
      tenants[i].leadIds = rows[0].ids;
      every(N, i, 'seeded leads of');
    });

    // One live session per tenant admin, in bulk; access tokens minted with the API's own signer and secret.
    const sessions = await db.rows(
      `insert into control.sessions (user_id, tenant_id, user_agent, expires_at)
       select u, t, 'leadplane-bench', now() + interval '2 days' from unnest($1::uuid[], $2::uuid[]) as x(u, t)
       returning id, tenant_id`,
      [tenants.map((t) => t.adminId), tenants.map((t) => t.id)],
    );
    // Fresh statistics for what was just bulk-loaded, as the leads of each tenant got theirs: autovacuum would catch up
    // within minutes, but a measurement starting before it did planned the members view (control.users joined to the
    // tenant's memberships) with the statistics of a table 1/5 of its size, as a sequential scan of every user: at
    // 10,000 tenants that made the raw ceiling 5 times slower than the API (bench/results/levers.md, round 6).
    await db.rows('analyze control.users, control.memberships, control.sessions, control.tenants');
    const sid = new Map(sessions.map((s) => [s.tenant_id, s.id]));
    for (const t of tenants) {
      // Kept with the tenant (adminId too): a run reusing the database mints the token again (bench/run.mjs).
      t.sid = sid.get(t.id);
      t.token = signAccessToken(config.jwt, { sub: t.adminId, sid: t.sid, tid: t.id }).token;
    }

    fs.writeFileSync(args.fixtureFile, JSON.stringify({ tenants }));
    return { provisioning, leadsSeconds: round(leadsMs / 1000), tenants: N, leadsPerTenant: args.leads };
  } finally {
    await platform.close();
  }
}

main().then(done, fail);
