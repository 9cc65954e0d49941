import { useState } from 'react';
import { Dialog } from '../roles/Dialog';
import { adminError } from '../roles/role-errors';
import type { MemberData } from './MembersTable';
import { SetupLink } from './SetupLink';
import { useDeactivateMemberMutation } from './use-deactivate-member-mutation';
import { useInviteMemberMutation } from './use-invite-member-mutation';
import { useReactivateMemberMutation } from './use-reactivate-member-mutation';

export type StatusAction = 'deactivate' | 'reactivate' | 'revoke' | 'resend';

interface MemberStatusDialogProps {
  action: StatusAction;
  member: MemberData;
  onClose(): void;
  onDone(message: string): void;
}

const COPY: Record<StatusAction, { title: (n: string) => string; body: string; confirm: string; done: (n: string) => string }> = {
  deactivate: {
    title: (n) => `Deactivate ${n}?`,
    body: 'Their next request to this workspace is refused. Their roles are kept, so reactivating them restores their access.',
    confirm: 'Deactivate',
    done: (n) => `${n} deactivated.`,
  },
  reactivate: {
    title: (n) => `Reactivate ${n}?`,
    body: 'They get access back with the roles they held.',
    confirm: 'Reactivate',
    done: (n) => `${n} reactivated.`,
  },
  revoke: {
    title: (n) => `Revoke the invitation of ${n}?`,
    body: 'Their setup link stops working and they are listed as deactivated.',
    confirm: 'Revoke invitation',
    done: (n) => `Invitation of ${n} revoked.`,
  },
  resend: {
    title: (n) => `Resend the invitation to ${n}?`,
    body: 'A new setup link replaces the old one, which stops working.',
    confirm: 'Create new link',
    done: (n) => `New invitation for ${n} created.`,
  },
};

/** Confirms a status change; a resend ends on the new one-time setup link. */
export function MemberStatusDialog({ action, member, onClose, onDone }: MemberStatusDialogProps) {
  const [deactivate, d] = useDeactivateMemberMutation();
  const [reactivate, r] = useReactivateMemberMutation();
  const [invite, i] = useInviteMemberMutation();
  const [error, setError] = useState<unknown>(null);
  const [link, setLink] = useState<{ setupUrl: string; expiresAt: string } | null>(null);
  const problem = adminError(error);
  const copy = COPY[action];
  const busy = d.loading || r.loading || i.loading;

  async function confirm() {
    setError(null);
    try {
      if (action === 'resend') {
        const roleIds = member.roles.map((x) => x.id);
        const { data } = await invite({ email: member.email, roleIds, previousRoleIds: roleIds });
        if (data) setLink({ setupUrl: data.inviteMember.setupUrl, expiresAt: data.inviteMember.expiresAt });
        return;
      }
      await (action === 'reactivate' ? reactivate(member.id) : deactivate(member.id));
      onDone(copy.done(member.name));
    } catch (err) {
      setError(err);
    }
  }

  if (link) {
    return (
      <Dialog title="New invitation link" onClose={onClose}>
        <SetupLink email={member.email} {...link} onDone={onClose} />
      </Dialog>
    );
  }
  return (
    <Dialog title={copy.title(member.name)} onClose={onClose}>
      <p>{copy.body}</p>
      {problem ? (
        <p role="alert" className="error" data-code={problem.code}>
          {problem.text}
        </p>
      ) : null}
      <div className="dialog-actions">
        <button type="button" className="secondary" onClick={onClose}>
          Cancel
        </button>
        <button type="button" className={action === 'reactivate' || action === 'resend' ? undefined : 'danger'} disabled={busy} onClick={() => void confirm()}>
          {copy.confirm}
        </button>
      </div>
    </Dialog>
  );
}
