import { useMutation } from '@apollo/client/react';
import { useCallback } from 'react';
import { graphql } from '../../../gql';

export const SetLeadStatusTransitionsDocument = graphql(`
  mutation SetLeadStatusTransitions($fromStatusId: ID!, $toStatusIds: [ID!]!) {
    setLeadStatusTransitions(fromStatusId: $fromStatusId, toStatusIds: $toStatusIds) {
      id
      allowedTransitions {
        id
      }
    }
  }
`);


/** The root fields this hook rewrites, as the cache holds them (transitions have no id: stored inline). */
interface CachedRoot {
  leadStatusTransitions: { __typename?: string; fromStatusId: string; toStatusId: string }[];
  leadCountsByStatus: unknown[];
  leads: unknown;
}

/**
 * Replaces the moves allowed from one status. The checkbox flips at once (optimistic); the update rewrites that
 * status' row of the cached workflow (`leadStatusTransitions`), and `allowedTransitions` of the normalised
 * LeadStatus updates the board and the lead detail too. A refusal rolls the optimistic layer back by itself.
 */
export function useSetLeadStatusTransitionsMutation() {
  const [mutate, state] = useMutation(SetLeadStatusTransitionsDocument, {
    update(cache, { data }) {
      const from = data?.setLeadStatusTransitions;
      if (!from) return;
      cache.modify<CachedRoot>({
        fields: {
          leadStatusTransitions(existing = [], { readField }) {
            const others = existing.filter((t) => readField<string>('fromStatusId', t) !== from.id);
            const mine = from.allowedTransitions.map((to) => ({ __typename: 'LeadStatusTransition', fromStatusId: from.id, toStatusId: to.id }));
            return [...others, ...mine];
          },
        },
      });
    },
  });
  const setTransitions = useCallback(
    (fromStatusId: string, toStatusIds: string[]) => {
      // __typename is not in the generated types but the cache needs it to normalise the optimistic LeadStatus,
      // so the object is built apart from the typed literal.
      const optimistic = {
        __typename: 'LeadStatus' as const,
        id: fromStatusId,
        allowedTransitions: toStatusIds.map((id) => ({ __typename: 'LeadStatus' as const, id })),
      };
      return mutate({ variables: { fromStatusId, toStatusIds }, optimisticResponse: { setLeadStatusTransitions: optimistic } });
    },
    [mutate],
  );
  return [setTransitions, state] as const;
}
