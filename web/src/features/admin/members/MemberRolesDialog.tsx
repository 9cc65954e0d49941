import { useState, type FormEvent } from 'react';
import type { FragmentType } from '../../../gql';
import { Dialog } from '../roles/Dialog';
import { adminError } from '../roles/role-errors';
import type { MemberData } from './MembersTable';
import { RolePicker, type RolePicker_role } from './RolePicker';
import { useSetMemberRolesMutation } from './use-set-member-roles-mutation';

interface MemberRolesDialogProps {
  member: MemberData;
  roles: readonly FragmentType<typeof RolePicker_role>[];
  held: ReadonlySet<string>;
  onClose(): void;
  onDone(message: string): void;
}

/** Replaces a member's roles (at least one); LAST_ADMIN and PERMISSION_ESCALATION refusals show in the dialog. */
export function MemberRolesDialog({ member, roles, held, onClose, onDone }: MemberRolesDialogProps) {
  const previous = member.roles.map((r) => r.id);
  const [roleIds, setRoleIds] = useState<string[]>(previous);
  const [setRoles, { loading }] = useSetMemberRolesMutation();
  const [error, setError] = useState<unknown>(null);
  const problem = adminError(error);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    try {
      await setRoles(member.id, roleIds, previous);
      onDone(`Roles of ${member.name} saved.`);
    } catch (err) {
      setError(err);
    }
  }

  return (
    <Dialog title={`Roles of ${member.name}`} onClose={onClose}>
      <form onSubmit={submit}>
        <RolePicker
          roles={roles}
          value={roleIds}
          onChange={setRoleIds}
          held={held}
          kept={previous}
          error={roleIds.length === 0 ? 'A member needs at least one role.' : problem?.fields.find((f) => f.field === 'roleIds')?.message}
        />
        {problem ? (
          <p role="alert" className="error" data-code={problem.code}>
            {problem.text}
          </p>
        ) : null}
        <div className="dialog-actions">
          <button type="button" className="secondary" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" disabled={loading || roleIds.length === 0}>
            Save roles
          </button>
        </div>
      </form>
    </Dialog>
  );
}
