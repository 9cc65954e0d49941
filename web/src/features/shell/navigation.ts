/** The menu: each entry shows only when `myPermissions.modules` holds its module (the API's catalog names them). */
export interface NavItem {
  to: string;
  label: string;
  module: string;
  section: 'work' | 'settings';
}

export const NAV_ITEMS: readonly NavItem[] = [
  { to: '/leads', label: 'Leads', module: 'leads', section: 'work' },
  { to: '/board', label: 'Pipeline', module: 'leads', section: 'work' },
  { to: '/dashboard', label: 'Dashboard', module: 'dashboard', section: 'work' },
  { to: '/settings/members', label: 'Members', module: 'settings.members', section: 'settings' },
  { to: '/settings/roles', label: 'Roles & permissions', module: 'settings.roles', section: 'settings' },
  { to: '/settings/statuses', label: 'Statuses & workflow', module: 'settings.statuses', section: 'settings' },
  { to: '/settings/fields', label: 'Custom fields', module: 'settings.fields', section: 'settings' },
  { to: '/settings/teams', label: 'Teams', module: 'settings.teams', section: 'settings' },
  { to: '/settings/audit', label: 'Audit log', module: 'settings.audit', section: 'settings' },
];

export function visibleNav(hasModule: (m: string) => boolean): NavItem[] {
  return NAV_ITEMS.filter((i) => hasModule(i.module));
}

/** Where to land after sign-in: the first module the member may use. */
export function homePath(hasModule: (m: string) => boolean): string | null {
  return visibleNav(hasModule)[0]?.to ?? null;
}
