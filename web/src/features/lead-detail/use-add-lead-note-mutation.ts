import { useMutation } from '@apollo/client/react';
import type { Reference } from '@apollo/client';
import { graphql } from '../../gql';

export const AddLeadNoteDocument = graphql(`
  mutation AddLeadNote($leadId: ID!, $body: String!, $kind: ActivityKind!) {
    addLeadNote(leadId: $leadId, body: $body, kind: $kind) {
      id
      leadId
      ...ActivityItem_activity
    }
  }
`);

interface ActivityConnectionRef {
  edges?: Array<{ __typename?: string; cursor: string; node: Reference }>;
  totalCount?: number;
}

/**
 * Adds a note, call or email to a lead's timeline. The new entry is put at the top of the cached timeline of that
 * lead (newest first), so the list shows it without refetching the pages already loaded.
 */
export function useAddLeadNoteMutation() {
  return useMutation(AddLeadNoteDocument, {
    update(cache, { data }) {
      const added = data?.addLeadNote;
      if (!added) return;
      const ref = cache.identify({ __typename: 'LeadActivity', id: added.id });
      if (!ref) return;
      cache.modify({
        id: 'ROOT_QUERY',
        fields: {
          leadActivities(value, { storeFieldName, readField }) {
            const existing = value as ActivityConnectionRef;
            // One stored timeline per lead: the field name carries its leadId argument.
            if (!storeFieldName.includes(`"${added.leadId}"`) || !existing?.edges) return value;
            if (existing.edges.some((e) => readField('id', e.node) === added.id)) return value;
            const edge = { __typename: 'LeadActivityEdge', cursor: '', node: { __ref: ref } };
            return { ...existing, edges: [edge, ...existing.edges], totalCount: (existing.totalCount ?? 0) + 1 } as typeof value;
          },
        },
      });
      cache.modify({
        id: cache.identify({ __typename: 'Lead', id: added.leadId }),
        fields: { activityCount: (n: number) => n + 1 },
      });
    },
  });
}
