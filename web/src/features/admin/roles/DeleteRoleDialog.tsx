import { useState, type FormEvent } from 'react';
import { Dialog } from './Dialog';
import { Field } from './Field';
import { adminError } from './role-errors';
import type { RoleData } from './role-model';
import { useDeleteRoleMutation } from './use-delete-role-mutation';

interface DeleteRoleDialogProps {
  role: RoleData;
  roles: readonly RoleData[];
  onClose(): void;
  onDone(message: string): void;
}

/**
 * Confirms a delete. A role members still hold needs a role to move them to (else the API answers ROLE_IN_USE);
 * the choice is offered up front rather than after a refusal. Should the count be stale, the API's answer shows.
 */
export function DeleteRoleDialog({ role, roles, onClose, onDone }: DeleteRoleDialogProps) {
  const [deleteRole, { loading }] = useDeleteRoleMutation();
  const [target, setTarget] = useState('');
  const [error, setError] = useState<unknown>(null);
  const problem = adminError(error);
  const needsTarget = role.memberCount > 0 || problem?.code === 'ROLE_IN_USE';
  const targetError = problem?.fields.find((f) => f.field === 'moveMembersTo')?.message;

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    try {
      await deleteRole(role.id, needsTarget && target ? target : null);
      onDone(`Role ${role.name} deleted.`);
    } catch (err) {
      setError(err);
    }
  }

  return (
    <Dialog title={`Delete role ${role.name}?`} onClose={onClose}>
      <form onSubmit={submit}>
        {needsTarget ? (
          <Field
            label="Move its members to"
            hint={`${role.memberCount} ${role.memberCount === 1 ? 'member holds' : 'members hold'} this role; they get the role you choose.`}
            error={targetError}
          >
            <select value={target} required onChange={(e) => setTarget(e.target.value)}>
              <option value="">Choose a role…</option>
              {roles
                .filter((r) => r.id !== role.id)
                .map((r) => (
                  <option key={r.id} value={r.id}>
                    {r.name}
                  </option>
                ))}
            </select>
          </Field>
        ) : (
          <p>No member holds this role. This cannot be undone.</p>
        )}
        {problem ? (
          <p role="alert" className="error" data-code={problem.code}>
            {problem.text}
          </p>
        ) : null}
        <div className="dialog-actions">
          <button type="button" className="secondary" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="danger" disabled={loading || (needsTarget && !target)}>
            Delete role
          </button>
        </div>
      </form>
    </Dialog>
  );
}
