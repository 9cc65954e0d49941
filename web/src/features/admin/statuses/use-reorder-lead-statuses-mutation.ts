import { useMutation } from '@apollo/client/react';
import { useCallback } from 'react';
import { graphql } from '../../../gql';

export const ReorderLeadStatusesDocument = graphql(`
  mutation ReorderLeadStatuses($ids: [ID!]!) {
    reorderLeadStatuses(ids: $ids) {
      id
      position
    }
  }
`);

/**
 * Sends the whole new order (the API wants every id once). The list moves at once: the optimistic answer carries
 * the new positions, and the update rewrites the cached pipeline in the returned order.
 */
export function useReorderLeadStatusesMutation() {
  const [mutate, state] = useMutation(ReorderLeadStatusesDocument, {
    update(cache, { data }) {
      const ordered = data?.reorderLeadStatuses;
      if (!ordered) return;
      cache.modify({
        fields: {
          leadStatuses(_, { toReference }) {
            return ordered.map((s) => toReference(s));
          },
          // Per-status counts come in pipeline order.
          leadCountsByStatus(_, { DELETE }) {
            return DELETE;
          },
        },
      });
    },
  });
  const reorder = useCallback(
    (ids: string[]) => {
      const optimistic = ids.map((id, i) => ({ __typename: 'LeadStatus' as const, id, position: i + 1 }));
      return mutate({ variables: { ids }, optimisticResponse: { reorderLeadStatuses: optimistic } });
    },
    [mutate],
  );
  return [reorder, state] as const;
}
