import { InMemoryCache } from '@apollo/client';
import { MockedProvider } from '@apollo/client/testing/react';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, useLocation } from 'react-router';
import { cachePolicies } from '../../apollo/cache';
import { StaticPermissions } from '../../auth/permissions';
import { ToastProvider } from '../shell/toasts';
import { LeadsDocument, LeadsPage, LeadsPageOptionsDocument } from './LeadsPage';
import { AssignLeadsDocument } from './use-assign-leads-mutation';


const member = (id: string, name: string) => ({ __typename: 'Member', id, name });
const BOB = member('u-bob', 'Bob Manager');
const CAROL = member('u-carol', 'Carol Agent');
const NEW = { __typename: 'LeadStatus', id: 'st-new', key: 'new', label: 'New', color: '#3b82f6', kind: 'open' };

const lead = (id: string, name: string, custom: Record<string, unknown>, owner: ReturnType<typeof member> | null = CAROL) => ({
  __typename: 'Lead',
  id,
  name,
  company: `${name} Corp`,
  email: `${id}@example.com`,
  value: 1000,
  currency: 'EUR',
  source: null,
  customFields: custom,
  createdAt: '2026-01-01T10:00:00.000Z',
  updatedAt: '2026-01-01T10:00:00.000Z',
  deletedAt: null,
  status: NEW,
  owner,
});

const page = (leads: ReturnType<typeof lead>[], hasNextPage = false) => ({
  data: {
    leads: {
      __typename: 'LeadConnection',
      totalCount: 42,
      pageInfo: { __typename: 'PageInfo', hasNextPage, hasPreviousPage: false, startCursor: 'c-start', endCursor: 'c-end' },
      edges: leads.map((node) => ({ __typename: 'LeadEdge', cursor: `c-${node.id}`, node })),
    },
  },
});

const optionsMock = {
  request: { query: LeadsPageOptionsDocument },
  result: {
    data: {
      customFieldDefinitions: [
        {
          __typename: 'CustomFieldDefinition',
          id: 'cf-industry',
          key: 'industry',
          label: 'Industry',
          type: 'select',
          required: false,
          min: null,
          max: null,
          pattern: null,
          options: [{ __typename: 'CustomFieldOption', value: 'software', label: 'Software' }],
        },
        { __typename: 'CustomFieldDefinition', id: 'cf-newsletter', key: 'newsletter', label: 'Newsletter', type: 'boolean', required: false, min: null, max: null, pattern: null, options: [] },
      ],
      leadStatuses: [{ ...NEW, isDefault: true }].map(({ color: _c, kind: _k, ...s }) => s),
      teams: [],
      members: [BOB, CAROL],
    },
  },
};

const ADA = lead('l-ada', 'Ada Lovelace', { industry: 'software', newsletter: true });
const ALAN = lead('l-alan', 'Alan Turing', {}, null);
const firstPage = { request: { query: LeadsDocument, variables: { first: 25, filter: {} } }, result: page([ADA, ALAN], true) };

function Location() {
  return <output data-testid="location">{useLocation().search}</output>;
}

function renderPage(mocks: ReadonlyArray<unknown>, permissions = ['leads.read.all', 'leads.assign', 'leads.create']) {
  return render(
    <MockedProvider mocks={[optionsMock, firstPage, ...mocks] as never} cache={new InMemoryCache(cachePolicies)}>
      <StaticPermissions value={{ permissions: new Set(permissions) }}>
        <ToastProvider>
          <MemoryRouter initialEntries={['/leads']}>
            <LeadsPage />
            <Location />
          </MemoryRouter>
        </ToastProvider>
      </StaticPermissions>
    </MockedProvider>,
  );
}

const table = () => screen.getByRole('table', { name: 'Leads' });
const bodyRows = () => within(table()).getAllByRole('row').slice(1);

test('rows link to their lead and the custom fields get columns, showing option labels', async () => {
  renderPage([]);
  await screen.findByRole('link', { name: 'Ada Lovelace' });
  expect(screen.getByRole('link', { name: 'Ada Lovelace' })).toHaveAttribute('href', '/leads/l-ada');
  const headers = within(table()).getAllByRole('columnheader').map((h) => h.textContent?.replace(/[▲▼↕]/g, '').trim());
  expect(headers).toEqual(['', 'Name', 'Company', 'Email', 'Status', 'Owner', 'Value', 'Industry', 'Newsletter', 'Created']);
  const ada = within(bodyRows()[0]!).getAllByRole('cell').map((c) => c.textContent);
  expect(ada[7]).toBe('Software');
  expect(ada[8]).toBe('Yes');
  expect(within(bodyRows()[1]!).getByText('Unassigned')).toBeInTheDocument();
  expect(screen.getByTestId('leads-total')).toHaveTextContent('42 leads');
});

test('clicking a column header orders by it, then reverses; the order is kept in the URL', async () => {
  const user = userEvent.setup();
  const byName = { request: { query: LeadsDocument, variables: { first: 25, filter: {}, orderBy: { field: 'NAME', direction: 'ASC' } } }, result: page([ALAN, ADA]) };
  const byNameDesc = { request: { query: LeadsDocument, variables: { first: 25, filter: {}, orderBy: { field: 'NAME', direction: 'DESC' } } }, result: page([ADA]) };
  const byIndustry = {
    request: { query: LeadsDocument, variables: { first: 25, filter: {}, orderBy: { field: 'CUSTOM_FIELD', customFieldKey: 'industry', direction: 'ASC' } } },
    result: page([ALAN]),
  };
  renderPage([byName, byNameDesc, byIndustry]);
  await screen.findByRole('link', { name: 'Ada Lovelace' });
  const nameHeader = () => screen.getByRole('columnheader', { name: /Name/ });
  expect(nameHeader()).toHaveAttribute('aria-sort', 'none');

  await user.click(screen.getByRole('button', { name: 'Name' }));
  await waitFor(() => expect(within(bodyRows()[0]!).getByRole('link')).toHaveTextContent('Alan Turing'));
  expect(nameHeader()).toHaveAttribute('aria-sort', 'ascending');
  expect(screen.getByTestId('location')).toHaveTextContent('?sort=NAME&dir=asc');

  await user.click(screen.getByRole('button', { name: 'Name' }));
  await waitFor(() => expect(bodyRows()).toHaveLength(1));
  expect(nameHeader()).toHaveAttribute('aria-sort', 'descending');

  await user.click(screen.getByRole('button', { name: 'Industry' }));
  await waitFor(() => expect(within(bodyRows()[0]!).getByRole('link')).toHaveTextContent('Alan Turing'));
  expect(screen.getByTestId('location')).toHaveTextContent('?sort=cf%3Aindustry&dir=asc');
});

test('selected rows are assigned to a member in one call, and the rows show their new owner', async () => {
  const user = userEvent.setup();
  let called = 0;
  const assign = {
    request: { query: AssignLeadsDocument, variables: { ids: ['l-ada', 'l-alan'], userId: 'u-bob' } },
    result: () => {
      called += 1;
      return {
        data: {
          assignLeads: {
            __typename: 'BulkAssignResult',
            count: 2,
            leads: [ADA, ALAN].map((l) => ({ __typename: 'Lead', id: l.id, updatedAt: '2026-01-02T10:00:00.000Z', owner: BOB })),
          },
        },
      };
    },
  };
  renderPage([assign]);
  await screen.findByRole('link', { name: 'Ada Lovelace' });
  expect(screen.queryByRole('form', { name: 'Bulk actions' })).not.toBeInTheDocument();
  await user.click(screen.getByRole('checkbox', { name: 'Select Ada Lovelace' }));
  expect(screen.getByRole('checkbox', { name: 'Select all leads on this page' })).toHaveProperty('indeterminate', true);
  await user.click(screen.getByRole('checkbox', { name: 'Select Alan Turing' }));
  expect(screen.getByRole('checkbox', { name: 'Select all leads on this page' })).toBeChecked();
  const bar = screen.getByRole('form', { name: 'Bulk actions' });
  expect(within(bar).getByText('2 selected')).toBeInTheDocument();
  await user.selectOptions(within(bar).getByRole('combobox', { name: 'Assign to' }), 'Bob Manager');
  await user.click(within(bar).getByRole('button', { name: 'Assign' }));

  expect(await screen.findByText('Assigned 2 leads to Bob Manager')).toBeInTheDocument();
  expect(called).toBe(1);
  for (const row of bodyRows()) expect(within(row).getByText('Bob Manager')).toBeInTheDocument();
  expect(screen.queryByRole('form', { name: 'Bulk actions' })).not.toBeInTheDocument();
});

test('without leads.assign there is no selection; without leads.create no New lead button', async () => {
  renderPage([], ['leads.read.own']);
  await screen.findByRole('link', { name: 'Ada Lovelace' });
  expect(screen.queryByRole('checkbox')).not.toBeInTheDocument();
  expect(screen.queryByRole('button', { name: 'New lead' })).not.toBeInTheDocument();
});

test('searching waits for a pause in typing before it asks the API', async () => {
  const user = userEvent.setup();
  const searched = { request: { query: LeadsDocument, variables: { first: 25, filter: { search: 'ada' } } }, result: page([ADA]) };
  renderPage([searched]);
  await screen.findByRole('link', { name: 'Ada Lovelace' });
  await user.type(screen.getByRole('searchbox', { name: 'Search' }), 'ada');
  expect(screen.getByTestId('location')).toHaveTextContent(/^$/); // not yet: debounced
  await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('?q=ada'), { timeout: 3000 });
  await waitFor(() => expect(bodyRows()).toHaveLength(1), { timeout: 3000 });
});

