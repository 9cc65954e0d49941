import { MockedProvider } from '@apollo/client/testing/react';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { StaticPermissions } from '../../auth/permissions';
import { ConversionDocument } from './ConversionCard';
import { CreatedPerDayDocument } from './CreatedPerDayChart';
import { DashboardPage, DashboardSnapshotDocument } from './DashboardPage';
import { rangeVariables } from './range';
import { DashboardTeamsDocument } from './TeamFilter';

const NOW = new Date(2025, 2, 15, 12, 0, 0);
const status = (id: string, label: string, kind: string, color: string) => ({ __typename: 'LeadStatus', id, label, kind, color });

const snapshot = (filter: unknown, scale: number) => ({
  request: { query: DashboardSnapshotDocument, variables: { filter } },
  result: {
    data: {
      leadCountsByStatus: [
        { __typename: 'LeadStatusCount', count: 12 * scale, value: 1000, status: status('s1', 'New', 'open', '#3b82f6') },
        { __typename: 'LeadStatusCount', count: 7 * scale, value: 500, status: status('s2', 'Qualified', 'open', '#f59e0b') },
        { __typename: 'LeadStatusCount', count: 3 * scale, value: 2500, status: status('s3', 'Won', 'won', '#22c55e') },
      ],
      leadCountsByOwner: [
        { __typename: 'LeadOwnerCount', count: 15 * scale, value: 3000, ownerId: 'u1', owner: { __typename: 'Member', id: 'u1', name: 'Bob Manager' } },
        { __typename: 'LeadOwnerCount', count: 7 * scale, value: 1000, ownerId: null, owner: null },
      ],
    },
  },
});

function perDay(days: 7 | 30, filter: unknown = null) {
  const r = rangeVariables(days, NOW);
  const rows = Array.from({ length: days }, (_, i) => {
    const d = new Date(2025, 2, 15 - (days - 1) + i);
    const day = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    return { __typename: 'LeadDayCount', day, count: days === 7 ? i + 1 : 2 };
  });
  return [
    { request: { query: CreatedPerDayDocument, variables: { from: r.from, to: r.to, timeZone: r.timeZone, filter } }, result: { data: { leadsCreatedPerDay: rows } } },
    {
      request: { query: ConversionDocument, variables: { from: r.fromInstant, filter } },
      result: { data: { leadConversion: { __typename: 'LeadConversion', open: 10, won: days === 7 ? 1 : 6, lost: days === 7 ? 3 : 2, closed: days === 7 ? 4 : 8, rate: days === 7 ? 0.25 : 0.75 } } },
    },
  ];
}

const teams = {
  request: { query: DashboardTeamsDocument },
  result: { data: { teams: [{ __typename: 'Team', id: 't1', name: 'Enterprise' }] } },
};

function renderPage(mocks: unknown[]) {
  return render(
    <MockedProvider mocks={mocks as never}>
      <StaticPermissions value={{ permissions: new Set(['dashboard.read', 'leads.read.all']) }}>
        <DashboardPage now={NOW} />
      </StaticPermissions>
    </MockedProvider>,
  );
}

test('charts show the mocked counts in their summaries and data tables', async () => {
  renderPage([snapshot(null, 1), teams, ...perDay(30)]);
  expect(await screen.findByRole('img', { name: 'Leads by status: New 12, Qualified 7, Won 3.' })).toBeInTheDocument();
  expect(screen.getByRole('img', { name: 'Leads by owner: Bob Manager 15, Unassigned 7.' })).toBeInTheDocument();
  expect(screen.getByTestId('headline-live')).toHaveTextContent('22');

  const statusTable = within(screen.getByRole('region', { name: 'Leads by status' })).getByRole('table', { hidden: true });
  expect(within(statusTable).getByRole('row', { name: /Qualified 7/ })).toBeInTheDocument();

  expect(await screen.findByRole('img', { name: /^Leads created per day, .*: 60 in total/ })).toBeInTheDocument();
  expect(await screen.findByRole('img', { name: 'Conversion: won 6, lost 2, open 10; win rate 75%.' })).toBeInTheDocument();
});

test('changing the range asks for the new days and conversion window', async () => {
  const user = userEvent.setup();
  renderPage([snapshot(null, 1), teams, ...perDay(30), ...perDay(7)]);
  await screen.findByRole('img', { name: /60 in total/ });

  await user.selectOptions(screen.getByRole('combobox', { name: 'Range' }), 'Last 7 days');

  // 1 + 2 + … + 7 = 28, answered only by the mock whose variables span the last 7 days.
  expect(await screen.findByRole('img', { name: /^Leads created per day, .*: 28 in total, most on .* \(7\)\./ })).toBeInTheDocument();
  expect(await screen.findByRole('img', { name: 'Conversion: won 1, lost 3, open 10; win rate 25%.' })).toBeInTheDocument();
  const dayTable = within(screen.getByRole('region', { name: 'Leads created per day' })).getByRole('table', { hidden: true });
  expect(within(dayTable).getAllByRole('row', { hidden: true })).toHaveLength(1 + 7);
  expect(within(dayTable).getByRole('rowheader', { name: '2025-03-09', hidden: true })).toBeInTheDocument();
});

test('the team filter scopes every aggregate to the team', async () => {
  const user = userEvent.setup();
  const teamFilter = { teamIds: ['t1'] };
  renderPage([snapshot(null, 1), teams, ...perDay(30), snapshot(teamFilter, 2), ...perDay(30, teamFilter)]);
  await screen.findByRole('img', { name: /New 12,/ });
  await user.selectOptions(await screen.findByRole('combobox', { name: 'Team' }), 'Enterprise');
  expect(await screen.findByRole('img', { name: 'Leads by status: New 24, Qualified 14, Won 6.' })).toBeInTheDocument();
});

test('the data table can be shown', async () => {
  const user = userEvent.setup();
  renderPage([snapshot(null, 1), teams, ...perDay(30)]);
  await screen.findByRole('img', { name: /New 12,/ });
  const toggle = screen.getByRole('button', { name: 'Show table of Leads by owner' });
  await user.click(toggle);
  expect(toggle).toHaveAttribute('aria-expanded', 'true');
  expect(screen.getByRole('rowheader', { name: 'Unassigned' })).toBeVisible();
});
