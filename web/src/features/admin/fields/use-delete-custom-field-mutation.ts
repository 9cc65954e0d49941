import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';

export const DeleteCustomFieldDocument = graphql(`
  mutation DeleteCustomField($id: ID!) {
    deleteCustomField(id: $id)
  }
`);

/**
 * Removes a field from the form. Evicting the definition drops it from every cached list (dangling references are
 * filtered out); leads keep their stored values, which reappear if a field with the same key is created.
 */
export function useDeleteCustomFieldMutation() {
  return useMutation(DeleteCustomFieldDocument, {
    update(cache, { data }) {
      const id = data?.deleteCustomField;
      if (!id) return;
      cache.evict({ id: cache.identify({ __typename: 'CustomFieldDefinition', id }) });
      cache.gc();
    },
  });
}
