import { startTestServer, type TestServer } from '../../../test/helpers';
import { as, badFields, defineFields, errorCode, inTenant, leadTenant, ok, randomId, snapshot, type Gql, type LeadTenant } from '../../../test/lead-fixtures';

/**
 * Refused input: BAD_USER_INPUT with one `extensions.fields` entry per bad field, and nothing written (every row
 * of leads and lead_activities is the same before and after). Custom fields of every type, required fields, and
 * a definition removed after values were stored.
 */

const CREATE = `mutation($input: CreateLeadInput!) { createLead(input: $input) { id customFields } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateLeadInput!) { updateLead(id: $id, input: $input) { id customFields } }`;

let server: TestServer;
let a: LeadTenant;
let gql: Gql;
let existing: string;

beforeAll(async () => {
  server = await startTestServer();
  a = await leadTenant(server);
  gql = as(server, a.token);
  await defineFields(server, a.tenant, [
    { key: 'code', type: 'text', min: 2, max: 6, pattern: '[A-Z0-9]+' },
    { key: 'score', type: 'number', min: 0, max: 100 },
    { key: 'due', type: 'date' },
    { key: 'tier', type: 'select', options: ['gold', 'silver'] },
    { key: 'langs', type: 'multiselect', options: ['en', 'fr', 'de'], max: 2 },
    { key: 'vip', type: 'boolean' },
    { key: 'contact', type: 'email' },
    { key: 'mobile', type: 'phone' },
    { key: 'site', type: 'url' },
  ]);
  existing = ok(await gql<{ createLead: { id: string } }>(CREATE, { input: { name: 'Existing', customFields: { code: 'AB1' } } })).createLead.id;
});
afterAll(async () => server?.close());

/** Sends the mutation and expects it refused on exactly `fields`, with every lead and activity row untouched. */
async function refused(query: string, variables: Record<string, unknown>, fields: string[]) {
  const before = await snapshot(server, a.tenant);
  const res = await gql(query, variables);
  expect({ variables, code: errorCode(res), fields: badFields(res) }).toEqual({ variables, code: 'BAD_USER_INPUT', fields: [...fields].sort() });
  expect(await snapshot(server, a.tenant)).toBe(before);
}

test.each([
  [{ name: '' }, ['name']],
  [{ name: '   ' }, ['name']],
  [{ name: 'x'.repeat(201) }, ['name']],
  [{ name: 'n', email: 'not-an-email' }, ['email']],
  [{ name: 'n', phone: 'call me' }, ['phone']],
  [{ name: 'n', currency: 'eur' }, ['currency']],
  [{ name: 'n', currency: 'EURO' }, ['currency']],
  [{ name: 'n', value: -1 }, ['value']],
  [{ name: 'n', value: 1.234 }, ['value']],
  [{ name: 'n', tags: Array.from({ length: 51 }, (_, i) => `t${i}`) }, ['tags']],
  [{ name: 'n', tags: ['x'.repeat(51)] }, ['tags']],
  [{ name: 'n', statusId: 'not-a-uuid' }, ['statusId']],
  [{ name: 'n', statusId: randomId() }, ['statusId']],
  [{ name: 'n', ownerId: randomId() }, ['ownerId']],
  [{ name: 'n', teamId: randomId() }, ['teamId']],
  [{ name: 'n', statusId: randomId(), ownerId: randomId(), teamId: randomId() }, ['ownerId', 'statusId', 'teamId']],
  [{ name: '', email: 'x', value: -5, currency: 'usd' }, ['currency', 'email', 'name', 'value']],
])('createLead %j is refused on %j', async (input, fields) => {
  await refused(CREATE, { input }, fields);
});

test.each([
  [{ name: '' }, ['name']],
  [{ name: ' ' }, ['name']],
  [{ email: 'nope' }, ['email']],
  [{ phone: 'x' }, ['phone']],
  [{ currency: 'eu' }, ['currency']],
  [{ value: -0.01 }, ['value']],
  [{ teamId: randomId() }, ['teamId']],
  [{ tags: Array.from({ length: 51 }, (_, i) => `t${i}`) }, ['tags']],
])('updateLead %j is refused on %j', async (input, fields) => {
  await refused(UPDATE, { id: existing, input }, fields);
});

const BAD_CUSTOM: Array<[Record<string, unknown>, string]> = [
  [{ code: 'A' }, 'code'],
  [{ code: 'ABCDEFG' }, 'code'],
  [{ code: 'abc' }, 'code'],
  [{ code: 12 }, 'code'],
  [{ score: -1 }, 'score'],
  [{ score: 101 }, 'score'],
  [{ score: 'many' }, 'score'],
  [{ score: true }, 'score'],
  [{ due: '2025-02-30' }, 'due'],
  [{ due: '0000-01-01' }, 'due'], // PostgreSQL has no year 0: stored, it would break every sort on the field
  [{ due: '2023-02-29' }, 'due'],
  [{ due: '2025-13-01' }, 'due'],
  [{ due: '2025-1-5' }, 'due'],
  [{ due: '05/01/2025' }, 'due'],
  [{ due: 20250105 }, 'due'],
  [{ tier: 'bronze' }, 'tier'],
  [{ tier: ['gold'] }, 'tier'],
  [{ langs: ['es'] }, 'langs'],
  [{ langs: ['en', 'fr', 'de'] }, 'langs'],
  [{ langs: 'en' }, 'langs'],
  [{ vip: 'yes' }, 'vip'],
  [{ vip: 1 }, 'vip'],
  [{ contact: 'nobody' }, 'contact'],
  [{ contact: 'a@b' }, 'contact'],
  [{ mobile: 'call me' }, 'mobile'],
  [{ site: 'ftp://example.com' }, 'site'],
  [{ site: 'example.com' }, 'site'],
  [{ unknown_key: 'x' }, 'unknown_key'],
];

test.each(BAD_CUSTOM)('custom value %j is refused on customFields.%s, on create and on update', async (customFields, key) => {
  await refused(CREATE, { input: { name: 'n', customFields } }, [`customFields.${key}`]);
  await refused(UPDATE, { id: existing, input: { customFields } }, [`customFields.${key}`]);
});

test('every bad custom value of one input is reported, each on its own field', async () => {
  const customFields = { code: 'a', score: 500, due: '2025-02-30', tier: 'x', unknown_key: 1 };
  await refused(CREATE, { input: { name: 'n', customFields } }, ['customFields.code', 'customFields.due', 'customFields.score', 'customFields.tier', 'customFields.unknown_key']);
});

test('valid custom values of every type are stored normalised', async () => {
  const customFields = {
    code: ' AB12 ', score: '42', due: '2024-02-29', tier: 'gold', langs: ['en', 'fr', 'en'], vip: false,
    contact: 'a@b.io', mobile: '+44 20 7946 0000', site: 'https://example.com/x',
  };
  const lead = ok(await gql<{ createLead: { id: string; customFields: Record<string, unknown> } }>(CREATE, { input: { name: 'Typed', customFields } })).createLead;
  const expected = { ...customFields, code: 'AB12', score: 42, langs: ['en', 'fr'] };
  expect(lead.customFields).toEqual(expected);
  const stored = await inTenant(server, a.tenant, (db) => db.one<{ custom: unknown }>('select custom from leads where id = $1', [lead.id]));
  expect(stored!.custom).toEqual(expected);
  // Update merges: untouched keys stay, null and '' clear a key.
  const updated = ok(await gql<{ updateLead: { customFields: Record<string, unknown> } }>(UPDATE, { id: lead.id, input: { customFields: { score: 7, tier: null, site: '' } } })).updateLead;
  const { tier: _tier, site: _site, ...rest } = expected;
  expect(updated.customFields).toEqual({ ...rest, score: 7 });
});

describe('required custom fields', () => {
  let b: LeadTenant;
  let older: string;
  beforeAll(async () => {
    b = await leadTenant(server);
    await defineFields(server, b.tenant, [{ key: 'note', type: 'text' }]);
    older = ok(await as(server, b.token)<{ createLead: { id: string } }>(CREATE, { input: { name: 'Before the rule' } })).createLead.id;
    await inTenant(server, b.tenant, (db) => db.query(`insert into custom_field_definitions (key, label, type, required, options) values ('region', 'Region', 'select', true, '[{"value":"eu","label":"EU"}]')`));
  });

  test('are required on create, and on update only when the update touches them', async () => {
    const gqlB = as(server, b.token);
    for (const customFields of [undefined, {}, { region: null }, { region: '' }, { note: 'x' }]) {
      const before = await snapshot(server, b.tenant);
      const res = await gqlB(CREATE, { input: { name: 'n', customFields } });
      expect([customFields, errorCode(res), badFields(res)]).toEqual([customFields, 'BAD_USER_INPUT', ['customFields.region']]);
      expect(await snapshot(server, b.tenant)).toBe(before);
    }
    expect(ok(await gqlB<{ createLead: { customFields: unknown } }>(CREATE, { input: { name: 'n', customFields: { region: 'eu' } } })).createLead.customFields).toEqual({ region: 'eu' });

    // A lead from before the rule can still be edited, as long as the edit leaves the required field alone.
    expect(ok(await gqlB<{ updateLead: { customFields: unknown } }>(UPDATE, { id: older, input: { name: 'Renamed' } })).updateLead.customFields).toEqual({});
    expect(ok(await gqlB<{ updateLead: { customFields: unknown } }>(UPDATE, { id: older, input: { customFields: { note: 'hi' } } })).updateLead.customFields).toEqual({ note: 'hi' });
    const before = await snapshot(server, b.tenant);
    const res = await gqlB(UPDATE, { id: older, input: { customFields: { region: null } } });
    expect([errorCode(res), badFields(res)]).toEqual(['BAD_USER_INPUT', ['customFields.region']]);
    expect(await snapshot(server, b.tenant)).toBe(before);
  });

  test('a removed definition: its stored values survive in the row but are no longer shown or accepted', async () => {
    const gqlB = as(server, b.token);
    await defineFields(server, b.tenant, [{ key: 'legacy', type: 'text' }]);
    const id = ok(await gqlB<{ createLead: { id: string; customFields: unknown } }>(CREATE, { input: { name: 'Old', customFields: { region: 'eu', legacy: 'kept' } } })).createLead.id;
    await inTenant(server, b.tenant, (db) => db.query(`delete from custom_field_definitions where key = 'legacy'`));

    const GET = `query($id: ID!) { lead(id: $id) { customFields } }`;
    expect(ok(await gqlB<{ lead: { customFields: unknown } }>(GET, { id })).lead.customFields).toEqual({ region: 'eu' });
    ok(await gqlB(UPDATE, { id, input: { customFields: { note: 'edited' } } }));
    const row = async () => (await inTenant(server, b.tenant, (db) => db.one<{ custom: unknown }>('select custom from leads where id = $1', [id])))!.custom;
    expect(await row()).toEqual({ region: 'eu', legacy: 'kept', note: 'edited' });

    const res = await gqlB(UPDATE, { id, input: { customFields: { legacy: 'new' } } });
    expect([errorCode(res), badFields(res)]).toEqual(['BAD_USER_INPUT', ['customFields.legacy']]);
    const LIST = `query($f: LeadFilter, $o: LeadOrder) { leads(filter: $f, orderBy: $o) { totalCount } }`;
    expect(errorCode(await gqlB(LIST, { f: { customFields: [{ key: 'legacy', condition: { exists: true } }] } }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await gqlB(LIST, { o: { field: 'CUSTOM_FIELD', customFieldKey: 'legacy' } }))).toBe('BAD_USER_INPUT');
    expect(await row()).toEqual({ region: 'eu', legacy: 'kept', note: 'edited' });
  });
});
