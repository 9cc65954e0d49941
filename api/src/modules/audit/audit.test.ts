import { randomBytes, randomUUID } from 'node:crypto';
import { memberWith } from '../../../test/admin-fixtures';
import { startTestServer, type TestServer } from '../../../test/helpers';
import { defineFields, errorCode, inTenant, leadTenant, ok, type LeadTenant } from '../../../test/lead-fixtures';
import { hashApiKey } from '../../tenancy/resolvers';
import type { TenantRecord } from '../../tenancy/tenant';

/*
 * Writing the audit log: every successful mutation of tenant data leaves exactly one entry, in the same tenant
 * transaction (so a refused or rolled-back mutation leaves none), with its actor, target, request and the changed
 * fields only; arguments are stored without secrets; nothing is ever written into another tenant.
 */

interface Entry {
  action: string;
  actor_id: string | null;
  target_type: string | null;
  target_id: string | null;
  changes: Record<string, { before: unknown; after: unknown }> | null;
  args: Record<string, unknown> | null;
  ip: string | null;
  user_agent: string | null;
  request_id: string | null;
}

const entries = (tenant: TenantRecord, action = 'mutation.%') =>
  inTenant(server, tenant, (db) =>
    db.query<Entry>(
      `select action, actor_id, target_type, target_id, changes, args, host(client_ip) as ip, user_agent, request_id
         from audit_log where action like $1 order by at, id`,
      [action],
    ),
  );

let server: TestServer;
let a: LeadTenant;
let b: LeadTenant;
beforeAll(async () => {
  server = await startTestServer();
  [a, b] = await Promise.all([leadTenant(server), leadTenant(server)]);
});
afterAll(async () => server?.close());

const headers = { 'x-request-id': 'req-audit-1', 'user-agent': 'audit-test/1.0' };
const run = async <T>(t: { token: string }, query: string, variables: Record<string, unknown> = {}) => ok(await server.gql<T>(query, variables, { token: t.token, headers }));
const LEAD = 'id name company statusId: status { id } deletedAt';

test('each kind of lead mutation leaves one entry: actor, target, request, and only the fields that changed', async () => {
  const agent = await memberWith(server, a, 'agent');
  const created = (await run<{ createLead: { id: string } }>(a, `mutation { createLead(input: { name: "Ada", company: "Acme" }) { ${LEAD} } }`)).createLead;
  await run(a, `mutation($id: ID!) { updateLead(id: $id, input: { name: "Ada L.", company: "Acme" }) { id } }`, { id: created.id.toUpperCase() });
  await run(a, `mutation($id: ID!, $s: ID!) { changeLeadStatus(id: $id, statusId: $s) { id } }`, { id: created.id, s: a.statuses.contacted });
  await run(a, `mutation($id: ID!, $u: ID) { assignLead(leadId: $id, userId: $u) { id } }`, { id: created.id, u: agent.id });
  const deleted = (await run<{ deleteLead: { deletedAt: string } }>(a, `mutation($id: ID!) { deleteLead(id: $id) { ${LEAD} } }`, { id: created.id })).deleteLead;

  const log = await entries(a.tenant);
  expect(log.map((e) => e.action)).toEqual(['mutation.createLead', 'mutation.updateLead', 'mutation.changeLeadStatus', 'mutation.assignLead', 'mutation.deleteLead']);
  for (const e of log) {
    expect(e).toMatchObject({ actor_id: a.adminId, target_type: 'Lead', target_id: created.id, ip: '127.0.0.1', user_agent: 'audit-test/1.0', request_id: 'req-audit-1' });
  }
  const [create, update, status, assign, del] = log as [Entry, Entry, Entry, Entry, Entry];
  expect(create.changes).toBeNull();
  expect(create.args).toEqual({ input: { name: 'Ada', company: 'Acme' } });
  // company was sent unchanged and updatedAt always moves: neither is a change.
  expect(update.changes).toEqual({ name: { before: 'Ada', after: 'Ada L.' } });
  expect(status.changes).toEqual({ statusId: { before: a.statuses.new, after: a.statuses.contacted } });
  expect(assign.changes).toEqual({ ownerId: { before: null, after: agent.id } });
  expect(del.changes).toEqual({ deletedAt: { before: null, after: new Date(deleted.deletedAt).toISOString() } });
});

test('an admin mutation of statuses is recorded too, with the target read from a bare id result', async () => {
  const s = (await run<{ createLeadStatus: { id: string } }>(a, `mutation { createLeadStatus(input: { key: "nurture", label: "Nurture" }) { id } }`)).createLeadStatus;
  await run(a, `mutation($id: ID!) { updateLeadStatus(id: $id, input: { label: "Nurturing" }) { id } }`, { id: s.id });
  await run(a, `mutation($id: ID!) { deleteLeadStatus(id: $id) }`, { id: s.id });
  const log = (await entries(a.tenant)).filter((e) => e.target_type === 'LeadStatus').map((e) => [e.action, e.target_type, e.target_id]);
  expect(log).toEqual([
    ['mutation.createLeadStatus', 'LeadStatus', s.id],
    ['mutation.updateLeadStatus', 'LeadStatus', s.id],
    ['mutation.deleteLeadStatus', 'LeadStatus', s.id],
  ]);
});

test('a refused mutation, a forbidden one and one rolled back by a later field leave no entry', async () => {
  const before = (await entries(a.tenant)).length;
  const lead = (await run<{ createLead: { id: string } }>(a, `mutation { createLead(input: { name: "Grace" }) { id } }`)).createLead;

  const refused = await server.gql(`mutation($id: ID!, $s: ID!) { changeLeadStatus(id: $id, statusId: $s) { id } }`, { id: lead.id, s: a.statuses.won }, { token: a.token });
  expect(errorCode(refused)).toBe('TRANSITION_NOT_ALLOWED');
  const agent = await memberWith(server, a, 'agent');
  const forbidden = await server.gql(`mutation($id: ID!) { deleteLead(id: $id) { id } }`, { id: lead.id }, { token: agent.token });
  expect(errorCode(forbidden)).toBe('FORBIDDEN');
  // The first field succeeds, the second fails: the operation rolls back, and the first field's entry with it.
  const rolledBack = await server.gql(
    `mutation($id: ID!, $missing: ID!) { a: updateLead(id: $id, input: { name: "Renamed" }) { id } b: updateLead(id: $missing, input: { name: "x" }) { id } }`,
    { id: lead.id, missing: randomUUID() },
    { token: a.token },
  );
  expect(errorCode(rolledBack)).toBe('NOT_FOUND');

  const after = await entries(a.tenant);
  expect(after.map((e) => e.action).slice(before)).toEqual(['mutation.createLead']);
  const name = await inTenant(server, a.tenant, (db) => db.one<{ name: string }>('select name from leads where id = $1', [lead.id]));
  expect(name!.name).toBe('Grace');
});

test('arguments are stored without secrets at any depth and size-capped; diffs never show a secret value', async () => {
  await defineFields(server, a.tenant, [{ key: 'password', type: 'text' }, { key: 'api_token', type: 'text' }, { key: 'notes', type: 'text' }]);
  const lead = (
    await run<{ createLead: { id: string } }>(a, `mutation($c: JSONObject) { createLead(input: { name: "Secretive", customFields: $c }) { id } }`, {
      c: { password: 'hunter2', api_token: 'tok-123', notes: 'n'.repeat(1500) },
    })
  ).createLead;
  await run(a, `mutation($id: ID!, $c: JSONObject) { updateLead(id: $id, input: { customFields: $c }) { id } }`, { id: lead.id, c: { password: 'hunter3', notes: 'short' } });

  const [create, update] = (await entries(a.tenant)).filter((e) => e.target_id === lead.id) as [Entry, Entry];
  const custom = (create.args!.input as { customFields: Record<string, string> }).customFields;
  expect(Object.keys(custom)).toEqual(['notes']);
  expect(custom.notes).toHaveLength(501);
  expect(update.changes).toEqual({ custom: { before: { notes: expect.stringMatching(/^n+…$/) }, after: { notes: 'short' } } });
  const raw = await inTenant(server, a.tenant, (db) => db.query<{ t: string }>('select x::text as t from audit_log x'));
  expect(raw.map((r) => r.t).join('\n')).not.toMatch(/hunter|tok-123/);
});

test("a tenant's mutations never write into another tenant, whatever else its members belong to", async () => {
  const inBoth = await memberWith(server, a, 'admin');
  await server.platform.db.rows('insert into control.memberships (tenant_id, user_id) values ($1, $2)', [b.tenant.id, inBoth.id]);
  await run({ token: inBoth.token }, `mutation { createLead(input: { name: "Only in A" }) { id } }`);
  await run(b, `mutation { createLead(input: { name: "Only in B" }) { id } }`);

  const inB = await entries(b.tenant);
  expect(inB.map((e) => [e.action, e.actor_id])).toEqual([['mutation.createLead', b.adminId]]);
  expect((await entries(a.tenant)).filter((e) => e.actor_id === inBoth.id)).toHaveLength(1);
});

test("an integration's mutation names its API key, not a member", async () => {
  const keyServer = await startTestServer({ TENANT_RESOLVERS: 'jwt,apikey' }, { workers: false });
  try {
    const key = `lp_${randomBytes(24).toString('base64url')}`;
    const row = await keyServer.platform.db.one<{ id: string }>(
      `insert into control.api_keys (tenant_id, name, key_prefix, key_hash) values ($1, 'audit', $2, $3) returning id`,
      [b.tenant.id, key.slice(0, 8), hashApiKey(key)],
    );
    const res = await keyServer.gql<{ createLead: { id: string } }>(`mutation { createLead(input: { name: "From CRM sync" }) { id } }`, {}, { headers: { 'x-api-key': key } });
    const id = ok(res).createLead.id;
    const entry = await inTenant(server, b.tenant, (db) => db.one<{ actor_id: string | null; api_key_id: string }>(
      `select actor_id, api_key_id from audit_log where target_id = $1`, [id]));
    expect(entry).toEqual({ actor_id: null, api_key_id: row!.id });
  } finally {
    await keyServer.close();
  }
});

test('a mutation whose entry cannot be written does not happen: no committed change without its entry', async () => {
  const c = await leadTenant(server);
  await server.platform.db.rows(`alter table "${c.tenant.schemaName}".audit_log add constraint no_more check (false) not valid`);
  const res = await server.gql(`mutation { createLead(input: { name: "Unrecorded" }) { id } }`, {}, { token: c.token });
  expect(errorCode(res)).toBe('INTERNAL_SERVER_ERROR');
  const leads = await inTenant(server, c.tenant, (db) => db.query('select id from leads'));
  expect(leads).toEqual([]);
});

test('the tenant role cannot edit the audit log: entries are append-only for it', async () => {
  const attempt = inTenant(server, a.tenant, (db) => db.query(`update audit_log set action = 'mutation.nothing'`));
  await expect(attempt).rejects.toThrow(/permission denied/);
});
