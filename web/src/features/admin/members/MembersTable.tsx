import { getFragmentData, graphql, type FragmentType } from '../../../gql';

export const MemberRow_member = graphql(`
  fragment MemberRow_member on Member {
    id
    name
    email
    status
    roles {
      id
      name
    }
  }
`);

export type MemberAction = 'roles' | 'deactivate' | 'reactivate' | 'resend' | 'revoke';
export interface MemberData {
  id: string;
  name: string;
  email: string;
  status: 'active' | 'invited' | 'deactivated';
  roles: readonly { id: string; name: string }[];
}

interface MembersTableProps {
  members: readonly FragmentType<typeof MemberRow_member>[];
  meId?: string;
  canManage: boolean;
  onAction(action: MemberAction, member: MemberData): void;
}

const STATUS_LABEL = { active: 'Active', invited: 'Invited', deactivated: 'Deactivated' } as const;

/** One row per member; action buttons are named after the member ("Deactivate Carol Agent") for keyboard and e2e users. */
export function MembersTable({ members: masked, meId, canManage, onAction }: MembersTableProps) {
  const members = getFragmentData(MemberRow_member, masked);
  if (!members.length) return <p className="empty">No members match.</p>;
  return (
    <table className="data members-table">
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Email</th>
          <th scope="col">Status</th>
          <th scope="col">Roles</th>
          {canManage ? <th scope="col">Actions</th> : null}
        </tr>
      </thead>
      <tbody>
        {members.map((m) => (
          <tr key={m.id} data-testid={`member-row-${m.email}`}>
            <th scope="row">
              {m.name}
              {m.id === meId ? <span className="muted small"> (you)</span> : null}
            </th>
            <td>{m.email}</td>
            <td>
              <span className={`badge member-status-${m.status}`}>{STATUS_LABEL[m.status]}</span>
            </td>
            <td>
              <span className="member-roles">
                {m.roles.map((r) => (
                  <span key={r.id} className="badge">
                    {r.name}
                  </span>
                ))}
              </span>
            </td>
            {canManage ? (
              <td className="member-actions">
                <button type="button" className="secondary" aria-label={`Change roles of ${m.name}`} onClick={() => onAction('roles', m)}>
                  Roles
                </button>
                {m.status === 'active' ? (
                  <button type="button" className="secondary" aria-label={`Deactivate ${m.name}`} onClick={() => onAction('deactivate', m)}>
                    Deactivate
                  </button>
                ) : null}
                {m.status === 'deactivated' ? (
                  <button type="button" className="secondary" aria-label={`Reactivate ${m.name}`} onClick={() => onAction('reactivate', m)}>
                    Reactivate
                  </button>
                ) : null}
                {m.status === 'invited' ? (
                  <>
                    <button type="button" className="secondary" aria-label={`Resend invitation to ${m.name}`} onClick={() => onAction('resend', m)}>
                      Resend invitation
                    </button>
                    <button type="button" className="secondary" aria-label={`Revoke invitation of ${m.name}`} onClick={() => onAction('revoke', m)}>
                      Revoke
                    </button>
                  </>
                ) : null}
              </td>
            ) : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
