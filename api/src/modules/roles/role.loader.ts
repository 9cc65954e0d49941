import DataLoader from 'dataloader';
import type { GraphQLContext } from '../../graphql/context';
import { runInScope, tenantDb } from '../../tenancy/context';
import { isUuid } from '../../tenancy/names';
import { ROLE_COLUMNS, type RoleRow } from './role.types';

/**
 * Per request (keyed by its context, gone with it), inside its tenant scope: one statement for every role of a
 * response (Role.memberCount) and one for every member of a page (Member.roles).
 */
const counts = new WeakMap<GraphQLContext, DataLoader<string, number>>();
const byMember = new WeakMap<GraphQLContext, DataLoader<string, RoleRow[]>>();

export function roleMemberCountLoader(ctx: GraphQLContext): DataLoader<string, number> {
  let loader = counts.get(ctx);
  if (!loader) {
    loader = new DataLoader<string, number>((roleIds) =>
      runInScope(ctx.scope, async () => {
        const rows = await tenantDb().query<{ roleId: string; n: number }>(
          `select role_id as "roleId", count(*)::int as n from member_roles where role_id = any($1::uuid[]) group by role_id`,
          [roleIds.filter(isUuid)],
        );
        const map = new Map(rows.map((r) => [r.roleId, r.n]));
        return roleIds.map((id) => map.get(id.toLowerCase()) ?? 0);
      }),
    );
    counts.set(ctx, loader);
  }
  return loader;
}

export function memberRolesLoader(ctx: GraphQLContext): DataLoader<string, RoleRow[]> {
  let loader = byMember.get(ctx);
  if (!loader) {
    loader = new DataLoader<string, RoleRow[]>((userIds) =>
      runInScope(ctx.scope, async () => {
        const rows = await tenantDb().query<RoleRow & { userId: string }>(
          `select mr.user_id as "userId", ${ROLE_COLUMNS}
             from member_roles mr join roles r on r.id = mr.role_id
            where mr.user_id = any($1::uuid[])
            order by r.is_system desc, lower(r.name), r.key`,
          [userIds.filter(isUuid)],
        );
        const map = new Map<string, RoleRow[]>();
        for (const { userId, ...role } of rows) {
          const list = map.get(userId);
          if (list) list.push(role);
          else map.set(userId, [role]);
        }
        return userIds.map((id) => map.get(id.toLowerCase()) ?? []);
      }),
    );
    byMember.set(ctx, loader);
  }
  return loader;
}

/** After a write in the same operation: forget what was loaded for these members and roles. */
export function forgetRoleLoads(ctx: GraphQLContext): void {
  counts.get(ctx)?.clearAll();
  byMember.get(ctx)?.clearAll();
}
