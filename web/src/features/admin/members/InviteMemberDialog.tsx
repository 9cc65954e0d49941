import { useState, type FormEvent } from 'react';
import type { FragmentType } from '../../../gql';
import { Dialog } from '../roles/Dialog';
import { Field } from '../roles/Field';
import { adminError } from '../roles/role-errors';
import { RolePicker, type RolePicker_role } from './RolePicker';
import { SetupLink } from './SetupLink';
import { useInviteMemberMutation } from './use-invite-member-mutation';

interface InviteMemberDialogProps {
  roles: readonly FragmentType<typeof RolePicker_role>[];
  held: ReadonlySet<string>;
  onClose(): void;
}

/** Invite by email with at least one role; on success the dialog turns into the one-time setup link. */
export function InviteMemberDialog({ roles, held, onClose }: InviteMemberDialogProps) {
  const [invite, { loading }] = useInviteMemberMutation();
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [roleIds, setRoleIds] = useState<string[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [result, setResult] = useState<{ email: string; setupUrl: string; expiresAt: string } | null>(null);
  const problem = adminError(error);
  const fieldError = (field: string) => problem?.fields.find((f) => f.field === field)?.message;

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    try {
      const { data } = await invite({ email: email.trim(), name: name.trim() || null, roleIds });
      if (data) setResult({ email: data.inviteMember.member.email, setupUrl: data.inviteMember.setupUrl, expiresAt: data.inviteMember.expiresAt });
    } catch (err) {
      setError(err);
    }
  }

  if (result) {
    return (
      <Dialog title="Invitation created" onClose={onClose}>
        <SetupLink {...result} onDone={onClose} />
      </Dialog>
    );
  }
  return (
    <Dialog title="Invite member" onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <Field label="Email" error={fieldError('email')}>
          <input type="email" value={email} required autoComplete="off" onChange={(e) => setEmail(e.target.value)} />
        </Field>
        <Field label="Name" hint="Used when the email has no account yet." error={fieldError('name')}>
          <input value={name} autoComplete="off" onChange={(e) => setName(e.target.value)} />
        </Field>
        <RolePicker roles={roles} value={roleIds} onChange={setRoleIds} held={held} error={fieldError('roleIds')} />
        {problem ? (
          <p role="alert" className="error" data-code={problem.code}>
            {problem.text}
          </p>
        ) : null}
        <div className="dialog-actions">
          <button type="button" className="secondary" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" disabled={loading || !email.trim() || roleIds.length === 0}>
            Create invitation
          </button>
        </div>
      </form>
    </Dialog>
  );
}
