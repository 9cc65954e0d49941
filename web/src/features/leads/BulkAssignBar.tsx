import { useState } from 'react';
import { apiProblem } from '../../lib/errors';
import { useToast } from '../shell/toasts';
import { useAssignLeadsMutation } from './use-assign-leads-mutation';

const NOBODY = '__nobody';

interface Props {
  selectedIds: ReadonlyArray<string>;
  members: ReadonlyArray<{ id: string; name: string }>;
  onDone(): void;
}

/** Shown while rows are selected: give them all to one member (or to nobody) in one all-or-nothing call. */
export function BulkAssignBar({ selectedIds, members, onDone }: Props) {
  const [target, setTarget] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [assignLeads, { loading }] = useAssignLeadsMutation();
  const toast = useToast();

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    if (!target) return;
    setMessage(null);
    const userId = target === NOBODY ? null : target;
    try {
      const { data } = await assignLeads({ variables: { ids: [...selectedIds], userId } });
      const count = data?.assignLeads.count ?? selectedIds.length;
      const who = userId ? (members.find((m) => m.id === userId)?.name ?? 'the member') : 'nobody';
      toast.show(`Assigned ${count} lead${count === 1 ? '' : 's'} to ${who}`, { tone: 'success' });
      setTarget('');
      onDone();
    } catch (err) {
      setMessage(apiProblem(err)?.message ?? null);
    }
  }

  return (
    <form className="toolbar bulk-bar" onSubmit={submit} aria-label="Bulk actions">
      <span role="status">
        {selectedIds.length} selected
      </span>
      <label className="inline">
        Assign to
        <select value={target} onChange={(e) => setTarget(e.target.value)}>
          <option value="" disabled>
            Choose a member…
          </option>
          <option value={NOBODY}>Nobody (unassign)</option>
          {members.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" disabled={!target || loading}>
        {loading ? 'Assigning…' : 'Assign'}
      </button>
      <button type="button" className="secondary" onClick={onDone}>
        Clear selection
      </button>
      {message ? (
        <p role="alert" className="error">
          {message}
        </p>
      ) : null}
    </form>
  );
}
