import { useMutation } from '@apollo/client/react';
import { useCallback } from 'react';
import { graphql } from '../../../gql';

export const SetTeamMembersDocument = graphql(`
  mutation SetTeamMembers($teamId: ID!, $userIds: [ID!]!) {
    setTeamMembers(teamId: $teamId, userIds: $userIds) {
      id
      members {
        id
        name
      }
    }
  }
`);

/**
 * Replaces a team's members (the API takes the whole set). The list changes at once, sorted by name as the API
 * returns it; a refusal (BAD_USER_INPUT naming inactive members) rolls it back.
 */
export function useSetTeamMembersMutation() {
  const [mutate, state] = useMutation(SetTeamMembersDocument);
  const setMembers = useCallback(
    (teamId: string, members: { id: string; name: string }[]) => {
      const sorted = [...members].sort((a, b) => a.name.localeCompare(b.name));
      // __typename is not in the generated types but the cache needs it to normalise the optimistic objects.
      const optimistic = {
        __typename: 'Team' as const,
        id: teamId,
        members: sorted.map((m) => ({ __typename: 'Member' as const, id: m.id, name: m.name })),
      };
      return mutate({ variables: { teamId, userIds: sorted.map((m) => m.id) }, optimisticResponse: { setTeamMembers: optimistic } });
    },
    [mutate],
  );
  return [setMembers, state] as const;
}
