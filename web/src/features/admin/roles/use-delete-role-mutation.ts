import { useMutation } from '@apollo/client/react';
import { useCallback } from 'react';
import { graphql } from '../../../gql';

export const DeleteRoleDocument = graphql(`
  mutation DeleteRole($id: ID!, $moveMembersTo: ID) {
    deleteRole(id: $id, moveMembersTo: $moveMembersTo)
  }
`);

/**
 * Deletes a role (moving its members to another one when it has any). The Role leaves the cache, which drops it
 * from every cached list; when members moved, the target's memberCount and the members' roles changed on the
 * server, so cached member lists are dropped to be read again and the roles list is refetched.
 */
export function useDeleteRoleMutation() {
  const [mutate, state] = useMutation(DeleteRoleDocument);
  const deleteRole = useCallback(
    (id: string, moveMembersTo: string | null) =>
      mutate({
        variables: { id, moveMembersTo },
        refetchQueries: moveMembersTo ? ['RolesPage'] : [],
        update(cache, { data }) {
          if (!data?.deleteRole) return;
          cache.evict({ id: cache.identify({ __typename: 'Role', id: data.deleteRole }) });
          if (moveMembersTo) cache.evict({ id: 'ROOT_QUERY', fieldName: 'members' });
          cache.gc();
        },
      }),
    [mutate],
  );
  return [deleteRole, state] as const;
}
