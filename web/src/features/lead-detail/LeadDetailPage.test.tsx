import { InMemoryCache } from '@apollo/client';
import { MockedProvider } from '@apollo/client/testing/react';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GraphQLError } from 'graphql';
import { MemoryRouter, Route, Routes } from 'react-router';
import { cachePolicies } from '../../apollo/cache';
import { StaticPermissions } from '../../auth/permissions';
import { LeadActivitiesDocument } from './ActivityTimeline';
import { LeadDetailDocument } from './LeadDetailPage';
import { LeadDetailPage } from './LeadDetailPage';
import { ChangeLeadStatusDocument } from './use-change-lead-status-mutation';
import { UpdateLeadDocument } from './use-update-lead-mutation';

const def = (key: string, label: string, type: string, extra: Record<string, unknown> = {}) => ({
  __typename: 'CustomFieldDefinition',
  id: `cf-${key}`,
  key,
  label,
  type,
  required: false,
  min: null,
  max: null,
  pattern: null,
  options: [],
  ...extra,
});
const DEFS = [
  def('industry', 'Industry', 'select', { options: [{ __typename: 'CustomFieldOption', value: 'software', label: 'Software' }, { __typename: 'CustomFieldOption', value: 'retail', label: 'Retail' }] }),
  def('employees', 'Employees', 'number', { min: 1 }),
  def('next_call', 'Next call', 'date'),
  def('newsletter', 'Newsletter', 'boolean'),
  def('website', 'Website', 'url'),
  def('code', 'Customer code', 'text', { required: true, pattern: '[A-Z]{2}[0-9]+' }),
  def('channels', 'Channels', 'multiselect', { options: [{ __typename: 'CustomFieldOption', value: 'web', label: 'Web' }, { __typename: 'CustomFieldOption', value: 'phone', label: 'Phone' }] }),
];

const STATUS = (id: string, label: string, kind = 'open', position = 1) => ({ __typename: 'LeadStatus', id, key: label.toLowerCase(), label, color: '#3b82f6', kind, position });
const STATUSES = [STATUS('st-new', 'New', 'open', 1), STATUS('st-contacted', 'Contacted', 'open', 2), STATUS('st-won', 'Won', 'won', 3), STATUS('st-lost', 'Lost', 'lost', 4)];
// New → Contacted | Lost; Contacted → Won. New may not go straight to Won.
const TRANSITIONS = [
  { fromStatusId: 'st-new', toStatusId: 'st-contacted' },
  { fromStatusId: 'st-new', toStatusId: 'st-lost' },
  { fromStatusId: 'st-contacted', toStatusId: 'st-won' },
].map((t) => ({ __typename: 'LeadStatusTransition', ...t }));

const LEAD = {
  __typename: 'Lead',
  id: 'lead-1',
  name: 'Ada Lovelace',
  company: 'Analytical Engines',
  email: 'ada@example.com',
  phone: null,
  value: 1200,
  currency: 'EUR',
  source: 'web',
  tags: ['vip'],
  customFields: { industry: 'software', employees: 12, code: 'AB12' },
  deletedAt: null,
  createdAt: '2026-01-01T10:00:00.000Z',
  updatedAt: '2026-01-02T10:00:00.000Z',
  activityCount: 0,
  createdBy: { __typename: 'Member', id: 'u-alice', name: 'Alice Admin' },
  team: null,
  owner: { __typename: 'Member', id: 'u-bob', name: 'Bob Manager' },
  status: STATUSES[0],
};

const detailMock = {
  request: { query: LeadDetailDocument, variables: { id: 'lead-1' } },
  result: {
    data: {
      lead: LEAD,
      customFieldDefinitions: DEFS,
      leadStatuses: STATUSES,
      leadStatusTransitions: TRANSITIONS,
      teams: [],
      members: [
        { __typename: 'Member', id: 'u-alice', name: 'Alice Admin' },
        { __typename: 'Member', id: 'u-bob', name: 'Bob Manager' },
      ],
    },
  },
};
const activitiesMock = {
  request: { query: LeadActivitiesDocument, variables: { leadId: 'lead-1', first: 20 } },
  result: { data: { leadActivities: { __typename: 'LeadActivityConnection', totalCount: 0, hasNextPage: false, endCursor: null, edges: [] } } },
  maxUsageCount: Number.POSITIVE_INFINITY,
};

function renderPage(mocks: ReadonlyArray<unknown>) {
  return render(
    <MockedProvider mocks={[detailMock, activitiesMock, ...mocks] as never} cache={new InMemoryCache(cachePolicies)}>
      <StaticPermissions value={{ permissions: new Set(['leads.read.all', 'leads.update', 'leads.assign']) }}>
        <MemoryRouter initialEntries={['/leads/lead-1']}>
          <Routes>
            <Route path="/leads/:id" element={<LeadDetailPage />} />
          </Routes>
        </MemoryRouter>
      </StaticPermissions>
    </MockedProvider>,
  );
}

const errorText = (input: HTMLElement) => {
  const id = input.getAttribute('aria-describedby');
  return id ? document.getElementById(id)?.textContent : undefined;
};

test('the edit form has one input per custom field, of the kind its type asks for', async () => {
  renderPage([]);
  const form = await screen.findByRole('form', { name: 'Details' });
  const industry = within(form).getByRole('combobox', { name: 'Industry' });
  expect(industry).toHaveValue('software');
  expect(within(industry).getAllByRole('option').map((o) => o.textContent)).toEqual(['—', 'Software', 'Retail']);
  expect(within(form).getByRole('spinbutton', { name: 'Employees' })).toHaveValue(12);
  expect(within(form).getByLabelText('Next call')).toHaveAttribute('type', 'date');
  expect(within(form).getByRole('checkbox', { name: 'Newsletter' })).not.toBeChecked();
  expect(within(form).getByRole('textbox', { name: 'Website' })).toHaveAttribute('type', 'url');
  expect(within(form).getByRole('textbox', { name: 'Customer code' })).toHaveValue('AB12');
  expect(within(form).getByRole('textbox', { name: 'Customer code' })).toHaveAttribute('aria-required', 'true');
  const channels = within(form).getByRole('group', { name: 'Channels' });
  expect(within(channels).getAllByRole('checkbox').length).toBe(2);
  // The standard fields come first.
  expect(within(form).getByRole('textbox', { name: 'Name' })).toHaveValue('Ada Lovelace');
});

test('client checks use the API texts and send nothing', async () => {
  const user = userEvent.setup();
  renderPage([]); // no updateLead mock: a request would fail the save with a different message
  const code = await screen.findByRole('textbox', { name: 'Customer code' });
  await user.clear(code);
  await user.click(screen.getByRole('button', { name: 'Save changes' }));
  expect(errorText(code)).toBe('Customer code is required');
  await user.type(code, 'abc');
  await user.click(screen.getByRole('button', { name: 'Save changes' }));
  expect(errorText(code)).toBe('must match the pattern [A-Z]{2}[0-9]+');
  const employees = screen.getByRole('spinbutton', { name: 'Employees' });
  await user.clear(employees);
  await user.type(employees, '0');
  await user.click(screen.getByRole('button', { name: 'Save changes' }));
  expect(errorText(employees)).toBe('must be at least 1');
  expect(employees).toHaveAttribute('aria-invalid', 'true');
});

test("the API's field error shows under its field, and goes after a fix and a successful save", async () => {
  const user = userEvent.setup();
  const refused = {
    request: { query: UpdateLeadDocument, variables: { id: 'lead-1', input: { customFields: { website: 'https://intranet' } } } },
    result: {
      errors: [new GraphQLError('Invalid lead', { extensions: { code: 'BAD_USER_INPUT', fields: [{ field: 'customFields.website', message: 'must be a public address' }] } })],
    },
  };
  const saved = {
    request: { query: UpdateLeadDocument, variables: { id: 'lead-1', input: { customFields: { website: 'https://ada.example' } } } },
    result: { data: { updateLead: { ...LEAD, updatedAt: '2026-01-03T10:00:00.000Z', customFields: { ...LEAD.customFields, website: 'https://ada.example' } } } },
  };
  renderPage([refused, saved]);
  const website = await screen.findByRole('textbox', { name: 'Website' });
  await user.type(website, 'https://intranet');
  await user.click(screen.getByRole('button', { name: 'Save changes' }));
  await waitFor(() => expect(errorText(website)).toBe('must be a public address'));
  expect(website).toHaveAttribute('aria-invalid', 'true');

  await user.clear(website);
  await user.type(website, 'https://ada.example');
  expect(errorText(website)).toBeUndefined();
  await user.click(screen.getByRole('button', { name: 'Save changes' }));
  await waitFor(() => expect(screen.getByRole('button', { name: 'Save changes' })).toBeDisabled());
  expect(website).toHaveValue('https://ada.example');
  expect(website).not.toHaveAttribute('aria-invalid');
  expect(screen.queryByText('must be a public address')).not.toBeInTheDocument();
});

test('the status select offers only the moves the workflow allows from the current status', async () => {
  renderPage([]);
  const status = await screen.findByRole('combobox', { name: 'Status' });
  expect(status).toHaveValue('st-new');
  expect(within(status).getAllByRole('option').map((o) => o.textContent)).toEqual(['New', 'Contacted', 'Lost']);
});

test('a status change shows at once; a refused one snaps back with the API message', async () => {
  const user = userEvent.setup();
  const moved = {
    request: { query: ChangeLeadStatusDocument, variables: { id: 'lead-1', statusId: 'st-contacted' } },
    result: { data: { changeLeadStatus: { __typename: 'Lead', id: 'lead-1', updatedAt: '2026-01-03T10:00:00.000Z', status: STATUSES[1] } } },
    delay: 50,
  };
  const refused = {
    request: { query: ChangeLeadStatusDocument, variables: { id: 'lead-1', statusId: 'st-won' } },
    result: { errors: [new GraphQLError('The workflow does not allow moving a lead from "contacted" to "won"', { extensions: { code: 'TRANSITION_NOT_ALLOWED' } })] },
    delay: 50,
  };
  renderPage([moved, refused]);
  const status = await screen.findByRole('combobox', { name: 'Status' });
  await user.selectOptions(status, 'Contacted');
  expect(status).toHaveValue('st-contacted'); // optimistic, before the answer
  await waitFor(() => expect(status).not.toBeDisabled());
  // From Contacted the workflow allows Won.
  expect(within(status).getAllByRole('option').map((o) => o.textContent)).toEqual(['Contacted', 'Won']);
  await user.selectOptions(status, 'Won');
  expect(await screen.findByRole('alert')).toHaveTextContent('The workflow does not allow moving a lead from "contacted" to "won"');
  expect(status).toHaveValue('st-contacted');
});
