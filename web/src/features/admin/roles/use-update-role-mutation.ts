import { useMutation } from '@apollo/client/react';
import { useCallback } from 'react';
import { graphql } from '../../../gql';
import type { UpdateRoleInput } from '../../../gql/graphql';
import type { RoleData } from './role-model';

export const UpdateRoleDocument = graphql(`
  mutation UpdateRole($id: ID!, $input: UpdateRoleInput!) {
    updateRole(id: $id, input: $input) {
      __typename
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
 * Saves a role's permissions, name or description. Every permission change goes through here, so the API audits
 * it and publishes `permissionsChanged` (members holding the role see their menus change live).
 * The cached Role is normalised by id, so the matrix shows the saved state at once (optimistically) and snaps back
 * by itself when the API refuses; the returned promise rejects with the Apollo error for `apiProblem`.
 */
export function useUpdateRoleMutation() {
  const [mutate, state] = useMutation(UpdateRoleDocument);
  const updateRole = useCallback(
    (role: RoleData, input: UpdateRoleInput) =>
      mutate({
        variables: { id: role.id, input },
        optimisticResponse: {
          updateRole: {
            __typename: 'Role',
            id: role.id,
            key: role.key,
            isSystem: role.isSystem,
            memberCount: role.memberCount,
            name: input.name ?? role.name,
            description: input.description !== undefined ? input.description : (role.description ?? null),
            permissions: [...(input.permissions ?? role.permissions)],
          },
        },
      }),
    [mutate],
  );
  return [updateRole, state] as const;
}
