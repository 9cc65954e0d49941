import { useMutation } from '@apollo/client/react';
import { graphql } from '../../gql';

export const DeleteLeadDocument = graphql(`
  mutation DeleteLead($id: ID!) {
    deleteLead(id: $id) {
      id
      deletedAt
      updatedAt
    }
  }
`);

/** Soft delete: the lead keeps its page (with a Restore button); lists refetch so it leaves them. */
export function useDeleteLeadMutation() {
  return useMutation(DeleteLeadDocument, { refetchQueries: ['Leads'] });
}
