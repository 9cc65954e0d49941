import { useMutation } from '@apollo/client/react';
import { useCallback } from 'react';
import { graphql } from '../../gql';

export const AssignLeadDocument = graphql(`
  mutation AssignLead($leadId: ID!, $userId: ID) {
    assignLead(leadId: $leadId, userId: $userId) {
      id
      updatedAt
      owner {
        id
        name
      }
    }
  }
`);

/** Gives one lead to a member (or to nobody), showing the new owner at once. */
export function useAssignLeadMutation() {
  const [mutate, state] = useMutation(AssignLeadDocument);
  const assign = useCallback(
    (leadId: string, owner: { id: string; name: string } | null) => {
      // __typename is not in the generated types but the cache needs it to normalise the optimistic objects.
      const optimisticOwner = owner ? { __typename: 'Member' as const, id: owner.id, name: owner.name } : null;
      const optimisticLead = { __typename: 'Lead' as const, id: leadId, updatedAt: new Date().toISOString(), owner: optimisticOwner };
      return mutate({ variables: { leadId, userId: owner?.id ?? null }, optimisticResponse: { assignLead: optimisticLead } });
    },
    [mutate],
  );
  return [assign, state] as const;
}
