import { useState } from 'react';
import { graphql, getFragmentData, type FragmentType } from '../../gql';
import { apiProblem } from '../../lib/errors';
import { useAssignLeadMutation } from './use-assign-lead-mutation';

export const LeadOwnerControlFragment = graphql(`
  fragment LeadOwnerControl_lead on Lead {
    id
    owner {
      id
      name
    }
  }
`);

interface Props {
  lead: FragmentType<typeof LeadOwnerControlFragment>;
  members: ReadonlyArray<{ id: string; name: string }>;
  canAssign: boolean;
}

export function LeadOwnerControl({ lead: ref, members, canAssign }: Props) {
  const lead = getFragmentData(LeadOwnerControlFragment, ref);
  const [assign, { loading }] = useAssignLeadMutation();
  const [message, setMessage] = useState<string | null>(null);

  if (!canAssign) {
    return (
      <div className="lead-field">
        <span className="label-text">Owner</span>
        <span>{lead.owner?.name ?? 'Unassigned'}</span>
      </div>
    );
  }
  // A former member can still own leads: keep them selectable as the current value.
  const options = lead.owner && !members.some((m) => m.id === lead.owner!.id) ? [lead.owner, ...members] : members;
  return (
    <div className="lead-field">
      <label htmlFor="lead-owner">Owner</label>
      <select
        id="lead-owner"
        value={lead.owner?.id ?? ''}
        disabled={loading}
        aria-describedby={message ? 'lead-owner-error' : undefined}
        onChange={async (e) => {
          const id = e.target.value;
          setMessage(null);
          try {
            await assign(lead.id, id ? (options.find((m) => m.id === id) ?? null) : null);
          } catch (err) {
            setMessage(apiProblem(err)?.message ?? null);
          }
        }}
      >
        <option value="">Unassigned</option>
        {options.map((m) => (
          <option key={m.id} value={m.id}>
            {m.name}
          </option>
        ))}
      </select>
      {message ? (
        <span role="alert" className="field-error" id="lead-owner-error">
          {message}
        </span>
      ) : null}
    </div>
  );
}
