import { useState } from 'react';
import { getFragmentData, graphql, type FragmentType } from '../../../gql';
import { apiProblem } from '../../../lib/errors';
import { useSetLeadStatusTransitionsMutation } from './use-set-lead-status-transitions-mutation';

export const TransitionsMatrixStatusFragment = graphql(`
  fragment TransitionsMatrix_status on LeadStatus {
    id
    label
    color
  }
`);

interface Props {
  statuses: FragmentType<typeof TransitionsMatrixStatusFragment>[];
  transitions: readonly { fromStatusId: string; toStatusId: string }[];
  canManage: boolean;
}

/**
 * The workflow as a from × to grid of checkboxes: a row is the status a lead is in, a column where it may go.
 * Each toggle replaces that row's set (setLeadStatusTransitions), sent in pipeline order.
 */
export function TransitionsMatrix({ statuses: refs, transitions, canManage }: Props) {
  const statuses = getFragmentData(TransitionsMatrixStatusFragment, refs);
  const [setTransitions] = useSetLeadStatusTransitionsMutation();
  const [error, setError] = useState<string | null>(null);
  const allowed = new Set(transitions.map((t) => `${t.fromStatusId}>${t.toStatusId}`));

  async function toggle(fromId: string, toId: string, on: boolean) {
    setError(null);
    const next = statuses.filter((s) => s.id !== fromId && (s.id === toId ? on : allowed.has(`${fromId}>${s.id}`))).map((s) => s.id);
    try {
      await setTransitions(fromId, next);
    } catch (err) {
      setError(apiProblem(err)?.message ?? 'Could not change the workflow.');
    }
  }

  return (
    <div className="matrix-wrap">
      <table className="data matrix">
        <caption className="muted small">Rows: the status a lead is in. Columns: the statuses it may move to.</caption>
        <thead>
          <tr>
            <th scope="col">
              From ↓ / To →
            </th>
            {statuses.map((s) => (
              <th key={s.id} scope="col">
                {s.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {statuses.map((from) => (
            <tr key={from.id}>
              <th scope="row">
                <span className="status-swatch" style={{ background: from.color }} aria-hidden="true" /> {from.label}
              </th>
              {statuses.map((to) => (
                <td key={to.id} className="cell">
                  {from.id === to.id ? (
                    <span className="muted" aria-hidden="true">
                      —
                    </span>
                  ) : (
                    <input
                      type="checkbox"
                      aria-label={`${from.label} → ${to.label}`}
                      checked={allowed.has(`${from.id}>${to.id}`)}
                      disabled={!canManage}
                      onChange={(e) => void toggle(from.id, to.id, e.target.checked)}
                    />
                  )}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
