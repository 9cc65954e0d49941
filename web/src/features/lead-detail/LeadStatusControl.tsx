import { useState } from 'react';
import { graphql, getFragmentData, type FragmentType } from '../../gql';
import type { StatusKind } from '../../gql/graphql';
import { apiProblem } from '../../lib/errors';
import { useChangeLeadStatusMutation } from './use-change-lead-status-mutation';

export const LeadStatusControlFragment = graphql(`
  fragment LeadStatusControl_lead on Lead {
    id
    status {
      id
      key
      label
      color
      kind
    }
  }
`);

export interface StatusOption {
  id: string;
  key: string;
  label: string;
  color: string;
  kind: StatusKind;
}

interface Props {
  lead: FragmentType<typeof LeadStatusControlFragment>;
  statuses: ReadonlyArray<StatusOption>;
  transitions: ReadonlyArray<{ fromStatusId: string; toStatusId: string }>;
  canChange: boolean;
}

/** The statuses the workflow allows from `fromId`, in pipeline order (the order of `statuses`). */
export function allowedTargets(fromId: string, statuses: ReadonlyArray<StatusOption>, transitions: Props['transitions']): StatusOption[] {
  const to = new Set(transitions.filter((t) => t.fromStatusId === fromId).map((t) => t.toStatusId));
  return statuses.filter((s) => to.has(s.id) && s.id !== fromId);
}

/**
 * The lead's status, and a select offering only the moves the workflow allows from it. The move shows at once
 * (optimistic); when the API refuses it (TRANSITION_NOT_ALLOWED, e.g. the workflow changed meanwhile) the cache
 * rolls back and the API's message is shown.
 */
export function LeadStatusControl({ lead: ref, statuses, transitions, canChange }: Props) {
  const lead = getFragmentData(LeadStatusControlFragment, ref);
  const [changeStatus, { loading }] = useChangeLeadStatusMutation();
  const [message, setMessage] = useState<string | null>(null);
  const targets = allowedTargets(lead.status.id, statuses, transitions);

  if (!canChange) {
    return (
      <div className="lead-field">
        <span className="label-text">Status</span>
        <span className={`badge status-badge ${lead.status.kind}`}>{lead.status.label}</span>
      </div>
    );
  }

  async function move(statusId: string) {
    const target = statuses.find((s) => s.id === statusId);
    if (!target || statusId === lead.status.id) return;
    setMessage(null);
    try {
      await changeStatus({ leadId: lead.id, status: target });
    } catch (err) {
      setMessage(apiProblem(err)?.message ?? null);
    }
  }

  return (
    <div className="lead-field">
      <label htmlFor="lead-status">Status</label>
      <select
        id="lead-status"
        value={lead.status.id}
        disabled={loading || targets.length === 0}
        aria-describedby={message ? 'lead-status-error' : targets.length === 0 ? 'lead-status-hint' : undefined}
        onChange={(e) => void move(e.target.value)}
      >
        <option value={lead.status.id}>{lead.status.label}</option>
        {targets.map((s) => (
          <option key={s.id} value={s.id}>
            {s.label}
          </option>
        ))}
      </select>
      {targets.length === 0 ? (
        <span className="muted small" id="lead-status-hint">
          The workflow allows no move from {lead.status.label}.
        </span>
      ) : null}
      {message ? (
        <span role="alert" className="field-error" id="lead-status-error">
          {message}
        </span>
      ) : null}
    </div>
  );
}
