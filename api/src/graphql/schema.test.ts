import fs from 'node:fs';
import { renderSchemaFile } from '../cli/schema-file';
import { buildApiSchema, SCHEMA_FILE } from './schema';

/** The first line where two texts differ, with a little context, for a readable failure. */
function firstDifference(expected: string, actual: string): string {
  const a = expected.split('\n');
  const b = actual.split('\n');
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] !== b[i]) return `line ${i + 1}:\n  code says:      ${a[i] ?? '(end of file)'}\n  committed file: ${b[i] ?? '(end of file)'}`;
  }
  return '(no difference)';
}

test('the committed schema.graphql matches the schema the resolvers build', async () => {
  const expected = renderSchemaFile(await buildApiSchema());
  if (!fs.existsSync(SCHEMA_FILE)) throw new Error(`${SCHEMA_FILE} is missing: run \`npm run schema\` and commit it`);
  const committed = fs.readFileSync(SCHEMA_FILE, 'utf8');
  if (committed !== expected) {
    throw new Error(`schema.graphql is out of date with the resolvers: run \`npm run schema\` and commit it.\nFirst difference at ${firstDifference(expected, committed)}`);
  }
});

test('field resolvers of the hot types receive their parent row as it is, not a copy per call', async () => {
  await buildApiSchema();
  // type-graphql copies the root into an instance of its parameter's class (convertToType) unless that type reflects
  // as Object: the lead resolvers type it Readonly<LeadType> (lead.fields.ts) so a page does not copy every row
  // once per owner and status field.
  const { getMetadataStorage } = await import('type-graphql');
  const hot = new Set(['LeadFieldsResolver', 'LeadConnectionResolver', 'LeadSubscriptionResolver']);
  const roots = getMetadataStorage()
    .params.filter((p) => p.kind === 'root' && hot.has((p.target as { name: string }).name))
    .map((p) => ({ resolver: (p.target as { name: string }).name, method: p.methodName, type: (p as { getType?: () => unknown }).getType?.() }));
  expect(roots.length).toBeGreaterThanOrEqual(10);
  expect(roots.filter((r) => r.type !== Object && r.type !== undefined)).toEqual([]);
});
