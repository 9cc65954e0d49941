import { AppError } from '../../graphql/errors';
import { tenantDb } from '../../tenancy/context';
import type { Platform } from '../../platform';
import { gate } from '../../tenancy/resolvers';
import type { TenantRecord } from '../../tenancy/tenant';
import { withTenant } from '../../tenancy/with-tenant';
import { currentAuditRequest, type AuditRequestInfo } from './audit.context';
import { AuditAction, writeAuditEntry, type NewAuditEntry } from './audit.writer';

/**
 * Sign-in entries. Login is not a tenant operation (it runs in the control plane), so each entry is written in its
 * own short withTenant unit, into the one tenant the request named or signed in to, and never anywhere else.
 * Nothing here may break a login: failures are logged and swallowed.
 */

export interface LoginClient {
  ip: string;
  userAgent: string;
}

/** Refused before any check was made, and cheap to repeat: recording each would let a flood write rows. */
const NOT_RECORDED = new Set(['LOGIN_THROTTLED']);

export async function recordLogin(platform: Platform, tenant: TenantRecord, userId: string, client: LoginClient): Promise<void> {
  await write(platform, tenant, () => ({ action: AuditAction.LOGIN, actorId: userId, targetType: 'Member', targetId: userId, request: request(client) }));
}

/**
 * A failed sign-in that named a tenant (the `tenant` argument, else the tenant of the request's host or API key)
 * is recorded in that tenant, if it exists and is active. The tenant learns nothing about users that are not its
 * members: for them the actor is empty and the reason is NOT_A_MEMBER, whether or not the account exists elsewhere
 * or the password was right. Without a named tenant nothing is written.
 */
export async function recordFailedLogin(
  platform: Platform,
  input: { email: string; tenantSlug?: string | null; requestTenant?: TenantRecord | null },
  error: unknown,
  client: LoginClient,
): Promise<void> {
  const reason = error instanceof AppError ? error.code : 'ERROR';
  if (NOT_RECORDED.has(reason)) return;
  try {
    const tenant = input.tenantSlug ? await platform.registry.bySlug(input.tenantSlug) : (input.requestTenant ?? null);
    if (!tenant || gate(tenant).denied) return;
    const email = String(input.email ?? '').trim().toLowerCase().slice(0, 320);
    await write(platform, tenant, async () => {
      // The tenant's own members view: it holds this tenant's memberships only.
      const member = await tenantDb().one<{ id: string }>(`select user_id as id from members where lower(email) = $1 limit 1`, [email]);
      return {
        action: AuditAction.LOGIN_FAILED,
        actorId: member?.id ?? null,
        args: { email, reason: member ? reason : 'NOT_A_MEMBER' },
        request: request(client),
      };
    });
  } catch (err) {
    platform.logger.warn('could not record a failed login', { err: String(err) });
  }
}

function request(client: LoginClient): AuditRequestInfo {
  return { requestId: currentAuditRequest()?.requestId ?? null, ip: client.ip || null, userAgent: client.userAgent || null };
}

async function write(platform: Platform, tenant: TenantRecord, entry: () => NewAuditEntry | Promise<NewAuditEntry>): Promise<void> {
  try {
    await withTenant(platform.openSession, tenant, async () => writeAuditEntry(await entry()));
  } catch (err) {
    platform.logger.warn('could not record a sign-in in the audit log', { tenant: tenant.slug, err: String(err) });
  }
}
