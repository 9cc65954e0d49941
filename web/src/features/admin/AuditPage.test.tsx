import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { AUDIT_PAGE_SIZE, AuditActorsDocument, AuditLogDocument, AuditPage } from './AuditPage';
import { AuditRetentionDocument, SetAuditRetentionDocument } from './audit/use-set-audit-retention-mutation';
import { ALL_MEMBER_STATUSES } from './members/member-cache';
import { renderWith } from './roles/test-fixtures';

const actor = (id: string, name: string) => ({ __typename: 'Member' as const, id, name });
const entry = (id: string, action: string, extra: Record<string, unknown> = {}) => ({
  __typename: 'AuditEntry' as const,
  id,
  at: '2030-01-02T09:30:00.000Z',
  action,
  actorId: 'u-alice',
  apiKeyId: null,
  actor: actor('u-alice', 'Alice Admin'),
  targetType: 'Role',
  targetId: 'r-agent-0000',
  args: { id: 'r-agent-0000', input: { permissions: ['leads.create'] } },
  changes: { permissions: { before: ['dashboard.read', 'leads.create'], after: ['leads.create'] } },
  clientIp: '127.0.0.1',
  userAgent: 'jest',
  requestId: 'req-1',
  ...extra,
});
const page = (entries: ReturnType<typeof entry>[], hasNextPage = false) => ({
  data: {
    auditLog: {
      __typename: 'AuditLogConnection',
      edges: entries.map((node) => ({ __typename: 'AuditLogEdge', cursor: `c-${node.id}`, node })),
      pageInfo: { __typename: 'PageInfo', endCursor: entries.at(-1) ? `c-${entries.at(-1)!.id}` : null, hasNextPage },
    },
  },
});
const log = (filter: Record<string, unknown> | null, result: ReturnType<typeof page>, after: string | null = null) => ({
  request: { query: AuditLogDocument, variables: { first: AUDIT_PAGE_SIZE, after, filter } },
  result,
});
const common = [
  {
    request: { query: AuditActorsDocument, variables: { statuses: [...ALL_MEMBER_STATUSES] } },
    result: { data: { members: [actor('u-alice', 'Alice Admin'), actor('u-bob', 'Bob Manager')] } },
  },
  { request: { query: AuditRetentionDocument }, result: { data: { auditRetention: 365 } } },
];

test('rows show time, actor, action and target, and expand into the changes and arguments', async () => {
  const user = userEvent.setup();
  renderWith(<AuditPage />, [...common, log(null, page([entry('a1', 'mutation.updateRole')]))]);
  const row = await screen.findByTestId('audit-row');
  expect(within(row).getByText('Alice Admin')).toBeInTheDocument();
  expect(within(row).getByText('mutation.updateRole')).toBeInTheDocument();
  expect(within(row).getAllByRole('cell')[3]).toHaveTextContent('Role r-agent-');
  expect(row.querySelector('time')).toHaveAttribute('dateTime', '2030-01-02T09:30:00.000Z');
  const details = within(row).getByRole('button', { name: /Details of mutation.updateRole/ });
  expect(details).toHaveAttribute('aria-expanded', 'false');
  await user.click(details);
  expect(details).toHaveAttribute('aria-expanded', 'true');
  expect(screen.getByRole('rowheader', { name: 'permissions' })).toBeInTheDocument();
  expect(screen.getByText('["dashboard.read","leads.create"]')).toBeInTheDocument();
  expect(screen.getByText(/"input": \{/)).toBeInTheDocument();
});

test('the filters change the query variables: actor at once, action on Apply, days as local instants', async () => {
  const user = userEvent.setup();
  const from = new Date(2030, 0, 1).toISOString();
  const to = new Date(2030, 0, 3).toISOString(); // "To" 2 January includes that whole local day.
  renderWith(<AuditPage />, [
    ...common,
    log(null, page([entry('a1', 'mutation.updateRole')])),
    log({ actorId: 'u-bob' }, page([entry('b1', 'mutation.assignLead', { actor: actor('u-bob', 'Bob Manager'), actorId: 'u-bob' })])),
    log({ actorId: 'u-bob', action: 'auth.*' }, page([entry('b2', 'auth.login', { actor: actor('u-bob', 'Bob Manager'), actorId: 'u-bob' })])),
    log({ actorId: 'u-bob', action: 'auth.*', from }, page([entry('b3', 'auth.login_failed', { actor: actor('u-bob', 'Bob Manager') })])),
    log({ actorId: 'u-bob', action: 'auth.*', from, to }, page([])),
  ]);
  await screen.findByText('mutation.updateRole');
  await waitFor(() => expect(screen.getByRole('option', { name: 'Bob Manager' })).toBeInTheDocument());
  await user.selectOptions(screen.getByLabelText('Actor'), 'u-bob');
  expect(await screen.findByText('mutation.assignLead')).toBeInTheDocument();
  await user.type(screen.getByLabelText('Action'), 'auth.*');
  await user.click(screen.getByRole('button', { name: 'Apply' }));
  expect(await screen.findByText('auth.login')).toBeInTheDocument();
  await user.type(screen.getByLabelText('From'), '2030-01-01');
  expect(await screen.findByText('auth.login_failed')).toBeInTheDocument();
  await user.type(screen.getByLabelText('To'), '2030-01-02');
  expect(await screen.findByText('No audit entries match.')).toBeInTheDocument();
});

test('Older follows the endCursor and Newer goes back', async () => {
  const user = userEvent.setup();
  renderWith(<AuditPage />, [...common, log(null, page([entry('a1', 'mutation.updateRole')], true)), log(null, page([entry('a0', 'auth.login')]), 'c-a1')]);
  await screen.findByText('mutation.updateRole');
  expect(screen.getByRole('button', { name: 'Newer' })).toBeDisabled();
  await user.click(screen.getByRole('button', { name: 'Older' }));
  expect(await screen.findByText('auth.login')).toBeInTheDocument();
  expect(screen.getByText('Page 2')).toBeInTheDocument();
  expect(screen.getByRole('button', { name: 'Older' })).toBeDisabled();
});

test('retention is editable with roles.manage only', async () => {
  const user = userEvent.setup();
  const set = jest.fn(() => ({ data: { setAuditRetention: 90 } }));
  const { unmount } = renderWith(<AuditPage />, [...common, log(null, page([])), { request: { query: SetAuditRetentionDocument, variables: { days: 90 } }, result: set }]);
  const input = await screen.findByLabelText('Audit retention in days');
  await user.clear(input);
  await user.type(input, '90');
  await user.click(screen.getByRole('button', { name: 'Save retention' }));
  await waitFor(() => expect(set).toHaveBeenCalledTimes(1));
  expect(await screen.findByText('Saved.')).toBeInTheDocument();
  unmount();

  renderWith(<AuditPage />, [common[1]!, log(null, page([])), { request: { query: AuditActorsDocument, variables: { statuses: null } }, result: { data: { members: [] } } }], ['audit.read']);
  expect(await screen.findByText('Entries are kept for 365 days.')).toBeInTheDocument();
  expect(screen.queryByLabelText('Audit retention in days')).not.toBeInTheDocument();
});
