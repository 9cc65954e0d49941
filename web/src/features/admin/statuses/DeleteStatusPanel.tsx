import { useState } from 'react';
import { apiProblem } from '../../../lib/errors';
import { useDeleteLeadStatusMutation } from './use-delete-lead-status-mutation';

interface Props {
  status: { id: string; label: string };
  others: { id: string; label: string }[];
  onDone(): void;
}

/**
 * Confirms a delete. A status that leads still have is refused (STATUS_IN_USE) unless they move elsewhere, so the
 * target is offered up front and required once the API has said so.
 */
export function DeleteStatusPanel({ status, others, onDone }: Props) {
  const [deleteStatus, { loading }] = useDeleteLeadStatusMutation();
  const [moveTo, setMoveTo] = useState('');
  const [error, setError] = useState<{ code: string; message: string } | null>(null);
  const inUse = error?.code === 'STATUS_IN_USE';

  async function confirm() {
    setError(null);
    try {
      await deleteStatus({ variables: { id: status.id, moveLeadsTo: moveTo || null } });
      onDone();
    } catch (err) {
      const p = apiProblem(err);
      setError(p && { code: p.code, message: p.message });
    }
  }

  return (
    <div className="delete-panel" role="group" aria-label={`Delete ${status.label}`}>
      <p>
        Delete the status <strong>{status.label}</strong>?
      </p>
      <label className="inline">
        Move its leads to
        <select value={moveTo} onChange={(e) => setMoveTo(e.target.value)} aria-invalid={inUse && !moveTo ? true : undefined}>
          <option value="">{inUse ? 'Choose a status…' : 'Nowhere (it has no leads)'}</option>
          {others.map((o) => (
            <option key={o.id} value={o.id}>
              {o.label}
            </option>
          ))}
        </select>
      </label>
      <div className="form-actions">
        <button type="button" className="danger" disabled={loading || (inUse && !moveTo)} onClick={confirm}>
          {moveTo ? 'Move leads and delete' : 'Delete status'}
        </button>
        <button type="button" className="secondary" onClick={onDone}>
          Cancel
        </button>
      </div>
      {error && (
        <p className="error" role="alert" data-code={error.code}>
          {error.message}
        </p>
      )}
    </div>
  );
}
