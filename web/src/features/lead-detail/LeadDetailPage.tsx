import { useQuery } from '@apollo/client/react';
import { useCallback, useMemo } from 'react';
import { Link, useParams } from 'react-router';
import { graphql } from '../../gql';
import { usePermissions } from '../../auth/permissions';
import { apiProblem } from '../../lib/errors';
import { ActivityTimeline } from './ActivityTimeline';
import { unmaskDefinitions } from './CustomFieldInput';
import { LeadDangerZone } from './LeadDangerZone';
import { LeadEditForm } from './LeadEditForm';
import { LeadOwnerControl } from './LeadOwnerControl';
import { LeadStatusControl } from './LeadStatusControl';
import './lead-detail.css';

export const LeadDetailDocument = graphql(`
  query LeadDetail($id: ID!) {
    lead(id: $id) {
      id
      name
      company
      deletedAt
      createdAt
      updatedAt
      activityCount
      createdBy {
        id
        name
      }
      ...LeadEditForm_lead
      ...LeadStatusControl_lead
      ...LeadOwnerControl_lead
    }
    customFieldDefinitions {
      id
      ...CustomFieldInput_definition
    }
    leadStatuses {
      id
      key
      label
      color
      kind
      position
    }
    leadStatusTransitions {
      fromStatusId
      toStatusId
    }
    teams {
      id
      name
    }
    members {
      id
      name
    }
  }
`);

export function LeadDetailPage() {
  const { id = '' } = useParams();
  const { can } = usePermissions();
  const { data, previousData, loading, error } = useQuery(LeadDetailDocument, { variables: { id }, fetchPolicy: 'cache-and-network' });
  const shown = data ?? (previousData?.lead?.id === id ? previousData : undefined);
  const defs = useMemo(() => unmaskDefinitions(shown?.customFieldDefinitions), [shown?.customFieldDefinitions]);
  const statuses = shown?.leadStatuses;
  const members = shown?.members;
  const statusLabel = useCallback((sid: unknown) => statuses?.find((s) => s.id === sid)?.label ?? '', [statuses]);
  const memberName = useCallback((mid: unknown) => members?.find((m) => m.id === mid)?.name ?? 'a former member', [members]);

  const problem = apiProblem(error);
  if (problem && (problem.code === 'NOT_FOUND' || problem.code === 'BAD_USER_INPUT')) return <LeadNotFound />;
  if (!shown) {
    if (problem) return <p role="alert" className="error">{problem.message}</p>;
    return <p className="muted" aria-busy="true">Loading lead…</p>;
  }
  const lead = shown.lead;
  if (!lead) return loading ? <p className="muted" aria-busy="true">Loading lead…</p> : <LeadNotFound />;

  return (
    <div className="lead-detail">
      <nav aria-label="Breadcrumb" className="small">
        <Link to="/leads">Leads</Link> / {lead.name}
      </nav>
      <header className="lead-header">
        <div>
          <h1>{lead.name}</h1>
          <p className="muted small">
            {lead.company ? `${lead.company} · ` : ''}Created {new Date(lead.createdAt).toLocaleDateString()}
            {lead.createdBy ? ` by ${lead.createdBy.name}` : ''}
          </p>
        </div>
      </header>
      {lead.deletedAt ? (
        <p className="deleted-banner" role="status">
          This lead was deleted on {new Date(lead.deletedAt).toLocaleDateString()}.
        </p>
      ) : null}
      <div className="lead-layout">
        <div className="lead-main">
          <section className="card lead-workflow" aria-label="Status and owner">
            <LeadStatusControl
              lead={lead}
              statuses={shown.leadStatuses}
              transitions={shown.leadStatusTransitions}
              canChange={can('leads.update') && !lead.deletedAt}
            />
            <LeadOwnerControl lead={lead} members={shown.members} canAssign={can('leads.assign') && !lead.deletedAt} />
          </section>
          <LeadEditForm lead={lead} defs={defs} teams={shown.teams} canEdit={can('leads.update')} />
          {can('leads.delete') ? <LeadDangerZone leadId={lead.id} name={lead.name} deleted={Boolean(lead.deletedAt)} /> : null}
        </div>
        <ActivityTimeline
          leadId={lead.id}
          version={lead.updatedAt}
          canAddNote={can('leads.update') && !lead.deletedAt}
          statusLabel={statusLabel}
          memberName={memberName}
        />
      </div>
    </div>
  );
}

function LeadNotFound() {
  return (
    <div className="card empty" role="status">
      <h1>Lead not found</h1>
      <p>This lead does not exist, or it is not visible to you.</p>
      <Link to="/leads">Back to leads</Link>
    </div>
  );
}
