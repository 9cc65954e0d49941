import { useQuery } from '@apollo/client/react';
import { usePermissions } from '../../auth/permissions';
import { apiProblem } from '../../lib/errors';
import { TeamCard } from './teams/TeamCard';
import { TeamNameForm } from './teams/TeamNameForm';
import { TeamsSettingsDocument } from './teams/teams-query';
import { useCreateTeamMutation } from './teams/use-create-team-mutation';
import './teams/teams.css';

/** Settings → Teams: named groups of members, for assignment and filtering. */
export function TeamsPage() {
  const { can } = usePermissions();
  const canManage = can('teams.manage');
  const { data, loading, error } = useQuery(TeamsSettingsDocument);
  const [createTeam] = useCreateTeamMutation();

  if (error) return <p className="error" role="alert">{apiProblem(error)?.message}</p>;
  // The API orders by name; created or renamed teams are re-sorted here rather than refetched.
  const teams = [...(data?.teams ?? [])].sort((a, b) => a.name.localeCompare(b.name, undefined, { sensitivity: 'base' }));

  return (
    <div className="teams-page">
      <h1>Teams</h1>
      {canManage && (
        <section className="card new-team" aria-labelledby="new-team-heading">
          <h2 id="new-team-heading">Create a team</h2>
          <TeamNameForm name="New team" submitLabel="Create team" onSave={(name) => createTeam({ variables: { name } })} />
        </section>
      )}
      {loading && !data ? (
        <p className="muted">Loading…</p>
      ) : teams.length === 0 ? (
        <p className="empty">No teams yet.</p>
      ) : (
        <div className="team-grid">
          {teams.map((t) => (
            <TeamCard key={t.id} team={t} people={data?.members ?? []} canManage={canManage} />
          ))}
        </div>
      )}
    </div>
  );
}
