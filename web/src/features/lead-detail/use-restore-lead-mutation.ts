import { useMutation } from '@apollo/client/react';
import { graphql } from '../../gql';

export const RestoreLeadDocument = graphql(`
  mutation RestoreLead($id: ID!) {
    restoreLead(id: $id) {
      id
      deletedAt
      updatedAt
    }
  }
`);

export function useRestoreLeadMutation() {
  return useMutation(RestoreLeadDocument, { refetchQueries: ['Leads'] });
}
