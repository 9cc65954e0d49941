import { startTestServer, type TestServer } from '../../../test/helpers';
import { as, createTeam, defineFields, errorCode, leadTenant, member, ok, seedLeads, type Gql, type LeadTenant, type SeedLead } from '../../../test/lead-fixtures';

/**
 * Every filter of `leads`, alone and combined, against a seeded set whose expected matches are stated in JS.
 * totalCount must agree with the page; deleted leads never match unless `deleted: true`.
 */

const LIST = `query($f: LeadFilter) { leads(first: 200, filter: $f) { totalCount edges { node { name } } } }`;
const T = ['2024-01-01T00:00:00.000Z', '2024-02-01T00:00:00.000Z', '2024-03-01T00:00:00.000Z', '2024-04-01T00:00:00.000Z'] as const;

let server: TestServer;
let a: LeadTenant;
let gql: Gql;
let rows: SeedLead[];
const ids: Record<string, string> = {};

beforeAll(async () => {
  server = await startTestServer();
  a = await leadTenant(server);
  gql = as(server, a.token);
  const o1 = (await member(server, a.tenant, 'o1')).id;
  const o2 = (await member(server, a.tenant, 'o2')).id;
  const t1 = await createTeam(server, a.tenant, [o1]);
  const t2 = await createTeam(server, a.tenant);
  Object.assign(ids, { o1, o2, t1, t2, admin: a.adminId });
  await defineFields(server, a.tenant, [
    { key: 'score', type: 'number' },
    { key: 'due', type: 'date' },
    { key: 'tier', type: 'select', options: ['gold', 'silver', 'bronze'] },
    { key: 'langs', type: 'multiselect', options: ['en', 'fr', 'de'] },
    { key: 'code', type: 'text' },
  ]);
  const s = a.statuses;
  rows = await seedLeads(server, a.tenant, [
    { name: 'Ada Lovelace', company: 'Analytical Engines', email: 'ada@engines.io', phone: '+44 20 7946 0001', source: 'web', value: 100, statusId: s.new!, ownerId: o1, tags: ['eu', 'vip'], custom: { score: 10, due: '2024-05-01', tier: 'gold', langs: ['en', 'fr'], code: 'AX' }, createdAt: T[0], updatedAt: T[1] },
    { name: 'Grace Hopper', company: 'Navy', email: 'grace@navy.mil', phone: '(555) 010-9999', source: 'referral', value: 250.5, statusId: s.contacted!, ownerId: o2, teamId: t1, tags: ['vip'], custom: { score: 50, due: '2024-06-15', tier: 'silver', langs: ['de'] }, createdAt: T[1], updatedAt: T[2] },
    { name: 'Alan Turing', company: 'Bletchley', source: 'web', statusId: s.new!, createdAt: T[2], updatedAt: T[2] },
    { name: 'Katherine Johnson', company: 'NASA', email: 'kj@nasa.gov', phone: '555-0100', value: 0, statusId: s.qualified!, ownerId: a.adminId, teamId: t2, tags: ['eu'], custom: { score: 0, tier: 'bronze', langs: ['en'] }, createdAt: T[3], updatedAt: T[3] },
    { name: 'Margaret Hamilton', company: 'Apollo', email: 'margaret@apollo.org', value: 1000, statusId: s.won!, ownerId: o1, teamId: t2, tags: ['us', 'vip'], custom: { score: 99.5, due: '2025-01-01', code: 'MH' }, createdAt: T[1], updatedAt: T[3] },
    { name: 'Unowned Ulla', source: 'event', value: 75, statusId: s.lost!, teamId: t1, tags: ['us'], custom: { tier: 'gold', langs: ['fr'] }, createdAt: T[2], updatedAt: T[3] },
    { name: 'Deleted Dan', company: 'Analytical Gone', source: 'web', value: 100, statusId: s.new!, ownerId: o1, teamId: t1, tags: ['vip'], custom: { score: 10, tier: 'gold' }, createdAt: T[0], deletedAt: T[3] },
  ]);
});
afterAll(async () => server?.close());

async function names(filter: Record<string, unknown>): Promise<string[]> {
  const { leads } = ok(await gql<{ leads: { totalCount: number; edges: Array<{ node: { name: string } }> } }>(LIST, { f: filter }));
  expect(leads.totalCount).toBe(leads.edges.length);
  return leads.edges.map((e) => e.node.name).sort();
}

const live = (l: SeedLead) => !l.deletedAt;
const cf = (l: SeedLead, key: string) => l.custom?.[key];
const num = (l: SeedLead, key: string) => cf(l, key) as number | undefined;
const expected = (pred: (l: SeedLead) => boolean) => rows.filter((l) => live(l) && pred(l)).map((l) => l.name).sort();

// Filters built lazily: ids exist only once beforeAll has run.
const CASES: Array<[string, () => Record<string, unknown>, (l: SeedLead) => boolean]> = [
  ['no filter', () => ({}), () => true],
  ['statusIds', () => ({ statusIds: [a.statuses.new] }), (l) => l.statusId === a.statuses.new],
  ['statusIds (two)', () => ({ statusIds: [a.statuses.new, a.statuses.won] }), (l) => [a.statuses.new, a.statuses.won].includes(l.statusId)],
  ['ownerIds', () => ({ ownerIds: [ids.o1] }), (l) => l.ownerId === ids.o1],
  ['ownerIds (two)', () => ({ ownerIds: [ids.o1, ids.admin] }), (l) => l.ownerId === ids.o1 || l.ownerId === ids.admin],
  ['unassigned', () => ({ unassigned: true }), (l) => !l.ownerId],
  ['unassigned: false is no condition', () => ({ unassigned: false }), () => true],
  ['ownerIds + unassigned (either)', () => ({ ownerIds: [ids.o2], unassigned: true }), (l) => !l.ownerId || l.ownerId === ids.o2],
  ['teamIds: by lead.team_id or the owner\'s membership', () => ({ teamIds: [ids.t1] }), (l) => l.teamId === ids.t1 || l.ownerId === ids.o1],
  ['teamIds: a team without members', () => ({ teamIds: [ids.t2] }), (l) => l.teamId === ids.t2],
  ['tags (one)', () => ({ tags: ['vip'] }), (l) => l.tags!.includes('vip')],
  ['tags (all of)', () => ({ tags: ['vip', 'eu'] }), (l) => l.tags!.includes('vip') && l.tags!.includes('eu')],
  ['tags are matched as stored (trimmed, lower-case)', () => ({ tags: [' VIP'] }), (l) => l.tags!.includes('vip')],
  ['tags (none has both)', () => ({ tags: ['eu', 'us'] }), () => false],
  ['sources', () => ({ sources: ['web'] }), (l) => l.source === 'web'],
  ['sources (two)', () => ({ sources: ['web', 'event'] }), (l) => l.source === 'web' || l.source === 'event'],
  ['createdAfter (inclusive)', () => ({ createdAfter: T[1] }), (l) => l.createdAt! >= T[1]],
  ['createdBefore (exclusive)', () => ({ createdBefore: T[1] }), (l) => l.createdAt! < T[1]],
  ['created range', () => ({ createdAfter: T[1], createdBefore: T[3] }), (l) => l.createdAt! >= T[1] && l.createdAt! < T[3]],
  ['updatedAfter', () => ({ updatedAfter: T[3] }), (l) => l.updatedAt! >= T[3]],
  ['updatedBefore', () => ({ updatedBefore: T[2] }), (l) => l.updatedAt! < T[2]],
  ['valueMin', () => ({ valueMin: 100 }), (l) => l.value != null && l.value >= 100],
  ['valueMax', () => ({ valueMax: 100 }), (l) => l.value != null && l.value <= 100],
  ['value range', () => ({ valueMin: 75, valueMax: 250.5 }), (l) => l.value != null && l.value >= 75 && l.value <= 250.5],
  ['valueMin 0 excludes leads without a value', () => ({ valueMin: 0 }), (l) => l.value != null],
  ['custom eq (number)', () => ({ customFields: [{ key: 'score', condition: { eq: 10 } }] }), (l) => num(l, 'score') === 10],
  ['custom in (number)', () => ({ customFields: [{ key: 'score', condition: { in: [10, 50] } }] }), (l) => [10, 50].includes(num(l, 'score')!)],
  ['custom gte (number)', () => ({ customFields: [{ key: 'score', condition: { gte: 50 } }] }), (l) => num(l, 'score') !== undefined && num(l, 'score')! >= 50],
  ['custom lte (number)', () => ({ customFields: [{ key: 'score', condition: { lte: 10 } }] }), (l) => num(l, 'score') !== undefined && num(l, 'score')! <= 10],
  ['custom gte + lte (number)', () => ({ customFields: [{ key: 'score', condition: { gte: 10, lte: 50 } }] }), (l) => [10, 50].includes(num(l, 'score')!)],
  ['custom gte (date)', () => ({ customFields: [{ key: 'due', condition: { gte: '2024-06-01' } }] }), (l) => (cf(l, 'due') as string | undefined ?? '') >= '2024-06-01'],
  ['custom lte (date)', () => ({ customFields: [{ key: 'due', condition: { lte: '2024-05-01' } }] }), (l) => cf(l, 'due') !== undefined && (cf(l, 'due') as string) <= '2024-05-01'],
  ['custom eq (select)', () => ({ customFields: [{ key: 'tier', condition: { eq: 'gold' } }] }), (l) => cf(l, 'tier') === 'gold'],
  ['custom in (select)', () => ({ customFields: [{ key: 'tier', condition: { in: ['gold', 'bronze'] } }] }), (l) => ['gold', 'bronze'].includes(cf(l, 'tier') as string)],
  ['custom eq (multiselect: has the option)', () => ({ customFields: [{ key: 'langs', condition: { eq: 'en' } }] }), (l) => ((cf(l, 'langs') ?? []) as string[]).includes('en')],
  ['custom in (multiselect: has any option)', () => ({ customFields: [{ key: 'langs', condition: { in: ['fr', 'de'] } }] }), (l) => ((cf(l, 'langs') ?? []) as string[]).some((x) => x === 'fr' || x === 'de')],
  ['custom exists', () => ({ customFields: [{ key: 'code', condition: { exists: true } }] }), (l) => cf(l, 'code') !== undefined],
  ['custom exists: false', () => ({ customFields: [{ key: 'tier', condition: { exists: false } }] }), (l) => cf(l, 'tier') === undefined],
  ['two custom conditions', () => ({ customFields: [{ key: 'tier', condition: { eq: 'gold' } }, { key: 'score', condition: { exists: true } }] }), (l) => cf(l, 'tier') === 'gold' && cf(l, 'score') !== undefined],
  ['combined', () => ({ statusIds: [a.statuses.new], tags: ['vip'], sources: ['web'], valueMin: 50 }), (l) => l.statusId === a.statuses.new && l.tags!.includes('vip') && l.source === 'web' && (l.value ?? 0) >= 50],
];

test.each(CASES)('filter: %s', async (_name, filter, pred) => {
  const want = expected(pred);
  expect(await names(filter())).toEqual(want);
});

test('the expectations are not vacuous: most filters select some leads but not all', () => {
  const sizes = CASES.map(([, , pred]) => expected(pred).length);
  expect(sizes.filter((n) => n > 0 && n < 6).length).toBeGreaterThan(CASES.length - 6);
});

test.each([
  ['ada', ['Ada Lovelace']],
  ['ANALYT', ['Ada Lovelace']],
  ['analytical engines', ['Ada Lovelace']],
  ['lovel ada', ['Ada Lovelace']],
  ['grace', ['Grace Hopper']],
  ['grace@navy.mil', ['Grace Hopper']],
  ['grace nasa', []],
  ['nasa', ['Katherine Johnson']],
  ['marg', ['Margaret Hamilton']],
  ['a', ['Ada Lovelace', 'Alan Turing', 'Margaret Hamilton']],
  ['7946', ['Ada Lovelace']],
  ['5550109', ['Grace Hopper']],
  ['4420794', ['Ada Lovelace']],
  ['555', ['Grace Hopper', 'Katherine Johnson']],
  ['555-0100', ['Katherine Johnson']],
  ['zzz', []],
  ["o'hara & | ! :* ()", []],
])('search %j matches by word prefix over name, company, email and phone', async (search, want) => {
  expect(await names({ search })).toEqual(want);
});

test('deleted: true shows only deleted leads, and the other filters still apply', async () => {
  expect(await names({ deleted: true })).toEqual(['Deleted Dan']);
  expect(await names({ deleted: true, tags: ['vip'], search: 'analyt' })).toEqual(['Deleted Dan']);
  expect(await names({ deleted: true, statusIds: [a.statuses.contacted] })).toEqual([]);
  expect(await names({ deleted: false })).toEqual(expected(() => true));
});

test.each([
  ['an unknown custom field', { customFields: [{ key: 'nope', condition: { eq: 1 } }] }],
  ['gte on a select', { customFields: [{ key: 'tier', condition: { gte: 'a' } }] }],
  ['an empty condition', { customFields: [{ key: 'score', condition: {} }] }],
  ['an unknown operator', { customFields: [{ key: 'score', condition: { like: '1%' } }] }],
  ['in without a list', { customFields: [{ key: 'score', condition: { in: 10 } }] }],
  ['exists that is not a boolean', { customFields: [{ key: 'score', condition: { exists: 'yes' } }] }],
  ['a date that is not a date', { customFields: [{ key: 'due', condition: { gte: 'soon' } }] }],
  ['a malformed custom field key', { customFields: [{ key: 'Bad Key', condition: { exists: true } }] }],
  ['a malformed status id', { statusIds: ['new'] }],
])('filter with %s is BAD_USER_INPUT', async (_name, filter) => {
  expect(errorCode(await gql(LIST, { f: filter }))).toBe('BAD_USER_INPUT');
});
