import { BadInputError, NotFoundError, type FieldProblem } from '../../graphql/errors';
import { tenantDb } from '../../tenancy/context';
import type { PermissionCache } from '../permissions/permission-cache';
import { LastAdminError, RoleInUseError, RoleIsSystemError, RoleKeyTakenError } from './role.errors';
import { assertCanGrant, checkPermissionKeys, freshPermissions, invalidateAfterCommit, lockRoles, requireHeld } from './role.guards';
import { isUuid } from '../../tenancy/names';
import type { CreateRoleInput, UpdateRoleInput } from './role.inputs';
import { ADMIN_ROLE_KEY, ROLE_COLUMNS, type RoleRow } from './role.types';

/** Who is asking: a signed-in user of the current tenant. */
export interface Actor {
  userId: string;
}

const pgCode = (err: unknown) => (err as { code?: string }).code;
const isAdminRole = (r: RoleRow) => r.isSystem && r.key === ADMIN_ROLE_KEY;

/**
 * The tenant's roles. Every change runs under the tenant's roles lock with the caller's permissions read fresh,
 * refuses escalation, keeps the admin role whole, and invalidates cached permissions once it commits.
 */
export class RoleService {
  constructor(private readonly cache: PermissionCache) {}

  list(): Promise<RoleRow[]> {
    return tenantDb().query<RoleRow>(`select ${ROLE_COLUMNS} from roles r order by r.is_system desc, lower(r.name), r.key`);
  }

  async create(actor: Actor, input: CreateRoleInput): Promise<RoleRow> {
    await lockRoles();
    const held = await freshPermissions(actor.userId);
    requireHeld(held, 'roles.manage');
    const name = cleanName(input.name);
    const permissions = checkPermissionKeys(input.permissions);
    assertCanGrant(held, permissions);
    if (await tenantDb().one(`select 1 from roles where key = $1`, [input.key])) throw new RoleKeyTakenError(input.key);
    let role: RoleRow | null;
    try {
      role = await tenantDb().one<RoleRow>(
        `insert into roles as r (key, name, description, permissions) values ($1, $2, $3, $4) returning ${ROLE_COLUMNS}`,
        [input.key, name, cleanDescription(input.description), permissions],
      );
    } catch (err) {
      if (pgCode(err) === '23505') throw new RoleKeyTakenError(input.key);
      throw err;
    }
    invalidateAfterCommit(this.cache, []);
    return role!;
  }

  async update(actor: Actor, id: string, input: UpdateRoleInput): Promise<RoleRow> {
    await lockRoles();
    const held = await freshPermissions(actor.userId);
    requireHeld(held, 'roles.manage');
    const role = await mustGetRole(id);
    const problems: FieldProblem[] = [];
    if (input.name === null) problems.push({ field: 'name', message: 'cannot be cleared' });
    if (input.permissions === null) problems.push({ field: 'permissions', message: 'cannot be cleared' });
    if (problems.length) throw new BadInputError('Invalid role', problems);
    const name = input.name == null ? null : cleanName(input.name);
    const permissions = input.permissions == null ? null : checkPermissionKeys(input.permissions);
    if (permissions) {
      assertCanGrant(held, permissions);
      const lost = role.permissions.filter((p) => !permissions.includes(p));
      if (isAdminRole(role) && lost.length) {
        throw new LastAdminError(`The admin role keeps every permission it has: it would lose ${lost.join(', ')}`);
      }
    }
    const updated = await tenantDb().one<RoleRow>(
      `update roles r set name = coalesce($2, r.name),
              description = case when $3::boolean then $4 else r.description end,
              permissions = coalesce($5, r.permissions), updated_at = now()
        where r.id = $1 returning ${ROLE_COLUMNS}`,
      [role.id, name, input.description !== undefined, cleanDescription(input.description), permissions],
    );
    invalidateAfterCommit(this.cache, permissions ? await holders(role.id) : []);
    return updated!;
  }

  /**
   * Deletes a role. Members holding it move to `moveMembersTo` in the same transaction (which counts as assigning
   * that role: the escalation rule applies); without one the delete is refused while anyone holds it.
   */
  async remove(actor: Actor, id: string, moveMembersTo: string | null): Promise<string> {
    await lockRoles();
    const held = await freshPermissions(actor.userId);
    requireHeld(held, 'roles.manage');
    const role = await mustGetRole(id);
    if (role.isSystem) throw new RoleIsSystemError(role.key);
    let target: RoleRow | null = null;
    if (moveMembersTo != null) {
      const found = isUuid(moveMembersTo) ? await getRole(moveMembersTo) : null;
      if (!found || found.id === role.id) {
        throw new BadInputError('Invalid target role', [{ field: 'moveMembersTo', message: 'is not another role of this tenant' }]);
      }
      target = found;
    }
    const users = await holders(role.id);
    if (users.length && !target) throw new RoleInUseError(role.key, users.length);
    const db = tenantDb();
    if (users.length && target) {
      assertCanGrant(held, target.permissions);
      await db.query(
        `insert into member_roles (user_id, role_id) select user_id, $2 from member_roles where role_id = $1 on conflict do nothing`,
        [role.id, target.id],
      );
      await db.query(`delete from member_roles where role_id = $1`, [role.id]);
    }
    await db.query(`delete from roles where id = $1`, [role.id]);
    invalidateAfterCommit(this.cache, users);
    return role.id;
  }
}

/** The caller's permissions as the SPA wants them: catalog keys only, and the modules they unlock. */

async function getRole(id: string): Promise<RoleRow | null> {
  return tenantDb().one<RoleRow>(`select ${ROLE_COLUMNS} from roles r where r.id = $1`, [id]);
}

async function mustGetRole(id: string): Promise<RoleRow> {
  const role = isUuid(id) ? await getRole(id) : null;
  if (!role) throw new NotFoundError('Role');
  return role;
}

/** Everyone holding the role, whatever their membership status: all of them would be left without it. */
async function holders(roleId: string): Promise<string[]> {
  return (await tenantDb().query<{ id: string }>(`select user_id as id from member_roles where role_id = $1`, [roleId])).map((r) => r.id);
}

function cleanName(name: string): string {
  const clean = name.trim().replace(/\s+/g, ' ');
  if (!clean) throw new BadInputError('Invalid role', [{ field: 'name', message: 'cannot be blank' }]);
  return clean;
}

function cleanDescription(description: string | null | undefined): string | null {
  return description?.trim() || null;
}
