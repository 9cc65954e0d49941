import { useQuery } from '@apollo/client/react';
import { useEffect, useRef, useState } from 'react';
import { graphql, getFragmentData, type FragmentType } from '../../gql';
import { apiProblem } from '../../lib/errors';
import { AddNoteForm } from './AddNoteForm';

export const ActivityItemFragment = graphql(`
  fragment ActivityItem_activity on LeadActivity {
    id
    kind
    body
    data
    createdAt
    actor {
      id
      name
    }
  }
`);

export const LeadActivitiesDocument = graphql(`
  query LeadActivities($leadId: ID!, $first: Int!, $after: String) {
    leadActivities(leadId: $leadId, first: $first, after: $after) {
      totalCount
      hasNextPage
      endCursor
      edges {
        cursor
        node {
          id
          ...ActivityItem_activity
        }
      }
    }
  }
`);

const PAGE = 20;

interface Props {
  leadId: string;
  /** Changes whenever the lead changes (its updatedAt): the timeline reloads then, whoever made the change. */
  version: string;
  canAddNote: boolean;
  statusLabel(id: unknown): string;
  memberName(id: unknown): string;
}

export function ActivityTimeline({ leadId, version, canAddNote, statusLabel, memberName }: Props) {
  const { data, loading, error, fetchMore, refetch } = useQuery(LeadActivitiesDocument, { variables: { leadId, first: PAGE }, notifyOnNetworkStatusChange: true });
  const [loadingMore, setLoadingMore] = useState(false);
  const seen = useRef(version);
  useEffect(() => {
    if (seen.current === version) return;
    seen.current = version;
    void refetch();
  }, [version, refetch]);

  const conn = data?.leadActivities;
  return (
    <section className="card lead-timeline" aria-labelledby="timeline-heading">
      <h2 id="timeline-heading">Activity{conn ? <span className="muted small"> ({conn.totalCount})</span> : null}</h2>
      {canAddNote ? <AddNoteForm leadId={leadId} /> : null}
      {error ? <p role="alert" className="error">{apiProblem(error)?.message}</p> : null}
      {!conn && loading ? <p className="muted">Loading activity…</p> : null}
      {conn && conn.edges.length === 0 ? <p className="muted">No activity yet.</p> : null}
      <ol className="timeline" aria-label="Activity timeline">
        {conn?.edges.map((e) => <ActivityItem key={e.node.id} activity={e.node} statusLabel={statusLabel} memberName={memberName} />)}
      </ol>
      {conn?.hasNextPage ? (
        <button
          type="button"
          className="secondary"
          disabled={loadingMore}
          onClick={async () => {
            setLoadingMore(true);
            try {
              await fetchMore({ variables: { after: conn.endCursor } });
            } finally {
              setLoadingMore(false);
            }
          }}
        >
          {loadingMore ? 'Loading…' : 'Load more'}
        </button>
      ) : null}
    </section>
  );
}

function ActivityItem(props: { activity: FragmentType<typeof ActivityItemFragment>; statusLabel(id: unknown): string; memberName(id: unknown): string }) {
  const a = getFragmentData(ActivityItemFragment, props.activity);
  const who = a.actor?.name ?? 'Someone';
  const d = a.data as Record<string, unknown>;
  let what: string;
  switch (a.kind) {
    case 'created':
      what = 'created the lead';
      break;
    case 'status_change':
      what = `moved it from ${props.statusLabel(d.from) || String(d.fromKey ?? '?')} to ${props.statusLabel(d.to) || String(d.toKey ?? '?')}`;
      break;
    case 'assignment':
      what = d.to ? `assigned it to ${props.memberName(d.to)}` : 'unassigned it';
      break;
    case 'field_change':
      what = `changed ${Array.isArray(d.fields) ? d.fields.join(', ') : 'fields'}`;
      break;
    case 'deleted':
      what = 'deleted the lead';
      break;
    case 'restored':
      what = 'restored the lead';
      break;
    case 'call':
      what = 'logged a call';
      break;
    case 'email':
      what = 'logged an email';
      break;
    default:
      what = 'added a note';
  }
  return (
    <li className={`activity activity-${a.kind}`}>
      <div>
        <strong>{who}</strong> {what}{' '}
        <time className="muted small" dateTime={a.createdAt}>
          {new Date(a.createdAt).toLocaleString()}
        </time>
      </div>
      {a.body ? <p className="activity-body">{a.body}</p> : null}
    </li>
  );
}
