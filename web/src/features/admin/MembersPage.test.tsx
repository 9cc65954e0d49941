import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GraphQLError } from 'graphql';
import { MembersPage, MembersPageDocument } from './MembersPage';
import { ALL_MEMBER_STATUSES } from './members/member-cache';
import { DeactivateMemberDocument } from './members/use-deactivate-member-mutation';
import { InviteMemberDocument } from './members/use-invite-member-mutation';
import { ALL_PERMISSIONS, admin, agent, manager, renderWith, roles } from './roles/test-fixtures';

const member = (id: string, name: string, email: string, status: string, rs: (typeof roles)[number][]) => ({
  __typename: 'Member' as const,
  id,
  name,
  email,
  status,
  roles: rs.map((r) => ({ __typename: 'Role' as const, id: r.id, name: r.name })),
});
const alice = member('u-alice', 'Alice Admin', 'alice@acme.test', 'active', [admin]);
const carol = member('u-carol', 'Carol Agent', 'carol@acme.test', 'active', [agent]);
const pageMock = {
  request: { query: MembersPageDocument, variables: { statuses: [...ALL_MEMBER_STATUSES] } },
  result: { data: { members: [alice, carol], roles: roles.map(({ id, name, description, permissions }) => ({ __typename: 'Role', id, name, description, permissions })) } },
};

test('lists members with their status and roles', async () => {
  renderWith(<MembersPage />, [pageMock]);
  const row = await screen.findByTestId('member-row-carol@acme.test');
  expect(within(row).getByText('Active')).toBeInTheDocument();
  expect(within(row).getByText('Agent')).toBeInTheDocument();
  expect(screen.getByRole('rowheader', { name: /Alice Admin \(you\)/ })).toBeInTheDocument();
});

test('inviting calls inviteMember and shows the setup link once, and the invitee joins the list', async () => {
  const user = userEvent.setup();
  const setupUrl = 'http://localhost:4100/accept-invitation#token=lpinv_abc';
  const result = jest.fn(() => ({
    data: { inviteMember: { __typename: 'MemberInvitation', setupUrl, expiresAt: '2030-01-08T10:00:00.000Z', member: member('u-dan', 'Dan New', 'dan@acme.test', 'invited', [agent, manager]) } },
  }));
  renderWith(<MembersPage />, [
    pageMock,
    { request: { query: InviteMemberDocument, variables: { email: 'dan@acme.test', name: 'Dan New', roleIds: [agent.id, manager.id] } }, result },
  ]);
  await user.click(await screen.findByRole('button', { name: 'Invite member' }));
  const dialog = screen.getByRole('dialog', { name: 'Invite member' });
  await user.type(within(dialog).getByLabelText('Email'), 'dan@acme.test');
  await user.type(within(dialog).getByLabelText('Name'), 'Dan New');
  await user.click(within(dialog).getByRole('checkbox', { name: /Agent/ }));
  await user.click(within(dialog).getByRole('checkbox', { name: /Manager/ }));
  await user.click(within(dialog).getByRole('button', { name: 'Create invitation' }));
  const done = await screen.findByRole('dialog', { name: 'Invitation created' });
  expect(result).toHaveBeenCalledTimes(1);
  expect(within(done).getByLabelText('Setup link')).toHaveValue(setupUrl);
  expect(within(done).getByText(/shown only once/)).toBeInTheDocument();
  expect(within(done).getByRole('button', { name: 'Copy link' })).toBeInTheDocument();
  const row = screen.getByTestId('member-row-dan@acme.test');
  expect(within(row).getByText('Invited')).toBeInTheDocument();
  await user.click(within(done).getByRole('button', { name: 'Done' }));
  expect(screen.queryByDisplayValue(setupUrl)).not.toBeInTheDocument();
});

test('an invitation for an existing member shows MEMBER_EXISTS next to the email', async () => {
  const user = userEvent.setup();
  const refusal = new GraphQLError('carol@acme.test is already a member of this tenant (active)', {
    extensions: { code: 'MEMBER_EXISTS', fields: [{ field: 'email', message: 'is already a active member' }] },
  });
  renderWith(<MembersPage />, [pageMock, { request: { query: InviteMemberDocument, variables: { email: 'carol@acme.test', name: null, roleIds: [agent.id] } }, result: { errors: [refusal] } }]);
  await user.click(await screen.findByRole('button', { name: 'Invite member' }));
  await user.type(screen.getByLabelText('Email'), 'carol@acme.test');
  await user.click(screen.getByRole('checkbox', { name: /Agent/ }));
  await user.click(screen.getByRole('button', { name: 'Create invitation' }));
  expect(await screen.findByRole('alert')).toHaveTextContent('carol@acme.test is already a member of this tenant (active)');
  expect(screen.getByText('is already a active member')).toBeInTheDocument();
  expect(screen.getByLabelText('Email')).toHaveAttribute('aria-invalid', 'true');
});

test('a role carrying permissions the caller lacks cannot be handed out', async () => {
  const user = userEvent.setup();
  renderWith(<MembersPage />, [pageMock], ALL_PERMISSIONS.filter((p) => p !== 'teams.manage'));
  await user.click(await screen.findByRole('button', { name: 'Invite member' }));
  expect(screen.getByRole('checkbox', { name: /Manager/ })).toBeDisabled();
  expect(screen.getByRole('checkbox', { name: /Agent/ })).toBeEnabled();
});

test('deactivating asks first, and LAST_ADMIN is shown by its code', async () => {
  const user = userEvent.setup();
  const refusal = new GraphQLError('The last active admin cannot be deactivated', { extensions: { code: 'LAST_ADMIN' } });
  const ok = jest.fn(() => ({ data: { deactivateMember: { __typename: 'Member', id: carol.id, name: carol.name, status: 'deactivated' } } }));
  renderWith(<MembersPage />, [
    pageMock,
    { request: { query: DeactivateMemberDocument, variables: { userId: alice.id } }, result: { errors: [refusal] } },
    { request: { query: DeactivateMemberDocument, variables: { userId: carol.id } }, result: ok },
  ]);
  await user.click(await screen.findByRole('button', { name: 'Deactivate Alice Admin' }));
  await user.click(within(screen.getByRole('dialog', { name: 'Deactivate Alice Admin?' })).getByRole('button', { name: 'Deactivate' }));
  const alert = await screen.findByRole('alert');
  expect(alert).toHaveAttribute('data-code', 'LAST_ADMIN');
  expect(alert).toHaveTextContent('The workspace needs at least one active admin.');
  await user.click(screen.getByRole('button', { name: 'Cancel' }));

  await user.click(screen.getByRole('button', { name: 'Deactivate Carol Agent' }));
  await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Deactivate' }));
  await waitFor(() => expect(within(screen.getByTestId('member-row-carol@acme.test')).getByText('Deactivated')).toBeInTheDocument());
  expect(ok).toHaveBeenCalledTimes(1);
  expect(screen.getByRole('button', { name: 'Reactivate Carol Agent' })).toBeInTheDocument();
});
