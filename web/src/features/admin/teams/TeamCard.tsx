import { useState } from 'react';
import { getFragmentData, graphql, type FragmentType } from '../../../gql';
import { apiProblem } from '../../../lib/errors';
import { TeamNameForm } from './TeamNameForm';
import { useDeleteTeamMutation } from './use-delete-team-mutation';
import { useRenameTeamMutation } from './use-rename-team-mutation';
import { useSetTeamMembersMutation } from './use-set-team-members-mutation';

export const TeamCardFragment = graphql(`
  fragment TeamCard_team on Team {
    id
    name
    members {
      id
      name
    }
  }
`);

interface Props {
  team: FragmentType<typeof TeamCardFragment>;
  /** Active members of the tenant: who can be added. */
  people: readonly { id: string; name: string }[];
  canManage: boolean;
}

/** One team: rename, delete, and its members (add / remove), each change sent as the team's whole membership. */
export function TeamCard({ team: ref, people, canManage }: Props) {
  const team = getFragmentData(TeamCardFragment, ref);
  const [mode, setMode] = useState<'view' | 'rename' | 'delete'>('view');
  const [adding, setAdding] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [rename] = useRenameTeamMutation();
  const [deleteTeam, deleting] = useDeleteTeamMutation();
  const [setMembers] = useSetTeamMembersMutation();
  const headingId = `team-${team.id}`;
  const outside = people.filter((p) => !team.members.some((m) => m.id === p.id));

  async function run(action: () => Promise<unknown>) {
    setError(null);
    try {
      await action();
    } catch (err) {
      setError(apiProblem(err)?.message ?? 'That did not work.');
    }
  }

  return (
    <section className="card team-card" aria-labelledby={headingId}>
      <header className="team-head">
        <h2 id={headingId}>{team.name}</h2>
        <span className="muted small">
          {team.members.length} member{team.members.length === 1 ? '' : 's'}
        </span>
        <div className="spacer" />
        {canManage && mode === 'view' && (
          <>
            <button type="button" className="secondary" aria-label={`Rename ${team.name}`} onClick={() => setMode('rename')}>
              Rename
            </button>
            <button type="button" className="secondary" aria-label={`Delete ${team.name}`} onClick={() => setMode('delete')}>
              Delete
            </button>
          </>
        )}
      </header>
      {mode === 'rename' && (
        <TeamNameForm
          name={`Rename ${team.name}`}
          initial={team.name}
          submitLabel="Save name"
          onSave={async (name) => {
            await rename(team.id, name);
            setMode('view');
          }}
          onCancel={() => setMode('view')}
        />
      )}
      {mode === 'delete' && (
        <div className="delete-panel" role="group" aria-label={`Delete ${team.name}`}>
          <p>
            Delete the team <strong>{team.name}</strong>? Its leads stay, with no team.
          </p>
          <div className="form-actions">
            <button type="button" className="danger" disabled={deleting.loading} onClick={() => void run(() => deleteTeam({ variables: { id: team.id } }))}>
              Delete team
            </button>
            <button type="button" className="secondary" onClick={() => setMode('view')}>
              Cancel
            </button>
          </div>
        </div>
      )}
      {team.members.length ? (
        <ul className="team-members" aria-label={`Members of ${team.name}`}>
          {team.members.map((m) => (
            <li key={m.id}>
              <span>{m.name}</span>
              {canManage && (
                <button
                  type="button"
                  className="link"
                  aria-label={`Remove ${m.name} from ${team.name}`}
                  onClick={() => void run(() => setMembers(team.id, team.members.filter((x) => x.id !== m.id)))}
                >
                  Remove
                </button>
              )}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted small">No members yet.</p>
      )}
      {canManage && outside.length > 0 && (
        <form
          className="add-member"
          aria-label={`Add a member to ${team.name}`}
          onSubmit={(e) => {
            e.preventDefault();
            const person = outside.find((p) => p.id === adding);
            if (!person) return;
            setAdding('');
            void run(() => setMembers(team.id, [...team.members, person]));
          }}
        >
          <label className="inline">
            Add member
            <select value={adding} onChange={(e) => setAdding(e.target.value)}>
              <option value="">Choose a member…</option>
              {outside.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="secondary" disabled={!adding}>
            Add
          </button>
        </form>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
