import { useMutation } from '@apollo/client/react';
import type { Reference } from '@apollo/client';
import { useCallback } from 'react';
import { graphql } from '../../../gql';
import type { CreateRoleInput } from '../../../gql/graphql';

export const CreateRoleDocument = graphql(`
  mutation CreateRole($input: CreateRoleInput!) {
    createRole(input: $input) {
      id
      key
      name
      description
      isSystem
      memberCount
      permissions
    }
  }
`);

/**
 * Creates a role and adds it to the cached `roles` list in the API's order (system roles first, then by name),
 * so the matrix grows a column without refetching.
 */
export function useCreateRoleMutation() {
  const [mutate, state] = useMutation(CreateRoleDocument);
  const createRole = useCallback(
    (input: CreateRoleInput) =>
      mutate({
        variables: { input },
        update(cache, { data }) {
          const role = data?.createRole;
          if (!role) return;
          cache.modify({
            fields: {
              roles(existing: readonly Reference[] = [], { readField, toReference }) {
                const ref = toReference(role, true);
                if (!ref || existing.some((r) => readField('id', r) === role.id)) return existing;
                const rank = (r: Reference) => [readField<boolean>('isSystem', r) ? 0 : 1, (readField<string>('name', r) ?? '').toLowerCase()] as const;
                return [...existing, ref].sort((a, b) => {
                  const [sa, na] = rank(a);
                  const [sb, nb] = rank(b);
                  return sa - sb || na.localeCompare(nb);
                });
              },
            },
          });
        },
      }),
    [mutate],
  );
  return [createRole, state] as const;
}
