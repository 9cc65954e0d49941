import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';

export const CreateLeadStatusDocument = graphql(`
  mutation CreateLeadStatus($input: CreateLeadStatusInput!) {
    createLeadStatus(input: $input) {
      id
      position
      ...StatusRow_status
      ...TransitionsMatrix_status
    }
  }
`);

/**
 * Adds a status. It lands last (the form sends no position), so it is appended to the cached pipeline; the
 * dashboard's per-status counts are dropped because they list every status and would now miss one.
 */
export function useCreateLeadStatusMutation() {
  return useMutation(CreateLeadStatusDocument, {
    update(cache, { data }) {
      const created = data?.createLeadStatus;
      if (!created) return;
      cache.modify({
        fields: {
          leadStatuses(existing: readonly { __ref: string }[] = [], { toReference }) {
            const ref = toReference(created);
            return ref && !existing.some((r) => r.__ref === ref.__ref) ? [...existing, ref] : existing;
          },
          leadCountsByStatus(_, { DELETE }) {
            return DELETE;
          },
        },
      });
    },
  });
}
