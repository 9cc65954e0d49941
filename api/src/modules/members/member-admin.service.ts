import type { ControlDb } from '../../db/control-db';
import { BadInputError } from '../../graphql/errors';
import { currentTenant, tenantDb } from '../../tenancy/context';
import type { PermissionCache } from '../permissions/permission-cache';
import {
  assertAdminsRemain,
  assertCanGrant,
  freshPermissions,
  invalidateAfterCommit,
  lockRoles,
  requireHeld,
  replaceMemberRoles,
  requireRoleIds,
  roleIdsOf,
  rolesByIds,
} from '../roles/role.guards';
import type { Actor } from '../roles/role.service';
import { ADMIN_ROLE_KEY } from '../roles/role.types';
import { MemberService } from './member.service';
import { MemberStatus, type MemberRow } from './member.types';

const members = new MemberService();

/**
 * Role assignment and (de)activation of this tenant's members.
 *
 * Two worlds meet here: roles live in the tenant schema (the operation's tenant transaction), the
 * membership status in control.memberships (ControlDb, which the tenant's role cannot write). Each change:
 *   1. takes the tenant's roles lock and makes every check in the tenant transaction;
 *   2. writes control.* in its own short transaction, still under the lock, as the LAST step;
 *   3. lets the tenant transaction commit at the end of the operation, and invalidates cached permissions after.
 * A failure before (2) commits leaves nothing; the tenant side of these changes holds no writes after (2), so the
 * tenant commit cannot undo half of one. The invalidation of (3) also drops what API processes remember of the
 * member's live session (ADR 0010): this process before the mutation answers, the others when its broadcast arrives.
 */
export class MemberAdminService {
  constructor(
    private readonly db: ControlDb,
    private readonly cache: PermissionCache,
  ) {}

  /** Replaces the member's roles (at least one). Adding a role needs its permissions; the last active admin keeps admin. */
  async setRoles(actor: Actor, userId: string, roleIds: string[]): Promise<MemberRow> {
    const ids = requireRoleIds(roleIds);
    await lockRoles();
    const held = await freshPermissions(actor.userId);
    requireHeld(held, 'members.manage');
    const member = await members.mustGet(userId);
    const roles = await rolesByIds(ids);
    const current = new Set(await roleIdsOf(member.id));
    assertCanGrant(held, roles.filter((r) => !current.has(r.id)).flatMap((r) => r.permissions));
    if (member.status === MemberStatus.active && !roles.some((r) => r.isSystem && r.key === ADMIN_ROLE_KEY)) {
      await assertAdminsRemain([member.id], 'The last active admin cannot lose the admin role');
    }
    await replaceMemberRoles(member.id, ids);
    invalidateAfterCommit(this.cache, [member.id]);
    return member;
  }

  /** Refuses the member from their next request on; their roles stay for a reactivation. Idempotent. */
  async deactivate(actor: Actor, userId: string): Promise<MemberRow> {
    await lockRoles();
    requireHeld(await freshPermissions(actor.userId), 'members.manage');
    const member = await members.mustGet(userId);
    if (member.status === MemberStatus.deactivated) return member;
    await assertAdminsRemain([member.id], 'The last active admin cannot be deactivated');
    await this.setStatus(member.id, MemberStatus.deactivated, [MemberStatus.active, MemberStatus.invited]);
    invalidateAfterCommit(this.cache, [member.id]);
    return members.mustGet(member.id);
  }

  /** Gives a deactivated member their roles back, which counts as assigning them (the escalation rule applies). Idempotent. */
  async reactivate(actor: Actor, userId: string): Promise<MemberRow> {
    await lockRoles();
    const held = await freshPermissions(actor.userId);
    requireHeld(held, 'members.manage');
    const member = await members.mustGet(userId);
    if (member.status === MemberStatus.active) return member;
    if (member.status === MemberStatus.invited) {
      throw new BadInputError('Invited members become active by accepting their invitation', [{ field: 'userId', message: 'has not accepted their invitation yet' }]);
    }
    const perms = await tenantDb().query<{ p: string }>(
      `select distinct unnest(r.permissions) as p from member_roles mr join roles r on r.id = mr.role_id where mr.user_id = $1`,
      [member.id],
    );
    assertCanGrant(held, perms.map((r) => r.p));
    await this.setStatus(member.id, MemberStatus.active, [MemberStatus.deactivated]);
    invalidateAfterCommit(this.cache, [member.id]);
    return members.mustGet(member.id);
  }

  /**
   * The control-plane write, last. Pending invitations die with a deactivation (accepting would fail anyway, since
   * it needs an invited membership, but no live secret should outlast its purpose).
   */
  private async setStatus(userId: string, status: MemberStatus, from: MemberStatus[]): Promise<void> {
    const tenantId = currentTenant().id;
    await this.db.tx(async (q) => {
      const changed = await q.rows(
        `update control.memberships set status = $3, updated_at = now() where tenant_id = $1 and user_id = $2 and status = any($4::text[]) returning 1`,
        [tenantId, userId, status, from],
      );
      // Under the roles lock only an invitation being accepted can move it meanwhile (invited → active), which from allows.
      if (changed.length !== 1) throw new Error(`membership of ${userId} changed concurrently`);
      if (status === MemberStatus.deactivated) {
        await q.rows(`delete from control.invitations where tenant_id = $1 and user_id = $2 and used_at is null`, [tenantId, userId]);
      }
    });
  }
}
