import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';

export const UpdateLeadStatusDocument = graphql(`
  mutation UpdateLeadStatus($id: ID!, $input: UpdateLeadStatusInput!) {
    updateLeadStatus(id: $id, input: $input) {
      id
      ...StatusRow_status
      ...TransitionsMatrix_status
    }
  }
`);

/** Edits label, key, colour or kind. The returned LeadStatus is normalised by id, so every screen updates. */
export function useUpdateLeadStatusMutation() {
  return useMutation(UpdateLeadStatusDocument);
}
