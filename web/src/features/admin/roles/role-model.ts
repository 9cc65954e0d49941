/**
 * The matrix editor's rules, without React: how the catalog is grouped, which cells are locked and why, and how
 * staged (unsaved) permission sets compare with what the server holds.
 */

export interface RoleData {
  id: string;
  key: string;
  name: string;
  description?: string | null;
  isSystem: boolean;
  memberCount: number;
  permissions: readonly string[];
}

export interface PermissionData {
  key: string;
  module: string;
  description: string;
}

/** The seeded admin role: the API refuses to take any permission from it (LAST_ADMIN). */
export const ADMIN_ROLE_KEY = 'admin';
export const isAdminRole = (role: Pick<RoleData, 'isSystem' | 'key'>) => role.isSystem && role.key === ADMIN_ROLE_KEY;

/** Why a cell cannot be toggled; null when it can. */
export type CellLock = 'read-only' | 'admin-keeps' | 'not-held' | null;

export const LOCK_HINTS: Record<Exclude<CellLock, null>, string> = {
  'read-only': 'You need the roles.manage permission to change roles.',
  'admin-keeps': 'The admin role keeps every permission it has.',
  'not-held': 'You do not hold this permission yourself, so you cannot grant or withdraw it.',
};

/**
 * Locks mirror the API's refusals so the admin is not offered a change that can only fail: the admin role never
 * loses a permission, and nobody hands out (or edits roles around) a permission they do not hold themselves.
 */
export function cellLock(role: RoleData, permission: string, held: ReadonlySet<string>, canManage: boolean): CellLock {
  if (!canManage) return 'read-only';
  if (isAdminRole(role) && role.permissions.includes(permission)) return 'admin-keeps';
  if (!held.has(permission)) return 'not-held';
  return null;
}

const MODULE_LABELS: Record<string, string> = {
  leads: 'Leads',
  dashboard: 'Dashboard',
  'settings.statuses': 'Settings: statuses',
  'settings.fields': 'Settings: custom fields',
  'settings.teams': 'Settings: teams',
  'settings.roles': 'Settings: roles',
  'settings.members': 'Settings: members',
  'settings.audit': 'Settings: audit log',
};

export const moduleLabel = (module: string) => MODULE_LABELS[module] ?? module;

export interface PermissionGroup {
  module: string;
  label: string;
  permissions: PermissionData[];
}

/** Catalog entries grouped by the module they unlock, groups and entries in catalog order. */
export function groupCatalog(catalog: readonly PermissionData[]): PermissionGroup[] {
  const groups = new Map<string, PermissionGroup>();
  for (const p of catalog) {
    let g = groups.get(p.module);
    if (!g) groups.set(p.module, (g = { module: p.module, label: moduleLabel(p.module), permissions: [] }));
    g.permissions.push(p);
  }
  return [...groups.values()];
}

/** Sorted and deduplicated, as the API stores them: staged sets compare and travel in this form. */
export const normalise = (keys: Iterable<string>) => [...new Set(keys)].sort();

export function samePermissions(a: readonly string[], b: readonly string[]): boolean {
  const x = normalise(a);
  const y = normalise(b);
  return x.length === y.length && x.every((k, i) => k === y[i]);
}

export function toggled(current: readonly string[], key: string, on: boolean): string[] {
  const set = new Set(current);
  if (on) set.add(key);
  else set.delete(key);
  return normalise(set);
}

/** How many cells differ between the staged set and the saved one. */
export function changeCount(saved: readonly string[], staged: readonly string[]): number {
  const s = new Set(saved);
  const t = new Set(staged);
  return [...s].filter((k) => !t.has(k)).length + [...t].filter((k) => !s.has(k)).length;
}

/** A suggested key the API accepts (`^[a-z][a-z0-9_]{1,39}$`): the name in lower case, words joined by underscores. */
export function keyFromName(name: string): string {
  return name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^[^a-z]+|_+$/g, '')
    .slice(0, 40)
    .replace(/_+$/, '');
}
