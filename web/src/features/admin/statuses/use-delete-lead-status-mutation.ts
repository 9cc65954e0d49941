import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';

export const DeleteLeadStatusDocument = graphql(`
  mutation DeleteLeadStatus($id: ID!, $moveLeadsTo: ID) {
    deleteLeadStatus(id: $id, moveLeadsTo: $moveLeadsTo)
  }
`);


/** The root fields this hook rewrites, as the cache holds them (transitions have no id: stored inline). */
interface CachedRoot {
  leadStatusTransitions: { __typename?: string; fromStatusId: string; toStatusId: string }[];
  leadCountsByStatus: unknown[];
  leads: unknown;
}

/**
 * Deletes a status (moving its leads when asked). The status leaves the pipeline and the workflow; leads that
 * pointed at it are stale, so cached lead lists and counts are dropped and refetched by whoever shows them.
 */
export function useDeleteLeadStatusMutation() {
  return useMutation(DeleteLeadStatusDocument, {
    update(cache, { data }, { variables }) {
      const id = data?.deleteLeadStatus;
      if (!id) return;
      cache.modify<CachedRoot>({
        fields: {
          leadStatusTransitions(existing = [], { readField }) {
            return existing.filter((t) => readField('fromStatusId', t) !== id && readField('toStatusId', t) !== id);
          },
          leadCountsByStatus(_, { DELETE }) {
            return DELETE;
          },
          ...(variables?.moveLeadsTo ? { leads: (_, { DELETE }) => DELETE } : {}),
        },
      });
      // Evicting the object also takes it out of leadStatuses and allowedTransitions (dangling refs are filtered).
      cache.evict({ id: cache.identify({ __typename: 'LeadStatus', id }) });
      cache.gc();
    },
  });
}
