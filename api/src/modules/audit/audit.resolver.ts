import { Arg, Args, Authorized, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root, UseMiddleware, type MiddlewareFn } from 'type-graphql';
import type { Role } from '../../graphql/auth-checker';
import type { GraphQLContext } from '../../graphql/context';
import { MemberType } from '../members/member.types';
import type { Permission } from '../permissions/catalog';
import { requirePermission } from '../permissions/guard';
import { AuditLogArgs } from './audit.inputs';
import { AuditService } from './audit.service';
import { AuditEntryType, AuditLogConnection } from './audit.types';

const audit = new AuditService();

/**
 * The same permission as @Authorized, checked again where the data is served: the audit log must stay closed even
 * in a schema built without the auth checker (a test harness, a script). Cheap: permissions are cached per request.
 */
const needs =
  (permission: Permission): MiddlewareFn<GraphQLContext> =>
  async ({ context }, next) => {
    await requirePermission(context, permission);
    return next();
  };

@Resolver()
export class AuditResolver {
  @Authorized<Role>('audit.read')
  @Query(() => AuditLogConnection, { description: 'What happened in this tenant, newest first (keyset cursors). Needs audit.read.' })
  @UseMiddleware(needs('audit.read'))
  auditLog(@Args() args: AuditLogArgs): Promise<AuditLogConnection> {
    return audit.list(args);
  }

  @Authorized<Role>('audit.read')
  @Query(() => Int, { description: 'Days audit entries are kept before the retention job deletes them. Needs audit.read.' })
  @UseMiddleware(needs('audit.read'))
  auditRetention(): Promise<number> {
    return audit.retentionDays();
  }

  @Authorized<Role>('roles.manage')
  @Mutation(() => Int, { description: '1 to 3650 days, else AUDIT_RETENTION_OUT_OF_RANGE. Needs roles.manage.' })
  @UseMiddleware(needs('roles.manage'))
  setAuditRetention(@Arg('days', () => Int) days: number): Promise<number> {
    return audit.setRetentionDays(days);
  }
}

@Resolver(() => AuditEntryType)
export class AuditEntryFieldsResolver {
  @FieldResolver(() => MemberType, { nullable: true, description: 'The member who acted, if they still are one.' })
  actor(@Root() entry: AuditEntryType, @Ctx() ctx: GraphQLContext): Promise<MemberType | null> | null {
    return entry.actorId ? ctx.loaders.memberById.load(entry.actorId) : null;
  }
}

/** Every resolver class of the module, for graphql/schema.ts. */
export const AUDIT_RESOLVERS = [AuditResolver, AuditEntryFieldsResolver] as const;
