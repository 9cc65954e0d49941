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
