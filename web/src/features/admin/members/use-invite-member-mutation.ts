import { useMutation } from '@apollo/client/react';
import { useCallback } from 'react';
import { graphql } from '../../../gql';
import { forgetMemberCounts, placeMember } from './member-cache';

export const InviteMemberDocument = graphql(`
  mutation InviteMember($email: String!, $name: String, $roleIds: [ID!]!) {
    inviteMember(email: $email, name: $name, roleIds: $roleIds) {
      setupUrl
      expiresAt
      member {
        id
        name
        email
        status
        roles {
          id
          name
        }
      }
    }
  }
`);

export interface InviteArgs {
  email: string;
  name?: string | null;
  roleIds: string[];
  /** The roles the member held before, when re-inviting someone already invited. */
  previousRoleIds?: readonly string[];
}

/**
 * Invites (or re-invites, which replaces the token) a member. The new member joins the cached members lists;
 * the roles involved lose their cached member counts. The setup link is only in the returned data: the caller
 * shows it once, it is never read back from the cache.
 */
export function useInviteMemberMutation() {
  const [mutate, state] = useMutation(InviteMemberDocument);
  const invite = useCallback(
    ({ email, name, roleIds, previousRoleIds = [] }: InviteArgs) =>
      mutate({
        variables: { email, name: name || null, roleIds },
        update(cache, { data }) {
          const member = data?.inviteMember.member;
          if (!member) return;
          placeMember(cache, member);
          forgetMemberCounts(cache, [...roleIds, ...previousRoleIds]);
        },
      }),
    [mutate],
  );
  return [invite, state] as const;
}
