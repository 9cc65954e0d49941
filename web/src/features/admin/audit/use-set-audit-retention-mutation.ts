import { useMutation } from '@apollo/client/react';
import { useCallback } from 'react';
import { graphql } from '../../../gql';

export const AuditRetentionDocument = graphql(`
  query AuditRetention {
    auditRetention
  }
`);

export const SetAuditRetentionDocument = graphql(`
  mutation SetAuditRetention($days: Int!) {
    setAuditRetention(days: $days)
  }
`);

/** Sets how many days audit entries are kept; the answer (an Int, not an entity) is written to the cached query. */
export function useSetAuditRetentionMutation() {
  const [mutate, state] = useMutation(SetAuditRetentionDocument);
  const setRetention = useCallback(
    (days: number) =>
      mutate({
        variables: { days },
        update(cache, { data }) {
          if (data) cache.writeQuery({ query: AuditRetentionDocument, data: { auditRetention: data.setAuditRetention } });
        },
      }),
    [mutate],
  );
  return [setRetention, state] as const;
}
