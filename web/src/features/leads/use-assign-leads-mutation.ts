import { useMutation } from '@apollo/client/react';
import { graphql } from '../../gql';

export const AssignLeadsDocument = graphql(`
  mutation AssignLeads($ids: [ID!]!, $userId: ID) {
    assignLeads(ids: $ids, userId: $userId) {
      count
      leads {
        id
        updatedAt
        owner {
          id
          name
        }
      }
    }
  }
`);

/**
 * Gives many leads to one member (all or nothing). The answer's leads carry their new owner, which updates the
 * normalized rows in place; no optimistic answer, since the API may refuse the whole batch.
 */
export function useAssignLeadsMutation() {
  return useMutation(AssignLeadsDocument);
}
