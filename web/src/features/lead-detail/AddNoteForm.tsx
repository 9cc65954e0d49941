import { useState } from 'react';
import type { ActivityKind } from '../../gql/graphql';
import { apiProblem, fieldProblems } from '../../lib/errors';
import { useAddLeadNoteMutation } from './use-add-lead-note-mutation';

const KINDS: Array<{ value: ActivityKind; label: string }> = [
  { value: 'note', label: 'Note' },
  { value: 'call', label: 'Call' },
  { value: 'email', label: 'Email' },
];

export function AddNoteForm({ leadId }: { leadId: string }) {
  const [body, setBody] = useState('');
  const [kind, setKind] = useState<ActivityKind>('note');
  const [error, setError] = useState<string | null>(null);
  const [addNote, { loading }] = useAddLeadNoteMutation();

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    if (!body.trim()) {
      setError('cannot be empty');
      return;
    }
    try {
      await addNote({ variables: { leadId, body, kind } });
      setBody('');
      setError(null);
    } catch (err) {
      setError(fieldProblems(err).body ?? apiProblem(err)?.message ?? null);
    }
  }

  return (
    <form className="note-form" onSubmit={submit} aria-label="Add to timeline" noValidate>
      <label htmlFor="note-body">Note</label>
      <textarea
        id="note-body"
        rows={3}
        value={body}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? 'note-body-error' : undefined}
        onChange={(e) => {
          setBody(e.target.value);
          setError(null);
        }}
      />
      {error ? (
        <span className="field-error" id="note-body-error">
          {error}
        </span>
      ) : null}
      <div className="toolbar">
        <label htmlFor="note-kind" className="inline">
          Kind
          <select id="note-kind" value={kind} onChange={(e) => setKind(e.target.value as ActivityKind)}>
            {KINDS.map((k) => (
              <option key={k.value} value={k.value}>
                {k.label}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" disabled={loading}>
          {loading ? 'Adding…' : 'Add note'}
        </button>
      </div>
    </form>
  );
}
