import { BadInputError, ForbiddenError, type FieldProblem } from '../../graphql/errors';
import { afterTenantCommit, currentTenant, tenantDb } from '../../tenancy/context';
import { isPermission, type Permission } from '../permissions/catalog';
import type { PermissionCache } from '../permissions/permission-cache';
import { LastAdminError, PermissionEscalationError } from './role.errors';
import { ADMIN_ROLE_KEY, ROLE_COLUMNS, type RoleRow } from './role.types';
import { isUuid } from '../../tenancy/names';

/**
 * The rules every role and membership change shares (roles and members modules alike):
 * one change at a time per tenant, the caller's authority read fresh under that lock, no escalation,
 * and always an active admin left.
 */


/**
 * Serialises role and membership changes per tenant, until the operation's tenant transaction ends. Taken before
 * any check: two concurrent demotions of the last two admins then run one after the other, and the second sees
 * the first (READ COMMITTED: each later statement reads what committed before the lock was granted).
 * Control-plane writes of the same operation (memberships, invitations) commit while it is held.
 */
export async function lockRoles(): Promise<void> {
  await tenantDb().query(`select pg_advisory_xact_lock(hashtextextended($1, 0))`, [`leadplane:roles:${currentTenant().id}`]);
}

/**
 * The caller's permissions as of now, read under the lock: the per-request (and Redis-cached) set may predate a
 * change that committed while this operation waited. Only an active member holds any.
 */
export async function freshPermissions(userId: string): Promise<Set<string>> {
  const rows = await tenantDb().query<{ p: string }>(
    `select distinct unnest(r.permissions) as p
       from member_roles mr join roles r on r.id = mr.role_id join members m on m.user_id = mr.user_id
      where mr.user_id = $1 and m.status = 'active'`,
    [userId],
  );
  return new Set(rows.map((r) => r.p));
}

export function requireHeld(held: Set<string>, permission: Permission): void {
  if (!held.has(permission)) throw new ForbiddenError(`This needs the ${permission} permission`);
}

/** Nobody hands out what they do not hold: every permission must be among the caller's own. */
export function assertCanGrant(held: Set<string>, permissions: Iterable<string>): void {
  const missing = [...new Set(permissions)].filter((p) => !held.has(p)).sort();
  if (missing.length) throw new PermissionEscalationError(missing);
}

/** Deduplicated, sorted catalog keys; any unknown key is named in a BAD_USER_INPUT. */
export function checkPermissionKeys(keys: string[], field = 'permissions'): string[] {
  const unique = [...new Set(keys.map((k) => k.trim()))].sort();
  const unknown = unique.filter((k) => !isPermission(k));
  if (unknown.length) {
    throw new BadInputError(
      `Unknown permission(s): ${unknown.join(', ')}`,
      unknown.map((k) => ({ field, message: `"${k}" is not a permission (see permissionCatalog)` })),
    );
  }
  return unique;
}

/** At least one role, each one distinct id (case-insensitive). */
export function requireRoleIds(ids: string[], field = 'roleIds'): string[] {
  const unique = [...new Set(ids.map((id) => id.toLowerCase()))];
  if (!unique.length) throw new BadInputError('A member needs at least one role', [{ field, message: 'must name at least one role' }]);
  return unique;
}

/** The roles of this tenant with these ids; any other id (another tenant's, unknown or malformed) is named. */
export async function rolesByIds(ids: string[], field = 'roleIds'): Promise<RoleRow[]> {
  const rows = await tenantDb().query<RoleRow>(`select ${ROLE_COLUMNS} from roles r where r.id = any($1::uuid[])`, [ids.filter(isUuid)]);
  const found = new Set(rows.map((r) => r.id));
  const problems: FieldProblem[] = ids.filter((id) => !found.has(id)).map((id) => ({ field, message: `${id} is not a role of this tenant` }));
  if (problems.length) throw new BadInputError('Unknown role(s)', problems);
  return rows;
}

export async function roleIdsOf(userId: string): Promise<string[]> {
  return (await tenantDb().query<{ id: string }>(`select role_id as id from member_roles where user_id = $1`, [userId])).map((r) => r.id);
}

/** Active members holding the system admin role. */
export async function activeAdminIds(): Promise<string[]> {
  const rows = await tenantDb().query<{ id: string }>(
    `select distinct mr.user_id as id
       from member_roles mr join roles r on r.id = mr.role_id join members m on m.user_id = mr.user_id
      where r.key = $1 and r.is_system and m.status = 'active'`,
    [ADMIN_ROLE_KEY],
  );
  return rows.map((r) => r.id);
}

/** Refuses a change that would take the admin role (or its activity) from every active admin left. */
export async function assertAdminsRemain(losing: string[], message: string): Promise<void> {
  const admins = await activeAdminIds();
  const gone = new Set(losing);
  if (admins.length > 0 && admins.every((id) => gone.has(id))) throw new LastAdminError(message, admins);
}

export async function replaceMemberRoles(userId: string, roleIds: string[]): Promise<void> {
  const db = tenantDb();
  await db.query(`delete from member_roles where user_id = $1 and not (role_id = any($2::uuid[]))`, [userId, roleIds]);
  await db.query(`insert into member_roles (user_id, role_id) select $1, unnest($2::uuid[]) on conflict do nothing`, [userId, roleIds]);
}

/** Once the change commits (never after a rollback), every API process drops its cached permissions for the tenant. */
export function invalidateAfterCommit(cache: PermissionCache, userIds: string[]): void {
  const tenantId = currentTenant().id;
  afterTenantCommit(() => cache.invalidateTenant(tenantId, [...new Set(userIds)]));
}
