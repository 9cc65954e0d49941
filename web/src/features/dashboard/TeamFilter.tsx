import { useQuery } from '@apollo/client/react';
import { graphql } from '../../gql';

export const DashboardTeamsDocument = graphql(`
  query DashboardTeams {
    teams {
      id
      name
    }
  }
`);

interface Props {
  value: string;
  onChange(teamId: string): void;
}

/** Scopes every chart to one team (LeadFilter.teamIds). Hidden when the tenant has no teams. */
export function TeamFilter({ value, onChange }: Props) {
  const { data } = useQuery(DashboardTeamsDocument);
  const teams = data?.teams ?? [];
  if (!teams.length) return null;
  return (
    <label>
      Team
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">All teams</option>
        {teams.map((t) => (
          <option key={t.id} value={t.id}>
            {t.name}
          </option>
        ))}
      </select>
    </label>
  );
}
