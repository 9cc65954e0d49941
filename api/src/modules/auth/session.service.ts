import DataLoader from 'dataloader';
import type { ControlDb } from '../../db/control-db';
import { UnauthenticatedError } from '../../graphql/errors';
import { authTag } from '../../graphql/subscriptions/invalidation';
import { isUuid } from '../../tenancy/names';
import type { AuthCache } from './auth-cache';

export interface SessionUser {
  id: string;
  isPlatformAdmin: boolean;
}

interface CheckKey {
  sessionId: string;
  userId: string;
  tenantId: string | null;
}

type Checked = SessionUser & { member: boolean | null };
/** A check's answer and when its session expires (ms since the epoch): no memory of it outlives the session. */
type Answer = { checked: Checked; expires: number };

/** Checks queued in one turn of the event loop go as one statement; a batch is never larger than this. */
const MAX_BATCH = 256;

/**
 * Per-request checks behind a valid token: the session is live (not revoked or expired), the user is not
 * disabled, and the user is an active member of the tenant the request names.
 *
 * Every request asks, so the checks of the requests arriving together (one turn of the event loop), whoever their
 * users and tenants, are answered by one statement: each key is matched by its position, never by user or tenant, so
 * an answer can only reach the request that asked it.
 *
 * A live session's answer is remembered by this process's AuthCache (when given) for a few seconds, keyed by session,
 * user and tenant: a revocation drops it here before the revoking call answers and in every other process when its
 * broadcast arrives; a membership change drops every answer about the tenant. Refusals (a dead session, or not a
 * member of the tenant asked about) are never remembered.
 * Membership re-checks (`isActiveMember`, for open subscriptions) always ask the database: they are how a socket
 * notices a change.
 */
export class SessionService {
  private readonly checks: DataLoader<CheckKey, Answer>;
  private readonly memberships: DataLoader<{ tenantId: string; userId: string }, boolean>;

  constructor(
    private readonly db: ControlDb,
    private readonly remembered?: AuthCache,
  ) {
    const opts = { cache: false, maxBatchSize: MAX_BATCH, batchScheduleFn: (run: () => void) => void setImmediate(run) };
    this.checks = new DataLoader((keys) => this.checkMany(keys), opts);
    this.memberships = new DataLoader((keys) => this.membersMany(keys), opts);
  }

  /**
   * The session check, and with `tenantId` the membership check too, in one statement (a round trip less on every
   * request that names a tenant). `member` is null when no tenant was asked about.
   */
  async check(sessionId: string, userId: string, tenantId: string | null = null): Promise<Checked> {
    // Claims come from a token we signed, but a malformed one must fail alone, not the batch it would join.
    if (!isUuid(sessionId) || !isUuid(userId) || (tenantId !== null && !isUuid(tenantId))) throw new UnauthenticatedError('Session revoked or expired');
    const key = `session|${sessionId}|${userId}|${tenantId ?? ''}`;
    const hit = this.remembered?.get<Checked>(key);
    if (hit) return hit;
    const mark = this.remembered?.mark() ?? 0;
    const { checked, expires } = await this.checks.load({ sessionId, userId, tenantId });
    const tags = tenantId ? [authTag.session(sessionId), authTag.tenant(tenantId)] : [authTag.session(sessionId)];
    // Only what lets a request in is remembered: a refusal (not live, not a member) is asked again next time.
    if (checked.member !== false) this.remembered?.set(key, checked, tags, mark, expires);
    return checked;
  }

  async isActiveMember(tenantId: string, userId: string): Promise<boolean> {
    if (!isUuid(tenantId) || !isUuid(userId)) return false;
    return this.memberships.load({ tenantId, userId });
  }

  private async checkMany(keys: readonly CheckKey[]): Promise<Array<Answer | Error>> {
    const rows = await this.db.rows<{ ord: string; id: string; is_platform_admin: boolean; live: boolean; member: boolean | null; expires_at: Date }>(
      `select k.ord, u.id, u.is_platform_admin, s.expires_at,
              (s.revoked_at is null and s.expires_at > now() and u.disabled_at is null) as live,
              case when k.tenant_id is null then null
                   else exists (select 1 from control.memberships m where m.tenant_id = k.tenant_id and m.user_id = u.id and m.status = 'active') end as member
         from unnest($1::uuid[], $2::uuid[], $3::uuid[]) with ordinality as k(session_id, user_id, tenant_id, ord)
         join control.sessions s on s.id = k.session_id and s.user_id = k.user_id
         join control.users u on u.id = s.user_id`,
      [keys.map((k) => k.sessionId), keys.map((k) => k.userId), keys.map((k) => k.tenantId)],
    );
    const byOrd = new Map(rows.map((r) => [Number(r.ord), r]));
    return keys.map((_, i) => {
      const row = byOrd.get(i + 1);
      if (!row || !row.live) return new UnauthenticatedError('Session revoked or expired');
      return { checked: { id: row.id, isPlatformAdmin: row.is_platform_admin, member: row.member }, expires: row.expires_at.getTime() };
    });
  }

  private async membersMany(keys: ReadonlyArray<{ tenantId: string; userId: string }>): Promise<boolean[]> {
    const rows = await this.db.rows<{ ord: string }>(
      `select k.ord from unnest($1::uuid[], $2::uuid[]) with ordinality as k(tenant_id, user_id, ord)
        where exists (select 1 from control.memberships m where m.tenant_id = k.tenant_id and m.user_id = k.user_id and m.status = 'active')`,
      [keys.map((k) => k.tenantId), keys.map((k) => k.userId)],
    );
    const members = new Set(rows.map((r) => Number(r.ord)));
    return keys.map((_, i) => members.has(i + 1));
  }
}
