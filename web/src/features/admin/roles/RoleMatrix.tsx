import { getFragmentData, graphql, type FragmentType } from '../../../gql';
import { LOCK_HINTS, cellLock, changeCount, groupCatalog, type CellLock, type RoleData } from './role-model';

export const RoleMatrix_role = graphql(`
  fragment RoleMatrix_role on Role {
    id
    key
    name
    description
    isSystem
    memberCount
    permissions
  }
`);

export const RoleMatrix_permission = graphql(`
  fragment RoleMatrix_permission on PermissionInfo {
    key
    module
    description
  }
`);

export interface RoleMatrixProps {
  catalog: readonly FragmentType<typeof RoleMatrix_permission>[];
  roles: readonly FragmentType<typeof RoleMatrix_role>[];
  /** Unsaved permission sets by role id (sorted keys); a role without an entry shows what the server holds. */
  staged: Readonly<Record<string, readonly string[]>>;
  /** Roles whose save is in flight. */
  saving: ReadonlySet<string>;
  /** The caller's own permissions: the API refuses to hand out any other. */
  held: ReadonlySet<string>;
  canManage: boolean;
  onToggle(role: RoleData, permission: string, on: boolean): void;
  onSave(role: RoleData): void;
  onDiscard(role: RoleData): void;
  onEdit(role: RoleData): void;
  onDelete(role: RoleData): void;
}

const hintId = (lock: Exclude<CellLock, null>) => `role-lock-${lock}`;

/**
 * Permissions (rows, grouped by module) × roles (columns). Each checkbox is named "<permission> for <role>".
 * Toggles are staged per role and saved with that column's Save button, so an admin can review a set of changes
 * before members holding the role are affected, and one save is one audited updateRole.
 */
export function RoleMatrix(props: RoleMatrixProps) {
  const { staged, saving, held, canManage } = props;
  const catalog = getFragmentData(RoleMatrix_permission, props.catalog);
  const roles = getFragmentData(RoleMatrix_role, props.roles);
  const groups = groupCatalog(catalog);
  const locksShown = new Set<Exclude<CellLock, null>>();

  const body = groups.map((group) => (
    <tbody key={group.module}>
      <tr className="role-group">
        <th scope="rowgroup" colSpan={roles.length + 1}>
          {group.label}
        </th>
      </tr>
      {group.permissions.map((p) => (
        <tr key={p.key}>
          <th scope="row" className="role-permission">
            <code>{p.key}</code>
            <span className="muted small">{p.description}</span>
          </th>
          {roles.map((role) => {
            const current = staged[role.id] ?? role.permissions;
            const checked = current.includes(p.key);
            const changed = checked !== role.permissions.includes(p.key);
            const lock = cellLock(role, p.key, held, canManage);
            if (lock) locksShown.add(lock);
            return (
              <td key={role.id} className={changed ? 'role-cell changed' : 'role-cell'}>
                <input
                  type="checkbox"
                  aria-label={`${p.key} for ${role.name}`}
                  checked={checked}
                  disabled={lock !== null || saving.has(role.id)}
                  aria-describedby={lock ? hintId(lock) : undefined}
                  title={lock ? LOCK_HINTS[lock] : undefined}
                  onChange={(e) => props.onToggle(role, p.key, e.target.checked)}
                />
              </td>
            );
          })}
        </tr>
      ))}
    </tbody>
  ));

  return (
    <>
      <div className="role-matrix-scroll">
        <table className="data role-matrix">
          <caption className="sr-only">Permissions held by each role</caption>
          <thead>
            <tr>
              <th scope="col">Permission</th>
              {roles.map((role) => (
                <th scope="col" key={role.id} className="role-head">
                  <span className="role-name">{role.name}</span>
                  <span className="muted small">
                    {role.isSystem ? <span className="badge">System</span> : null} {role.memberCount}{' '}
                    {role.memberCount === 1 ? 'member' : 'members'}
                  </span>
                  {canManage ? (
                    <span className="role-actions">
                      <button type="button" className="link" aria-label={`Edit role ${role.name}`} onClick={() => props.onEdit(role)}>
                        Edit
                      </button>
                      <button
                        type="button"
                        className="link"
                        aria-label={`Delete role ${role.name}`}
                        disabled={role.isSystem}
                        title={role.isSystem ? 'System roles cannot be deleted.' : undefined}
                        onClick={() => props.onDelete(role)}
                      >
                        Delete
                      </button>
                    </span>
                  ) : null}
                </th>
              ))}
            </tr>
          </thead>
          {body}
          {canManage ? (
            <tfoot>
              <tr>
                <th scope="row">Changes</th>
                {roles.map((role) => {
                  const n = staged[role.id] ? changeCount(role.permissions, staged[role.id]!) : 0;
                  const busy = saving.has(role.id);
                  return (
                    <td key={role.id} className="role-save">
                      <span className={n ? 'unsaved' : 'muted small'} data-testid={`role-changes-${role.key}`}>
                        {busy ? 'Saving…' : n ? `${n} unsaved` : 'Saved'}
                      </span>
                      <button type="button" aria-label={`Save ${role.name}`} disabled={!n || busy} onClick={() => props.onSave(role)}>
                        Save
                      </button>
                      <button
                        type="button"
                        className="secondary"
                        aria-label={`Discard changes to ${role.name}`}
                        disabled={!n || busy}
                        onClick={() => props.onDiscard(role)}
                      >
                        Discard
                      </button>
                    </td>
                  );
                })}
              </tr>
            </tfoot>
          ) : null}
        </table>
      </div>
      <ul className="role-legend muted small">
        {(['admin-keeps', 'not-held', 'read-only'] as const)
          .filter((lock) => locksShown.has(lock))
          .map((lock) => (
            <li key={lock} id={hintId(lock)}>
              Greyed-out boxes: {LOCK_HINTS[lock]}
            </li>
          ))}
      </ul>
    </>
  );
}
