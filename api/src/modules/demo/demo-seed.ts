import type { Platform } from '../../platform';
import { tenantDb } from '../../tenancy/context';
import type { TenantRecord } from '../../tenancy/tenant';
import { withTenant } from '../../tenancy/with-tenant';
import { buildDemoData, DEMO_FIELDS, DEMO_TEAMS, type DemoUserKey, type DemoUsers } from './demo-data';

export interface PipelineSeed {
  seeded: boolean;
  leads: number;
  activities: number;
}

const json = (v: unknown) => JSON.stringify(v);

/**
 * Fills the demo tenant with a pipeline: custom fields, teams, leads and their history, in one tenant
 * transaction of a few set-based statements (each inserts a whole JSON recordset). Runs only while the
 * tenant has no leads at all, so restarts add nothing; the advisory lock makes two processes starting at
 * once take turns, and the second then sees the first one's leads.
 */
export async function seedDemoPipeline(platform: Platform, tenant: TenantRecord, emails: Record<DemoUserKey, string>, now = new Date()): Promise<PipelineSeed> {
  return withTenant(platform.openSession, tenant, async () => {
    const db = tenantDb();
    await db.query(`select pg_advisory_xact_lock(hashtext($1))`, [`leadplane.demo-seed:${tenant.id}`]);
    const state = (await db.one<{ seeded: boolean; members: Array<{ id: string; email: string }> }>(
      `select exists (select 1 from leads) as seeded,
              coalesce((select jsonb_agg(jsonb_build_object('id', user_id, 'email', lower(email))) from members), '[]') as members`,
    ))!;
    if (state.seeded) return { seeded: false, leads: 0, activities: 0 };

    const idOf = (key: DemoUserKey) => state.members.find((m) => m.email === emails[key].toLowerCase())?.id ?? null;
    const users: DemoUsers = { alice: idOf('alice'), bob: idOf('bob'), carol: idOf('carol') };
    const { leads, activities } = buildDemoData(users, now);

    await db.query(
      `insert into custom_field_definitions (key, label, type, options, min, position)
       select f.key, f.label, f.type, f.options, f.min, f.position
         from jsonb_to_recordset($1::jsonb) as f(key text, label text, type text, options jsonb, min numeric, position int)
       on conflict (key) do nothing`,
      [json(DEMO_FIELDS.map((f, i) => ({ ...f, position: i + 1 })))],
    );
    await db.query(`insert into teams (name) select jsonb_array_elements_text($1::jsonb) on conflict (name) do nothing`, [json(DEMO_TEAMS.map((t) => t.name))]);
    await db.query(
      `insert into team_members (team_id, user_id)
       select t.id, m.user_id from jsonb_to_recordset($1::jsonb) as m(team text, user_id uuid) join teams t on t.name = m.team
       on conflict do nothing`,
      [json(DEMO_TEAMS.flatMap((t) => t.members.filter((k) => users[k]).map((k) => ({ team: t.name, user_id: users[k] }))))],
    );
    await db.query(
      `insert into leads (id, name, company, email, phone, source, value, currency, status_id, owner_id, team_id, tags, custom, created_by, created_at, updated_at)
       select x.id, x.name, x.company, x.email, x.phone, x.source, x.value, x.currency, s.id, x.owner_id, t.id, x.tags, x.custom,
              x.created_by, x.created_at, x.updated_at
         from jsonb_to_recordset($1::jsonb) as x(id uuid, name text, company text, email text, phone text, source text, value numeric,
                currency text, status text, owner_id uuid, team text, tags text[], custom jsonb, created_by uuid,
                created_at timestamptz, updated_at timestamptz)
         join lead_statuses s on s.key = x.status
         left join teams t on t.name = x.team`,
      [json(leads)],
    );
    // Activity data has the shape LeadService writes: status ids (and keys) for status changes.
    await db.query(
      `insert into lead_activities (lead_id, kind, actor_id, body, data, created_at)
       select a.lead_id, a.kind, a.actor_id, a.body,
              case a.kind
                when 'status_change' then jsonb_build_object('from', f.id, 'to', t.id, 'fromKey', f.key, 'toKey', t.key)
                when 'created' then jsonb_build_object('statusId', t.id, 'ownerId', a.owner_id)
                else '{}'::jsonb
              end,
              a.created_at
         from jsonb_to_recordset($1::jsonb) as a(lead_id uuid, kind text, actor_id uuid, owner_id uuid, body text, from_key text,
                to_key text, created_at timestamptz)
         left join lead_statuses f on f.key = a.from_key
         left join lead_statuses t on t.key = a.to_key`,
      [json(activities)],
    );
    return { seeded: true, leads: leads.length, activities: activities.length };
  });
}
