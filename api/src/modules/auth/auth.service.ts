import { createHash, randomBytes } from 'node:crypto';
import type { Queryable } from '../../db/control-db';
import { UnauthenticatedError } from '../../graphql/errors';
import { publishSessionsRevoked } from '../../graphql/subscriptions/invalidation';
import type { Platform } from '../../platform';
import { gate } from '../../tenancy/resolvers';
import type { TenantRecord } from '../../tenancy/tenant';
import { TenancyError, TenancyErrorCode } from '../../tenancy/tenancy.errors';
import { recordFailedLogin, recordLogin } from '../audit/audit.login';
import { dummyHash, verifyPassword } from '../users/password';
import { findUserByEmail, normaliseEmail } from '../users/user.service';
import { AuthError, AuthErrorCode } from './auth.errors';
import type { LoginThrottle } from './throttle';
import { signAccessToken } from './tokens';

export interface AuthResult {
  accessToken: string;
  accessTokenExpiresAt: Date;
  refreshToken: string;
  refreshTokenExpiresAt: Date;
  userId: string;
  tenant: TenantRecord | null;
}

export interface ClientInfo {
  ip: string;
  userAgent: string;
}

export interface MembershipView {
  tenantId: string;
  slug: string;
  name: string;
  status: string;
}

export interface LoginInput {
  email: string;
  password: string;
  tenantSlug?: string | null;
  requestTenant?: TenantRecord | null;
}

const hashToken = (token: string) => createHash('sha256').update(token, 'utf8').digest();
const newRefreshToken = () => `lprt_${randomBytes(32).toString('base64url')}`;

/**
 * Sign-in, refresh-token rotation with reuse detection, sign-out and tenant switching.
 * Access tokens are short-lived JWTs; a refresh token is opaque, stored hashed, used once.
 */
export class AuthService {
  constructor(
    private readonly platform: Platform,
    private readonly throttle: LoginThrottle,
  ) {}

  /**
   * `tenantSlug` (or the tenant the request's host/API key names) picks the tenant; a user with exactly one
   * membership gets it by default; a user with several gets a token without tenant and picks one with switchTenant.
   */
  async login(input: LoginInput, client: ClientInfo): Promise<AuthResult> {
    let result: AuthResult;
    try {
      result = await this.signIn(input, client);
    } catch (err) {
      // In the tenant the request named, if any; never throws.
      await recordFailedLogin(this.platform, input, err, client);
      throw err;
    }
    if (result.tenant) await recordLogin(this.platform, result.tenant, result.userId, client);
    return result;
  }

  private async signIn(input: LoginInput, client: ClientInfo): Promise<AuthResult> {
    const email = normaliseEmail(input.email);
    await this.throttle.reserve(email, client.ip);
    const user = await findUserByEmail(this.platform.db, email);
    // Same argon2 work whether or not the user exists, so timing does not reveal accounts.
    const ok = user?.password_hash ? await verifyPassword(user.password_hash, input.password) : (await verifyPassword(await dummyHash(), input.password), false);
    if (!user || !ok || user.disabled_at) {
      await this.throttle.recordFailure(client.ip);
      throw new AuthError(AuthErrorCode.INVALID_CREDENTIALS, 'Wrong email or password');
    }
    await this.throttle.recordSuccess(email);

    let tenant: TenantRecord | null = null;
    if (input.tenantSlug) {
      const named = await this.platform.registry.bySlug(input.tenantSlug);
      if (input.requestTenant && named && named.id !== input.requestTenant.id) {
        // Not NOT_A_MEMBER: the user may well belong to both; the request contradicts itself.
        throw new TenancyError(TenancyErrorCode.TENANT_MISMATCH, 'The tenant named does not match the request');
      }
      tenant = await this.usableTenant(named, user.id);
    } else if (input.requestTenant) {
      tenant = await this.usableTenant(input.requestTenant, user.id);
    } else {
      const memberships = await this.memberships(user.id);
      const active = memberships.filter((m) => m.status === 'active');
      if (active.length === 1) tenant = await this.platform.registry.byId(active[0]!.tenantId);
    }
    return this.platform.db.tx((q) => this.openSession(q, user.id, tenant, client));
  }

  /** Rotates the refresh token. Presenting a token that was already rotated revokes the whole session. */
  async refresh(refreshToken: string, client: ClientInfo): Promise<AuthResult> {
    if (typeof refreshToken !== 'string' || !/^lprt_[A-Za-z0-9_-]{43}$/.test(refreshToken)) {
      throw new UnauthenticatedError('Invalid refresh token', 'INVALID_REFRESH_TOKEN');
    }
    const hash = hashToken(refreshToken);
    const outcome = await this.platform.db.tx(async (q) => {
      const row = await q.one<{ session_id: string; used_at: Date | null; expired: boolean; user_id: string; tenant_id: string | null; live: boolean }>(
        `select r.session_id, r.used_at, r.expires_at <= now() as expired, s.user_id, s.tenant_id,
                (s.revoked_at is null and s.expires_at > now() and u.disabled_at is null) as live
           from control.refresh_tokens r
           join control.sessions s on s.id = r.session_id
           join control.users u on u.id = s.user_id
          where r.token_hash = $1
          for update of r, s`,
        [hash],
      );
      if (!row) return { error: new UnauthenticatedError('Invalid refresh token', 'INVALID_REFRESH_TOKEN') };
      if (row.used_at) {
        await q.rows(`update control.sessions set revoked_at = now(), revoked_reason = 'refresh token reused' where id = $1 and revoked_at is null`, [
          row.session_id,
        ]);
        return { error: new UnauthenticatedError('Refresh token reused: the session was revoked', 'REFRESH_TOKEN_REUSED'), revoked: row.session_id };
      }
      if (!row.live || row.expired) return { error: new UnauthenticatedError('Session revoked or expired', 'SESSION_ENDED') };
      await q.rows(`update control.refresh_tokens set used_at = now() where token_hash = $1`, [hash]);
      let tenant = row.tenant_id ? await this.platform.registry.byId(row.tenant_id) : null;
      if (tenant && (gate(tenant).denied || !(await this.isActiveMember(q, tenant.id, row.user_id)))) tenant = null;
      return { result: await this.issue(q, row.session_id, row.user_id, tenant, client) };
    });
    // Announced after the commit: open websockets of the revoked session close in every process.
    if ('revoked' in outcome && outcome.revoked) await publishSessionsRevoked(this.platform, [outcome.revoked]);
    if ('error' in outcome && outcome.error) throw outcome.error;
    return outcome.result!;
  }

  async logout(sessionId: string): Promise<void> {
    await this.platform.db.rows(`update control.sessions set revoked_at = now(), revoked_reason = 'logout' where id = $1 and revoked_at is null`, [
      sessionId,
    ]);
    await publishSessionsRevoked(this.platform, [sessionId]);
  }

  async logoutAll(userId: string): Promise<void> {
    const revoked = await this.platform.db.rows<{ id: string }>(
      `update control.sessions set revoked_at = now(), revoked_reason = 'logout everywhere' where user_id = $1 and revoked_at is null returning id`,
      [userId],
    );
    await publishSessionsRevoked(this.platform, revoked.map((r) => r.id));
  }

  /** New tokens for the same session, now bound to another tenant the user belongs to. */
  async switchTenant(sessionId: string, userId: string, slug: string, client: ClientInfo): Promise<AuthResult> {
    const tenant = await this.usableTenant(await this.platform.registry.bySlug(slug), userId);
    return this.platform.db.tx(async (q) => {
      await q.rows(`update control.refresh_tokens set used_at = now() where session_id = $1 and used_at is null`, [sessionId]);
      return this.issue(q, sessionId, userId, tenant, client);
    });
  }

  async memberships(userId: string): Promise<MembershipView[]> {
    return this.platform.db.rows<MembershipView>(
      `select t.id as "tenantId", t.slug, t.name, m.status
         from control.memberships m join control.tenants t on t.id = m.tenant_id
        where m.user_id = $1 and t.status = 'active'
        order by t.name`,
      [userId],
    );
  }

  private async usableTenant(tenant: TenantRecord | null, userId: string): Promise<TenantRecord> {
    const gated = gate(tenant);
    if (gated.denied) throw gated.denied;
    if (!(await this.isActiveMember(this.platform.db, gated.tenant!.id, userId))) {
      throw new AuthError(AuthErrorCode.NOT_A_MEMBER, 'You are not a member of this tenant');
    }
    return gated.tenant!;
  }

  private async isActiveMember(q: Queryable, tenantId: string, userId: string): Promise<boolean> {
    return (await q.one(`select 1 from control.memberships where tenant_id = $1 and user_id = $2 and status = 'active'`, [tenantId, userId])) !== null;
  }

  private async openSession(q: Queryable, userId: string, tenant: TenantRecord | null, client: ClientInfo): Promise<AuthResult> {
    const session = await q.one<{ id: string }>(
      `insert into control.sessions (user_id, tenant_id, client_ip, user_agent, expires_at)
       values ($1, $2, $3, $4, now() + make_interval(secs => $5)) returning id`,
      [userId, tenant?.id ?? null, client.ip, client.userAgent.slice(0, 500), this.platform.config.jwt.refreshTtlS],
    );
    return this.issue(q, session!.id, userId, tenant, client);
  }

  private async issue(q: Queryable, sessionId: string, userId: string, tenant: TenantRecord | null, client: ClientInfo): Promise<AuthResult> {
    const cfg = this.platform.config.jwt;
    const refreshToken = newRefreshToken();
    const refreshTokenExpiresAt = new Date(Date.now() + cfg.refreshTtlS * 1000);
    await q.rows(`insert into control.refresh_tokens (token_hash, session_id, expires_at) values ($1, $2, $3)`, [
      hashToken(refreshToken),
      sessionId,
      refreshTokenExpiresAt,
    ]);
    await q.rows(`update control.sessions set tenant_id = $2, last_used_at = now(), client_ip = $3 where id = $1`, [
      sessionId,
      tenant?.id ?? null,
      client.ip,
    ]);
    const { token, expiresAt } = signAccessToken(cfg, { sub: userId, sid: sessionId, tid: tenant?.id });
    return { accessToken: token, accessTokenExpiresAt: expiresAt, refreshToken, refreshTokenExpiresAt, userId, tenant };
  }
}
