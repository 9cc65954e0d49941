import type { Queryable } from '../../db/control-db';
import type { TenantRecord } from '../../tenancy/tenant';
import { DEFAULT_ROLES } from '../permissions/catalog';

export const DEFAULT_STATUSES = [
  { key: 'new', label: 'New', color: '#3b82f6', kind: 'open' },
  { key: 'contacted', label: 'Contacted', color: '#8b5cf6', kind: 'open' },
  { key: 'qualified', label: 'Qualified', color: '#f59e0b', kind: 'open' },
  { key: 'proposal', label: 'Proposal', color: '#06b6d4', kind: 'open' },
  { key: 'won', label: 'Won', color: '#22c55e', kind: 'won' },
  { key: 'lost', label: 'Lost', color: '#ef4444', kind: 'lost' },
] as const;

/** The default workflow: forward through the pipeline, to lost from anywhere open, and lost leads may reopen. */
export const DEFAULT_TRANSITIONS: Array<[string, string]> = [
  ['new', 'contacted'],
  ['new', 'lost'],
  ['contacted', 'qualified'],
  ['contacted', 'lost'],
  ['qualified', 'proposal'],
  ['qualified', 'lost'],
  ['proposal', 'won'],
  ['proposal', 'lost'],
  ['proposal', 'qualified'],
  ['lost', 'new'],
];

/**
 * Seeds a new tenant: statuses and transitions, the system roles, and the first admin's role.
 * Runs inside the provisioning transaction, which has already selected the tenant's schema (tenancy/).
 */
export async function seedTenantDefaults(q: Queryable, _tenant: TenantRecord, firstAdminUserId: string | null): Promise<void> {
  await q.rows(
    `insert into lead_statuses (key, label, position, color, terminal_kind, is_default)
     select s.key, s.label, s.position, s.color, s.kind, s.position = 1
       from jsonb_to_recordset($1::jsonb) as s(key text, label text, color text, kind text, position int)`,
    [JSON.stringify(DEFAULT_STATUSES.map((s, i) => ({ ...s, position: i + 1 })))],
  );
  await q.rows(
    `insert into lead_status_transitions (from_status_id, to_status_id)
     select f.id, t.id from jsonb_to_recordset($1::jsonb) as x("from" text, "to" text)
       join lead_statuses f on f.key = x."from" join lead_statuses t on t.key = x."to"`,
    [JSON.stringify(DEFAULT_TRANSITIONS.map(([from, to]) => ({ from, to })))],
  );
  await q.rows(
    `insert into roles (key, name, description, permissions, is_system)
     select r.key, r.name, r.description, array(select jsonb_array_elements_text(r.permissions)), true
       from jsonb_to_recordset($1::jsonb) as r(key text, name text, description text, permissions jsonb)`,
    [JSON.stringify(DEFAULT_ROLES)],
  );
  if (firstAdminUserId) {
    await q.rows(`insert into member_roles (user_id, role_id) select $1, id from roles where key = 'admin'`, [firstAdminUserId]);
  }
}
