import { useMutation } from '@apollo/client/react';
import { useCallback } from 'react';
import { graphql } from '../../../gql';

export const RenameTeamDocument = graphql(`
  mutation RenameTeam($id: ID!, $name: String!) {
    renameTeam(id: $id, name: $name) {
      id
      name
    }
  }
`);

/** Renames a team; the new name shows at once and rolls back if the API refuses (TEAM_NAME_TAKEN). */
export function useRenameTeamMutation() {
  const [mutate, state] = useMutation(RenameTeamDocument);
  const rename = useCallback(
    (id: string, name: string) => {
      // __typename is not in the generated types but the cache needs it to normalise the optimistic Team.
      const optimistic = { __typename: 'Team' as const, id, name: name.trim() };
      return mutate({ variables: { id, name }, optimisticResponse: { renameTeam: optimistic } });
    },
    [mutate],
  );
  return [rename, state] as const;
}
