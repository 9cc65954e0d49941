import { isIP } from 'node:net';
import { tenantDb } from '../../tenancy/context';
import type { AuditRequestInfo } from './audit.context';
import type { FieldChanges } from './audit.diff';
import { isUuid } from '../../tenancy/names';

export enum AuditAction {
  LOGIN = 'auth.login',
  LOGIN_FAILED = 'auth.login_failed',
}

/** Mutations are recorded as `mutation.<field>`. */
export const mutationAction = (field: string) => `mutation.${field}`;

export interface NewAuditEntry {
  action: string;
  actorId?: string | null;
  apiKeyId?: string | null;
  targetType?: string | null;
  targetId?: string | null;
  changes?: FieldChanges | Record<string, unknown> | null;
  args?: Record<string, unknown> | null;
  request?: AuditRequestInfo | null;
}

const uuidOrNull = (v: string | null | undefined) => (v && isUuid(v) ? v.toLowerCase() : null);

/** Ids are compared as text: uuids are stored lower-case whatever case the client wrote them in. */
export const normaliseTargetId = (id: string | null | undefined): string | null =>
  id ? (isUuid(id) ? id.toLowerCase() : id.slice(0, 200)) : null;

/**
 * Appends one entry in the current tenant's transaction (the operation's, or a withTenant unit's): it commits
 * or rolls back with whatever that transaction did. Never called outside a tenant (tenantDb throws).
 */
export async function writeAuditEntry(e: NewAuditEntry): Promise<void> {
  // IPv4-mapped IPv6 as the plain IPv4 address; no zone id (fe80::1%eth0), which inet refuses.
  const ip = e.request?.ip ? e.request.ip.replace(/^::ffff:(?=\d+\.)/i, '').replace(/%.*$/, '') : null;
  const params = [
    e.action,
    uuidOrNull(e.actorId),
    uuidOrNull(e.apiKeyId),
    e.targetType?.slice(0, 100) ?? null,
    normaliseTargetId(e.targetId),
    e.changes ? JSON.stringify(e.changes) : null,
    e.args ? JSON.stringify(e.args) : null,
    // A malformed address must not fail the mutation it describes.
    ip && isIP(ip) ? ip : null,
    e.request?.userAgent?.slice(0, 500) || null,
    e.request?.requestId?.slice(0, 100) || null,
  ];
  await tenantDb().query(
    `insert into audit_log (action, actor_id, api_key_id, target_type, target_id, changes, args, client_ip, user_agent, request_id)
     values ($1, $2::uuid, $3::uuid, $4, $5, $6::jsonb, $7::jsonb, $8::inet, $9, $10)`,
    params,
  );
}
