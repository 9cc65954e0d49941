import { useState, type FormEvent } from 'react';
import { Dialog } from './Dialog';
import { Field } from './Field';
import { adminError } from './role-errors';
import { groupCatalog, isAdminRole, keyFromName, normalise, toggled, type PermissionData, type RoleData } from './role-model';
import { useCreateRoleMutation } from './use-create-role-mutation';
import { useUpdateRoleMutation } from './use-update-role-mutation';

interface RoleFormDialogProps {
  /** The role to rename or describe; none to create one. */
  role?: RoleData;
  catalog: readonly PermissionData[];
  roles: readonly RoleData[];
  held: ReadonlySet<string>;
  onClose(): void;
  onDone(message: string): void;
}

/** Create a role (key, name, description, permissions), or rename and describe one; permissions of an existing role are edited in the matrix. */
export function RoleFormDialog({ role, catalog, roles, held, onClose, onDone }: RoleFormDialogProps) {
  const creating = !role;
  const [name, setName] = useState(role?.name ?? '');
  const [key, setKey] = useState('');
  const [keyTouched, setKeyTouched] = useState(false);
  const [description, setDescription] = useState(role?.description ?? '');
  const [permissions, setPermissions] = useState<string[]>([]);
  const [createRole, createState] = useCreateRoleMutation();
  const [updateRole, updateState] = useUpdateRoleMutation();
  const [error, setError] = useState<unknown>(null);
  const busy = createState.loading || updateState.loading;
  const problem = adminError(error);
  const fieldError = (field: string) => problem?.fields.find((f) => f.field === field || f.field === `input.${field}`)?.message;
  // Validation problems sit next to their fields; any other refusal (ROLE_KEY_TAKEN, PERMISSION_ESCALATION...) also gets a line of its own.
  const placed = ['name', 'key', 'description', 'permissions'].some((f) => fieldError(f));
  const showAlert = problem && (problem.code !== 'BAD_USER_INPUT' || !placed);
  const effectiveKey = keyTouched ? key : keyFromName(name);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    try {
      if (role) {
        await updateRole(role, { name: name.trim(), description: description.trim() || null });
        onDone(`Role ${name.trim()} saved.`);
      } else {
        await createRole({ key: effectiveKey, name: name.trim(), description: description.trim() || null, permissions: normalise(permissions) });
        onDone(`Role ${name.trim()} created.`);
      }
    } catch (err) {
      setError(err);
    }
  }

  const copyFrom = (id: string) => {
    const source = roles.find((r) => r.id === id);
    // Only what the caller may grant: the API would refuse the rest (PERMISSION_ESCALATION).
    if (source) setPermissions(source.permissions.filter((p) => held.has(p)));
  };

  return (
    <Dialog title={creating ? 'New role' : `Edit role ${role.name}`} onClose={onClose} className="role-dialog">
      <form onSubmit={submit} noValidate>
        <Field label="Name" error={fieldError('name')}>
          <input value={name} required maxLength={100} onChange={(e) => setName(e.target.value)} />
        </Field>
        {creating ? (
          <Field label="Key" hint="Lower-case letters, digits and underscores; fixed once created." error={fieldError('key')}>
            <input
              value={effectiveKey}
              required
              maxLength={40}
              onChange={(e) => {
                setKeyTouched(true);
                setKey(e.target.value);
              }}
            />
          </Field>
        ) : null}
        <Field label="Description" error={fieldError('description')}>
          <textarea value={description} maxLength={500} rows={2} onChange={(e) => setDescription(e.target.value)} />
        </Field>
        {creating ? (
          <fieldset className="role-permission-picker">
            <legend>Permissions</legend>
            <label>
              Start from
              <select defaultValue="" onChange={(e) => copyFrom(e.target.value)}>
                <option value="">Nothing</option>
                {roles
                  .filter((r) => !isAdminRole(r))
                  .map((r) => (
                    <option key={r.id} value={r.id}>
                      {r.name}
                    </option>
                  ))}
              </select>
            </label>
            {groupCatalog(catalog).map((g) => (
              <div key={g.module} role="group" aria-label={g.label}>
                <div className="muted small">{g.label}</div>
                {g.permissions.map((p) => (
                  <label key={p.key} className="inline" title={held.has(p.key) ? undefined : 'You do not hold this permission yourself.'}>
                    <input
                      type="checkbox"
                      checked={permissions.includes(p.key)}
                      disabled={!held.has(p.key)}
                      onChange={(e) => setPermissions((cur) => toggled(cur, p.key, e.target.checked))}
                    />
                    <code>{p.key}</code> <span className="muted small">{p.description}</span>
                  </label>
                ))}
              </div>
            ))}
            {fieldError('permissions') ? <span className="field-error">{fieldError('permissions')}</span> : null}
          </fieldset>
        ) : null}
        {showAlert ? (
          <p role="alert" className="error" data-code={problem.code}>
            {problem.text}
          </p>
        ) : null}
        <div className="dialog-actions">
          <button type="button" className="secondary" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" disabled={busy || !name.trim() || (creating && !effectiveKey)}>
            {creating ? 'Create role' : 'Save'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
