import path from 'node:path';
import type { GraphQLSchema } from 'graphql';
import { buildSchema, getMetadataStorage, UseMiddleware, type NonEmptyArray } from 'type-graphql';
import { AuthResolver } from '../modules/auth/auth.resolver';
import { TenantResolver } from '../modules/tenants/tenant.resolver';
import { LeadResolver } from '../modules/leads/lead.resolver';
import { LeadActivityFieldsResolver, LeadConnectionResolver, LeadFieldsResolver } from '../modules/leads/lead.fields';
import { DASHBOARD_RESOLVERS } from '../modules/dashboard/dashboard.resolver';
import { StatusFieldsResolver, StatusResolver } from '../modules/statuses/status.resolver';
import { CustomFieldResolver } from '../modules/custom-fields/custom-field.resolver';
import { TeamFieldsResolver, TeamResolver } from '../modules/teams/team.resolver';
import { MemberFieldsResolver, MemberResolver } from '../modules/members/member.resolver';
import { RoleFieldsResolver, RoleResolver } from '../modules/roles/role.resolver';
import { PlatformResolver } from '../modules/platform/platform.resolver';
import { LeadSubscriptionResolver } from '../modules/leads/lead.subscriptions';
import { PermissionResolver } from '../modules/permissions/permission.resolver';
import { AUDIT_RESOLVERS } from '../modules/audit/audit.resolver';
import { AuditMiddleware } from '../modules/audit/audit.middleware';
import { authChecker } from './auth-checker';
import { DateTimeISO } from './date-time';
import { NO_TOPIC_PUBSUB } from './subscriptions/event-stream';

/** Every resolver class of the API. New modules add theirs here. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const RESOLVERS: NonEmptyArray<Function> = [
  AuthResolver,
  TenantResolver,
  LeadResolver,
  LeadFieldsResolver,
  LeadConnectionResolver,
  LeadActivityFieldsResolver,
  LeadSubscriptionResolver,
  ...DASHBOARD_RESOLVERS,
  StatusResolver,
  StatusFieldsResolver,
  CustomFieldResolver,
  TeamResolver,
  TeamFieldsResolver,
  MemberResolver,
  MemberFieldsResolver,
  RoleResolver,
  RoleFieldsResolver,
  ...AUDIT_RESOLVERS,
  PlatformResolver,
  PermissionResolver,
];

/** The committed schema file at the repository root; a test fails when it drifts from the code. */
export const SCHEMA_FILE = path.resolve(__dirname, '..', '..', '..', 'schema.graphql');

/** Resolver methods the audit middleware was attached to (a schema may be built more than once in a process). */
const audited = new Map<object, Set<string>>();

/**
 * Every root Mutation field gets AuditMiddleware, as if each carried `@UseMiddleware(AuditMiddleware)`: type-graphql
 * then runs it after the field's @Authorized check, inside the operation's request scope (graphql/executor.ts), and a
 * mutation added later is audited without anyone remembering to. It is not a global middleware: type-graphql would
 * then wrap every field resolver of every type (Lead.owner, Lead.status on each row of a page) in an async
 * middleware chain that, for anything but a root mutation, only called next().
 */
function auditEveryMutation(): void {
  for (const m of getMetadataStorage().mutations) {
    const done = audited.get(m.target) ?? new Set<string>();
    audited.set(m.target, done);
    if (done.has(m.methodName)) continue;
    done.add(m.methodName);
    UseMiddleware(AuditMiddleware)(m.target.prototype as object, m.methodName, Object.getOwnPropertyDescriptor(m.target.prototype, m.methodName)!);
  }
}

export function buildApiSchema(): Promise<GraphQLSchema> {
  auditEveryMutation();
  return buildSchema({
    resolvers: RESOLVERS,
    // No global middleware (see auditEveryMutation). The request scope is entered once per operation by the
    // executor, not per field.
    // Every root field declares who may call it with @Authorized (graphql/auth-checker.ts); refusals throw typed errors.
    authChecker,
    authMode: 'error',
    validate: { forbidUnknownValues: false },
    // Every Date field: graphql-scalars' DateTimeISO, with canonical text passed through (date-time.ts).
    scalarsMap: [{ type: Date, scalar: DateTimeISO }],
    emitSchemaFile: false,
    pubSub: NO_TOPIC_PUBSUB,
  });
}
