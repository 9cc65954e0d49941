import { useQuery } from '@apollo/client/react';
import { Fragment, useState } from 'react';
import { usePermissions } from '../../auth/permissions';
import { getFragmentData } from '../../gql';
import { apiProblem } from '../../lib/errors';
import { DeleteStatusPanel } from './statuses/DeleteStatusPanel';
import { StatusForm, type StatusValues } from './statuses/StatusForm';
import { StatusRow, StatusRowFragment } from './statuses/StatusRow';
import { StatusesSettingsDocument } from './statuses/statuses-query';
import { TransitionsMatrix } from './statuses/TransitionsMatrix';
import { useCreateLeadStatusMutation } from './statuses/use-create-lead-status-mutation';
import { useReorderLeadStatusesMutation } from './statuses/use-reorder-lead-statuses-mutation';
import { useSetDefaultLeadStatusMutation } from './statuses/use-set-default-lead-status-mutation';
import { useRefocusAfterMove } from './statuses/use-refocus-after-move';
import { useUpdateLeadStatusMutation } from './statuses/use-update-lead-status-mutation';
import './statuses/statuses.css';

type Panel = { kind: 'edit' | 'delete'; id: string } | null;

/** Settings → Statuses & workflow: the pipeline (order, looks, default) and which moves between statuses are allowed. */
export function StatusesPage() {
  const { can } = usePermissions();
  const canManage = can('statuses.manage');
  const { data, loading, error } = useQuery(StatusesSettingsDocument);
  const [createStatus] = useCreateLeadStatusMutation();
  const [updateStatus] = useUpdateLeadStatusMutation();
  const [reorder] = useReorderLeadStatusesMutation();
  const [setDefault] = useSetDefaultLeadStatusMutation();
  const [panel, setPanel] = useState<Panel>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');

  const statuses = [...(data?.leadStatuses ?? [])].sort((a, b) => a.position - b.position);
  const rows = statuses.map((s) => ({ ref: s, view: getFragmentData(StatusRowFragment, s) }));
  const { containerRef: tableRef, setMoved } = useRefocusAfterMove<HTMLTableElement>(statuses.map((s) => s.id).join());

  async function run(action: () => Promise<unknown>) {
    setActionError(null);
    try {
      await action();
    } catch (err) {
      setActionError(apiProblem(err)?.message ?? 'That did not work.');
    }
  }

  function move(index: number, delta: -1 | 1) {
    const ids = statuses.map((s) => s.id);
    const [id] = ids.splice(index, 1);
    if (!id) return;
    ids.splice(index + delta, 0, id);
    const label = rows[index]?.view.label ?? '';
    setAnnouncement(`${label} moved to position ${index + delta + 1} of ${ids.length}.`);
    setMoved({ id, delta });
    void run(() => reorder(ids));
  }

  const save = (id: string) => async (v: StatusValues) => {
    await updateStatus({ variables: { id, input: { label: v.label, key: v.key, color: v.color, kind: v.kind } } });
    setPanel(null);
  };

  if (error) return <p className="error" role="alert">{apiProblem(error)?.message}</p>;

  return (
    <div className="statuses-page">
      <h1>Statuses & workflow</h1>
      <section aria-labelledby="pipeline-heading">
        <h2 id="pipeline-heading">Pipeline</h2>
        {loading && !data ? (
          <p className="muted">Loading…</p>
        ) : (
          <table className="data statuses" ref={tableRef}>
            <thead>
              <tr>
                <th scope="col">Order</th>
                <th scope="col">Status</th>
                <th scope="col">Key</th>
                <th scope="col">Category</th>
                <th scope="col">Default</th>
                <th scope="col">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map(({ ref, view }, i) => (
                <Fragment key={view.id}>
                  <StatusRow
                    status={ref}
                    index={i}
                    count={rows.length}
                    canManage={canManage}
                    onMove={(d) => move(i, d)}
                    onEdit={() => setPanel({ kind: 'edit', id: view.id })}
                    onSetDefault={() => void run(() => setDefault(view.id, statuses.map((s) => s.id)))}
                    onDelete={() => setPanel({ kind: 'delete', id: view.id })}
                  />
                  {panel?.id === view.id && (
                    <tr className="panel-row">
                      <td colSpan={6}>
                        {panel.kind === 'edit' ? (
                          <StatusForm
                            name={`Edit ${view.label}`}
                            initial={{ label: view.label, key: view.key, color: view.color, kind: view.kind }}
                            submitLabel="Save status"
                            onSave={save(view.id)}
                            onCancel={() => setPanel(null)}
                          />
                        ) : (
                          <DeleteStatusPanel
                            status={view}
                            others={rows.filter((r) => r.view.id !== view.id).map((r) => r.view)}
                            onDone={() => setPanel(null)}
                          />
                        )}
                      </td>
                    </tr>
                  )}
                </Fragment>
              ))}
            </tbody>
          </table>
        )}
        <p className="sr-only" role="status" aria-live="polite">
          {announcement}
        </p>
        {actionError && (
          <p className="error" role="alert">
            {actionError}
          </p>
        )}
      </section>

      {canManage && (
        <section aria-labelledby="new-status-heading" className="card new-status">
          <h2 id="new-status-heading">Add a status</h2>
          <StatusForm
            name="New status"
            submitLabel="Add status"
            onSave={(v) => createStatus({ variables: { input: { label: v.label, key: v.key, color: v.color, kind: v.kind } } })}
          />
        </section>
      )}

      <section aria-labelledby="workflow-heading">
        <h2 id="workflow-heading">Workflow</h2>
        {data && <TransitionsMatrix statuses={statuses} transitions={data.leadStatusTransitions} canManage={canManage} />}
      </section>
    </div>
  );
}
