import { createTestTenant, startTestServer, type TestServer } from '../../../test/helpers';
import { tenantDb } from '../../tenancy/context';
import type { TenantRecord } from '../../tenancy/tenant';
import { withTenant } from '../../tenancy/with-tenant';
import { CUSTOM_FIELD_COLUMNS } from '../custom-fields/custom-field.types';
import { validateCustomValues, type CustomFieldDefinition } from '../custom-fields/custom-field.validation';
import { DEMO_PASSWORD, DEMO_TENANT, seedDemo } from './demo';
import { buildDemoData, DEMO_LEAD_COUNT } from './demo-data';
import { seedDemoPipeline } from './demo-seed';

let server: TestServer;
let statements = 0;
beforeAll(async () => {
  server = await startTestServer({}, { platform: { onStatement: () => void statements++ } });
});
afterAll(async () => server?.close());

interface Census {
  leads: number;
  activities: number;
  statuses: number;
  unusedStatuses: string[];
  sources: string[];
  currencies: string[];
  owners: number;
  unassigned: number;
  withTeam: number;
  teams: Array<{ name: string; members: string[] }>;
  fields: CustomFieldDefinition[];
  oldestDays: number;
  custom: Array<Record<string, unknown>>;
}

function census(tenant: TenantRecord): Promise<Census> {
  return withTenant(server.platform.openSession, tenant, async () =>
    (await tenantDb().one<Census>(
      `select (select count(*)::int from leads) as leads,
              (select count(*)::int from lead_activities) as activities,
              (select count(distinct status_id)::int from leads) as statuses,
              array(select key from lead_statuses s where not exists (select 1 from leads l where l.status_id = s.id)) as "unusedStatuses",
              array(select distinct source from leads order by 1) as sources,
              array(select distinct currency::text from leads where currency is not null order by 1) as currencies,
              (select count(distinct owner_id)::int from leads) as owners,
              (select count(*)::int from leads where owner_id is null) as unassigned,
              (select count(*)::int from leads where team_id is not null) as "withTeam",
              (select jsonb_agg(jsonb_build_object('name', t.name, 'members',
                  (select coalesce(jsonb_agg(m.email order by m.email), '[]') from team_members tm join members m on m.user_id = tm.user_id where tm.team_id = t.id))
                  order by t.name) from teams t) as teams,
              (select jsonb_agg(f order by f.position) from (select ${CUSTOM_FIELD_COLUMNS} from custom_field_definitions) f) as fields,
              (select extract(day from now() - min(created_at))::int from leads) as "oldestDays",
              (select jsonb_agg(custom) from leads) as custom`,
    ))!,
  );
}

test('the demo data is a pure function of its seed', () => {
  const users = { alice: '00000000-0000-4000-8000-00000000000a', bob: null, carol: '00000000-0000-4000-8000-00000000000c' };
  const now = new Date('2024-06-01T12:00:00Z');
  const one = buildDemoData(users, now);
  expect(buildDemoData(users, now)).toEqual(one);
  expect(buildDemoData(users, now, 7).leads[0]).not.toEqual(one.leads[0]);
  expect(new Set(one.leads.map((l) => l.id)).size).toBe(DEMO_LEAD_COUNT);
  expect(one.leads.every((l) => l.updated_at >= l.created_at && l.created_at <= now.toISOString())).toBe(true);
});

test('seedDemo provisions acme with a realistic pipeline, once', async () => {
  // The run's database is fresh (test/global-setup.ts) and no other test uses the fixed slug `acme`; if a tenant
  // by that name exists anyway it was made by seedDemo, and the assertions below hold for it all the same.
  await seedDemo(server.platform, server.services);
  const tenant = (await server.platform.registry.bySlug(DEMO_TENANT.slug))!;
  expect(tenant.status).toBe('active');
  const first = await census(tenant);

  expect(first.leads).toBe(300);
  expect(first.statuses).toBe(6);
  expect(first.unusedStatuses).toEqual([]);
  expect(first.sources).toEqual(['cold-call', 'event', 'partner', 'referral', 'web']);
  expect(first.currencies).toEqual(['EUR', 'USD']);
  expect(first.owners).toBe(3);
  expect(first.unassigned).toBeGreaterThan(30);
  expect(first.withTeam).toBeGreaterThan(150);
  expect(first.teams).toEqual([
    { name: 'Enterprise', members: ['bob@acme.test'] },
    { name: 'SMB', members: ['carol@acme.test'] },
  ]);
  expect(first.fields.map((f) => [f.key, f.type])).toEqual([
    ['industry', 'select'],
    ['employees', 'number'],
    ['website', 'url'],
    ['next_call', 'date'],
    ['newsletter', 'boolean'],
  ]);
  expect(first.fields[0]!.options).toHaveLength(6);
  expect(first.oldestDays).toBeLessThanOrEqual(120);
  expect(first.oldestDays).toBeGreaterThan(100);
  expect(first.activities).toBeGreaterThan(first.leads * 2);
  // Every seeded value passes the same validation as a value typed into the app.
  for (const values of first.custom) expect(validateCustomValues(first.fields, values, { creating: true }).problems).toEqual([]);

  // The early stages hold more leads than the late ones, as in a real funnel.
  const res = await server.gql<{ login: { accessToken: string } }>(
    `mutation($email: String!, $password: String!) { login(email: $email, password: $password, tenant: "acme") { accessToken } }`,
    { email: 'bob@acme.test', password: DEMO_PASSWORD },
  );
  const dash = await server.gql<{ leadCountsByStatus: Array<{ count: number; status: { key: string } }> }>(
    `{ leadCountsByStatus { count status { key } } }`,
    {},
    { token: res.data!.login.accessToken },
  );
  const n: Record<string, number> = Object.fromEntries(dash.data!.leadCountsByStatus.map((r) => [r.status.key, r.count]));
  expect(n.new! + n.contacted!).toBeGreaterThan(n.proposal! + n.won!);

  await seedDemo(server.platform, server.services);
  expect(await census(tenant)).toEqual(first);
});

test('the pipeline seed is a few statements and fast', async () => {
  const { tenant } = await createTestTenant(server, { direct: true });
  const emails = { alice: 'nobody-a@example.test', bob: 'nobody-b@example.test', carol: 'nobody-c@example.test' };
  const [started, before] = [Date.now(), statements];
  expect(await seedDemoPipeline(server.platform, tenant, emails)).toMatchObject({ seeded: true, leads: 300 });
  expect(Date.now() - started).toBeLessThan(2000);
  expect(statements - before).toBe(7); // lock, check, fields, teams, team members, leads, activities
  const again = statements;
  expect(await seedDemoPipeline(server.platform, tenant, emails)).toEqual({ seeded: false, leads: 0, activities: 0 });
  expect(statements - again).toBe(2);
  expect((await census(tenant)).leads).toBe(300);
});
