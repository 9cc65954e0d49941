import { gql, InMemoryCache } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { MockedProvider } from '@apollo/client/testing/react';
import { render, screen, waitFor } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { StaticPermissions } from '../../auth/permissions';
import { ToastProvider } from '../shell/toasts';
import { LeadAssignedToMeDocument, LeadChangedDocument, LiveNotifications } from './LiveNotifications';

const ME = { id: 'u-carol', name: 'Carol Agent', email: 'carol@acme.test', isPlatformAdmin: false };
const BOB = { __typename: 'Member', id: 'u-bob', name: 'Bob Manager' };

const lead = (id: string, name: string, extra: Record<string, unknown> = {}) => ({
  __typename: 'Lead',
  id,
  name,
  company: 'Acme',
  email: null,
  phone: null,
  source: null,
  value: 500,
  currency: 'EUR',
  tags: [],
  customFields: {},
  createdAt: '2025-03-01T10:00:00.000Z',
  updatedAt: '2025-03-15T10:00:00.000Z',
  deletedAt: null,
  activityCount: 1,
  status: { __typename: 'LeadStatus', id: 'st-new', key: 'new', label: 'New', color: '#3b82f6', kind: 'open' },
  owner: { __typename: 'Member', id: ME.id, name: ME.name, email: ME.email },
  team: null,
  ...extra,
});

const assigned = (actor: { id: string; name: string } | null, l = lead('l-ada', 'Ada Lovelace')) => ({
  request: { query: LeadAssignedToMeDocument },
  result: { data: { leadAssigned: { __typename: 'LeadEvent', kind: 'assigned', at: '2025-03-15T10:00:00.000Z', actor: actor && { __typename: 'Member', ...actor }, lead: l } } },
  delay: 20,
});
const changed = (kind: string, l: ReturnType<typeof lead>, actor: { id: string } | null = BOB, delay = 20) => ({
  request: { query: LeadChangedDocument },
  result: { data: { leadChanged: { __typename: 'LeadEvent', kind, at: '2025-03-15T10:00:00.000Z', fields: [], actor: actor && { __typename: 'Member', ...actor }, lead: l } } },
  delay,
});
const silent = (query: unknown) => ({ request: { query }, delay: Infinity });

function renderLive(mocks: object[], children?: React.ReactNode, cache?: InMemoryCache) {
  return render(
    <MemoryRouter>
      <MockedProvider mocks={mocks as never} cache={cache}>
        <ToastProvider>
          <StaticPermissions value={{ me: ME, permissions: new Set(['leads.read.own']) }}>
            <LiveNotifications />
            {children}
          </StaticPermissions>
        </ToastProvider>
      </MockedProvider>
    </MemoryRouter>,
  );
}

test('a lead assigned to me by someone else shows a notification linking to it', async () => {
  renderLive([assigned({ id: BOB.id, name: BOB.name }), silent(LeadChangedDocument)]);
  const toast = await screen.findByTestId('toast');
  expect(toast).toHaveTextContent('Ada Lovelace was assigned to you');
  expect(screen.getByRole('link', { name: 'Ada Lovelace was assigned to you' })).toHaveAttribute('href', '/leads/l-ada');
});

test('no notification for a lead I assigned to myself', async () => {
  const cache = new InMemoryCache();
  renderLive([assigned({ id: ME.id, name: ME.name }), silent(LeadChangedDocument)], null, cache);
  // The event did arrive (its lead is in the cache), it just is not news to me.
  await waitFor(() => expect(cache.extract()['Lead:l-ada']).toBeDefined());
  expect(screen.queryByTestId('toast')).toBeNull();
});

const TestLeads = gql`
  query TestLeads {
    leads(first: 10) {
      edges {
        node {
          id
          name
        }
      }
    }
  }
`;
const leadsResult = (...nodes: { id: string; name: string }[]) => ({
  data: { leads: { __typename: 'LeadConnection', edges: nodes.map((n) => ({ __typename: 'LeadEdge', node: { __typename: 'Lead', ...n } })) } },
});

function LeadNames() {
  const { data } = useQuery<{ leads: { edges: Array<{ node: { id: string; name: string } }> } }>(TestLeads);
  return (
    <ul aria-label="Leads">
      {data?.leads.edges.map((e) => (
        <li key={e.node.id}>{e.node.name}</li>
      ))}
    </ul>
  );
}

test("another member's change updates the lead in place and refetches the lists", async () => {
  const leadsTwice = [
    { request: { query: TestLeads }, result: leadsResult({ id: 'l-ada', name: 'Ada Lovelace' }) },
    { request: { query: TestLeads }, result: leadsResult({ id: 'l-ada', name: 'Ada King' }, { id: 'l-new', name: 'Brand New' }) },
  ];
  renderLive([silent(LeadAssignedToMeDocument), changed('updated', lead('l-ada', 'Ada King'), BOB, 100), ...leadsTwice], <LeadNames />);
  expect(await screen.findByText('Ada Lovelace')).toBeInTheDocument();
  // The subscription's lead normalizes into Lead:l-ada, so the row is renamed before any refetch...
  expect(await screen.findByText('Ada King')).toBeInTheDocument();
  // ...and the debounced refresh brings the list's new member.
  expect(await screen.findByText('Brand New', {}, { timeout: 2000 })).toBeInTheDocument();
});
