import { parseView, serializeView, variablesOf } from './leads-url-state';

const view = (qs: string) => parseView(new URLSearchParams(qs));

test('a view survives the trip through the query string', () => {
  const qs = 'q=ada&status=st-1&owner=unassigned&team=t-1&deleted=1&vmin=100&tag=vip&sort=cf%3Aindustry&dir=desc&size=50&after=c1';
  expect(serializeView(view(qs)).toString()).toBe(qs);
});

test('the default view asks for the first 25 leads in the API default order', () => {
  expect(variablesOf(view(''))).toEqual({ first: 25, filter: {} });
  expect(view('size=7').size).toBe(25); // only the offered sizes
});

test('filters, order and keyset paging map onto the leads arguments', () => {
  expect(variablesOf(view('owner=unassigned&status=s1&team=t1&vmin=10&vmax=20&tag=%20vip%20&q=%20ada%20'))).toEqual({
    first: 25,
    filter: { unassigned: true, statusIds: ['s1'], teamIds: ['t1'], valueMin: 10, valueMax: 20, tags: ['vip'], search: 'ada' },
  });
  expect(variablesOf(view('owner=u1&sort=NAME&dir=desc&after=c9')).filter).toEqual({ ownerIds: ['u1'] });
  expect(variablesOf(view('sort=NAME&dir=desc&after=c9'))).toMatchObject({ first: 25, after: 'c9', orderBy: { field: 'NAME', direction: 'DESC' } });
  expect(variablesOf(view('sort=cf:employees&before=c2&size=100'))).toEqual({
    last: 100,
    before: 'c2',
    filter: {},
    orderBy: { field: 'CUSTOM_FIELD', customFieldKey: 'employees', direction: 'ASC' },
  });
});

test('"Created to" includes the whole local day', () => {
  const { filter } = variablesOf(view('from=2026-03-01&to=2026-03-01'));
  expect(filter?.createdAfter).toBe(new Date(2026, 2, 1).toISOString());
  expect(filter?.createdBefore).toBe(new Date(2026, 2, 2).toISOString());
});
