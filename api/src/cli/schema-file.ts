import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';

export const SCHEMA_FILE_HEADER = `# Generated from the API's resolvers by \`npm run schema\` (api/src/cli/emit-schema.ts). Do not edit.
# api/src/graphql/schema.test.ts fails when this file and the code disagree; the web app's types come from it (codegen.yml).

`;

/** The committed SDL: sorted (as type-graphql's emitSchemaFile does) so reordering resolvers is not a change. */
export function renderSchemaFile(schema: GraphQLSchema): string {
  return `${SCHEMA_FILE_HEADER}${printSchema(lexicographicSortSchema(schema))}\n`;
}
