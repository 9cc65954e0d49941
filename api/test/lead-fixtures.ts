import { randomUUID } from 'node:crypto';
import { tenantDb, type TenantDb } from '../src/tenancy/context';
import { withTenant } from '../src/tenancy/with-tenant';
import type { TenantRecord } from '../src/tenancy/tenant';
import { addMember, createTestTenant, login, uniqueSlug, type GqlResponse, type TestServer, type TestTenant } from './helpers';

/**
 * Fixtures for the leads tests (api/src/modules/leads/*.test.ts). They live here, not beside the tests, because
 * the API build compiles every non-test file of api/src and must not depend on api/test.
 * Setup data (custom field definitions, teams, bulk leads) goes straight into the tenant's schema through the
 * one door (withTenant + tenantDb), so these tests depend on nothing but the leads module itself.
 */

export interface LeadTenant extends TestTenant {
  token: string;
  statuses: Record<string, string>;
}

/** A provisioned tenant, its admin signed in, and its status ids by key. */
export async function leadTenant(server: TestServer): Promise<LeadTenant> {
  const t = await createTestTenant(server, { direct: true });
  const { accessToken } = await login(server, t.adminEmail);
  const rows = await inTenant(server, t.tenant, (db) => db.query<{ id: string; key: string }>('select id, key from lead_statuses'));
  return { ...t, token: accessToken, statuses: Object.fromEntries(rows.map((r) => [r.key, r.id])) };
}

/** A new user, an active member of `tenant` only, with a unique email. */
export async function member(server: TestServer, tenant: TenantRecord, name = 'm'): Promise<{ id: string; email: string }> {
  const email = `${name}-${uniqueSlug('u')}@example.test`;
  return { id: await addMember(server, tenant, email), email };
}

export function inTenant<T>(server: TestServer, tenant: TenantRecord, fn: (db: TenantDb) => Promise<T>): Promise<T> {
  return withTenant(server.platform.openSession, tenant, () => fn(tenantDb()));
}

export interface FieldDef {
  key: string;
  type: string;
  required?: boolean;
  options?: string[];
  min?: number;
  max?: number;
  pattern?: string;
}

export async function defineFields(server: TestServer, tenant: TenantRecord, defs: FieldDef[]): Promise<void> {
  await inTenant(server, tenant, async (db) => {
    for (const [i, d] of defs.entries()) {
      await db.query(
        `insert into custom_field_definitions (key, label, type, required, options, min, max, pattern, position)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [d.key, d.key.toUpperCase(), d.type, d.required ?? false, JSON.stringify((d.options ?? []).map((v) => ({ value: v, label: v }))), d.min ?? null, d.max ?? null, d.pattern ?? null, i],
      );
    }
  });
}

export async function createTeam(server: TestServer, tenant: TenantRecord, memberIds: string[] = []): Promise<string> {
  return inTenant(server, tenant, async (db) => {
    const team = (await db.one<{ id: string }>('insert into teams (name) values ($1) returning id', [uniqueSlug('team')]))!;
    for (const userId of memberIds) await db.query('insert into team_members (team_id, user_id) values ($1, $2)', [team.id, userId]);
    return team.id;
  });
}

/** A lead row as the list tests seed it: every column settable, including the timestamps. */
export interface SeedLead {
  id?: string;
  name: string;
  company?: string | null;
  email?: string | null;
  phone?: string | null;
  source?: string | null;
  value?: number | null;
  currency?: string | null;
  statusId: string;
  ownerId?: string | null;
  teamId?: string | null;
  tags?: string[];
  custom?: Record<string, unknown>;
  createdAt?: string;
  updatedAt?: string;
  deletedAt?: string | null;
}

/** Inserts leads in one statement; returns them with their ids (given ids are kept, so tests can shape ties). */
export async function seedLeads(server: TestServer, tenant: TenantRecord, leads: SeedLead[]): Promise<Array<SeedLead & { id: string }>> {
  const now = new Date().toISOString();
  const rows = leads.map((l) => ({
    ...l,
    id: l.id ?? randomUUID(),
    tags: l.tags ?? [],
    custom: l.custom ?? {},
    createdAt: l.createdAt ?? now,
    updatedAt: l.updatedAt ?? l.createdAt ?? now,
  }));
  await inTenant(server, tenant, (db) =>
    db.query(
      `insert into leads (id, name, company, email, phone, source, value, currency, status_id, owner_id, team_id, tags, custom, created_at, updated_at, deleted_at)
       select id, name, company, email, phone, source, value, currency, "statusId", "ownerId", "teamId", coalesce(array(select jsonb_array_elements_text(tags)), '{}'),
              coalesce(custom, '{}'), "createdAt", "updatedAt", "deletedAt"
         from jsonb_to_recordset($1::jsonb) as x(id uuid, name text, company text, email text, phone text, source text, value numeric, currency text,
              "statusId" uuid, "ownerId" uuid, "teamId" uuid, tags jsonb, custom jsonb, "createdAt" timestamptz, "updatedAt" timestamptz, "deletedAt" timestamptz)`,
      [JSON.stringify(rows)],
    ),
  );
  return rows;
}

/** Row counts of what a lead mutation writes: compared before and after a refused mutation. */
export function counts(server: TestServer, tenant: TenantRecord): Promise<{ leads: number; activities: number }> {
  return inTenant(server, tenant, async (db) =>
    (await db.one<{ leads: number; activities: number }>(
      'select (select count(*)::int from leads) as leads, (select count(*)::int from lead_activities) as activities',
    ))!,
  );
}

/** The exact text of every row of a lead's tables: equal snapshots mean nothing was written. */
export function snapshot(server: TestServer, tenant: TenantRecord, tables = ['leads', 'lead_activities']): Promise<string> {
  return inTenant(server, tenant, async (db) => {
    const parts: string[] = [];
    for (const table of tables) {
      const rows = await db.query<{ t: string }>(`select x::text as t from ${table} x order by x::text`);
      parts.push(`${table}:\n${rows.map((r) => r.t).join('\n')}`);
    }
    return parts.join('\n');
  });
}

export type Gql = <T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>) => Promise<GqlResponse<T>>;

/** GraphQL as one signed-in user. */
export function as(server: TestServer, token: string): Gql {
  return (query, variables) => server.gql(query, variables, { token });
}

/** The data of a response that must have succeeded (its errors are shown when it did not). */
export function ok<T>(res: GqlResponse<T>): T {
  if (res.errors?.length || !res.data) throw new Error(`unexpected errors: ${JSON.stringify(res.errors)}`);
  return res.data;
}

export const errorCode = (res: GqlResponse<unknown>) => res.errors?.[0]?.extensions?.code;

/** The `extensions.fields[].field` of a refused operation, sorted. */
export function badFields(res: GqlResponse<unknown>): string[] {
  const fields = (res.errors?.[0]?.extensions?.fields ?? []) as Array<{ field: string }>;
  return fields.map((f) => f.field).sort();
}

export const randomId = () => randomUUID();
