import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GraphQLError } from 'graphql';
import { RolesPage, RolesPageDocument } from './RolesPage';
import { ALL_PERMISSIONS, admin, agent, catalog, renderWith, roles } from './roles/test-fixtures';
import { UpdateRoleDocument } from './roles/use-update-role-mutation';

const pageMock = { request: { query: RolesPageDocument }, result: { data: { permissionCatalog: catalog, roles } } };
const box = (name: string) => screen.getByRole('checkbox', { name }) as HTMLInputElement;

test('the matrix shows one checkbox per permission and role, ticked where the role holds the permission', async () => {
  renderWith(<RolesPage />, [pageMock]);
  await screen.findByRole('checkbox', { name: 'dashboard.read for Agent' });
  for (const r of roles) {
    for (const p of catalog) expect([`${p.key} for ${r.name}`, box(`${p.key} for ${r.name}`).checked]).toEqual([`${p.key} for ${r.name}`, r.permissions.includes(p.key)]);
  }
  expect(screen.getAllByRole('checkbox')).toHaveLength(roles.length * catalog.length);
  // Grouped by module, with the catalog's descriptions.
  expect(screen.getByRole('rowheader', { name: 'Dashboard' })).toBeInTheDocument();
  expect(screen.getByText('Can leads.assign')).toBeInTheDocument();
});

test('the admin role cannot lose a permission, and permissions the caller lacks cannot be granted', async () => {
  const held = ALL_PERMISSIONS.filter((p) => p !== 'audit.read');
  renderWith(<RolesPage />, [pageMock], held);
  await screen.findByRole('checkbox', { name: 'dashboard.read for Agent' });
  expect(box('leads.assign for Admin')).toBeDisabled();
  expect(box('leads.assign for Admin')).toHaveAccessibleDescription(/admin role keeps every permission/);
  expect(box('audit.read for Agent')).toBeDisabled();
  expect(box('audit.read for Agent')).toHaveAccessibleDescription(/do not hold this permission/);
  expect(box('leads.assign for Agent')).toBeEnabled();
  // System roles are not deletable.
  expect(screen.getByRole('button', { name: 'Delete role Agent' })).toBeDisabled();
});

test('toggles are staged per role and Save sends exactly the new permission list', async () => {
  const user = userEvent.setup();
  const next = ['leads.assign', 'leads.create', 'leads.read.own', 'leads.update'];
  const result = jest.fn(() => ({ data: { updateRole: { ...agent, permissions: next } } }));
  renderWith(<RolesPage />, [pageMock, { request: { query: UpdateRoleDocument, variables: { id: agent.id, input: { permissions: next } } }, result }]);
  await user.click(await screen.findByRole('checkbox', { name: 'dashboard.read for Agent' }));
  await user.click(box('leads.assign for Agent'));
  expect(box('dashboard.read for Agent').checked).toBe(false);
  expect(screen.getByTestId('role-changes-agent')).toHaveTextContent('2 unsaved');
  expect(screen.getByRole('button', { name: 'Save Manager' })).toBeDisabled();
  await user.click(screen.getByRole('button', { name: 'Save Agent' }));
  await waitFor(() => expect(result).toHaveBeenCalledTimes(1));
  await waitFor(() => expect(screen.getByTestId('role-changes-agent')).toHaveTextContent('Saved'));
  expect(box('dashboard.read for Agent').checked).toBe(false);
  expect(box('leads.assign for Agent').checked).toBe(true);
});

test('a refused save (PERMISSION_ESCALATION) shows why and keeps the change staged and unsaved', async () => {
  const user = userEvent.setup();
  const next = ['dashboard.read', 'leads.create', 'leads.delete', 'leads.read.own', 'leads.update'];
  const refusal = new GraphQLError('You cannot grant permissions you do not hold: leads.delete', {
    extensions: { code: 'PERMISSION_ESCALATION', missing: ['leads.delete'] },
  });
  renderWith(<RolesPage />, [pageMock, { request: { query: UpdateRoleDocument, variables: { id: agent.id, input: { permissions: next } } }, result: { errors: [refusal] } }]);
  await user.click(await screen.findByRole('checkbox', { name: 'leads.delete for Agent' }));
  await user.click(screen.getByRole('button', { name: 'Save Agent' }));
  const alert = await screen.findByRole('alert');
  expect(alert).toHaveTextContent('Agent was not saved: You cannot grant a permission you do not hold yourself. Missing: leads.delete.');
  expect(alert).toHaveAttribute('data-code', 'PERMISSION_ESCALATION');
  expect(box('leads.delete for Agent').checked).toBe(true);
  expect(screen.getByTestId('role-changes-agent')).toHaveTextContent('1 unsaved');
  // Discard goes back to what the server holds and clears the error.
  await user.click(screen.getByRole('button', { name: 'Discard changes to Agent' }));
  expect(box('leads.delete for Agent').checked).toBe(false);
  expect(screen.queryByRole('alert')).not.toBeInTheDocument();
});

test('LAST_ADMIN from the API is shown by its code', async () => {
  const user = userEvent.setup();
  // The admin role has every permission here; give it one it lacks to stage an addition, then the API refuses.
  const data = { permissionCatalog: catalog, roles: [{ ...admin, permissions: admin.permissions.filter((p) => p !== 'audit.read') }, agent] };
  const refusal = new GraphQLError('The admin role keeps every permission it has', { extensions: { code: 'LAST_ADMIN' } });
  renderWith(<RolesPage />, [
    { request: { query: RolesPageDocument }, result: { data } },
    { request: { query: UpdateRoleDocument, variables: { id: admin.id, input: { permissions: [...ALL_PERMISSIONS].sort() } } }, result: { errors: [refusal] } },
  ]);
  await user.click(await screen.findByRole('checkbox', { name: 'audit.read for Admin' }));
  await user.click(screen.getByRole('button', { name: 'Save Admin' }));
  expect(await screen.findByRole('alert')).toHaveAttribute('data-code', 'LAST_ADMIN');
  expect(within(screen.getByRole('alert')).getByText(/at least one active admin/)).toBeInTheDocument();
});
