import { MockedProvider } from '@apollo/client/testing/react';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GraphQLError } from 'graphql';
import { StaticPermissions } from '../../../auth/permissions';
import { TeamsPage } from '../TeamsPage';
import { TeamsSettingsDocument } from './teams-query';
import { CreateTeamDocument } from './use-create-team-mutation';
import { SetTeamMembersDocument } from './use-set-team-members-mutation';

const member = (id: string, name: string) => ({ __typename: 'Member', id, name, email: `${id}@acme.test` });
const settings = {
  request: { query: TeamsSettingsDocument },
  result: {
    data: {
      teams: [{ __typename: 'Team', id: 't1', name: 'Enterprise', members: [{ __typename: 'Member', id: 'u2', name: 'Bob' }] }],
      members: [member('u1', 'Alice'), member('u2', 'Bob')],
    },
  },
};

function renderPage(mocks: unknown[]) {
  render(
    <MockedProvider mocks={mocks as never}>
      <StaticPermissions value={{ permissions: new Set(['teams.manage']) }}>
        <TeamsPage />
      </StaticPermissions>
    </MockedProvider>,
  );
}

test('TEAM_NAME_TAKEN appears under the team name', async () => {
  const user = userEvent.setup();
  renderPage([
    settings,
    {
      request: { query: CreateTeamDocument, variables: { name: 'enterprise' } },
      result: { errors: [new GraphQLError('Another team is already called "enterprise"', { extensions: { code: 'TEAM_NAME_TAKEN', fields: [{ field: 'name', message: 'is already used by another team' }] } })] },
    },
  ]);
  const form = within(await screen.findByRole('form', { name: 'New team' }));
  await user.type(form.getByRole('textbox', { name: 'Team name' }), 'enterprise');
  await user.click(form.getByRole('button', { name: 'Create team' }));
  expect(await form.findByText('is already used by another team')).toBeInTheDocument();
  expect(form.getByRole('textbox', { name: 'Team name' })).toHaveAttribute('aria-invalid', 'true');
});

test('adding a member sends the whole membership', async () => {
  const result = jest.fn(() => ({
    data: { setTeamMembers: { __typename: 'Team', id: 't1', members: [{ __typename: 'Member', id: 'u1', name: 'Alice' }, { __typename: 'Member', id: 'u2', name: 'Bob' }] } },
  }));
  const user = userEvent.setup();
  renderPage([settings, { request: { query: SetTeamMembersDocument, variables: { teamId: 't1', userIds: ['u1', 'u2'] } }, result }]);
  const team = within(await screen.findByRole('region', { name: 'Enterprise' }));
  await user.selectOptions(team.getByRole('combobox', { name: 'Add member' }), 'Alice');
  await user.click(team.getByRole('button', { name: 'Add' }));
  await waitFor(() => expect(result).toHaveBeenCalledTimes(1));
  expect(team.getByRole('button', { name: 'Remove Alice from Enterprise' })).toBeInTheDocument();
});
