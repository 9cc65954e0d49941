/**
 * The permission catalog: resources × actions, and the SPA modules each permission unlocks.
 * Roles store permission keys; enforcement (issue: tenant administration) checks against these keys.
 */
export const PERMISSIONS = {
  'leads.read.all': { module: 'leads', description: 'See every lead of the tenant' },
  'leads.read.own': { module: 'leads', description: 'See the leads you own' },
  'leads.create': { module: 'leads', description: 'Create leads' },
  'leads.update': { module: 'leads', description: 'Edit leads' },
  'leads.delete': { module: 'leads', description: 'Delete and restore leads' },
  'leads.assign': { module: 'leads', description: 'Assign leads to members' },
  'leads.import': { module: 'leads', description: 'Import leads from CSV' },
  'statuses.manage': { module: 'settings.statuses', description: 'Edit lead statuses and the workflow' },
  'fields.manage': { module: 'settings.fields', description: 'Edit custom fields' },
  'teams.manage': { module: 'settings.teams', description: 'Edit teams' },
  'roles.manage': { module: 'settings.roles', description: 'Edit roles and permissions' },
  'members.manage': { module: 'settings.members', description: 'Invite, deactivate and assign roles to members' },
  'audit.read': { module: 'settings.audit', description: 'Read the audit log' },
  'dashboard.read': { module: 'dashboard', description: 'See dashboards' },
} as const;

export type Permission = keyof typeof PERMISSIONS;
export const ALL_PERMISSIONS = Object.keys(PERMISSIONS) as Permission[];

export function isPermission(key: string): key is Permission {
  return Object.prototype.hasOwnProperty.call(PERMISSIONS, key);
}

/**
 * What an integration's API key may do. A key is no member and holds no role: it works leads (reads every lead,
 * creates and edits them) and nothing else, so no administration, no deletes, no assignment and no dashboards.
 * A leaked key can then add and edit leads, never change who may do what or erase data.
 */
export const API_KEY_PERMISSIONS: readonly Permission[] = ['leads.read.all', 'leads.create', 'leads.update'];

export const DEFAULT_ROLES: Array<{ key: string; name: string; description: string; permissions: Permission[] }> = [
  { key: 'admin', name: 'Admin', description: 'Full control of the tenant', permissions: ALL_PERMISSIONS },
  {
    key: 'manager',
    name: 'Manager',
    description: 'Works and assigns every lead, sees dashboards',
    permissions: ['leads.read.all', 'leads.create', 'leads.update', 'leads.delete', 'leads.assign', 'leads.import', 'teams.manage', 'dashboard.read'],
  },
  {
    key: 'agent',
    name: 'Agent',
    description: 'Works the leads assigned to them',
    permissions: ['leads.read.own', 'leads.create', 'leads.update', 'dashboard.read'],
  },
];


/** Permission keys held (unknown keys dropped) and the distinct SPA modules they unlock, both sorted. */
export function describePermissions(held: Iterable<string>): { permissions: string[]; modules: string[] } {
  const permissions = [...new Set(held)].filter(isPermission).sort();
  const modules = [...new Set(permissions.map((p) => PERMISSIONS[p].module))].sort();
  return { permissions, modules };
}
