import { useMutation } from '@apollo/client/react';
import { useCallback } from 'react';
import { graphql } from '../../../gql';
import { placeMember } from './member-cache';

export const DeactivateMemberDocument = graphql(`
  mutation DeactivateMember($userId: ID!) {
    deactivateMember(userId: $userId) {
      id
      name
      status
    }
  }
`);

/**
 * Deactivates a member, or revokes the invitation of an invited one (their token stops working). They leave
 * cached lists of active members (e.g. assignee pickers) and stay in lists that include deactivated ones.
 */
export function useDeactivateMemberMutation() {
  const [mutate, state] = useMutation(DeactivateMemberDocument);
  const deactivate = useCallback(
    (userId: string) =>
      mutate({
        variables: { userId },
        update(cache, { data }) {
          if (data) placeMember(cache, data.deactivateMember);
        },
      }),
    [mutate],
  );
  return [deactivate, state] as const;
}
