import { useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { adminError } from '../roles/role-errors';
import { AuditRetentionDocument, useSetAuditRetentionMutation } from './use-set-audit-retention-mutation';

/** How long entries are kept. Everyone who reads the log sees it; only roles.manage may change it (the API's rule). */
export function AuditRetention({ canChange }: { canChange: boolean }) {
  const { data } = useQuery(AuditRetentionDocument);
  const [setRetention, { loading }] = useSetAuditRetentionMutation();
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const problem = adminError(error);
  if (!data) return null;
  const value = draft ?? String(data.auditRetention);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    setSaved(false);
    try {
      await setRetention(Number(value));
      setDraft(null);
      setSaved(true);
    } catch (err) {
      setError(err);
    }
  }

  if (!canChange) return <p className="muted small">Entries are kept for {data.auditRetention} days.</p>;
  return (
    <form className="audit-retention" onSubmit={submit}>
      <label className="inline">
        <span>Keep entries for</span>
        <input
          aria-label="Audit retention in days"
          type="number"
          min={1}
          max={3650}
          required
          value={value}
          aria-invalid={!!problem}
          aria-describedby={problem ? 'audit-retention-error' : undefined}
          onChange={(e) => {
            setSaved(false);
            setDraft(e.target.value);
          }}
        />
        <span aria-hidden="true">days</span>
      </label>
      <button type="submit" className="secondary" disabled={loading || draft === null || Number(value) === data.auditRetention}>
        Save retention
      </button>
      <span role="status" className="muted small">
        {saved ? 'Saved.' : ''}
      </span>
      {problem ? (
        <span id="audit-retention-error" className="field-error" data-code={problem.code}>
          {problem.text}
        </span>
      ) : null}
    </form>
  );
}
