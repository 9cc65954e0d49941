import type { ApolloClient } from '@apollo/client';

/** Root fields whose results depend on which leads exist and in which status / owner they are. */
const LEAD_LIST_FIELDS = ['leads', 'leadCountsByStatus', 'leadCountsByOwner', 'leadConversion', 'leadsCreatedPerDay'] as const;

/**
 * Refetches the active queries that list or count leads (and the timelines of the given leads), so another
 * member's change shows on the table, board, dashboard and detail without a reload.
 *
 * The eviction runs on a throwaway optimistic layer: Apollo only uses it to learn which watched queries read those
 * fields and refetches them, while the screens keep showing their current rows until the fresh ones arrive
 * (a lasting eviction would blank every list for a round trip).
 */
export function refreshLeadLists(client: ApolloClient, leadIds: readonly string[]) {
  return client
    .refetchQueries({
      optimistic: true,
      updateCache(cache) {
        for (const fieldName of LEAD_LIST_FIELDS) cache.evict({ id: 'ROOT_QUERY', fieldName });
        for (const leadId of leadIds) {
          cache.evict({ id: 'ROOT_QUERY', fieldName: 'leadActivities', args: { leadId } });
          cache.evict({ id: cache.identify({ __typename: 'Lead', id: leadId }), fieldName: 'activities' });
          cache.evict({ id: cache.identify({ __typename: 'Lead', id: leadId }), fieldName: 'latestActivity' });
        }
      },
    })
    .catch(() => undefined); // a failed refetch leaves the current rows; the next event or reconnect retries
}
