import { MockedProvider } from '@apollo/client/testing/react';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GraphQLError } from 'graphql';
import { MemoryRouter } from 'react-router';
import { StaticPermissions } from '../../auth/permissions';
import { ChangeLeadStatusDocument } from '../lead-detail/use-change-lead-status-mutation';
import { BoardPage } from './BoardPage';
import { BoardColumnLeadsDocument, BoardStatusesDocument, columnVariables, PAGE_SIZE } from './board-data';

// The workflow: New → Contacted | Lost, Contacted → Won | Lost, Won → nothing, Lost → New.
const STATUSES = [
  { id: 'st-new', key: 'new', label: 'New', color: '#3b82f6', kind: 'open', position: 1, to: ['st-contacted', 'st-lost'] },
  { id: 'st-contacted', key: 'contacted', label: 'Contacted', color: '#8b5cf6', kind: 'open', position: 2, to: ['st-won', 'st-lost'] },
  { id: 'st-won', key: 'won', label: 'Won', color: '#22c55e', kind: 'won', position: 3, to: [] },
  { id: 'st-lost', key: 'lost', label: 'Lost', color: '#ef4444', kind: 'lost', position: 4, to: ['st-new'] },
];
const statusesMock = {
  request: { query: BoardStatusesDocument },
  result: {
    data: {
      leadStatuses: STATUSES.map(({ to, ...s }) => ({
        __typename: 'LeadStatus',
        ...s,
        allowedTransitions: to.map((id) => ({ __typename: 'LeadStatus', id })),
      })),
    },
  },
};

const lead = (id: string, name: string, statusId: string, extra: Record<string, unknown> = {}) => ({
  __typename: 'Lead',
  id,
  name,
  company: `${name} Corp`,
  value: 1200,
  currency: 'EUR',
  owner: { __typename: 'Member', id: 'u-carol', name: 'Carol Agent' },
  status: { __typename: 'LeadStatus', id: statusId },
  ...extra,
});
const LEADS: Record<string, ReturnType<typeof lead>[]> = {
  'st-new': [lead('l-ada', 'Ada Lovelace', 'st-new'), lead('l-alan', 'Alan Turing', 'st-new', { owner: null, value: null })],
  'st-contacted': [lead('l-grace', 'Grace Hopper', 'st-contacted')],
  'st-won': [],
  'st-lost': [],
};
const columnMocks = STATUSES.map((s) => ({
  request: { query: BoardColumnLeadsDocument, variables: columnVariables(s.id, {}, PAGE_SIZE) },
  result: {
    data: {
      leads: {
        __typename: 'LeadConnection',
        totalCount: LEADS[s.id]!.length,
        pageInfo: { __typename: 'PageInfo', hasNextPage: false },
        edges: LEADS[s.id]!.map((node) => ({ __typename: 'LeadEdge', node })),
      },
    },
  },
}));

const movedAda = {
  data: {
    changeLeadStatus: {
      __typename: 'Lead',
      id: 'l-ada',
      updatedAt: '2025-03-15T12:00:00.000Z',
      status: { __typename: 'LeadStatus', id: 'st-contacted', key: 'contacted', label: 'Contacted', color: '#8b5cf6', kind: 'open' },
    },
  },
};
const refused = {
  errors: [new GraphQLError('The workflow does not allow moving a lead from "New" to "Contacted"', { extensions: { code: 'TRANSITION_NOT_ALLOWED' } })],
};

function changeStatusMock(result: object) {
  const fn = jest.fn(() => result);
  // The delay keeps the server's answer out until the test has looked at the optimistic board (generous: a full
  // `npm test` loads both cores).
  return { fn, mock: { request: { query: ChangeLeadStatusDocument, variables: { id: 'l-ada', statusId: 'st-contacted' } }, result: fn, delay: 800 } };
}

function renderBoard(extraMocks: object[] = [], permissions = ['leads.read.all', 'leads.update']) {
  return render(
    <MockedProvider mocks={[statusesMock, ...columnMocks, ...extraMocks] as never}>
      <MemoryRouter>
        <StaticPermissions value={{ permissions: new Set(permissions), me: { id: 'u-carol', name: 'Carol Agent', email: 'carol@acme.test', isPlatformAdmin: false } }}>
          <BoardPage />
        </StaticPermissions>
      </MemoryRouter>
    </MockedProvider>,
  );
}

const column = (key: string) => screen.getByTestId(`board-column-${key}`);
const cardIn = (key: string, name: string) => within(column(key)).queryByRole('article', { name });
const count = (key: string) => within(column(key)).getByTestId('column-count');

test('renders a column per status, in pipeline order, with its cards and count', async () => {
  renderBoard();
  expect(await screen.findByRole('link', { name: 'Ada Lovelace' })).toHaveAttribute('href', '/leads/l-ada');
  // Each column loads with its own query: wait for the others too, not only the first one to answer.
  await screen.findByRole('link', { name: 'Grace Hopper' });
  await within(column('won')).findByText('No leads');
  expect(screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)).toEqual(['New', 'Contacted', 'Won', 'Lost']);
  expect(cardIn('new', 'Ada Lovelace')).toHaveTextContent('Ada Lovelace Corp');
  expect(cardIn('new', 'Ada Lovelace')).toHaveTextContent('Carol Agent');
  expect(cardIn('new', 'Alan Turing')).toHaveTextContent('Unassigned');
  expect(cardIn('contacted', 'Grace Hopper')).toBeInTheDocument();
  expect(count('new')).toHaveTextContent('2');
  expect(count('contacted')).toHaveTextContent('1');
  expect(within(column('won')).getByText('No leads')).toBeInTheDocument();
});

test('a keyboard move calls changeLeadStatus and shows the card in the new column at once', async () => {
  const { fn, mock } = changeStatusMock(movedAda);
  renderBoard([mock]);
  const card = await screen.findByRole('article', { name: 'Ada Lovelace' });

  act(() => card.focus());
  fireEvent.keyDown(card, { key: ' ' });
  expect(screen.getByTestId('board-announcer')).toHaveTextContent('Picked up Ada Lovelace in New');
  expect(column('won')).toHaveAttribute('data-drop', 'blocked');
  expect(column('contacted')).toHaveAttribute('data-drop', 'allowed');
  fireEvent.keyDown(card, { key: 'ArrowRight' });
  expect(screen.getByTestId('board-announcer')).toHaveTextContent('Contacted.');
  fireEvent.keyDown(card, { key: 'Enter' });

  // Optimistic: in Contacted before the server has answered.
  await waitFor(() => expect(cardIn('contacted', 'Ada Lovelace')).toBeInTheDocument());
  expect(cardIn('new', 'Ada Lovelace')).toBeNull();
  expect(count('new')).toHaveTextContent('1');
  expect(count('contacted')).toHaveTextContent('2');
  expect(cardIn('contacted', 'Ada Lovelace')).toHaveFocus();

  await waitFor(() => expect(fn).toHaveBeenCalledTimes(1));
  await waitFor(() => expect(screen.getByTestId('board-announcer')).toHaveTextContent('Moved Ada Lovelace to Contacted.'));
  expect(cardIn('contacted', 'Ada Lovelace')).toBeInTheDocument();
  expect(screen.queryByRole('alert')).toBeNull();
});

test('a move the API refuses snaps the card back and says why', async () => {
  const user = userEvent.setup();
  const { fn, mock } = changeStatusMock(refused);
  renderBoard([mock]);
  await screen.findByRole('article', { name: 'Ada Lovelace' });

  await user.selectOptions(screen.getByRole('combobox', { name: 'Move Ada Lovelace to' }), 'Contacted');
  expect(cardIn('contacted', 'Ada Lovelace')).toBeInTheDocument();

  expect(await screen.findByRole('alert')).toHaveTextContent('Ada Lovelace stays in New: The workflow does not allow moving a lead from "New" to "Contacted"');
  expect(fn).toHaveBeenCalledTimes(1);
  expect(cardIn('new', 'Ada Lovelace')).toBeInTheDocument();
  expect(cardIn('contacted', 'Ada Lovelace')).toBeNull();
  expect(count('new')).toHaveTextContent('2');
  expect(count('contacted')).toHaveTextContent('1');
});

test('a target the workflow does not allow is refused without calling the API', async () => {
  const user = userEvent.setup();
  const { fn, mock } = changeStatusMock(movedAda);
  renderBoard([mock]);
  await screen.findByRole('article', { name: 'Ada Lovelace' });

  await user.selectOptions(screen.getByRole('combobox', { name: 'Move Ada Lovelace to' }), 'Won (not allowed)');
  expect(screen.getByRole('alert')).toHaveTextContent('Ada Lovelace stays in New: the workflow does not allow moving from New to Won.');
  expect(cardIn('new', 'Ada Lovelace')).toBeInTheDocument();
  expect(cardIn('won', 'Ada Lovelace')).toBeNull();
  await new Promise((r) => setTimeout(r, 200));
  expect(fn).not.toHaveBeenCalled();
});

test('dragging marks forbidden columns, and dropping there is refused without calling the API', async () => {
  const { fn, mock } = changeStatusMock(movedAda);
  renderBoard([mock]);
  const card = await screen.findByRole('article', { name: 'Ada Lovelace' });

  fireEvent.dragStart(card);
  expect(column('won')).toHaveAttribute('data-drop', 'blocked');
  expect(within(column('won')).getByText('Not allowed')).toBeInTheDocument();
  expect(column('lost')).toHaveAttribute('data-drop', 'allowed');
  fireEvent.dragOver(column('won'));
  fireEvent.drop(column('won'));
  fireEvent.dragEnd(card);

  expect(screen.getByRole('alert')).toHaveTextContent('does not allow moving from New to Won');
  expect(column('won')).not.toHaveAttribute('data-drop');
  expect(cardIn('new', 'Ada Lovelace')).toBeInTheDocument();

  // An allowed drop moves the card at once.
  fireEvent.dragStart(card);
  fireEvent.dragOver(column('contacted'));
  fireEvent.drop(column('contacted'));
  fireEvent.dragEnd(card);
  await waitFor(() => expect(cardIn('contacted', 'Ada Lovelace')).toBeInTheDocument());
  await waitFor(() => expect(fn).toHaveBeenCalledTimes(1));
});

test('members without leads.update see the board without move controls', async () => {
  renderBoard([], ['leads.read.all']);
  const card = await screen.findByRole('article', { name: 'Ada Lovelace' });
  expect(card).toHaveAttribute('draggable', 'false');
  expect(screen.queryByRole('combobox', { name: /^Move / })).toBeNull();
});
