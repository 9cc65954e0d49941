import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';

export const CreateTeamDocument = graphql(`
  mutation CreateTeam($name: String!) {
    createTeam(name: $name) {
      id
      name
      ...TeamCard_team
    }
  }
`);

/** Adds a team to the cached `teams` list (screens sort by name), e.g. for the dashboard's and leads' team filters. */
export function useCreateTeamMutation() {
  return useMutation(CreateTeamDocument, {
    update(cache, { data }) {
      const created = data?.createTeam;
      if (!created) return;
      cache.modify({
        fields: {
          teams(existing: readonly { __ref: string }[] = [], { toReference }) {
            const ref = toReference(created);
            return ref && !existing.some((r) => r.__ref === ref.__ref) ? [...existing, ref] : existing;
          },
        },
      });
    },
  });
}
