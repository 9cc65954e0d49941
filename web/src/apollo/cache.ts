import type { InMemoryCacheConfig } from '@apollo/client';

/**
 * Cache policies. Lists that paginate (leads, audit log, activities) are fetched page by page with their
 * arguments as part of the key, so pages never merge; the timeline appends through `fetchMore`.
 */
export const cachePolicies: InMemoryCacheConfig = {
  typePolicies: {
    Query: {
      fields: {
        leadActivities: {
          keyArgs: ['leadId'],
          merge(existing: { edges?: unknown[] } | undefined, incoming: { edges?: unknown[] }, { args }) {
            if (!args?.after || !existing) return incoming;
            return { ...incoming, edges: [...(existing.edges ?? []), ...(incoming.edges ?? [])] };
          },
        },
      },
    },
    MyPermissions: { keyFields: [] },
  },
};
