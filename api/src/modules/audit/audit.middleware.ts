import { getNamedType, getNullableType, isListType, isObjectType, type GraphQLResolveInfo } from 'graphql';
import type { MiddlewareFn } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context';
import { runAuditUnit, type AuditRequestInfo, type RecordedChange } from './audit.context';
import { diffRecords, sanitizeArgs, type FieldChanges } from './audit.diff';
import { SNAPSHOTTERS, namedId } from './audit.snapshots';
import { mutationAction, writeAuditEntry } from './audit.writer';

/** Mutations that are not about the tenant's data: sign-in has its own entries (auth.login, auth.login_failed). */
const NOT_TENANT_DATA = new Set(['login', 'refresh', 'logout', 'logoutAll', 'switchTenant']);

/**
 * Attached to every root Mutation field (graphql/schema.ts, auditEveryMutation), so it runs inside the request's tenant
 * scope, after the field's @Authorized check: every root Mutation field that succeeds in a tenant whose data the
 * operation touched appends one audit entry in the operation's tenant transaction. The entry commits with the mutation or rolls back with it (a later field's error, a failed COMMIT): never an entry
 * for a mutation that did not happen, never a committed mutation without its entry. A failing audit write fails
 * the mutation. Other fields pass straight through.
 */
export const AuditMiddleware: MiddlewareFn<GraphQLContext> = ({ context, info, args }, next) => {
  if (info.parentType !== info.schema.getMutationType()) return next();
  return runAuditUnit(requestInfo(context), async (unit) => {
    if (!context.tenant || NOT_TENANT_DATA.has(info.fieldName)) return next();
    const snapshotter = singleObject(info) ? SNAPSHOTTERS[getNamedType(info.returnType).name] : undefined;
    const beforeId = snapshotter ? namedId(args, snapshotter.idArgs) : null;
    const before = snapshotter && beforeId ? await snapshotter.load(beforeId) : null;

    const result: unknown = await next();

    // No tenant transaction open: nothing in this operation touched the tenant's data (a platform-level mutation run
    // with a tenant-bound token). Not the tenant's to record, and opening a transaction only to say so would be wrong.
    if (!context.scope.session?.isOpen) return result;
    const target = targetOf(info, args, result, snapshotter?.idArgs);
    const entry = merge(target, unit.changes, before && snapshotter ? diffRecords(before, asRecord(result), snapshotter.ignore) : null);
    const actor = context.principal;
    await writeAuditEntry({
      action: mutationAction(info.fieldName),
      actorId: actor?.kind === 'user' ? actor.userId : null,
      apiKeyId: actor?.kind === 'apikey' ? actor.apiKeyId : null,
      targetType: entry.targetType,
      targetId: entry.targetId,
      changes: entry.changes,
      args: sanitizeArgs(args),
      request: requestInfo(context),
    });
    return result;
  });
};

function requestInfo(ctx: GraphQLContext): AuditRequestInfo {
  return { requestId: ctx.requestId || null, ip: ctx.ip || null, userAgent: ctx.userAgent || null };
}

/** True when the field returns one object (not a list, not a scalar). */
function singleObject(info: GraphQLResolveInfo): boolean {
  const type = getNullableType(info.returnType);
  return !isListType(type) && isObjectType(type);
}

const asRecord = (v: unknown): Record<string, unknown> | null => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null);

/** `deleteLeadStatus` → `LeadStatus`: the target type of a mutation that answers with a bare id or a boolean. */
function typeFromFieldName(field: string): string | null {
  const m = /^(?:create|update|delete|remove|restore|set|add|assign|change|reorder|invite|revoke|grant|deactivate|reactivate|rename)([A-Z]\w*)$/.exec(field);
  return m?.[1] ?? null;
}

interface Target {
  targetType: string | null;
  targetId: string | null;
}

/** What the mutation acted on: the result's id, else the id it named; the result's type, else one read from its name. */
function targetOf(info: GraphQLResolveInfo, args: Record<string, unknown>, result: unknown, idArgs?: readonly string[]): Target {
  const named = getNamedType(info.returnType);
  const fromArgs = namedId(args, idArgs ?? ['id']);
  if (isObjectType(named)) {
    const id = singleObject(info) ? asRecord(result)?.id : undefined;
    return { targetType: named.name, targetId: typeof id === 'string' ? id : fromArgs };
  }
  const id = named.name === 'ID' && typeof result === 'string' ? result : fromArgs;
  return { targetType: typeFromFieldName(info.fieldName), targetId: id };
}

/** Changes a service reported win over the generic snapshot diff; several targets are kept side by side. */
type Merged = Target & { changes: FieldChanges | Record<string, unknown> | null };

function merge(target: Target, reported: readonly RecordedChange[], generic: FieldChanges | null): Merged {
  if (reported.length === 1) {
    const [only] = reported as [RecordedChange];
    return { targetType: only.targetType, targetId: only.targetId ?? target.targetId, changes: only.changes };
  }
  if (reported.length > 1) {
    return { ...target, changes: { targets: reported.map((c) => ({ type: c.targetType, id: c.targetId, changes: c.changes })) } };
  }
  return { ...target, changes: generic };
}
