import { randomUUID } from 'node:crypto';
import { adminTenant, errorCode, inTenant, memberWith, ok, type AdminTenant } from '../../../test/admin-fixtures';
import { startTestServer, type TestServer } from '../../../test/helpers';

/*
 * Reading the audit log: newest first with keyset cursors on (at, id) (ties and microseconds included), every
 * filter, the actor as a Member, typed refusals; audit.read to read, roles.manage to change the retention; a
 * tenant only ever sees its own entries.
 */

const LOG = `query($filter: AuditLogFilter, $first: Int, $after: String) {
  auditLog(filter: $filter, first: $first, after: $after) {
    edges { cursor node { id at action actorId actor { id email } apiKeyId targetType targetId changes args } }
    pageInfo { hasNextPage hasPreviousPage endCursor }
  }
}`;
interface Page {
  auditLog: {
    edges: Array<{ cursor: string; node: { id: string; action: string; actorId: string | null; actor: { id: string; email: string } | null; targetId: string | null } }>;
    pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null };
  };
}

let server: TestServer;
let a: AdminTenant;
let b: AdminTenant;
let agent: { id: string; token: string };
const leadIds = [randomUUID(), randomUUID()];
beforeAll(async () => {
  server = await startTestServer();
  [a, b] = await Promise.all([adminTenant(server), adminTenant(server)]);
  agent = await memberWith(server, a, 'agent');
  // Twelve entries over the last day; two share their instant exactly and two differ by one microsecond only.
  const base = Date.now() - 86_400_000;
  const rows = Array.from({ length: 12 }, (_, i) => ({
    // Microsecond precision, as PostgreSQL keeps it (a JS Date would drop the last three digits).
    at: new Date(base + i * 60_000).toISOString().replace('Z', '000Z'),
    action: ['mutation.createLead', 'mutation.updateLead', 'auth.login', 'auth.login_failed'][i % 4],
    actor_id: [a.adminId, agent.id, null][i % 3],
    api_key_id: i % 3 === 2 ? randomUUID() : null,
    target_type: i % 4 < 2 ? 'Lead' : 'Member',
    target_id: i % 4 < 2 ? leadIds[i % 2] : null,
  }));
  rows[5]!.at = rows[4]!.at;
  rows[7]!.at = rows[6]!.at.replace(/000Z$/, '001Z');
  await inTenant(server, a, `insert into audit_log (at, action, actor_id, api_key_id, target_type, target_id)
    select at, action, actor_id, api_key_id, target_type, target_id from jsonb_to_recordset($1::jsonb)
      as x(at timestamptz, action text, actor_id uuid, api_key_id uuid, target_type text, target_id text)`, [JSON.stringify(rows)]);
  await ok(server, b.token, `mutation { setAuditRetention(days: 90) }`);
});
afterAll(async () => server?.close());

/** The ids SQL itself orders for a condition: what the API must return, page after page. */
const truth = async (where = 'true', params: unknown[] = []) =>
  (await inTenant<{ id: string }>(server, a, `select id from audit_log where ${where} order by at desc, id desc`, params)).map((r) => r.id);

async function all(token: string, filter: Record<string, unknown> | null, first = 5): Promise<string[]> {
  const ids: string[] = [];
  let after: string | null = null;
  for (let pages = 0; pages < 50; pages++) {
    const page: Page = await ok<Page>(server, token, LOG, { filter, first, after });
    ids.push(...page.auditLog.edges.map((e) => e.node.id));
    expect(page.auditLog.pageInfo.hasPreviousPage).toBe(after !== null);
    if (!page.auditLog.pageInfo.hasNextPage) return ids;
    after = page.auditLog.pageInfo.endCursor;
  }
  throw new Error('did not end');
}

test('pages newest first through keyset cursors, ties and microsecond differences included, none twice', async () => {
  const expected = await truth();
  expect(expected.length).toBeGreaterThanOrEqual(14);
  // Page sizes 1 and 3 put a page boundary between the tied pair and between the microsecond pair.
  for (const first of [1, 3, 200]) {
    const ids = await all(a.token, null, first);
    expect(ids).toEqual(expected);
    expect(new Set(ids).size).toBe(ids.length);
  }
});

test('every filter, alone and together, returns what SQL says', async () => {
  const since = new Date(Date.now() - 86_400_000 + 3 * 60_000 + 30_000).toISOString();
  const until = new Date(Date.now() - 86_400_000 + 9 * 60_000 + 30_000).toISOString();
  const cases: Array<[Record<string, unknown>, string, unknown[]]> = [
    [{ actorId: agent.id }, 'actor_id = $1', [agent.id]],
    [{ action: 'mutation.updateLead' }, `action = 'mutation.updateLead'`, []],
    [{ action: 'auth.*' }, `action like 'auth.%'`, []],
    [{ targetType: 'Lead' }, `target_type = 'Lead'`, []],
    [{ targetId: leadIds[0]!.toUpperCase() }, 'target_id = $1', [leadIds[0]]],
    [{ from: since, to: until }, 'at >= $1 and at < $2', [since, until]],
    [{ actorId: a.adminId, targetType: 'Lead', from: since }, `actor_id = $1 and target_type = 'Lead' and at >= $2`, [a.adminId, since]],
  ];
  for (const [filter, where, params] of cases) {
    const expected = await truth(where, params);
    expect(expected.length).toBeGreaterThan(0);
    expect({ filter, ids: await all(a.token, filter, 2) }).toEqual({ filter, ids: expected });
  }
  expect(await all(a.token, { action: 'auth%' })).toEqual([]);
});

test('an entry shows its actor as a Member, and none for an API key', async () => {
  const page = await ok<Page>(server, a.token, LOG, { filter: { targetType: 'Lead' }, first: 200 });
  for (const { node } of page.auditLog.edges) {
    if (node.actorId === a.adminId) expect(node.actor).toEqual({ id: a.adminId, email: a.adminEmail });
    else if (node.actorId === null) expect(node.actor).toBeNull();
    else expect(node.actor?.id).toBe(agent.id);
  }
});

test('malformed input is refused with typed errors', async () => {
  const bad = async (vars: Record<string, unknown>) => errorCode(await server.gql(LOG, vars, { token: a.token }));
  expect(await bad({ first: 0 })).toBe('BAD_USER_INPUT');
  expect(await bad({ first: 201 })).toBe('BAD_USER_INPUT');
  expect(await bad({ after: 'not-a-cursor' })).toBe('BAD_USER_INPUT');
  expect(await bad({ after: Buffer.from(JSON.stringify({ at: '2024-13-45 99:00:00+00', id: randomUUID() })).toString('base64url') })).toBe('BAD_USER_INPUT');
  expect(await bad({ filter: { actorId: 'someone' } })).toBe('BAD_USER_INPUT');
});

test('without audit.read (an agent) the log and the retention are FORBIDDEN; roles.manage sets the retention', async () => {
  const refused = async (q: string) => errorCode(await server.gql(q, {}, { token: agent.token }));
  expect(await refused(`{ auditLog { edges { cursor } } }`)).toBe('FORBIDDEN');
  expect(await refused(`{ auditRetention }`)).toBe('FORBIDDEN');
  expect(await refused(`mutation { setAuditRetention(days: 1) }`)).toBe('FORBIDDEN');
  expect(await ok(server, a.token, `{ auditRetention }`)).toEqual({ auditRetention: 365 });
});

test('the retention is 1 to 3650 days, else AUDIT_RETENTION_OUT_OF_RANGE; a change is itself recorded', async () => {
  for (const days of [0, -1, 3651]) {
    const res = await server.gql(`mutation($d: Int!) { setAuditRetention(days: $d) }`, { d: days }, { token: a.token });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'AUDIT_RETENTION_OUT_OF_RANGE', min: 1, max: 3650 });
  }
  expect(await ok(server, a.token, `mutation { setAuditRetention(days: 30) }`)).toEqual({ setAuditRetention: 30 });
  expect(await ok(server, a.token, `{ auditRetention }`)).toEqual({ auditRetention: 30 });
  const changes = await inTenant<{ action: string; target_type: string; changes: unknown }>(
    server, a, `select action, target_type, changes from audit_log where action = 'mutation.setAuditRetention'`);
  expect(changes).toEqual([{ action: 'mutation.setAuditRetention', target_type: 'TenantSettings', changes: { auditRetentionDays: { before: 365, after: 30 } } }]);
  expect(await ok(server, b.token, `{ auditRetention }`)).toEqual({ auditRetention: 90 });
});

test("tenant B's admin sees B's entries only, whatever it filters on", async () => {
  const seenInB = await all(b.token, null, 200);
  const inB = (await inTenant<{ id: string }>(server, b, 'select id from audit_log order by at desc, id desc')).map((r) => r.id);
  expect(seenInB).toEqual(inB);
  const inA = new Set(await truth());
  expect(seenInB.filter((id) => inA.has(id))).toEqual([]);
  expect(await all(b.token, { targetId: leadIds[0] })).toEqual([]);
  expect(await all(b.token, { actorId: a.adminId })).toEqual([]);
});
