import type { ControlDb } from '../../db/control-db';
import { UnauthenticatedError } from '../../graphql/errors';

export interface SessionUser {
  id: string;
  isPlatformAdmin: boolean;
}

/**
 * Per-request checks behind a valid token: the session is live (not revoked or expired), the user is not
 * disabled, and the user is an active member of the tenant the request names.
 */
export class SessionService {
  constructor(private readonly db: ControlDb) {}

  /**
   * The session check, and with `tenantId` the membership check too, in one statement (a round trip less on every
   * request that names a tenant). `member` is null when no tenant was asked about.
   */
  async check(sessionId: string, userId: string, tenantId: string | null = null): Promise<SessionUser & { member: boolean | null }> {
    const row = await this.db.one<{ id: string; is_platform_admin: boolean; live: boolean; member: boolean | null }>(
      `select u.id, u.is_platform_admin,
              (s.revoked_at is null and s.expires_at > now() and u.disabled_at is null) as live,
              case when $3::uuid is null then null
                   else exists (select 1 from control.memberships m where m.tenant_id = $3::uuid and m.user_id = u.id and m.status = 'active') end as member
         from control.sessions s join control.users u on u.id = s.user_id
        where s.id = $1 and s.user_id = $2`,
      [sessionId, userId, tenantId],
    );
    if (!row || !row.live) throw new UnauthenticatedError('Session revoked or expired');
    return { id: row.id, isPlatformAdmin: row.is_platform_admin, member: row.member };
  }

  async isActiveMember(tenantId: string, userId: string): Promise<boolean> {
    const row = await this.db.one(`select 1 from control.memberships where tenant_id = $1 and user_id = $2 and status = 'active'`, [
      tenantId,
      userId,
    ]);
    return row !== null;
  }
}
