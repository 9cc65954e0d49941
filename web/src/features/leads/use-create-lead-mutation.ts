import { useMutation } from '@apollo/client/react';
import { graphql } from '../../gql';

export const CreateLeadDocument = graphql(`
  mutation CreateLead($input: CreateLeadInput!) {
    createLead(input: $input) {
      id
      ...LeadRow_lead
    }
  }
`);

/** Creates a lead; the table refetches its page since where the new lead lands depends on order and filters. */
export function useCreateLeadMutation() {
  return useMutation(CreateLeadDocument, { refetchQueries: ['Leads'] });
}
