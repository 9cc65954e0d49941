import { performance } from 'node:perf_hooks';
import { leadTenant, ok, seedLeads, type LeadTenant } from '../../../test/lead-fixtures';
import { startTestServer, type TestServer } from '../../../test/helpers';
import { afterTenantCommit, tenantDb } from '../../tenancy/context';
import { withTenant } from '../../tenancy/with-tenant';
import { LEAD_COLUMNS } from '../leads/lead.types';
import { diffRecords, sanitizeArgs } from './audit.diff';
import { SNAPSHOTTERS } from './audit.snapshots';
import { writeAuditEntry } from './audit.writer';

/*
 * The measurement behind docs/decisions/0003-audit-log-in-transaction.md: what recording a mutation costs when the
 * entry is written in the mutation's own tenant transaction (what the API does), against enqueueing it through
 * pg-boss after the commit (the alternative), on the same machine and database, interleaved so drift hits all alike.
 * It asserts only that each variant did its work; the numbers are printed (and copied into the ADR by hand).
 */

const N = 200;
const WARMUP = 20;
const BENCH_QUEUE = 'audit-cost-bench';

let server: TestServer;
let t: LeadTenant;
let leadId: string;
beforeAll(async () => {
  server = await startTestServer({}, { workers: false });
  t = await leadTenant(server);
  leadId = (await seedLeads(server, t.tenant, [{ name: 'Bench', statusId: t.statuses.new! }]))[0]!.id;
  await server.jobs.ensureQueue(BENCH_QUEUE, {});
});
afterAll(async () => server?.close());

/** What updateLead itself does in the database: lock, update, activity row. */
async function mutation(i: number): Promise<{ before: Record<string, unknown>; after: Record<string, unknown> }> {
  const db = tenantDb();
  const before = (await db.one<Record<string, unknown>>(`select ${LEAD_COLUMNS} from leads l where l.id = $1 for update`, [leadId]))!;
  const after = (await db.one<Record<string, unknown>>(`update leads l set name = $2, updated_at = now() where id = $1 returning ${LEAD_COLUMNS}`, [leadId, `Bench ${i}`]))!;
  await db.query(`insert into lead_activities (lead_id, kind, actor_id, data) values ($1, 'field_change', $2, '{"fields":["name"]}')`, [leadId, t.adminId]);
  return { before, after };
}

const entryFor = (i: number, before: Record<string, unknown>, after: Record<string, unknown>) => ({
  action: 'mutation.updateLead',
  actorId: t.adminId,
  targetType: 'Lead',
  targetId: leadId,
  changes: diffRecords(before, after, ['updatedAt']),
  args: sanitizeArgs({ id: leadId, input: { name: `Bench ${i}` } }),
  request: { requestId: `bench-${i}`, ip: '127.0.0.1', userAgent: 'bench' },
});

const unit = <T>(fn: () => Promise<T>) => withTenant(server.platform.openSession, t.tenant, fn);

const VARIANTS: Record<string, (i: number) => Promise<void>> = {
  /** The mutation alone: no audit at all. */
  none: (i) => unit(async () => void (await mutation(i))),
  /** What the API does: the middleware's own primary-key read (the snapshot), then one insert before the same COMMIT. */
  'in-transaction': (i) =>
    unit(async () => {
      const snapshot = await SNAPSHOTTERS.Lead!.load(leadId);
      const { after } = await mutation(i);
      await writeAuditEntry(entryFor(i, snapshot!, after));
    }),
  /** The alternative: after COMMIT, a pg-boss job carrying the entry (the request waits for it, as after-commit hooks are awaited). */
  'enqueue-after-commit': (i) =>
    unit(async () => {
      const { before, after } = await mutation(i);
      afterTenantCommit(async () => void (await server.jobs.boss.send(BENCH_QUEUE, entryFor(i, before, after))));
    }),
  /** The work the enqueue path only postpones: a consumer writing one entry in its own tenant transaction (pg-boss fetch/complete not included). */
  'deferred-write-alone': (i) => unit(() => writeAuditEntry(entryFor(i, { name: 'x' }, { name: 'y' }))),
};

function stats(samples: number[]) {
  const s = [...samples].sort((x, y) => x - y);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
  const mean = s.reduce((x, y) => x + y, 0) / s.length;
  return { mean: +mean.toFixed(3), p50: +at(0.5).toFixed(3), p95: +at(0.95).toFixed(3), p99: +at(0.99).toFixed(3) };
}

test(`cost per mutation of the in-transaction write against enqueueing after commit (N = ${N} each, interleaved)`, async () => {
  const names = Object.keys(VARIANTS);
  const samples = Object.fromEntries(names.map((n) => [n, [] as number[]]));
  for (let i = 0; i < WARMUP + N; i++) {
    for (const name of i % 2 ? names : [...names].reverse()) {
      const started = performance.now();
      await VARIANTS[name]!(i);
      if (i >= WARMUP) samples[name]!.push(performance.now() - started);
    }
  }

  // The real thing, end to end over HTTP (snapshot + entry included), for scale.
  const e2e: number[] = [];
  for (let i = 0; i < WARMUP + N; i++) {
    const started = performance.now();
    await ok(await server.gql(`mutation($id: ID!, $n: String!) { updateLead(id: $id, input: { name: $n }) { id } }`, { id: leadId, n: `E2E ${i}` }, { token: t.token }));
    if (i >= WARMUP) e2e.push(performance.now() - started);
  }

  const table = { ...Object.fromEntries(names.map((n) => [n, stats(samples[n]!)])), 'graphql-updateLead-e2e': stats(e2e) };
  process.stdout.write(`\naudit cost, ms per unit (N=${N}):\n${JSON.stringify(table, null, 2)}\n`);

  const counts = await unit(async () =>
    (await tenantDb().one<{ entries: number }>(`select count(*)::int as entries from audit_log where action = 'mutation.updateLead'`))!,
  );
  // in-transaction, warmup included; deferred-write-alone likewise; the e2e mutations through the middleware.
  expect(counts.entries).toBe(3 * (WARMUP + N));
  const queued = await server.platform.db.one<{ n: number }>(`select count(*)::int as n from control_jobs.job where name = $1`, [BENCH_QUEUE]);
  expect(queued!.n).toBeGreaterThanOrEqual(WARMUP + N);
});
