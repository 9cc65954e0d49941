import { MockedProvider } from '@apollo/client/testing/react';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GraphQLError } from 'graphql';
import { StaticPermissions } from '../../../auth/permissions';
import { StatusesPage } from '../StatusesPage';
import { StatusesSettingsDocument } from './statuses-query';
import { SetLeadStatusTransitionsDocument } from './use-set-lead-status-transitions-mutation';

const status = (id: string, key: string, label: string, position: number, kind = 'open') => ({
  __typename: 'LeadStatus',
  id,
  key,
  label,
  position,
  color: '#3b82f6',
  kind,
  isDefault: position === 1,
});

const settings = {
  request: { query: StatusesSettingsDocument },
  result: {
    data: {
      leadStatuses: [status('s1', 'new', 'New', 1), status('s2', 'qualified', 'Qualified', 2), status('s3', 'won', 'Won', 3, 'won')],
      leadStatusTransitions: [{ __typename: 'LeadStatusTransition', fromStatusId: 's1', toStatusId: 's2' }],
    },
  },
};

function renderPage(mocks: unknown[]) {
  return render(
    <MockedProvider mocks={mocks as never}>
      <StaticPermissions value={{ permissions: new Set(['statuses.manage']) }}>
        <StatusesPage />
      </StaticPermissions>
    </MockedProvider>,
  );
}

test('checking a cell sends the whole row of allowed moves, in pipeline order', async () => {
  const result = jest.fn(() => ({
    data: {
      setLeadStatusTransitions: {
        __typename: 'LeadStatus',
        id: 's1',
        allowedTransitions: [
          { __typename: 'LeadStatus', id: 's2' },
          { __typename: 'LeadStatus', id: 's3' },
        ],
      },
    },
  }));
  const user = userEvent.setup();
  renderPage([settings, { request: { query: SetLeadStatusTransitionsDocument, variables: { fromStatusId: 's1', toStatusIds: ['s2', 's3'] } }, result }]);

  const newToWon = await screen.findByRole('checkbox', { name: 'New → Won' });
  expect(screen.getByRole('checkbox', { name: 'New → Qualified' })).toBeChecked();
  expect(newToWon).not.toBeChecked();
  expect(screen.queryByRole('checkbox', { name: 'New → New' })).toBeNull();

  await user.click(newToWon);
  expect(newToWon).toBeChecked();
  await waitFor(() => expect(result).toHaveBeenCalledTimes(1));
  expect(screen.getByRole('checkbox', { name: 'New → Won' })).toBeChecked();
});

test('unchecking removes the move; a refusal rolls the box back and shows the message', async () => {
  const user = userEvent.setup();
  renderPage([
    settings,
    {
      request: { query: SetLeadStatusTransitionsDocument, variables: { fromStatusId: 's1', toStatusIds: [] } },
      result: { errors: [new GraphQLError('You cannot change the workflow', { extensions: { code: 'FORBIDDEN' } })] },
    },
  ]);
  const box = await screen.findByRole('checkbox', { name: 'New → Qualified' });
  await user.click(box);
  expect(await screen.findByRole('alert')).toHaveTextContent('You do not have permission to do that.');
  expect(screen.getByRole('checkbox', { name: 'New → Qualified' })).toBeChecked();
});
