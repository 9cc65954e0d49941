import { useQuery } from '@apollo/client/react';
import { useEffect } from 'react';
import { graphql } from '../../gql';
import type { BoardColumnLeadsQuery, BoardStatusesQuery, LeadFilter } from '../../gql/graphql';

export const BoardStatusesDocument = graphql(`
  query BoardStatuses {
    leadStatuses {
      id
      key
      label
      color
      kind
      position
      allowedTransitions {
        id
      }
    }
  }
`);

// `status { id }` sits beside the card fragment because the board itself reads it: a card is shown in the column
// of its *cached* status, so an optimistic (or live) status change moves it before any list is refetched.
export const BoardColumnLeadsDocument = graphql(`
  query BoardColumnLeads($filter: LeadFilter!, $first: Int!) {
    leads(filter: $filter, first: $first, orderBy: { field: UPDATED_AT, direction: DESC }) {
      totalCount
      pageInfo {
        hasNextPage
      }
      edges {
        node {
          id
          status {
            id
          }
          ...BoardCard_lead
        }
      }
    }
  }
`);

export type BoardStatus = BoardStatusesQuery['leadStatuses'][number];
export type BoardLead = BoardColumnLeadsQuery['leads']['edges'][number]['node'];

/** Cards fetched per column, and added by each "Load more". */
export const PAGE_SIZE = 50;

export interface ColumnFeedResult {
  leads: readonly BoardLead[];
  totalCount: number;
  hasNextPage: boolean;
  loading: boolean;
  error?: unknown;
}

/** The variables of one column's query; tests build their mocks with it too. */
export function columnVariables(statusId: string, filter: Omit<LeadFilter, 'statusIds'>, limit: number) {
  return { filter: { ...filter, statusIds: [statusId] }, first: limit };
}

interface FeedProps {
  statusId: string;
  filter: Omit<LeadFilter, 'statusIds'>;
  limit: number;
  onResult(statusId: string, result: ColumnFeedResult): void;
}

/**
 * One column's query, rendering nothing: the page gathers every column's list so that a card can be shown in the
 * column of its current status even while it is still listed (stale) by the column it left.
 */
export function ColumnFeed({ statusId, filter, limit, onResult }: FeedProps) {
  const { data, previousData, loading, error } = useQuery(BoardColumnLeadsDocument, {
    variables: columnVariables(statusId, filter, limit),
    // The board is a place people come back to: show the cached cards, then what changed meanwhile.
    fetchPolicy: 'cache-and-network',
  });
  const conn = (data ?? previousData)?.leads;
  useEffect(() => {
    onResult(statusId, {
      leads: conn?.edges.map((e) => e.node) ?? [],
      totalCount: conn?.totalCount ?? 0,
      hasNextPage: conn?.pageInfo.hasNextPage ?? false,
      loading,
      error,
    });
  }, [statusId, conn, loading, error, onResult]);
  return null;
}

export interface BoardColumnData {
  status: BoardStatus;
  leads: BoardLead[];
  count: number;
  hasNextPage: boolean;
  loading: boolean;
  error?: unknown;
}

/**
 * Cards per column from the cached status of each lead: a lead listed by the column it no longer belongs to is
 * shown (first) in the column of its status, and the counts follow. A rolled-back optimistic move therefore
 * snaps the card back by itself.
 */
export function deriveColumns(statuses: readonly BoardStatus[], feeds: Readonly<Record<string, ColumnFeedResult | undefined>>): BoardColumnData[] {
  const placed = new Set<string>();
  for (const s of statuses) for (const l of feeds[s.id]?.leads ?? []) if (l.status.id === s.id) placed.add(l.id);
  const incoming = new Map<string, BoardLead[]>();
  for (const s of statuses) {
    for (const l of feeds[s.id]?.leads ?? []) {
      if (l.status.id === s.id || placed.has(l.id)) continue;
      placed.add(l.id);
      incoming.set(l.status.id, [...(incoming.get(l.status.id) ?? []), l]);
    }
  }
  return statuses.map((status) => {
    const feed = feeds[status.id];
    const own = feed?.leads ?? [];
    const staying = own.filter((l) => l.status.id === status.id);
    const arrived = incoming.get(status.id) ?? [];
    return {
      status,
      leads: [...arrived, ...staying],
      count: Math.max(0, (feed?.totalCount ?? 0) - (own.length - staying.length) + arrived.length),
      hasNextPage: feed?.hasNextPage ?? false,
      loading: !feed || (feed.loading && own.length === 0),
      error: feed?.error,
    };
  });
}
