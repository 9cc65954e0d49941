import { createHash, randomBytes } from 'node:crypto';
import { BadInputError } from '../../graphql/errors';
import type { Platform } from '../../platform';
import { currentTenant } from '../../tenancy/context';
import type { PermissionCache } from '../permissions/permission-cache';
import { hashPassword } from '../users/password';
import { checkPassword, ensureUser, normaliseEmail } from '../users/user.service';
import { assertCanGrant, freshPermissions, invalidateAfterCommit, lockRoles, replaceMemberRoles, requireHeld, requireRoleIds, rolesByIds } from '../roles/role.guards';
import type { Actor } from '../roles/role.service';
import { InvitationError, MemberErrorCode, MemberExistsError } from './member.errors';
import { MemberService } from './member.service';
import type { MemberRow } from './member.types';

export const INVITATION_TTL_DAYS = 7;
const TOKEN_RE = /^lpinv_[A-Za-z0-9_-]{43}$/;
const hashToken = (token: string) => createHash('sha256').update(token, 'utf8').digest();
const members = new MemberService();

export interface Invitation {
  member: MemberRow;
  setupToken: string;
  setupUrl: string;
  expiresAt: Date;
}

export interface AcceptedInvitation {
  email: string;
  tenantSlug: string;
  tenantName: string;
  passwordSet: boolean;
}

/**
 * Invitations: a membership in status `invited`, the invitee's roles, and a one-time setup token (stored as its
 * SHA-256 in control.invitations, valid INVITATION_TTL_DAYS). Accepting sets the password of an account that has
 * none, activates the membership and uses the token up, in one control-plane transaction.
 */
export class InvitationService {
  constructor(
    private readonly platform: Platform,
    private readonly cache: PermissionCache,
  ) {}

  /**
   * Creates the user (without a password) or links an existing one. Inviting someone already invited replaces their
   * roles and their token (the old one stops working). Active or deactivated members: MEMBER_EXISTS.
   * The control transaction stays open while the tenant side writes the roles, and commits last: if anything fails
   * before, nothing is written anywhere. Should the tenant commit itself fail after it, what remains is an invited
   * membership without roles whose token was never shown: harmless, and a new invitation repairs it.
   */
  async invite(actor: Actor, input: { email: string; name?: string | null; roleIds: string[] }): Promise<Invitation> {
    const email = normaliseEmail(input.email);
    const name = input.name == null ? undefined : cleanName(input.name);
    const ids = requireRoleIds(input.roleIds);
    await lockRoles();
    const held = await freshPermissions(actor.userId);
    requireHeld(held, 'members.manage');
    assertCanGrant(held, (await rolesByIds(ids)).flatMap((r) => r.permissions));
    const tenantId = currentTenant().id;
    const setupToken = `lpinv_${randomBytes(32).toString('base64url')}`;
    const { userId, expiresAt } = await this.platform.db.tx(async (q) => {
      const { user } = await ensureUser(q, { email, name });
      await q.rows(`insert into control.memberships (tenant_id, user_id, status) values ($1, $2, 'invited') on conflict do nothing`, [tenantId, user.id]);
      const m = await q.one<{ status: string }>(`select status from control.memberships where tenant_id = $1 and user_id = $2 for update`, [tenantId, user.id]);
      if (m!.status !== 'invited') throw new MemberExistsError(email, m!.status);
      await q.rows(`delete from control.invitations where tenant_id = $1 and user_id = $2 and used_at is null`, [tenantId, user.id]);
      const inv = await q.one<{ expires_at: Date }>(
        `insert into control.invitations (token_hash, tenant_id, user_id, created_by, expires_at)
         values ($1, $2, $3, $4, now() + make_interval(days => $5)) returning expires_at`,
        [hashToken(setupToken), tenantId, user.id, actor.userId, INVITATION_TTL_DAYS],
      );
      await replaceMemberRoles(user.id, ids);
      return { userId: user.id, expiresAt: inv!.expires_at };
    });
    invalidateAfterCommit(this.cache, [userId]);
    return { member: await members.mustGet(userId), setupToken, setupUrl: this.setupUrl(setupToken), expiresAt };
  }

  /** Needs no sign-in: the token is the proof. Returns nothing secret. A used, revoked or unknown token: INVITATION_INVALID. */
  async accept(input: { token: string; password: string; name?: string | null }): Promise<AcceptedInvitation> {
    if (typeof input.token !== 'string' || !TOKEN_RE.test(input.token)) throw new InvitationError(MemberErrorCode.INVITATION_INVALID);
    const name = input.name == null ? null : cleanName(input.name);
    const hash = hashToken(input.token);
    const out = await this.platform.db.tx(async (q) => {
      const row = await q.one<{
        tenant_id: string; user_id: string; used: boolean; expired: boolean; status: string; disabled: boolean;
        has_password: boolean; email: string; slug: string; tenant_name: string;
      }>(
        `select i.tenant_id, i.user_id, i.used_at is not null as used, i.expires_at <= now() as expired, m.status,
                u.disabled_at is not null as disabled, u.password_hash is not null as has_password, u.email, t.slug, t.name as tenant_name
           from control.invitations i
           join control.memberships m on m.tenant_id = i.tenant_id and m.user_id = i.user_id
           join control.users u on u.id = i.user_id
           join control.tenants t on t.id = i.tenant_id
          where i.token_hash = $1
          for update of i, m, u`,
        [hash],
      );
      if (!row || row.used || row.status !== 'invited' || row.disabled) throw new InvitationError(MemberErrorCode.INVITATION_INVALID);
      if (row.expired) throw new InvitationError(MemberErrorCode.INVITATION_EXPIRED);
      if (!row.has_password) {
        checkPassword(input.password);
        await q.rows(`update control.users set password_hash = $2, name = coalesce($3, name), updated_at = now() where id = $1`, [
          row.user_id,
          await hashPassword(input.password),
          name,
        ]);
      }
      await q.rows(`update control.memberships set status = 'active', updated_at = now() where tenant_id = $1 and user_id = $2`, [row.tenant_id, row.user_id]);
      await q.rows(`update control.invitations set used_at = now() where token_hash = $1`, [hash]);
      return { row, passwordSet: !row.has_password };
    });
    // No tenant transaction here: announced right after the control commit. Best effort (membership is not cached).
    await this.cache.invalidateTenant(out.row.tenant_id, [out.row.user_id]).catch((err: unknown) => {
      this.platform.logger.error('permission invalidation failed after an invitation was accepted', { err: String(err) });
    });
    return { email: out.row.email, tenantSlug: out.row.slug, tenantName: out.row.tenant_name, passwordSet: out.passwordSet };
  }

  /** PUBLIC_URL when configured: never the request's Host header, which a client could forge into a phishing link. */
  private setupUrl(token: string): string {
    const { publicUrl, port } = this.platform.config.http;
    const base = (publicUrl ?? `http://localhost:${port}`).replace(/\/+$/, '');
    return `${base}/accept-invitation#token=${token}`;
  }
}

function cleanName(name: string): string {
  const clean = name.trim().replace(/\s+/g, ' ');
  if (!clean) throw new BadInputError('Invalid name', [{ field: 'name', message: 'cannot be blank' }]);
  return clean;
}
