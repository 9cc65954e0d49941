import { useMutation } from '@apollo/client/react';
import { useCallback } from 'react';
import { graphql } from '../../../gql';
import { forgetMemberCounts } from './member-cache';

export const SetMemberRolesDocument = graphql(`
  mutation SetMemberRoles($userId: ID!, $roleIds: [ID!]!) {
    setMemberRoles(userId: $userId, roleIds: $roleIds) {
      id
      status
      roles {
        id
        name
      }
    }
  }
`);

/**
 * Replaces a member's roles. The returned Member is normalised by id, so every row showing them updates; the
 * roles gained or lost have their cached member counts dropped.
 */
export function useSetMemberRolesMutation() {
  const [mutate, state] = useMutation(SetMemberRolesDocument);
  const setRoles = useCallback(
    (userId: string, roleIds: string[], previousRoleIds: readonly string[]) =>
      mutate({
        variables: { userId, roleIds },
        update(cache, { data }) {
          if (!data) return;
          const before = new Set(previousRoleIds);
          const after = new Set(roleIds);
          forgetMemberCounts(cache, [...roleIds.filter((id) => !before.has(id)), ...previousRoleIds.filter((id) => !after.has(id))]);
        },
      }),
    [mutate],
  );
  return [setRoles, state] as const;
}
