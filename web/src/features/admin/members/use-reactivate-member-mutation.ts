import { useMutation } from '@apollo/client/react';
import { useCallback } from 'react';
import { graphql } from '../../../gql';
import { placeMember } from './member-cache';

export const ReactivateMemberDocument = graphql(`
  mutation ReactivateMember($userId: ID!) {
    reactivateMember(userId: $userId) {
      id
      name
      status
    }
  }
`);

/** Gives a deactivated member access (and their roles) back; they rejoin cached lists of active members. */
export function useReactivateMemberMutation() {
  const [mutate, state] = useMutation(ReactivateMemberDocument);
  const reactivate = useCallback(
    (userId: string) =>
      mutate({
        variables: { userId },
        update(cache, { data }) {
          if (data) placeMember(cache, data.reactivateMember);
        },
      }),
    [mutate],
  );
  return [reactivate, state] as const;
}
