import path from 'node:path';
import type { GraphQLSchema } from 'graphql';
import { buildSchema, type NonEmptyArray } from 'type-graphql';
import { AuthResolver } from '../modules/auth/auth.resolver';
import { TenantResolver } from '../modules/tenants/tenant.resolver';
import { ScopeMiddleware } from './scope.middleware';

/** Every resolver class of the API. New modules add theirs here. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const RESOLVERS: NonEmptyArray<Function> = [AuthResolver, TenantResolver];

/** The committed schema file at the repository root; a test fails when it drifts from the code. */
export const SCHEMA_FILE = path.resolve(__dirname, '..', '..', '..', 'schema.graphql');

export function buildApiSchema(): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: RESOLVERS,
    globalMiddlewares: [ScopeMiddleware],
    validate: { forbidUnknownValues: false },
    emitSchemaFile: false,
  });
}
