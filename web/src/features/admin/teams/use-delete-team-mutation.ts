import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';

export const DeleteTeamDocument = graphql(`
  mutation DeleteTeam($id: ID!) {
    deleteTeam(id: $id)
  }
`);

/**
 * Deletes a team. Evicting it drops it from every cached list; cached leads that pointed at it lose the reference
 * and read as "no team", which is what the API did to them.
 */
export function useDeleteTeamMutation() {
  return useMutation(DeleteTeamDocument, {
    update(cache, { data }) {
      const id = data?.deleteTeam;
      if (!id) return;
      cache.evict({ id: cache.identify({ __typename: 'Team', id }) });
      cache.gc();
    },
  });
}
