import { useMutation } from '@apollo/client/react';
import { useCallback } from 'react';
import { graphql } from '../../../gql';

export const SetDefaultLeadStatusDocument = graphql(`
  mutation SetDefaultLeadStatus($id: ID!) {
    setDefaultLeadStatus(id: $id) {
      id
      isDefault
    }
  }
`);

/**
 * Makes one status the default for new leads. The API returns every status (the old default changes too); each is
 * normalised by id, so no list needs rewriting. Optimistically only the flags flip.
 */
export function useSetDefaultLeadStatusMutation() {
  const [mutate, state] = useMutation(SetDefaultLeadStatusDocument);
  const setDefault = useCallback(
    (id: string, allIds: string[]) =>
      mutate({
        variables: { id },
        optimisticResponse: {
          setDefaultLeadStatus: allIds.map((sid) => ({ __typename: 'LeadStatus' as const, id: sid, isDefault: sid === id })),
        },
      }),
    [mutate],
  );
  return [setDefault, state] as const;
}
