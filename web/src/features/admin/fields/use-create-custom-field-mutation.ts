import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';

export const CreateCustomFieldDocument = graphql(`
  mutation CreateCustomField($input: CreateCustomFieldInput!) {
    createCustomField(input: $input) {
      id
      position
      ...FieldRow_field
      ...FieldForm_field
    }
  }
`);

/**
 * Adds a field to the lead form. It is appended to the cached `customFieldDefinitions`, which the leads table and
 * the lead form read too, so they gain the column / input without a refetch.
 */
export function useCreateCustomFieldMutation() {
  return useMutation(CreateCustomFieldDocument, {
    update(cache, { data }) {
      const created = data?.createCustomField;
      if (!created) return;
      cache.modify({
        fields: {
          customFieldDefinitions(existing: readonly { __ref: string }[] = [], { toReference }) {
            const ref = toReference(created);
            return ref && !existing.some((r) => r.__ref === ref.__ref) ? [...existing, ref] : existing;
          },
        },
      });
    },
  });
}
