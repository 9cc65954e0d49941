import { randomUUID } from 'node:crypto';
import { adminTenant, errorCode as code, errorFields as fields, inTenant, memberWith, ok, type AdminTenant } from '../../../test/admin-fixtures';
import { startTestServer, type GqlResponse, type TestServer } from '../../../test/helpers';

/* Custom field definitions: validation naming each field, the key and type locks, deletion that never touches leads. */

let server: TestServer;
let a: AdminTenant;
beforeAll(async () => {
  server = await startTestServer();
  a = await adminTenant(server);
});
afterAll(async () => server?.close());

const DEF = `id key label type required options { value label } min max pattern position`;
const CREATE = `mutation($i: CreateCustomFieldInput!) { createCustomField(input: $i) { ${DEF} } }`;
const UPDATE = `mutation($id: ID!, $i: UpdateCustomFieldInput!) { updateCustomField(id: $id, input: $i) { ${DEF} } }`;
const DELETE = `mutation($id: ID!) { deleteCustomField(id: $id) }`;
const LIST = `{ customFieldDefinitions { ${DEF} } }`;
interface Def { id: string; key: string; type: string; options: Array<{ value: string; label: string }>; min: number | null; max: number | null; pattern: string | null; position: number }

const run = (t: AdminTenant, query: string, variables: Record<string, unknown> = {}) => server.gql<Record<string, Def>>(query, variables, { token: t.token });
const create = async (t: AdminTenant, i: Record<string, unknown>) => (await ok<{ createCustomField: Def }>(server, t.token, CREATE, { i })).createCustomField;
const list = async (t: AdminTenant) => (await ok<{ customFieldDefinitions: Def[] }>(server, t.token, LIST)).customFieldDefinitions;
function refused(r: GqlResponse<unknown>, expectedCode: string, expectedFields: string[]) {
  expect({ code: code(r), fields: fields(r) }).toEqual({ code: expectedCode, fields: expectedFields });
}

test('createCustomField saves each type with its constraints; customFieldDefinitions lists them in order', async () => {
  const t = await adminTenant(server);
  expect(await list(t)).toEqual([]);
  const budget = await create(t, { key: 'budget', label: ' Budget ', type: 'number', min: 0, max: 1e6, required: true });
  expect(budget).toMatchObject({ key: 'budget', label: 'Budget', type: 'number', required: true, min: 0, max: 1e6, options: [], pattern: null, position: 1 });
  const size = await create(t, { key: 'size', label: 'Size', type: 'select', options: [{ value: 'S' }, { value: 'L', label: 'Large' }] });
  expect(size.options).toEqual([{ value: 'S', label: 'S' }, { value: 'L', label: 'Large' }]);
  const sku = await create(t, { key: 'sku', label: 'SKU', type: 'text', pattern: '[A-Z]{3}-\\d+', max: 20, position: 0 });
  expect((await list(t)).map((d) => d.key)).toEqual(['sku', 'budget', 'size']);
  // The definitions are live at once: leads are validated against them.
  const bad = await server.gql(`mutation { createLead(input: { name: "x", customFields: { budget: 5, sku: "nope" } }) { id } }`, {}, { token: t.token });
  expect(fields(bad)).toEqual(['customFields.sku']);
  expect(sku.id).toBeTruthy();
});

test('definitions are validated field by field, and nothing is written on refusal', async () => {
  const t = await adminTenant(server);
  await create(t, { key: 'taken', label: 'Taken', type: 'text' });
  const before = await list(t);
  const cases: Array<[Record<string, unknown>, string[]]> = [
    [{ key: 'Bad-Key', label: '', type: 'text' }, ['key', 'label']],
    [{ key: 'x'.repeat(41), label: 'x'.repeat(101), type: 'text' }, ['key', 'label']],
    [{ key: 'pick', label: 'Pick', type: 'select' }, ['options']],
    [{ key: 'pick', label: 'Pick', type: 'multiselect', options: Array.from({ length: 101 }, (_, i) => ({ value: `v${i}` })) }, ['options']],
    [{ key: 'pick', label: 'Pick', type: 'select', options: [{ value: 'a' }, { value: ' a ' }, { value: '  ' }] }, ['options.1.value', 'options.2.value']],
    [{ key: 'flag', label: 'Flag', type: 'boolean', options: [{ value: 'a' }], min: 1, pattern: 'x' }, ['min', 'options', 'pattern']],
    [{ key: 'num', label: 'Num', type: 'number', min: 10, max: 1 }, ['min']],
    [{ key: 'txt', label: 'Txt', type: 'text', min: 1.5, max: -1 }, ['max', 'min', 'min']],
    [{ key: 'txt', label: 'Txt', type: 'text', pattern: 'a'.repeat(201) }, ['pattern']],
    [{ key: 'txt', label: 'Txt', type: 'text', pattern: '(unclosed' }, ['pattern']],
    [{ key: 'txt', label: 'Txt', type: 'text', pattern: 'a)(b' }, ['pattern']],
    [{ key: 'txt', label: 'Txt', type: 'text', pattern: '\\p{Nope}' }, ['pattern']],
    [{ key: 'txt', label: 'Txt', type: 'text', pattern: '(\\w+)-\\1' }, ['pattern']],
    [{ key: 'txt', label: 'Txt', type: 'text', pattern: '(?=.*\\d)\\w+' }, ['pattern']],
  ];
  for (const [input, expected] of cases) refused(await run(t, CREATE, { i: input }), 'BAD_USER_INPUT', expected);
  const badType = await run(t, CREATE, { i: { key: 'x', label: 'X', type: 'colour' } });
  expect(code(badType)).toBe('BAD_USER_INPUT');
  refused(await run(t, CREATE, { i: { key: 'taken', label: 'Again', type: 'number' } }), 'FIELD_KEY_TAKEN', ['key']);
  expect(await list(t)).toEqual(before);
});

test("one tenant's catastrophic pattern is matched in linear time: its leads are refused, another tenant is served", async () => {
  const t = await adminTenant(server);
  await create(t, { key: 'code', label: 'Code', type: 'text', pattern: '(a+)+' });
  const lookahead = await run(t, CREATE, { i: { key: 'pin', label: 'PIN', type: 'text', pattern: '(?=.*\\d).{4}' } });
  expect(lookahead.errors?.[0]?.extensions?.fields).toEqual([{ field: 'pattern', message: expect.stringMatching(/lookahead/) }]);
  // Under a backtracking engine this value keeps the event loop of every tenant busy for longer than the test
  // runs (the anchored pattern has 2^n ways to fail); the other tenant's request below would never be answered.
  const evil = `${'a'.repeat(1_900)}!`;
  const [refusedLead, other] = await Promise.all([
    server.gql(`mutation($v: JSONObject!) { createLead(input: { name: "x", customFields: $v }) { id } }`, { v: { code: evil } }, { token: t.token }),
    server.gql(`{ customFieldDefinitions { key } }`, {}, { token: a.token }),
  ]);
  expect({ code: code(refusedLead), fields: fields(refusedLead) }).toEqual({ code: 'BAD_USER_INPUT', fields: ['customFields.code'] });
  expect(other.errors).toBeUndefined();
  expect(await ok(server, t.token, `mutation { createLead(input: { name: "y", customFields: { code: "aaaa" } }) { id } }`)).toBeTruthy();
  expect(await inTenant(server, t, `select name from leads order by name`)).toEqual([{ name: 'y' }]);
});

test('concurrent creates of one key: one wins, the others get FIELD_KEY_TAKEN (the unique index, never a 500)', async () => {
  const t = await adminTenant(server);
  const results = await Promise.all(Array.from({ length: 6 }, () => run(t, CREATE, { i: { key: 'race', label: 'Race', type: 'text' } })));
  expect(results.filter((r) => !r.errors).length).toBe(1);
  expect(results.filter((r) => r.errors).map(code)).toEqual(Array(5).fill('FIELD_KEY_TAKEN'));
  expect((await list(t)).map((d) => d.key)).toEqual(['race']);
});

test('updateCustomField merges the change and revalidates the whole definition', async () => {
  const t = await adminTenant(server);
  const d = await create(t, { key: 'score', label: 'Score', type: 'number', min: 0, max: 10 });
  const u = (await ok<{ updateCustomField: Def }>(server, t.token, UPDATE, { id: d.id, i: { label: 'Rating', max: 5 } })).updateCustomField;
  expect(u).toMatchObject({ key: 'score', label: 'Rating', type: 'number', min: 0, max: 5 });
  refused(await run(t, UPDATE, { id: d.id, i: { min: 6 } }), 'BAD_USER_INPUT', ['min']);
  refused(await run(t, UPDATE, { id: d.id, i: { label: null, type: null } }), 'BAD_USER_INPUT', ['label', 'type']);
  // No lead holds a value yet: the type may change, and constraints the new type cannot use are dropped.
  const asSelect = (await ok<{ updateCustomField: Def }>(server, t.token, UPDATE, { id: d.id, i: { type: 'select', options: [{ value: 'hi' }] } })).updateCustomField;
  expect(asSelect).toMatchObject({ type: 'select', min: null, max: null, options: [{ value: 'hi', label: 'hi' }] });
  const asText = (await ok<{ updateCustomField: Def }>(server, t.token, UPDATE, { id: d.id, i: { type: 'text', max: 3 } })).updateCustomField;
  expect(asText).toMatchObject({ type: 'text', options: [], max: 3 });
  refused(await run(t, UPDATE, { id: d.id, i: { options: [{ value: 'x' }] } }), 'BAD_USER_INPUT', ['options']);
  for (const id of [randomUUID(), 'nope']) expect(code(await run(t, UPDATE, { id, i: { label: 'X' } }))).toBe('NOT_FOUND');
});

test('the type is locked once a lead holds a value (FIELD_TYPE_LOCKED), even a soft-deleted lead', async () => {
  const t = await adminTenant(server);
  const d = await create(t, { key: 'region', label: 'Region', type: 'text' });
  const lead = (await ok<{ createLead: { id: string } }>(server, t.token, `mutation { createLead(input: { name: "x", customFields: { region: "EU" } }) { id } }`)).createLead;
  await ok(server, t.token, `mutation($id: ID!) { deleteLead(id: $id) { id } }`, { id: lead.id });
  const before = await list(t);
  refused(await run(t, UPDATE, { id: d.id, i: { type: 'number', label: 'Other' } }), 'FIELD_TYPE_LOCKED', ['type']);
  expect(await list(t)).toEqual(before);
  // Everything but the type may still change.
  expect((await ok<{ updateCustomField: Def }>(server, t.token, UPDATE, { id: d.id, i: { label: 'Area', max: 10 } })).updateCustomField).toMatchObject({ type: 'text', max: 10 });
});

test('deleting a definition never touches leads: re-creating the key brings the values back', async () => {
  const t = await adminTenant(server);
  const d = await create(t, { key: 'industry', label: 'Industry', type: 'text' });
  const lead = (await ok<{ createLead: { id: string } }>(server, t.token, `mutation { createLead(input: { name: "x", customFields: { industry: "Steel" } }) { id } }`)).createLead;
  const stored = () => inTenant<{ custom: Record<string, unknown>; updated_at: Date }>(server, t, `select custom, updated_at from leads where id = $1`, [lead.id]);
  const rowBefore = await stored();
  expect(await ok(server, t.token, DELETE, { id: d.id })).toEqual({ deleteCustomField: d.id });
  expect(await list(t)).toEqual([]);
  expect(await stored()).toEqual(rowBefore);
  const read = `query($id: ID!) { lead(id: $id) { customFields } }`;
  expect(await ok(server, t.token, read, { id: lead.id })).toEqual({ lead: { customFields: {} } });

  // A different type would expose values it cannot read: refused.
  refused(await run(t, CREATE, { i: { key: 'industry', label: 'Industry', type: 'number' } }), 'FIELD_TYPE_LOCKED', ['type']);
  await create(t, { key: 'industry', label: 'Industry again', type: 'text' });
  expect(await ok(server, t.token, read, { id: lead.id })).toEqual({ lead: { customFields: { industry: 'Steel' } } });
  expect(code(await run(t, DELETE, { id: randomUUID() }))).toBe('NOT_FOUND');
});

test('fields.manage is required: agents and role-less members get FORBIDDEN but can read the form', async () => {
  const d = await create(a, { key: 'guarded', label: 'Guarded', type: 'text' });
  const before = await list(a);
  for (const m of [await memberWith(server, a, 'agent'), await memberWith(server, a, 'manager'), await memberWith(server, a, null)]) {
    const as = { ...a, token: m.token };
    expect(await list(as)).toEqual(before);
    expect(code(await run(as, CREATE, { i: { key: 'nope', label: 'N', type: 'text' } }))).toBe('FORBIDDEN');
    expect(code(await run(as, UPDATE, { id: d.id, i: { label: 'N' } }))).toBe('FORBIDDEN');
    expect(code(await run(as, DELETE, { id: d.id }))).toBe('FORBIDDEN');
  }
  expect(await list(a)).toEqual(before);
});

test("tenant A cannot update or delete tenant B's fields; B's form is unchanged", async () => {
  const b = await adminTenant(server);
  const theirs = await create(b, { key: 'secret', label: 'Secret', type: 'text' });
  const before = await list(b);
  expect(code(await run(a, UPDATE, { id: theirs.id, i: { label: 'Mine' } }))).toBe('NOT_FOUND');
  expect(code(await run(a, DELETE, { id: theirs.id }))).toBe('NOT_FOUND');
  // The same key is free in A: keys are per tenant.
  expect((await create(a, { key: 'secret', label: 'Mine', type: 'number' })).key).toBe('secret');
  expect(await list(b)).toEqual(before);
});
