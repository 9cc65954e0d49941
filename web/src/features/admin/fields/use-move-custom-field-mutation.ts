import { useMutation } from '@apollo/client/react';
import { useCallback } from 'react';
import { graphql } from '../../../gql';

export const MoveCustomFieldDocument = graphql(`
  mutation MoveCustomField($id: ID!, $position: Int!) {
    updateCustomField(id: $id, input: { position: $position }) {
      id
      position
    }
  }
`);

/**
 * Sets one field's place in the form (updateCustomField with only a position). The API stores positions as given
 * and shifts nothing, so callers renumber every field whose place changes; each moves at once (optimistic), and
 * screens order the list by position.
 */
export function useMoveCustomFieldMutation() {
  const [mutate, state] = useMutation(MoveCustomFieldDocument);
  const move = useCallback(
    (id: string, position: number) => {
      // __typename is not in the generated types but the cache needs it to normalise the optimistic answer.
      const optimistic = { __typename: 'CustomFieldDefinition' as const, id, position };
      return mutate({ variables: { id, position }, optimisticResponse: { updateCustomField: optimistic } });
    },
    [mutate],
  );
  return [move, state] as const;
}
