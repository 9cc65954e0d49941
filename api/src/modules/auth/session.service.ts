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

  async check(sessionId: string, userId: string): Promise<SessionUser> {
    const row = await this.db.one<{ id: string; is_platform_admin: boolean; live: boolean }>(
      `select u.id, u.is_platform_admin,
              (s.revoked_at is null and s.expires_at > now() and u.disabled_at is null) as live
         from control.sessions s join control.users u on u.id = s.user_id
        where s.id = $1 and s.user_id = $2`,
      [sessionId, userId],
    );
    if (!row || !row.live) throw new UnauthenticatedError('Session revoked or expired');
    return { id: row.id, isPlatformAdmin: row.is_platform_admin };
  }

  async isActiveMember(tenantId: string, userId: string): Promise<boolean> {
    const row = await this.db.one(`select 1 from control.memberships where tenant_id = $1 and user_id = $2 and status = 'active'`, [
      tenantId,
      userId,
    ]);
    return row !== null;
  }
}
