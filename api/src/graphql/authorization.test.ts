import { getMetadataStorage } from 'type-graphql';
import type { GraphQLObjectType, GraphQLSchema } from 'graphql';
import { ALL_PERMISSIONS } from '../modules/permissions/catalog';
import { MemberType } from '../modules/members/member.types';
import { BASIC_ROLES, isRole } from './auth-checker';
import { buildApiSchema, RESOLVERS } from './schema';

/*
 * Nothing is public by omission: every root field of the schema the API serves must name who may call it with
 * @Authorized (graphql/auth-checker.ts), and every role it names must mean something. Read from type-graphql's
 * own metadata (getMetadataStorage), the same records buildSchema turns into the auth checks.
 */

type Op = 'Query' | 'Mutation' | 'Subscription';

const storage = getMetadataStorage();
type Target = (typeof storage.authorizedFields)[number]['target'];

/** The roles type-graphql will enforce on a resolver method: its own @Authorized, else its class's. */
function rolesOf(target: Target, methodName: string): unknown[] | undefined {
  const own = storage.authorizedFields.find((a) => a.target === target && a.fieldName === methodName);
  return (own ?? storage.authorizedResolver.find((a) => a.target === target))?.roles;
}

/** A handler serves the schema when its class (or a subclass of it) is one of the API's resolvers. */
const served = (target: Target) => RESOLVERS.some((r) => r === target || Object.prototype.isPrototypeOf.call(target, r));

function rootFields(schema: GraphQLSchema): Array<{ op: Op; field: string; roles: unknown[] | undefined }> {
  const handlers = { Query: storage.queries, Mutation: storage.mutations, Subscription: storage.subscriptions };
  const types: Record<Op, GraphQLObjectType | null | undefined> = {
    Query: schema.getQueryType(),
    Mutation: schema.getMutationType(),
    Subscription: schema.getSubscriptionType(),
  };
  return (Object.keys(types) as Op[]).flatMap((op) =>
    Object.keys(types[op]?.getFields() ?? {}).map((field) => {
      const handler = handlers[op].find((h) => h.schemaName === field && served(h.target));
      return { op, field, roles: handler ? rolesOf(handler.target, handler.methodName) : undefined };
    }),
  );
}

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await buildApiSchema();
});

test('every Query, Mutation and Subscription field declares its roles with @Authorized', () => {
  const fields = rootFields(schema);
  expect(fields.length).toBeGreaterThan(40);
  const undeclared = fields.filter((f) => !f.roles?.length).map((f) => `${f.op}.${f.field}`);
  if (undeclared.length) {
    throw new Error(`These root fields have no @Authorized(...) roles (see graphql/auth-checker.ts):\n  ${undeclared.join('\n  ')}`);
  }
});

test('every role named anywhere is a basic role or a permission key of the catalog', () => {
  const named = [...storage.authorizedFields.map((a) => ({ where: `${a.target.name}.${a.fieldName}`, roles: a.roles })),
    ...storage.authorizedResolver.map((a) => ({ where: a.target.name, roles: a.roles }))];
  const unknown = named.flatMap(({ where, roles }) => roles.filter((r) => typeof r !== 'string' || !isRole(r)).map((r) => `${where}: ${String(r)}`));
  if (unknown.length) {
    throw new Error(`Unknown roles (neither ${BASIC_ROLES.join(', ')} nor a key of modules/permissions/catalog.ts):\n  ${unknown.join('\n  ')}`);
  }
  // The catalog's keys are what roles store: none may collide with a basic role's name.
  expect(ALL_PERMISSIONS.filter((p) => (BASIC_ROLES as readonly string[]).includes(p))).toEqual([]);
});

test('the walk sees what it should: known fields, their roles, and fields nobody declared', () => {
  const byName = new Map(rootFields(schema).map((f) => [`${f.op}.${f.field}`, f.roles]));
  expect(byName.get('Mutation.login')).toEqual(['public']);
  expect(byName.get('Query.leads')).toEqual(['leads.read.all', 'leads.read.own']);
  expect(byName.get('Mutation.assignLeads')).toEqual(['leads.assign']);
  expect(byName.get('Subscription.permissionsChanged')).toEqual(['member']);
  // A class nobody decorated would be reported: rolesOf answers undefined for it.
  class Undecorated {}
  expect(rolesOf(Undecorated, 'anything')).toBeUndefined();
});

test("fields exposing other users' emails are for members only", () => {
  expect(rolesOf(MemberType, 'email')).toEqual(['member']);
});
