import { MockedProvider } from '@apollo/client/testing/react';
import type { MockLink } from '@apollo/client/testing';
import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter } from 'react-router';
import { StaticPermissions } from '../../../auth/permissions';
import { ToastProvider } from '../../shell/toasts';

/** Test data shaped like the demo tenant (admin, agent, manager), with the __typenames the cache needs. */
export const ALL_PERMISSIONS = [
  'leads.read.all', 'leads.read.own', 'leads.create', 'leads.update', 'leads.delete', 'leads.assign', 'leads.import',
  'statuses.manage', 'fields.manage', 'teams.manage', 'roles.manage', 'members.manage', 'audit.read', 'dashboard.read',
];
const MODULE: Record<string, string> = {
  'statuses.manage': 'settings.statuses', 'fields.manage': 'settings.fields', 'teams.manage': 'settings.teams',
  'roles.manage': 'settings.roles', 'members.manage': 'settings.members', 'audit.read': 'settings.audit', 'dashboard.read': 'dashboard',
};
export const catalog = ALL_PERMISSIONS.map((key) => ({ __typename: 'PermissionInfo' as const, key, module: MODULE[key] ?? 'leads', description: `Can ${key}` }));

const role = (id: string, key: string, name: string, permissions: string[], isSystem = true, memberCount = 1) => ({
  __typename: 'Role' as const, id, key, name, description: `${name} role`, isSystem, memberCount, permissions: [...permissions].sort(),
});
export const admin = role('r-admin', 'admin', 'Admin', ALL_PERMISSIONS);
export const agent = role('r-agent', 'agent', 'Agent', ['dashboard.read', 'leads.create', 'leads.read.own', 'leads.update']);
export const manager = role('r-manager', 'manager', 'Manager', ['dashboard.read', 'leads.assign', 'leads.read.all', 'leads.update', 'teams.manage']);
export const roles = [admin, agent, manager];

export function renderWith(ui: ReactNode, mocks: MockLink.MockedResponse[], permissions: readonly string[] = ALL_PERMISSIONS, route = '/') {
  return render(
    <MockedProvider mocks={mocks}>
      <MemoryRouter initialEntries={[route]}>
        <StaticPermissions value={{ permissions: new Set(permissions), me: { id: 'u-alice', name: 'Alice Admin', email: 'alice@acme.test', isPlatformAdmin: false } }}>
          <ToastProvider>{ui}</ToastProvider>
        </StaticPermissions>
      </MemoryRouter>
    </MockedProvider>,
  );
}
