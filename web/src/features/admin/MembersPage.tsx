import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { getFragmentData, graphql } from '../../gql';
import { usePermissions } from '../../auth/permissions';
import { apiProblem } from '../../lib/errors';
import { useToast } from '../shell/toasts';
import { InviteMemberDialog } from './members/InviteMemberDialog';
import { MemberRolesDialog } from './members/MemberRolesDialog';
import { MemberStatusDialog, type StatusAction } from './members/MemberStatusDialog';
import { MemberRow_member, MembersTable, type MemberAction, type MemberData } from './members/MembersTable';
import { ALL_MEMBER_STATUSES } from './members/member-cache';
import './members/members.css';
import './roles/roles.css';

export const MembersPageDocument = graphql(`
  query MembersPage($statuses: [MemberStatus!]) {
    members(statuses: $statuses) {
      id
      ...MemberRow_member
    }
    roles {
      id
      ...RolePicker_role
    }
  }
`);

type Shown = 'all' | MemberData['status'];
type DialogState = { kind: 'invite' } | { kind: 'roles'; member: MemberData } | { kind: StatusAction; member: MemberData } | null;

/** Members of the workspace: invite, change roles, deactivate / reactivate, resend or revoke invitations. */
export function MembersPage() {
  const { can, permissions: held, me } = usePermissions();
  const canManage = can('members.manage');
  const toast = useToast();
  // Other statuses than active need members.manage; without it the list is the active members only.
  const { data, loading, error } = useQuery(MembersPageDocument, {
    variables: { statuses: canManage ? [...ALL_MEMBER_STATUSES] : null },
  });
  const [shown, setShown] = useState<Shown>('all');
  const [dialog, setDialog] = useState<DialogState>(null);

  if (loading && !data) return <p className="muted">Loading members…</p>;
  if (!data) return <p className="error">{apiProblem(error)?.message ?? 'The members could not be loaded.'}</p>;

  const visible = data.members.filter((m) => shown === 'all' || getFragmentData(MemberRow_member, m).status === shown);
  const done = (message: string) => {
    setDialog(null);
    toast.show(message, { tone: 'success' });
  };
  const onAction = (action: MemberAction, member: MemberData) => setDialog({ kind: action, member });

  return (
    <section className="members-page">
      <div className="toolbar">
        <h1>Members</h1>
        <span className="spacer" />
        <label>
          Show
          <select value={shown} onChange={(e) => setShown(e.target.value as Shown)}>
            <option value="all">All members</option>
            <option value="active">Active</option>
            <option value="invited">Invited</option>
            <option value="deactivated">Deactivated</option>
          </select>
        </label>
        {canManage ? (
          <button type="button" onClick={() => setDialog({ kind: 'invite' })}>
            Invite member
          </button>
        ) : null}
      </div>
      <MembersTable members={visible} meId={me?.id} canManage={canManage} onAction={onAction} />
      {dialog?.kind === 'invite' ? <InviteMemberDialog roles={data.roles} held={held} onClose={() => setDialog(null)} /> : null}
      {dialog?.kind === 'roles' ? (
        <MemberRolesDialog member={dialog.member} roles={data.roles} held={held} onClose={() => setDialog(null)} onDone={done} />
      ) : null}
      {dialog && dialog.kind !== 'invite' && dialog.kind !== 'roles' ? (
        <MemberStatusDialog action={dialog.kind} member={dialog.member} onClose={() => setDialog(null)} onDone={done} />
      ) : null}
    </section>
  );
}
