import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { buildApiSchema, SCHEMA_FILE } from '../graphql/schema';
import { EXIT_FAILED, EXIT_OK, out, parseCommandArgs, runCli } from './common';
import { renderSchemaFile } from './schema-file';

const USAGE = `Usage: npm run schema [-- --check]

Writes the GraphQL schema built from the API's resolvers to schema.graphql at the repository root.
--check writes nothing and exits 1 when the committed file is out of date.`;

async function main(argv: string[]): Promise<number> {
  const { values } = parseCommandArgs(argv, { check: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } }, { min: 0, max: 0, names: '' });
  if (values.help) {
    out(USAGE);
    return EXIT_OK;
  }
  const content = renderSchemaFile(await buildApiSchema());
  const current = fs.existsSync(SCHEMA_FILE) ? fs.readFileSync(SCHEMA_FILE, 'utf8') : null;
  const shown = path.relative(process.cwd(), SCHEMA_FILE) || SCHEMA_FILE;
  if (values.check) {
    if (current === content) return EXIT_OK;
    out(`${shown} is out of date: run \`npm run schema\` and commit it`);
    return EXIT_FAILED;
  }
  if (current === content) {
    out(`${shown} is up to date`);
    return EXIT_OK;
  }
  fs.writeFileSync(SCHEMA_FILE, content);
  out(`wrote ${shown}`);
  return EXIT_OK;
}

runCli(() => main(process.argv.slice(2)), USAGE);
