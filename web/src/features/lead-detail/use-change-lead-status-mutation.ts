import { useApolloClient, useMutation } from '@apollo/client/react';
import { useCallback } from 'react';
import { graphql } from '../../gql';
import type { StatusKind } from '../../gql/graphql';

export const ChangeLeadStatusDocument = graphql(`
  mutation ChangeLeadStatus($id: ID!, $statusId: ID!) {
    changeLeadStatus(id: $id, statusId: $statusId) {
      id
      updatedAt
      status {
        id
        key
        label
        color
        kind
      }
    }
  }
`);

const StatusForOptimismFragment = graphql(`
  fragment StatusForOptimism on LeadStatus {
    id
    key
    label
    color
    kind
  }
`);

/** What callers know about the target status; missing parts are read from the cached LeadStatus. */
export interface TargetStatus {
  id: string;
  key?: string;
  label?: string;
  color?: string;
  kind?: StatusKind;
}

export interface ChangeLeadStatusArgs {
  leadId: string;
  status: TargetStatus;
}

/**
 * Moves a lead to another status, showing the move at once (the board and the detail read the same cached Lead).
 * A refused move (TRANSITION_NOT_ALLOWED) rolls the optimistic layer back by itself; the returned promise rejects
 * with the Apollo error so callers can show `apiProblem(error).message`.
 */
export function useChangeLeadStatusMutation() {
  const client = useApolloClient();
  const [mutate, state] = useMutation(ChangeLeadStatusDocument);
  const changeStatus = useCallback(
    ({ leadId, status }: ChangeLeadStatusArgs) => {
      const cached = client.cache.readFragment({
        fragment: StatusForOptimismFragment,
        id: client.cache.identify({ __typename: 'LeadStatus', id: status.id }),
      });
      // __typename is not in the generated types (codegen omits it) but the cache needs it to normalise the
      // optimistic Lead and LeadStatus, so the objects are built apart from the typed literal.
      const optimisticStatus = {
        __typename: 'LeadStatus' as const,
        id: status.id,
        key: status.key ?? cached?.key ?? '',
        label: status.label ?? cached?.label ?? '',
        color: status.color ?? cached?.color ?? '#94a3b8',
        kind: status.kind ?? cached?.kind ?? ('open' as const),
      };
      const optimisticLead = { __typename: 'Lead' as const, id: leadId, updatedAt: new Date().toISOString(), status: optimisticStatus };
      return mutate({
        variables: { id: leadId, statusId: status.id },
        optimisticResponse: { changeLeadStatus: optimisticLead },
      });
    },
    [client, mutate],
  );
  return [changeStatus, state] as const;
}
