import { useMutation } from '@apollo/client/react';
import { graphql } from '../../gql';

export const UpdateLeadDocument = graphql(`
  mutation UpdateLead($id: ID!, $input: UpdateLeadInput!) {
    updateLead(id: $id, input: $input) {
      id
      updatedAt
      activityCount
      ...LeadEditForm_lead
      ...LeadRow_lead
    }
  }
`);

/**
 * Saves a lead's fields. The answer carries the fields the detail form and the table rows read, so both update
 * from the normalized cache; no optimistic answer, because the server may refuse values (shown under the fields).
 */
export function useUpdateLeadMutation() {
  return useMutation(UpdateLeadDocument);
}
