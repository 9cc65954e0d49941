import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';

export const UpdateCustomFieldDocument = graphql(`
  mutation UpdateCustomField($id: ID!, $input: UpdateCustomFieldInput!) {
    updateCustomField(id: $id, input: $input) {
      id
      position
      ...FieldRow_field
      ...FieldForm_field
    }
  }
`);

/**
 * Edits a field. The returned definition is normalised by id, so every screen reading it updates; no optimistic
 * answer, because the API may refuse (FIELD_TYPE_LOCKED, BAD_USER_INPUT) and the form shows why.
 */
export function useUpdateCustomFieldMutation() {
  return useMutation(UpdateCustomFieldDocument);
}
