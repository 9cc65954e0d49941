import { getFragmentData, graphql, type FragmentType } from '../../../gql';

export const RolePicker_role = graphql(`
  fragment RolePicker_role on Role {
    id
    name
    description
    permissions
  }
`);

interface RolePickerProps {
  roles: readonly FragmentType<typeof RolePicker_role>[];
  value: readonly string[];
  onChange(roleIds: string[]): void;
  /** The caller's own permissions: a role carrying any other cannot be handed out (PERMISSION_ESCALATION). */
  held: ReadonlySet<string>;
  /** Roles the member holds already: keeping them is never an escalation. */
  kept?: readonly string[];
  error?: string;
}

/** A group of checkboxes, one per role, labelled with the role's name. */
export function RolePicker({ roles: masked, value, onChange, held, kept = [], error }: RolePickerProps) {
  const roles = getFragmentData(RolePicker_role, masked);
  return (
    <fieldset className="member-role-picker" aria-invalid={!!error}>
      <legend>Roles</legend>
      {roles.map((role) => {
        const missing = role.permissions.filter((p) => !held.has(p));
        const locked = missing.length > 0 && !kept.includes(role.id) && !value.includes(role.id);
        return (
          <label key={role.id} className="inline" title={locked ? `You do not hold ${missing.join(', ')}, so you cannot hand out this role.` : undefined}>
            <input
              type="checkbox"
              checked={value.includes(role.id)}
              disabled={locked}
              onChange={(e) => onChange(e.target.checked ? [...value, role.id] : value.filter((id) => id !== role.id))}
            />
            {role.name}
            {role.description ? <span className="muted small">{role.description}</span> : null}
          </label>
        );
      })}
      {error ? <span className="field-error">{error}</span> : null}
    </fieldset>
  );
}
