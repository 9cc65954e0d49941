import { useState } from 'react';
import { apiProblem } from '../../lib/errors';
import { useToast } from '../shell/toasts';
import { useDeleteLeadMutation } from './use-delete-lead-mutation';
import { useRestoreLeadMutation } from './use-restore-lead-mutation';

/** Delete (soft, after a confirming second click) or restore. */
export function LeadDangerZone({ leadId, name, deleted }: { leadId: string; name: string; deleted: boolean }) {
  const [confirming, setConfirming] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [deleteLead, del] = useDeleteLeadMutation();
  const [restoreLead, res] = useRestoreLeadMutation();
  const toast = useToast();

  async function run(action: () => Promise<unknown>, done: string) {
    setMessage(null);
    try {
      await action();
      toast.show(done, { tone: 'success' });
    } catch (err) {
      setMessage(apiProblem(err)?.message ?? null);
    } finally {
      setConfirming(false);
    }
  }

  return (
    <section className="card lead-danger" aria-label="Delete or restore">
      {deleted ? (
        <button type="button" className="secondary" disabled={res.loading} onClick={() => void run(() => restoreLead({ variables: { id: leadId } }), `${name} restored`)}>
          Restore lead
        </button>
      ) : confirming ? (
        <div className="toolbar">
          <span>Delete {name}? It can be restored later.</span>
          <button type="button" className="danger" disabled={del.loading} onClick={() => void run(() => deleteLead({ variables: { id: leadId } }), `${name} deleted`)}>
            Confirm delete
          </button>
          <button type="button" className="secondary" onClick={() => setConfirming(false)}>
            Cancel
          </button>
        </div>
      ) : (
        <button type="button" className="secondary" onClick={() => setConfirming(true)}>
          Delete lead
        </button>
      )}
      {message ? (
        <p role="alert" className="error">
          {message}
        </p>
      ) : null}
    </section>
  );
}
