import { useApolloClient, useSubscription } from '@apollo/client/react';
import { useEffect, useRef } from 'react';
import { usePermissions } from '../../auth/permissions';
import { getFragmentData, graphql } from '../../gql';
import { useToast } from '../shell/toasts';
import { refreshLeadLists } from './refresh-lead-lists';

// The lead's fields that the table, the board and the detail show: selecting them here is what writes another
// member's change into the normalized cache (Lead:<id>), so every screen reading that lead re-renders at once.
export const LiveLeadFragment = graphql(`
  fragment LiveLead on Lead {
    id
    name
    company
    email
    phone
    source
    value
    currency
    tags
    customFields
    createdAt
    updatedAt
    deletedAt
    activityCount
    status {
      id
      key
      label
      color
      kind
    }
    owner {
      id
      name
      email
    }
    team {
      id
      name
    }
  }
`);

export const LeadAssignedToMeDocument = graphql(`
  subscription LeadAssignedToMe {
    leadAssigned(toMe: true) {
      kind
      at
      actor {
        id
        name
      }
      lead {
        ...LiveLead
      }
    }
  }
`);

export const LeadChangedDocument = graphql(`
  subscription LeadChanged {
    leadChanged {
      kind
      at
      fields
      actor {
        id
      }
      lead {
        ...LiveLead
      }
    }
  }
`);

/** Events arriving within this window are folded into one refresh of the lists. */
const REFRESH_DEBOUNCE_MS = 400;

/**
 * Mounted once in the signed-in frame. Two subscriptions:
 * - leadAssigned(toMe): an in-app notification linking to the lead, unless the member assigned it themselves;
 * - leadChanged: every visible lead's change lands in the cache (the lead itself normalizes), and the lists whose
 *   membership or order it may change (table pages, board columns, counts, the lead's timeline) are refetched,
 *   debounced so a bulk assignment of 50 leads costs one round of refetches, not 50.
 */
export function LiveNotifications() {
  const client = useApolloClient();
  const toast = useToast();
  const { me } = usePermissions();
  const meId = useRef<string | undefined>(undefined);
  useEffect(() => {
    meId.current = me?.id;
  }, [me]);

  const pending = useRef<{ timer?: ReturnType<typeof setTimeout>; leadIds: Set<string> }>({ leadIds: new Set() });
  useEffect(() => {
    const p = pending.current;
    return () => clearTimeout(p.timer);
  }, []);

  useSubscription(LeadAssignedToMeDocument, {
    onData: ({ data }) => {
      const event = data.data?.leadAssigned;
      if (!event?.lead || (event.actor && event.actor.id === meId.current)) return;
      const lead = getFragmentData(LiveLeadFragment, event.lead);
      toast.show(`${lead.name} was assigned to you`, { href: `/leads/${lead.id}`, ttlMs: 10_000 });
    },
  });

  useSubscription(LeadChangedDocument, {
    onData: ({ data }) => {
      const event = data.data?.leadChanged;
      if (!event) return;
      const p = pending.current;
      if (event.lead) p.leadIds.add(getFragmentData(LiveLeadFragment, event.lead).id);
      clearTimeout(p.timer);
      p.timer = setTimeout(() => {
        const ids = [...p.leadIds];
        p.leadIds.clear();
        void refreshLeadLists(client, ids);
      }, REFRESH_DEBOUNCE_MS);
    },
  });

  return null;
}
